// The trips travellers report in the end-to-end tests: the interview's questions in order, what a
// traveller fills in or types for each, how the bot shows it back, and a whole report typed and
// posted (for tests that start from a posted report).
import assert from 'node:assert/strict';
import {
  buttonsOf,
  cardOf,
  inputsOf,
  lastCard,
  type BotMessage,
  type TravellerClient,
} from './travellerClient';
import { productCatalogue as catalogue } from '../support/catalogue';
import { cardInputTypes, progressOf, questionOf, sampleAnswer } from '../support/sampleAnswers';

/** A trip as the traveller tells it; dates are ISO and in the past. */
export interface Trip {
  title: string;
  destination: string;
  persons: number;
  departure: string;
  return: string;
  purpose: string;
  locations: string;
  people: { name: string; role: string }[];
  outcome: string;
  /** The follow-up agreements (the answer is "yes"). */
  agreements: string;
}

/**
 * The interview's questions in order, from the product's catalogue (as `dist/index.js` loads
 * it): what each card asks, and its inputs (id → type).
 */
export const QUESTIONS = catalogue.questions.map((question) => ({
  key: question.key,
  text: question.text.nl,
  inputs: cardInputTypes(question),
}));

/** A question's key in the catalogue. */
export type QuestionKey = string;

/** The questions of the form "Verslag buitenlandse dienstreis", verbatim. */
export const FORM_QUESTIONS: readonly string[] = catalogue.formQuestions.map(
  (question) => question.text.nl,
);

/** The questions a Trip has answers for; others get their answer type's sample. */
const TRIP_KEYS: readonly string[] = [
  'title',
  'destination',
  'persons',
  'duration',
  'purpose',
  'locations',
  'peopleMet',
  'outcome',
  'followUp',
];

/** Today's ISO date in Amsterdam, where the bot judges "not in the future". */
export function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** An ISO date as a Dutch traveller types it: 19-06-2026. */
export function dutchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

const today = todayInAmsterdam();

/** A three-day trip (two nights) that ended `endedDaysAgo` days ago. */
export function tripDates(endedDaysAgo: number): { departure: string; return: string } {
  return {
    departure: daysBefore(today, endedDaysAgo + 2),
    return: daysBefore(today, endedDaysAgo),
  };
}

/** One person a line, as the form asks: `Naam (functie)`. */
export function peopleLines(trip: Trip): string[] {
  return trip.people.map((person) => `${person.name} (${person.role})`);
}

/** What the traveller fills in on a question's card, as Teams submits the inputs. */
export function cardInputs(trip: Trip, key: QuestionKey): Record<string, string> {
  switch (key) {
    case 'title':
      return { answer: trip.title };
    case 'destination':
      return { answer: trip.destination };
    case 'persons':
      return { answer: String(trip.persons) };
    case 'duration':
      return { departure: trip.departure, return: trip.return };
    case 'purpose':
      return { answer: trip.purpose };
    case 'locations':
      return { answer: trip.locations };
    case 'peopleMet':
      return { answer: peopleLines(trip).join('\n') };
    case 'outcome':
      return { answer: trip.outcome };
    case 'followUp':
      return { choice: 'yes', answer: trip.agreements };
    default:
      // A question the trip does not know: its answer type's sample.
      return sampleAnswer(questionOf(catalogue, key)).inputs;
  }
}

/** What a traveller on a phone types in the chat instead. */
export function typedAnswer(trip: Trip, key: QuestionKey): string {
  switch (key) {
    case 'persons':
      return String(trip.persons);
    case 'duration':
      return `${dutchDate(trip.departure)} t/m ${dutchDate(trip.return)}`;
    case 'peopleMet':
      // Phones type a dash as often as parentheses.
      return trip.people.map((person) => `${person.name} - ${person.role}`).join('\n');
    case 'followUp':
      return `ja, ${trip.agreements}`;
    case 'title':
    case 'destination':
    case 'purpose':
    case 'locations':
    case 'outcome':
      return cardInputs(trip, key).answer ?? '';
    default:
      // A question the trip does not know: its answer type's sample.
      return sampleAnswer(questionOf(catalogue, key)).typed;
  }
}

