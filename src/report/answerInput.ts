import { MOST_CENTS, readAmount, readAmounts, type AmountProblem } from './amounts';
import { ASK_BACK_FIELD, type AskBack, type AskBackReply } from './askBack';
import type { Question } from './catalogue';
import { readColleagues, readPickedIds } from './colleagues';
import { addDays, parseDate, readDeparture, readTripDates } from './dates';
import { durationOf, nightsFit, readDurationText } from './duration';
import type { Locale } from './locale';
import { messagesFor, type Messages } from './messages';
import { readPayer, readPayerChoice } from './payer';
import { formatPerson, parsePeople } from './people';
import { characterCount } from './plainText';
import type { Amount, Answer, Colleague } from './report';
import { readYesNo } from './yesNo';

/**
 * An answer read from the traveller's input, or one sentence in their language saying what to
 * fix. With `askBack` the input may mean something else than what was read: ask it back (the
 * sentence is for a caller that cannot, and says how to write the answer unambiguously).
 */
export type ParseResult =
  { ok: true; answer: Answer } | { ok: false; error: string; askBack?: AskBack };

/**
 * The fields of the question card's submit that hold what the card was pre-filled with: a yes/no
 * card tells text left over from an earlier answer (dropped on a no) from a new remark (kept).
 */
export const PREFILL_FIELDS = { answer: 'prefill', choice: 'prefillChoice' } as const;

// Catalogue entries of type number should set min and max; these only keep a bare entry usable.
const DEFAULT_MIN = 0;
const DEFAULT_MAX = 1_000_000;

// The most characters a number or a date is read from: far more than any way of writing one.
const SHORT_INPUT_LIMIT = 200;
// The limits of text answers whose catalogue entry sets no maxLength.
const DEFAULT_SHORT_TEXT_LIMIT = 200;
const DEFAULT_LONG_TEXT_LIMIT = 4000;
// Typed amounts: three lines of a few words each; far less than a text answer's 4,000.
const AMOUNTS_TEXT_LIMIT = 1000;
// A typed yes/no answer may put "ja, " or "nee: " before its text, which has the question's limit.
const YES_NO_LEAD_ROOM = 20;

// "3", "3 personen", "3 people".
const WHOLE_NUMBER = /^(\d+)(?:\s+\p{L}+)?\.?$/u;
// The longest trip a duration may name, in days: a departure date is asked for it.
const MOST_DAYS = 366;
/**
 * The most characters an answer to this question may have: the catalogue's `maxLength` for text
 * and people (200 and 4,000 when it sets none; 1,000 for typed amounts), 200 for a number or
 * dates and for each amount of a card. Longer input is
 * refused before any pattern reads it.
 */
export function answerLimit(question: Question): number {
  switch (question.type) {
    case 'number':
    case 'dateRange':
      return SHORT_INPUT_LIMIT;
    case 'shortText':
      return question.maxLength ?? DEFAULT_SHORT_TEXT_LIMIT;
    case 'amounts':
      return question.maxLength ?? AMOUNTS_TEXT_LIMIT;
    default:
      return question.maxLength ?? DEFAULT_LONG_TEXT_LIMIT;
  }
}

/**
 * Reads text typed in the chat as the answer to a question (phone users type rather than fill in
 * the card). `today` is the traveller's ISO date, for refusing dates in the future. Text longer
 * than the question's limit is refused unread, with the count and the limit.
 */
export function parseTypedAnswer(
  question: Question,
  text: string,
  locale: Locale,
  today: string,
): ParseResult {
  return parseText(question, typeof text === 'string' ? text : '', messagesFor(locale), today);
}

// A typed or card text as the answer; `confirmed` when the traveller pressed Ja on the list of
// people read from it (then a list split without certainty is kept).
function parseText(
  question: Question,
  text: string,
  messages: Messages,
  today: string,
  confirmed = false,
): ParseResult {
  const trimmed = text.trim();
  const overLong = beyondInputLimit(question, trimmed, messages);
  if (overLong) return overLong;
  switch (question.type) {
    case 'shortText':
    case 'longText':
      return parsePlainText(question, question.type, trimmed, messages);
    case 'number':
      return parseNumber(question, trimmed, messages);
    case 'dateRange':
      return parseTypedDates(trimmed, today, messages);
    case 'people':
      return parsePeopleAnswer(question, trimmed, messages, confirmed);
    case 'yesNoText':
      return parseTypedYesNo(question, trimmed, messages);
    case 'amounts':
      return parseTypedAmounts(question, trimmed, messages);
    case 'payer':
      return parsePayer(trimmed, messages);
    case 'colleagues':
      return parseColleagues(question, [], trimmed, messages);
  }
}

