// Text built to make a backtracking pattern take time (long runs of every kind of whitespace,
// repeated punctuation, unbalanced brackets, digits followed by spaces, and the words the parsers
// look for in between), and every parser of typed text it is fed to: the answers typed and on
// the cards, the dates, durations, people and yes/no inside them, the commands, the confirmation
// of an edit, thanks and greetings, stickers in a message's HTML, and the text of cards and
// Markdown.
import { textLines } from '../../../src/cards/userText';
import { threadRootOf } from '../../../src/channel/deepLink';
import { smallTalkOf } from '../../../src/dialogs/smallTalk';
import {
  carriesFile,
  commandOf,
  commandWordOf,
  editCommandOf,
  isConfirmation,
  normalizedCommand,
} from '../../../src/dialogs/turnInput';
import { escapeMarkdown } from '../../../src/publication/reportMarkdown';
import { slug } from '../../../src/publication/fileName';
import { parseWorkingWindow } from '../../../src/reminders/workingCalendar';
import {
  parseCardAnswer,
  parseTypedAnswer,
  parseTypedDeparture,
} from '../../../src/report/answerInput';
import type { Question } from '../../../src/report/catalogue';
import { productCatalogue } from '../../support/catalogue';
import { looksLikeDate, parseDate, readDeparture, readTripDates } from '../../../src/report/dates';
import { parseDurationText, readDurationText } from '../../../src/report/duration';
import { parsePeople } from '../../../src/report/people';
import { readYesNo } from '../../../src/report/yesNo';

const { questions } = productCatalogue;

/** Characters of each hostile input: over three times what Teams lets a message hold (about 28,000). */
export const HOSTILE_LENGTH = 100_000;

/** "Today" for the date parsers: any date after the ones the inputs contain. */
export const TODAY = '2024-03-20';

/** Every kind of whitespace a pattern's `\s` matches and a traveller's client may send. */
export const WHITESPACE: Record<string, string> = {
  spaces: ' ',
  tabs: '\t',
  'no-break spaces (U+00A0)': '\u00a0',
  'em spaces (U+2003)': '\u2003',
  'line feeds': '\n',
  'CR LF pairs': '\r\n',
  'mixed whitespace': ' \t\u00a0\u2003\n',
};

// What parsers look for just before or after a run: a number, a date, a duration, yes/no, a
// command, a name. A run between such a start and a character that fails the pattern ("x") makes
// a backtracking pattern try every way of splitting the run.
export const STARTS = ['1', 'x', '1 dag', '19-06-2023', 'ja', 'nieuw', 'wijzig', 'Jan'];

// Units repeated to the full length: punctuation, brackets, digits and spaces, and the words
// between dates, days and people, alone and together.
export const REPEATED: Record<string, string> = {
  'full stops': '.',
  'exclamation marks': '!',
  'full stops and spaces': '. ',
  commas: ',',
  'commas and spaces': ', ',
  hyphens: '-',
  'spaced hyphens': ' - ',
  'en dashes': '–',
  'em dashes with spaces': ' — ',
  colons: ':',
  slashes: '/',
  backslashes: '\\',
  'hash marks after line breaks': '\n#',
  'numbered lines': '\n1.',
  'opening parentheses': '(',
  'closing parentheses': ')',
  '"a (" repeated': 'a (',
  '"(a" repeated': '(a',
  'opening brackets': '[',
  digits: '1',
  'digits and spaces': '1 ',
  'digits and tabs': '12\t',
  '"t/m " repeated': 't/m ',
  '"tot " repeated': 'tot ',
  '"1 dag " repeated': '1 dag ',
  '"1 dag (" repeated': '1 dag (',
  '"ja, " repeated': 'ja, ',
  '"Naam (" repeated': 'Naam (',
  '"; " repeated': '; ',
};

/** A named input, one of the shapes below at the full length. */
export interface HostileInput {
  name: string;
  text: string;
}

/** `unit` repeated until the text has at least `length` characters. */
export function filled(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}

/** Every hostile input, each at least `length` characters long. */
export function hostileInputs(length = HOSTILE_LENGTH): HostileInput[] {
  const inputs: HostileInput[] = [];
  for (const [kind, space] of Object.entries(WHITESPACE)) {
    const run = filled(space, length);
    inputs.push({ name: `only ${kind}`, text: run });
    for (const start of STARTS) {
      inputs.push({ name: `"${start}", ${kind}, then "x"`, text: `${start}${run}x` });
    }
    inputs.push({ name: `"nieuw", ${kind}, "verslag"`, text: `nieuw${run}verslag` });
    inputs.push({ name: `"2 dagen", ${kind}, "(1 nacht"`, text: `2 dagen${run}(1 nacht` });
  }
  for (const [kind, unit] of Object.entries(REPEATED)) {
    inputs.push({ name: kind, text: filled(unit, length) });
    inputs.push({ name: `"ja", ${kind}, then "x"`, text: `ja${filled(unit, length)}x` });
  }
  return inputs;
}

