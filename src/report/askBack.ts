import type { Person } from './report';

/**
 * A question back to the traveller before an answer is kept, because the typed text may mean
 * something else than what was read (nothing is stored until they answer it):
 * - `people`: a list split without certainty, shown as "Klopt dit? 3 personen: …" with Ja and
 *   Aanpassen; `text` is what was typed, read again on Ja and put back in the box on Aanpassen;
 * - `dates`: dates typed without a year that were taken as last year's, to confirm the same way;
 * - `yesOrNo`: a text that may be a yes or a no, with a button for each; `text` is kept with either;
 * - `departure`: a trip typed as a duration only, asked for its departure date (again, with the
 *   `problem` of what was typed for it).
 */
export type AskBack =
  | { kind: 'people'; people: Person[]; text: string }
  | { kind: 'dates'; departure: string; return: string }
  | { kind: 'yesOrNo'; text: string }
  | { kind: 'departure'; days: number; nights: number; problem?: string };

/**
 * The card field that says which button of an ask-back was pressed, with the question's own
 * fields: `confirm` (Ja: keep what was read), `adjust` (Aanpassen: ask the question again with
 * the text kept), `departure` (the departure date of a trip typed as a duration).
 */
export const ASK_BACK_FIELD = 'askBack';

/** The values of ASK_BACK_FIELD. */
export type AskBackReply = 'confirm' | 'adjust' | 'departure';