/**
 * Reads an Adaptive Card submit as the answer. The fields come from the network: any value may be
 * missing or of the wrong type, and the result is then a sentence, never an exception. Inputs:
 * `answer` for text, number and people; `departure` and `return` for dates; `choice` (`yes`|`no`)
 * and `answer` for a yes/no question; `amount_<part>` for each amount (`amountField`); `choice`
 * (`municipality`|`thirdParty`|`shared`) and `answer` for who paid; `picked` (the people
 * picker's object ids) and `answer` (names typed) for colleagues.
 */
export function parseCardAnswer(
  question: Question,
  fields: Record<string, unknown>,
  locale: Locale,
  today: string,
): ParseResult {
  const messages = messagesFor(locale);
  const reply = askBackReplyOf(fields);
  switch (question.type) {
    case 'dateRange': {
      if (reply === 'departure') return parseCardDeparture(fields, today, messages);
      const departure = field(fields, 'departure');
      const returnDate = field(fields, 'return');
      return (
        beyond(departure.trim(), SHORT_INPUT_LIMIT, SHORT_INPUT_LIMIT, messages) ??
        beyond(returnDate.trim(), SHORT_INPUT_LIMIT, SHORT_INPUT_LIMIT, messages) ??
        parseCardDates(departure, returnDate, today, messages)
      );
    }
    case 'yesNoText':
      return parseCardYesNo(question, fields, messages);
    case 'amounts':
      return parseCardAmounts(question, fields, messages);
    case 'payer':
      return parseCardPayer(question, fields, messages);
    case 'colleagues': {
      const text = field(fields, 'answer').trim();
      return (
        beyondInputLimit(question, text, messages) ??
        parseColleagues(question, readPickedIds(field(fields, 'picked')), text, messages)
      );
    }
    default:
      return parseText(question, field(fields, 'answer'), messages, today, reply === 'confirm');
  }
}

/**
 * Reads the departure date typed after a trip was given as a duration only (`days` days and
 * `nights` nights): a date with or without its year, or the whole trip's dates typed anew. A
 * departure that cannot be read is asked for again.
 */
export function parseTypedDeparture(
  text: string,
  duration: { days: number; nights: number },
  locale: Locale,
  today: string,
): ParseResult {
  const messages = messagesFor(locale);
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const overLong = beyond(trimmed, SHORT_INPUT_LIMIT, SHORT_INPUT_LIMIT, messages);
  if (overLong) return overLong;
  const departure = departureAnswer(trimmed, duration, today, messages);
  if (departure.ok || departure.askBack === undefined) return departure;
  // "3 t/m 4 november": the dates of the trip, typed in full after all.
  const whole = parseTypedDates(trimmed, today, messages);
  return whole.ok || (whole.askBack && whole.askBack.kind !== 'departure') ? whole : departure;
}

/**
 * The card inputs that show a given answer again, so a traveller who revisits a question sees it
 * filled in. Every input of the question's type is present (empty when unknown), and an answer
 * of another type than the question's (an edited catalogue) fills in nothing. An amount not
 * known yet is written in the traveller's language (`nog niet bekend`), which reads back as such.
 */