/** A parser of typed text, called with one hostile input. */
export interface TextParser {
  name: string;
  parse(text: string): unknown;
}

// The first question of each answer type: every type's typed and card parsing.
function questionsByType(): Question[] {
  const seen = new Set<string>();
  return questions.filter((question) => !seen.has(question.type) && seen.add(question.type));
}

function cardParsers(question: Question): TextParser[] {
  const parser = (inputs: string, fields: (text: string) => Record<string, unknown>) => ({
    name: `parseCardAnswer, ${question.type} (${question.key}), ${inputs}`,
    parse: (text: string) => parseCardAnswer(question, fields(text), 'nl', TODAY),
  });
  switch (question.type) {
    case 'dateRange':
      return [
        parser('both dates', (text) => ({ departure: text, return: text })),
        parser('the departure after a duration', (text) => ({
          askBack: 'departure',
          departure: text,
          days: '2',
          nights: '1',
        })),
        parser('the return date', (text) => ({ departure: '2024-03-12', return: text })),
      ];
    case 'people':
      return [
        parser('the answer', (text) => ({ answer: text })),
        parser('the answer, confirmed', (text) => ({ askBack: 'confirm', answer: text })),
      ];
    case 'yesNoText':
      return [
        parser('yes and the agreements', (text) => ({ choice: 'yes', answer: text })),
        parser('the agreements without a choice', (text) => ({ answer: text })),
        parser('the choice', (text) => ({ choice: text, answer: 'in mei opnieuw' })),
        parser('no with a remark', (text) => ({ choice: 'no', answer: text, prefill: 'x' })),
      ];
    default:
      return [parser('the answer', (text) => ({ answer: text }))];
  }
}

/** Every parser of typed text, the answers' through the catalogue's questions. */
export function textParsers(): TextParser[] {
  return [
    ...questionsByType().flatMap((question) => [
      {
        name: `parseTypedAnswer, ${question.type} (${question.key})`,
        parse: (text: string) => parseTypedAnswer(question, text, 'nl', TODAY),
      },
      ...cardParsers(question),
    ]),
    // The parsers inside the answers, called directly: linear without the length limit too.
    { name: 'parseDate', parse: parseDate },
    { name: 'looksLikeDate', parse: looksLikeDate },
    { name: 'readTripDates', parse: (text) => readTripDates(text, TODAY) },
    { name: 'readDeparture', parse: (text) => readDeparture(text, 3, TODAY) },
    {
      name: 'parseTypedDeparture (after a duration)',
      parse: (text) => parseTypedDeparture(text, { days: 2, nights: 1 }, 'nl', TODAY),
    },
    { name: 'readDurationText', parse: readDurationText },
    { name: 'parseDurationText', parse: parseDurationText },
    { name: 'parsePeople', parse: parsePeople },
    { name: 'readYesNo', parse: readYesNo },
    { name: 'questionNamed', parse: (text: string) => productCatalogue.named(text) },
    // The commands and the confirmation of an edit.
    { name: 'commandOf', parse: commandOf },
    { name: 'normalizedCommand', parse: normalizedCommand },
    { name: 'editCommandOf', parse: (text: string) => editCommandOf(text, productCatalogue) },
    { name: 'isConfirmation (the edit dialog)', parse: isConfirmation },
    {
      name: 'commandWordOf (never an answer)',
      parse: (text) => commandWordOf(text, productCatalogue),
    },
    { name: 'smallTalkOf (thanks, greetings)', parse: smallTalkOf },
    {
      name: 'carriesFile (a sticker in HTML)',
      parse: (text) => carriesFile({ attachments: [{ contentType: 'text/html', content: text }] }),
    },
    // Text on its way out: cards, Markdown files, file names; and a thread's id.
    { name: 'textLines (card text)', parse: textLines },
    { name: 'escapeMarkdown', parse: escapeMarkdown },
    { name: 'slug (file names)', parse: slug },
    { name: 'threadRootOf', parse: (text) => threadRootOf(`19:x@thread.tacv2;messageid=${text}`) },
    {
      name: 'parseWorkingWindow (REMINDER_WINDOW)',
      parse: (text) => {
        try {
          return parseWorkingWindow(text);
        } catch (error) {
          return error;
        }
      },
    },
  ];
}