/**
 * How the channel and the review show a trip of two days or more:
 * `dd-mm-jjjj t/m dd-mm-jjjj · 3 dagen (2 nachten)`.
 */
export function shownPeriod(trip: { departure: string; return: string }): string {
  const days = (Date.parse(trip.return) - Date.parse(trip.departure)) / 86_400_000 + 1;
  assert.ok(days >= 2, 'a trip of at least two days (one night)');
  const nights = days - 1;
  const duration = `${days} dagen (${nights} ${nights === 1 ? 'nacht' : 'nachten'})`;
  return `${dutchDate(trip.departure)} t/m ${dutchDate(trip.return)} · ${duration}`;
}

const DUTCH_DAY_MONTH_YEAR = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * How the top of the channel card dates a trip, as a Dutch letter does: `17 t/m 19 november
 * 2026`, `30 november t/m 2 december 2026`, `30 december 2026 t/m 2 januari 2027`.
 */
export function writtenPeriod(trip: { departure: string; return: string }): string {
  const [from, to] = [trip.departure, trip.return].map((iso) =>
    DUTCH_DAY_MONTH_YEAR.format(new Date(`${iso}T00:00:00Z`)),
  ) as [string, string];
  const [fromDay, fromMonth, fromYear] = from.split(' ');
  const [, toMonth, toYear] = to.split(' ');
  const start =
    fromYear !== toYear ? from : fromMonth !== toMonth ? `${fromDay} ${fromMonth}` : fromDay;
  return `${start} t/m ${to}`;
}

/** The trip's length in the form's words, as under HOELANG DUURDE DE REIS?: `3 dagen (2 nachten)`. */
export function shownLength(trip: { departure: string; return: string }): string {
  return shownPeriod(trip).split(' · ')[1] ?? '';
}

/** Asserts that a card asks the question `key` ("Vraag n van N") with the right inputs. */
export function assertAsks(message: BotMessage, key: QuestionKey): void {
  const question = QUESTIONS.find((candidate) => candidate.key === key);
  assert.ok(question, `there is no question ${key}`);
  const card = cardOf(message);
  assert.equal(
    message.lines[0],
    progressOf(catalogue, key),
    `progress of:\n${message.lines.join('\n')}`,
  );
  assert.ok(message.lines.includes(question.text), `card ${key} asks ${question.text}`);
  const inputs = Object.fromEntries([...inputsOf(card)].map(([id, input]) => [id, input.type]));
  assert.deepEqual(inputs, question.inputs, `the inputs of question ${key}`);
  const next = buttonsOf(card).find((button) => button.title === 'Volgende');
  assert.equal(next?.data.questionKey, question.key);
}

/** The report id the bot put in a card's buttons. */
export function reportIdOf(message: BotMessage): string {
  const id = buttonsOf(cardOf(message))[0]?.data.reportId;
  assert.equal(typeof id, 'string', 'the card names its report');
  return id as string;
}

