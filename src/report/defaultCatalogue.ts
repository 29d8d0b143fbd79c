import { parseCatalogue, type Catalogue } from './catalogue';
import questionsFile from './questions.json';

/**
 * The product's catalogue, `src/report/questions.json`, validated. Only the composition roots
 * (the bot's `index.ts`, the export CLI) load it, once, and hand it to the code that uses it.
 */
export function loadDefaultCatalogue(): Catalogue {
  return parseCatalogue(questionsFile);
}
