import { parseCatalogue, type Catalogue } from '../../src/report/catalogue';
import { loadDefaultCatalogue } from '../../src/report/defaultCatalogue';
import pinnedQuestions from './pinnedQuestions.json';

/**
 * The product's catalogue, `src/report/questions.json`, as the bot (`dist/index.js`) loads it:
 * dialog scripts, e2e trips, browser tests and the bench derive questions and counts from it.
 */
export const productCatalogue: Catalogue = loadDefaultCatalogue();

/**
 * A copy of the catalogue pinned in `test/` (as `questions.json` was when the golden files were
 * made): golden files render it, so they do not change when the product's catalogue does.
 */
export const pinnedCatalogue: Catalogue = parseCatalogue(
  pinnedQuestions,
  'test/support/pinnedQuestions.json',
);