export function answerToFields(
  question: Question,
  answer: Answer,
  locale: Locale = 'nl',
): Record<string, string> {
  const fields = emptyFields(question);
  if (answer.type !== question.type) return fields;
  switch (answer.type) {
    case 'shortText':
    case 'longText':
      return { answer: answer.text };
    case 'number':
      return { answer: String(answer.value) };
    case 'dateRange':
      return { departure: answer.departure ?? '', return: answer.return ?? '' };
    case 'people':
      return { answer: answer.people.map(formatPerson).join('\n') };
    case 'yesNoText':
      return { choice: answer.yes ? 'yes' : 'no', answer: answer.text ?? '' };
    case 'amounts': {
      const shown: Record<string, string> = {};
      for (const part of question.parts ?? []) {
        const cents = answer.amounts[part.key];
        // An empty input is refused: "not known yet" is written out, as the traveller would.
        shown[amountField(part.key)] =
          typeof cents === 'number' ? typedEuro(cents) : messagesFor(locale).amountUnknown;
      }
      return shown;
    }
    case 'payer':
      return { choice: answer.payer, answer: answer.text ?? '' };
    case 'colleagues': {
      const picked = answer.colleagues.filter((colleague) => colleague.aadObjectId);
      const typed = answer.colleagues.filter((colleague) => !colleague.aadObjectId);
      return {
        picked: picked.map((colleague) => colleague.aadObjectId).join(','),
        answer: typed.map((colleague) => colleague.name).join('\n'),
      };
    }
  }
}

/** The card input of one amount of an amounts question: `amount_travel`. */
export function amountField(partKey: string): string {
  return `amount_${partKey}`;
}