/** A text as a card shows it: one RichTextBlock a non-blank line. */
export function shownLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** The lines a report card shows under a question, up to the next question. */
export function answerUnder(lines: string[], question: string): string[] {
  const start = lines.indexOf(question);
  assert.ok(start >= 0, `the card shows the question ${question}`);
  const end = lines.findIndex((line, index) => index > start && FORM_QUESTIONS.includes(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Answers the questions from `from` on, on their cards; resolves with the card that follows (the review). */
export async function answerByCard(
  traveller: TravellerClient,
  trip: Trip,
  card: BotMessage,
  from: QuestionKey = QUESTIONS[0]!.key,
): Promise<BotMessage> {
  let current = card;
  for (const { key } of questionsFrom(from)) {
    assertAsks(current, key);
    current = lastCard(await traveller.press(current, 'Volgende', cardInputs(trip, key)));
  }
  return current;
}

/** Types the answers to the questions from `from` on; resolves with the card that follows (the review). */
export async function answerByTyping(
  traveller: TravellerClient,
  trip: Trip,
  card: BotMessage,
  from: QuestionKey = QUESTIONS[0]!.key,
): Promise<BotMessage> {
  let current = card;
  for (const { key } of questionsFrom(from)) {
    assertAsks(current, key);
    current = lastCard(await traveller.say(typedAnswer(trip, key)));
  }
  return current;
}

/** The questions from `key` on, in the catalogue's order. */
export function questionsFrom(key: QuestionKey): typeof QUESTIONS {
  return QUESTIONS.slice(catalogue.position(questionOf(catalogue, key).key) - 1);
}

/** The questions before `key`, in the catalogue's order: those answered when `key` is asked. */
export function questionsBefore(key: QuestionKey): typeof QUESTIONS {
  return QUESTIONS.slice(0, catalogue.position(questionOf(catalogue, key).key) - 1);
}

/** The question the interview asks after `key`, in the catalogue's order. */
export function questionAfter(key: QuestionKey): QuestionKey {
  const next = QUESTIONS[catalogue.position(questionOf(catalogue, key).key)];
  assert.ok(next, `a question follows ${key}`);
  return next.key;
}

/**
 * Asserts the channel card shows the whole trip as colleagues read it, in Dutch, laid out like
 * the form (issue 17, item 6): the traveller @mentioned (`<at>…</at>`), the dates once at the top,
 * the length under HOELANG DUURDE DE REIS?, the people one a line without a count. It ends with
 * `footer` ("Bijgewerkt op … (versie n)") after a change, or with the last answer when there is none.
 */
export function assertChannelCard(
  cardLines: string[],
  trip: Trip,
  travellerName: string,
  footer?: string,
): void {
  let lines = cardLines;
  if (footer !== undefined) {
    assert.equal(lines.at(-1), footer, `the card's last line:\n${lines.join('\n')}`);
    lines = lines.slice(0, -1);
  }
  assert.equal(lines[0], 'Verslag buitenlandse dienstreis');
  assert.equal(lines[1], trip.title);
  // The facts: a bold label, then the value as typed (or from Teams), in one RichTextBlock.
  for (const shown of [
    `**Reiziger:** <at>${travellerName}</at>`,
    `Bestemming: ${trip.destination}`,
    `Periode: ${writtenPeriod(trip)}`,
  ]) {
    assert.ok(lines.includes(shown), `the card shows ${shown}:\n${lines.join('\n')}`);
  }
  const under = (key: QuestionKey) => answerUnder(lines, questionOf(catalogue, key).text.nl);
  assert.deepEqual(under('persons'), [String(trip.persons)]);
  assert.deepEqual(under('duration'), [shownLength(trip)]);
  assert.deepEqual(under('purpose'), shownLines(trip.purpose));
  assert.deepEqual(under('locations'), shownLines(trip.locations));
  assert.deepEqual(under('peopleMet'), peopleLines(trip));
  assert.deepEqual(under('outcome'), shownLines(trip.outcome));
  assert.deepEqual(under('followUp'), shownLines(`Ja: ${trip.agreements}`));
  // A form question the trip does not know shows its type's sample answer.
  for (const question of catalogue.formQuestions.filter((q) => !TRIP_KEYS.includes(q.key))) {
    // A list of people without its count, one a line.
    const shown = sampleAnswer(question).shown;
    assert.deepEqual(under(question.key), question.type === 'people' ? shown.slice(1) : shown);
  }
}

/**
 * Writes a whole report by typing in the chat (as on a phone) and posts it with a typed
 * `plaatsen`; resolves with the bot's confirmation (the card with `Wijzigen`).
 */
export async function completeTypedReport(
  traveller: TravellerClient,
  trip: Trip,
): Promise<BotMessage> {
  const first = lastCard(await traveller.say('nieuw verslag'));
  const review = await answerByTyping(traveller, trip, first);
  assert.equal(review.lines[0], 'Controleer je verslag');
  const confirmation = lastCard(await traveller.say('plaatsen'));
  assert.match(
    confirmation.lines[0] ?? '',
    /^Je verslag is geplaatst in het kanaal /,
    `the report is posted:\n${confirmation.lines.join('\n')}`,
  );
  return confirmation;
}
