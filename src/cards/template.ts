import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to be attached to a message. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** The folder of the card templates: `cards/` at the project's top, from `src/` and `dist/` alike. */
const cardsFolder = join(__dirname, '..', '..', 'cards');

/**
 * Loads a template from `cards/` once and returns its render function. User text reaches the
 * card only as template data, so `${...}` typed by a traveller is shown, never evaluated.
 */
export function cardTemplate<TData extends object>(
  fileName: string,
): (data: TData) => AdaptiveCard {
  const path = join(cardsFolder, fileName);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `Card template ${path} could not be read as JSON (${(error as Error).message}); ` +
        'fix the file or restore it from git.',
      { cause: error },
    );
  }
  const template = new Template(json);
  return (data) => withoutNulls(template.expand({ $root: data })) as AdaptiveCard;
}

/** Drops null properties and array items: templating leaves them for absent optional values. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null).map(withoutNulls);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [key, withoutNulls(item)]),
    );
  }
  return value;
}