// An amount as a traveller would type it again: `412,80`, `1089` (whole euros without cents).
function typedEuro(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

function emptyFields(question: Question): Record<string, string> {
  switch (question.type) {
    case 'dateRange':
      return { departure: '', return: '' };
    case 'yesNoText':
    case 'payer':
      return { choice: '', answer: '' };
    case 'amounts':
      return Object.fromEntries((question.parts ?? []).map((part) => [amountField(part.key), '']));
    case 'colleagues':
      return { picked: '', answer: '' };
    default:
      return { answer: '' };
  }
}

function parsePlainText(
  question: Question,
  type: 'shortText' | 'longText',
  text: string,
  messages: Messages,
): ParseResult {
  if (text === '' && question.required) return fail(messages.textRequired);
  return ok({ type, text });
}

function parseNumber(question: Question, text: string, messages: Messages): ParseResult {
  const min = question.min ?? DEFAULT_MIN;
  const max = question.max ?? DEFAULT_MAX;
  const match = WHOLE_NUMBER.exec(text);
  if (!match) return fail(messages.numberInvalid(min, max));
  const value = Number(match[1]);
  if (value < min || value > max) return fail(messages.numberOutOfRange(match[1], min, max));
  return ok({ type: 'number', value });
}

function parseTypedDates(text: string, today: string, messages: Messages): ParseResult {
  if (text === '') return fail(messages.datesRequired);
  const duration = readDurationText(text);
  if (duration) {
    const checked = durationAnswer(duration.days, duration.nights, messages);
    if (!checked.ok || checked.answer.type !== 'dateRange') return checked;
    const { days, nights } = checked.answer;
    // The register keeps dates: a duration alone is asked for its departure.
    return askBack({ kind: 'departure', days, nights }, messages.datesRequired);
  }
  const dates = readTripDates(text, today);
  if (!dates.ok) {
    return dates.problem === 'invalid'
      ? fail(messages.dateInvalid(dates.field, dates.typed))
      : fail(messages.datesUnreadable(text));
  }
  if (dates.yearGuessed) {
    const { departure, return: returnDate } = dates;
    return askBack({ kind: 'dates', departure, return: returnDate }, messages.datesUncertain);
  }
  return datesAnswer(dates.departure, dates.return, today, messages);
}

// The departure of a trip typed as a duration, from a card's date input or typed text.
function departureAnswer(
  text: string,
  duration: { days: number; nights: number },
  today: string,
  messages: Messages,
): ParseResult {
  const { days, nights } = duration;
  const again = (error: string) =>
    askBack({ kind: 'departure', days, nights, problem: error }, error);
  if (text === '') return again(messages.departureRequired);
  const read = readDeparture(text, days, today);
  if (!read.ok) return again(messages.departureInvalid(text));
  const returnDate = addDays(read.departure, days - 1);
  if (!returnDate) return again(messages.departureInvalid(text));
  if (read.departure > today) return fail(messages.dateInFuture('departure', today));
  if (returnDate > today) return fail(messages.dateInFuture('return', today));
  return ok({ type: 'dateRange', departure: read.departure, return: returnDate, days, nights });
}

// The departure card of a trip typed as a duration: its date input, and the duration it carries.
function parseCardDeparture(
  fields: Record<string, unknown>,
  today: string,
  messages: Messages,
): ParseResult {
  const days = Number(field(fields, 'days'));
  const nights = Number(field(fields, 'nights'));
  const valid =
    Number.isInteger(days) &&
    Number.isInteger(nights) &&
    days <= MOST_DAYS &&
    nightsFit(days, nights);
  if (!valid) return fail(messages.datesRequired);
  const text = field(fields, 'departure').trim();
  return (
    beyond(text, SHORT_INPUT_LIMIT, SHORT_INPUT_LIMIT, messages) ??
    departureAnswer(text, { days, nights }, today, messages)
  );
}

function parseCardDates(
  departureText: string,
  returnText: string,
  today: string,
  messages: Messages,
): ParseResult {
  const departureTyped = departureText.trim();
  const returnTyped = returnText.trim();
  if (departureTyped === '' && returnTyped === '') return fail(messages.datesRequired);
  if (departureTyped === '') return fail(messages.dateRequired('departure'));
  if (returnTyped === '') return fail(messages.dateRequired('return'));
  const departure = parseDate(departureTyped);
  if (!departure) return fail(messages.dateInvalid('departure', departureTyped));
  const returnDate = parseDate(returnTyped);
  if (!returnDate) return fail(messages.dateInvalid('return', returnTyped));
  return datesAnswer(departure, returnDate, today, messages);
}

function datesAnswer(
  departure: string,
  returnDate: string,
  today: string,
  messages: Messages,
): ParseResult {
  // ISO dates compare as strings.
  if (departure > today) return fail(messages.dateInFuture('departure', today));
  if (returnDate < departure) return fail(messages.returnBeforeDeparture(departure));
  if (returnDate > today) return fail(messages.dateInFuture('return', today));
  const { days, nights } = durationOf(departure, returnDate);
  return ok({ type: 'dateRange', departure, return: returnDate, days, nights });
}

function durationAnswer(
  days: number,
  typedNights: number | undefined,
  messages: Messages,
): ParseResult {
  if (days < 1) return fail(messages.durationTooShort);
  if (days > MOST_DAYS) return fail(messages.datesUnreadable(`${days}`));
  const nights = typedNights ?? days - 1;
  if (!nightsFit(days, nights)) return fail(messages.nightsMismatch(days));
  return ok({ type: 'dateRange', days, nights });
}

function parsePeopleAnswer(
  question: Question,
  text: string,
  messages: Messages,
  confirmed: boolean,
): ParseResult {
  if (text === '' && !question.required) return ok({ type: 'people', people: [] });
  const parsed = parsePeople(text);
  if (!parsed.ok) return fail(messages.personWithoutRole(parsed.line));
  // Only an intro line ("Ik sprak met:") names nobody either.
  if (parsed.people.length === 0 && question.required) return fail(messages.peopleRequired);
  if (question.maxItems !== undefined && parsed.people.length > question.maxItems) {
    return fail(messages.tooManyPeople(parsed.people.length, question.maxItems));
  }
  if (!parsed.certain && !confirmed) {
    return askBack({ kind: 'people', people: parsed.people, text }, messages.peopleUncertain);
  }
  return ok({ type: 'people', people: parsed.people });
}

function parseTypedAmounts(question: Question, text: string, messages: Messages): ParseResult {
  const parts = question.parts ?? [];
  if (text === '' && !question.required) {
    return ok({ type: 'amounts', amounts: Object.fromEntries(parts.map((p) => [p.key, null])) });
  }
  const read = readAmounts(text, parts);
  if (read.ok) return ok({ type: 'amounts', amounts: read.amounts });
  const problem = read.problem;
  switch (problem.kind) {
    case 'amount':
      return fail(amountError(problem.amount, messages));
    case 'count':
      return fail(messages.amountsCount(problem.count, parts));
    case 'missing':
      return fail(messages.amountPartMissing(problem.part));
    case 'twice':
      return fail(messages.amountPartTwice(problem.part));
    case 'empty':
      return fail(messages.amountRequired(problem.part));
    case 'withoutPart':
      return fail(messages.amountWithoutPart(problem.typed, parts));
  }
}

// One input an amount; each read like a typed amount, an empty one refused naming its part.
function parseCardAmounts(
  question: Question,
  fields: Record<string, unknown>,
  messages: Messages,
): ParseResult {
  const amounts: Record<string, Amount> = {};
  for (const part of question.parts ?? []) {
    const text = field(fields, amountField(part.key)).trim();
    const overLong = beyond(text, SHORT_INPUT_LIMIT, SHORT_INPUT_LIMIT, messages);
    if (overLong) return overLong;
    if (text === '') return fail(messages.amountRequired(part));
    const amount = readAmount(text);
    if (!amount.ok) return fail(amountError(amount.problem, messages));
    amounts[part.key] = amount.cents;
  }
  return ok({ type: 'amounts', amounts });
}

function amountError(problem: AmountProblem, messages: Messages): string {
  switch (problem.kind) {
    case 'invalid':
      return messages.amountInvalid(problem.typed);
    case 'ambiguous':
      return messages.amountAmbiguous(problem.typed, problem.whole, problem.small);
    case 'tooPrecise':
      return messages.amountTooPrecise(problem.typed);
    case 'negative':
      return messages.amountNegative(problem.typed);
    case 'tooLarge':
      return messages.amountTooLarge(problem.typed, MOST_CENTS);
    case 'notInEuros':
      return messages.amountNotInEuros(problem.typed);
  }
}

function parsePayer(text: string, messages: Messages): ParseResult {
  const read = readPayer(text);
  if (read.ok) {
    const { payer, text: said } = read;
    return ok({ type: 'payer', payer, ...(said === undefined ? {} : { text: said }) });
  }
  switch (read.problem) {
    case 'required':
      return fail(messages.payerRequired);
    case 'unclear':
      return fail(messages.payerUnclear(text));
    case 'partyRequired':
      return fail(messages.payerPartyRequired);
    case 'splitRequired':
      return fail(messages.payerSplitRequired);
  }
}

// The choice with the party or the split in the text box; without a choice the text is read as
// typed. The municipality drops the text: it names no third party.
function parseCardPayer(
  question: Question,
  fields: Record<string, unknown>,
  messages: Messages,
): ParseResult {
  const choice = readPayerChoice(readField(fields, 'choice'));
  if (choice === 'municipality') return ok({ type: 'payer', payer: 'municipality' });
  const text = field(fields, 'answer').trim();
  const overLong = beyondInputLimit(question, text, messages);
  if (overLong) return overLong;
  if (choice === undefined) return parsePayer(text, messages);
  if (text === '') {
    return fail(
      choice === 'thirdParty' ? messages.payerPartyRequired : messages.payerSplitRequired,
    );
  }
  // "derde partij: UN-Habitat" typed in the box as well: the name without the words.
  const read = readPayer(text);
  const said = read.ok && read.payer === choice && read.text ? read.text : text;
  return ok({ type: 'payer', payer: choice, text: said });
}

// Colleagues picked in Teams (object ids; their names come later) first, then those typed.
function parseColleagues(
  question: Question,
  pickedIds: readonly string[],
  text: string,
  messages: Messages,
): ParseResult {
  const read = readColleagues(text);
  if (!read.ok) {
    return fail(
      read.problem === 'tooLong'
        ? messages.colleagueNameTooLong(read.name)
        : messages.colleagueNotAName(read.name),
    );
  }
  const picked: Colleague[] = pickedIds.map((aadObjectId) => ({ name: '', aadObjectId }));
  const colleagues = [...picked, ...read.colleagues];
  if (colleagues.length === 0 && !read.nobody && question.required) {
    return fail(messages.colleaguesRequired);
  }
  if (question.maxItems !== undefined && colleagues.length > question.maxItems) {
    return fail(messages.tooManyColleagues(colleagues.length, question.maxItems));
  }
  return ok({ type: 'colleagues', colleagues });
}

function parseTypedYesNo(question: Question, text: string, messages: Messages): ParseResult {
  if (text === '') return fail(messages.yesNoRequired);
  const reading = readYesNo(text);
  if (reading.said === 'unsure') {
    return (
      tooLong(question, text, messages) ??
      askBack({ kind: 'yesOrNo', text }, messages.yesOrNoUncertain)
    );
  }
  const yes = reading.said === 'yes';
  const explanation = reading.explanation;
  if (explanation === '') {
    return yes ? fail(messages.agreementsRequired) : ok({ type: 'yesNoText', yes });
  }
  return (
    tooLong(question, explanation, messages) ?? ok({ type: 'yesNoText', yes, text: explanation })
  );
}

function parseCardYesNo(
  question: Question,
  fields: Record<string, unknown>,
  messages: Messages,
): ParseResult {
  const text = field(fields, 'answer').trim();
  const choice = readChoice(readField(fields, 'choice'));
  if (choice === 'no') {
    // A "no" drops what the card was pre-filled with from an earlier "yes", however long; text
    // the traveller wrote in the box is kept as a remark.
    const prefill = field(fields, PREFILL_FIELDS.answer).trim();
    const leftOver =
      text === prefill && readChoice(readField(fields, PREFILL_FIELDS.choice)) !== 'no';
    if (text === '' || leftOver) return ok({ type: 'yesNoText', yes: false });
    return tooLong(question, text, messages) ?? ok({ type: 'yesNoText', yes: false, text });
  }
  const overLong = beyondInputLimit(question, text, messages);
  if (overLong) return overLong;
  // Without a choice the agreements text alone is read as if it was typed in the chat.
  if (choice === undefined) {
    return text === '' ? fail(messages.yesNoRequired) : parseTypedYesNo(question, text, messages);
  }
  if (text === '') return fail(messages.agreementsRequired);
  return tooLong(question, text, messages) ?? ok({ type: 'yesNoText', yes: true, text });
}

// Input.ChoiceSet submits "yes"/"no"; an Input.Toggle submits "true"/"false".
function readChoice(value: unknown): 'yes' | 'no' | undefined {
  const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (normalized === 'yes' || normalized === 'ja' || normalized === 'true' || normalized === true) {
    return 'yes';
  }
  if (
    normalized === 'no' ||
    normalized === 'nee' ||
    normalized === 'false' ||
    normalized === false
  ) {
    return 'no';
  }
  return undefined;
}

// An answer's own text over the question's limit, e.g. the agreements after "ja, ".
function tooLong(question: Question, text: string, messages: Messages): ParseResult | undefined {
  const limit = answerLimit(question);
  return beyond(text, limit, limit, messages);
}

// Typed input over what is read for the question: refused before any pattern sees it.
function beyondInputLimit(
  question: Question,
  text: string,
  messages: Messages,
): ParseResult | undefined {
  const limit = answerLimit(question);
  const room = question.type === 'yesNoText' ? YES_NO_LEAD_ROOM : 0;
  return beyond(text, limit + room, limit, messages);
}

// A text of more than `most` characters, said with the `limit` the traveller should keep to.
function beyond(
  text: string,
  most: number,
  limit: number,
  messages: Messages,
): ParseResult | undefined {
  // UTF-16 units are never fewer than characters: most texts need no counting.
  if (text.length <= most) return undefined;
  // Count characters as people see them, not UTF-16 units (an emoji is one).
  const typed = characterCount(text);
  return typed > most ? fail(messages.textTooLong(typed, limit)) : undefined;
}

// A card value as text: strings as they are, finite numbers written out, anything else empty.
function field(fields: unknown, key: string): string {
  const value = readField(fields, key);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

// Own properties only, so "constructor" or "__proto__" in a submit reads as missing.
function readField(fields: unknown, key: string): unknown {
  if (typeof fields !== 'object' || fields === null || !Object.hasOwn(fields, key)) {
    return undefined;
  }
  return (fields as Record<string, unknown>)[key];
}

// Which button of an ask-back card was pressed, if any.
function askBackReplyOf(fields: Record<string, unknown>): AskBackReply | undefined {
  const value = readField(fields, ASK_BACK_FIELD);
  return value === 'confirm' || value === 'adjust' || value === 'departure' ? value : undefined;
}

function askBack(question: AskBack, error: string): ParseResult {
  return { ok: false, error, askBack: question };
}

function ok(answer: Answer): ParseResult {
  return { ok: true, answer };
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
