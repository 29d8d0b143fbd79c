import { createHash } from 'node:crypto';
import { ASK_BACK_FIELD } from './askBack';
import { answerToFields, parseCardAnswer, PREFILL_FIELDS } from './answerInput';
import type { Catalogue, Question } from './catalogue';
import type { Locale } from './locale';
import type { Answer, Report } from './report';

/**
 * The form card (every question on one card) names its inputs `<question key>.<input id>`
 * (`title.answer`, `duration.departure`, `costs.amount_travel`): its submit splits per question
 * into the very fields a question card sends, read by `parseCardAnswer` unchanged.
 */
export function formInputId(questionKey: string, inputId: string): string {
  return `${questionKey}.${inputId}`;
}

/**
 * The field of the form's submit that lists the inputs shown cut short to fit Teams' size limit
 * (input id → `formDigest` of the text shown): an input sent back unchanged keeps the whole
 * stored answer rather than the part that fitted.
 */
export const FORM_CUT_FIELD = 'cut';

/** A short fingerprint of a text shown cut short on the form (not a secret: only a comparison). */
export function formDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);
}

/** What the form's Opslaan sent, read: every answer, or for some questions why not. */
export interface FormReading {
  /** The valid answers by question key (those with an error are absent). */
  answers: Record<string, Answer>;
  /** One sentence a question key saying what to fix, the chat's sentence for the same input. */
  errors: Record<string, string>;
  /** The inputs of each question as text, to show them again with the errors (nothing is lost). */
  fields: Record<string, Record<string, string>>;
}

/**
 * Reads the form card's submit: each question's inputs, by the question card's parser. Where the
 * chat would ask back, the form cannot (it is one card): a list of people split without
 * certainty is taken as read (`confirm`: the review shows it before anything is posted); any
 * other ask-back (a yes or no that is unclear) is the field's error, whose sentence says how to
 * write it unambiguously. Pre-filled text left unchanged in a field shown cut short is read as
 * the whole stored answer. `report` is the draft as stored now.
 */
export function readForm(
  catalogue: Catalogue,
  submitted: Record<string, unknown>,
  report: Report,
  locale: Locale,
  today: string,
): FormReading {
  const cut = cutInputs(submitted[FORM_CUT_FIELD]);
  const reading: FormReading = { answers: {}, errors: {}, fields: {} };
  for (const question of catalogue.questions) {
    const fields = questionFields(question, submitted, report, cut);
    reading.fields[question.key] = textFields(fields);
    const parsed = parseCardAnswer(question, withPrefill(question, fields, report), locale, today);
    if (parsed.ok) reading.answers[question.key] = parsed.answer;
    else reading.errors[question.key] = parsed.error;
  }
  return reading;
}

// The question's own inputs of the submit, without their prefix; a field cut short on the card
// and sent back unchanged becomes the stored answer's whole text again.
function questionFields(
  question: Question,
  submitted: Record<string, unknown>,
  report: Report,
  cut: Record<string, string>,
): Record<string, unknown> {
  const prefix = formInputId(question.key, '');
  const stored = report.answers[question.key];
  const whole = stored ? answerToFields(question, stored, report.locale) : {};
  // Entries, not assignments: an input named `__proto__` stays a field (Object.fromEntries).
  const entries: [string, unknown][] = [];
  for (const [id, value] of Object.entries(submitted)) {
    if (!id.startsWith(prefix)) continue;
    const inputId = id.slice(prefix.length);
    const full = whole[inputId];
    const unchanged =
      typeof value === 'string' &&
      Object.hasOwn(cut, id) &&
      cut[id] === formDigest(value) &&
      full !== undefined &&
      full.startsWith(value);
    entries.push([inputId, unchanged ? full : value]);
  }
  if (question.type === 'people') entries.push([ASK_BACK_FIELD, 'confirm']);
  return Object.fromEntries(entries);
}

// A yes/no question: what the form was pre-filled with (the stored answer), so that a "no" drops
// agreements left over from an earlier "yes" and keeps a new remark, as on the question card.
function withPrefill(
  question: Question,
  fields: Record<string, unknown>,
  report: Report,
): Record<string, unknown> {
  const stored = report.answers[question.key];
  if (question.type !== 'yesNoText' || !stored) return fields;
  const shown = answerToFields(question, stored, report.locale);
  return {
    ...fields,
    [PREFILL_FIELDS.answer]: shown.answer ?? '',
    [PREFILL_FIELDS.choice]: shown.choice ?? '',
  };
}

// The submit's list of inputs shown cut short; anything malformed reads as none.
function cutInputs(value: unknown): Record<string, string> {
  if (typeof value !== 'string' || value === '' || value.length > MAX_CUT_FIELD) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

// The cut list names a few inputs with a fingerprint each: far less than this.
const MAX_CUT_FIELD = 10_000;

// The inputs as text, to show them again; the ask-back marker is the bot's, not an input.
function textFields(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && entry[0] !== ASK_BACK_FIELD,
    ),
  );
}
