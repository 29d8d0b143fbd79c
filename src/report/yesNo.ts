import { isWhitespace } from './plainText';

/**
 * What a typed answer to a yes/no question says: yes or no with the explanation after the word
 * (empty when there is none), or `unsure` when the text may mean either.
 */
export type YesNoReading = { said: 'yes' | 'no'; explanation: string } | { said: 'unsure' };

/** How a yes/no word stands before the rest of a sentence. */
interface Word {
  text: string;
  said: 'yes' | 'no';
  /**
   * True for a word that is a whole answer on its own ("ja", "nee"), dropped before the rest also
   * without punctuation ("Ja we spreken in mei af"). False for a word that is part of the
   * sentence after it ("Nog niet besproken", "Geen concrete afspraken"): dropped only before a
   * comma, colon or dash, otherwise the whole sentence is the explanation.
   */
  standsAlone: boolean;
}

// Longest first, so that "nog niet" is found before "niet" and "neen" before "nee".
const WORDS: readonly Word[] = [
  ['niet van toepassing', 'no', true],
  ['geen vervolgafspraken', 'no', false],
  ['no follow-up', 'no', false],
  ['geen afspraken', 'no', false],
  ['nog niet', 'no', false],
  ['not yet', 'no', false],
  ['jazeker', 'yes', true],
  ['n.v.t.', 'no', true],
  ['n.v.t', 'no', true],
  ['zeker', 'yes', false],
  ['klopt', 'yes', false],
  ['nope', 'no', true],
  ['neen', 'no', true],
  ['none', 'no', false],
  ['geen', 'no', false],
  ['niet', 'no', false],
  ['yes', 'yes', true],
  ['yep', 'yes', true],
  ['nvt', 'no', true],
  ['n/a', 'no', true],
  ['nee', 'no', true],
  ['ja', 'yes', true],
  ['no', 'no', false],
].map(([text, said, standsAlone]) => ({ text, said, standsAlone }) as Word);

// Openings that leave the answer open: "misschien", "geen idee", "weet ik niet", "maybe".
const HEDGES = [
  'misschien',
  'wellicht',
  'mogelijk',
  'geen idee',
  'weet ik niet',
  'weet niet',
  'onbekend',
  'onduidelijk',
  'nog onbekend',
  'nog onduidelijk',
  'nog niet bekend',
  'nog niet duidelijk',
  'maybe',
  'perhaps',
  'possibly',
  'not sure',
  'unsure',
  'unknown',
  "don't know",
  'dont know',
  'tbd',
];

// Words that turn a sentence without a leading yes or no into a possible no: "Er zijn geen
// afspraken", "Voorlopig niet", "We hebben nog niets afgesproken".
const DOUBTFUL_WORDS = new Set([
  'geen',
  'niet',
  'niets',
  'nooit',
  'misschien',
  'wellicht',
  'onbekend',
  'onduidelijk',
  'no',
  'not',
  'none',
  'nothing',
  'never',
  'maybe',
  'perhaps',
  'unknown',
]);

// The most characters of the first sentence searched for doubtful words.
const FIRST_SENTENCE_LIMIT = 300;
// What may stand between a yes/no word and its explanation.
const LEAD_PUNCTUATION = ',.:;!?–—-';

/**
 * Reads a typed yes or no in Dutch or English (`ja`, `jazeker`, `zeker`, `klopt`, `yes`; `nee`,
 * `neen`, `nope`, `geen`, `niet`, `nog niet`, `n.v.t.`, `nvt`, `niet van toepassing`, `geen
 * afspraken`) with the text after it as the explanation. Text without such a word is a yes (the
 * agreements themselves) unless its first sentence has a negation or doubt in it, or it opens
 * with one ("misschien", "geen idee"): then, and when yes and no both lead, it is unsure.
 */
export function readYesNo(text: string): YesNoReading {
  const trimmed = text.trim();
  if (startsWithAny(trimmed, HEDGES) !== undefined) return { said: 'unsure' };
  const word = leadingWord(trimmed);
  if (word) {
    const after = trimmed.slice(word.text.length);
    const explanation = explanationAfter(trimmed, after, word);
    const rest = trimStart(after, isLeadCharacter);
    const next = leadingWord(rest);
    if (next && next.said !== word.said) return { said: 'unsure' };
    // "nee, geen", "ja, zeker": the same answer twice explains nothing.
    const repeated = next && trimStart(rest.slice(next.text.length), isLeadCharacter).trim() === '';
    return { said: word.said, explanation: repeated ? '' : explanation };
  }
  if (hasDoubtfulWord(firstSentence(trimmed))) return { said: 'unsure' };
  return { said: 'yes', explanation: trimmed };
}

// The explanation after a leading word: the rest after punctuation or a whole-answer word, else
// the whole sentence ("Nog niet besproken").
function explanationAfter(whole: string, after: string, word: Word): string {
  const rest = trimStart(after, isLeadCharacter).trim();
  if (rest === '') return '';
  const punctuated = LEAD_PUNCTUATION.includes(after.trimStart().charAt(0));
  return word.standsAlone || punctuated ? rest : whole;
}

// The yes/no word the text opens with, as a whole word: "Japan" does not open with "ja".
function leadingWord(text: string): Word | undefined {
  const lower = text.slice(0, 24).toLowerCase();
  for (const word of WORDS) {
    if (lower.startsWith(word.text) && endsWord(lower, word.text.length)) return word;
  }
  return undefined;
}

function startsWithAny(text: string, phrases: readonly string[]): string | undefined {
  const lower = text.slice(0, 24).toLowerCase();
  return phrases.find((phrase) => lower.startsWith(phrase) && endsWord(lower, phrase.length));
}

// True when the character at `at` does not continue a word (end of text, space, punctuation).
function endsWord(text: string, at: number): boolean {
  const next = text.charAt(at);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}

function firstSentence(text: string): string {
  const head = text.slice(0, FIRST_SENTENCE_LIMIT);
  let end = head.length;
  for (const stop of ['.', '!', '?', '\n']) {
    const at = head.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  return head.slice(0, end);
}

function hasDoubtfulWord(sentence: string): boolean {
  return sentence
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .some((word) => DOUBTFUL_WORDS.has(word));
}

function isLeadCharacter(character: string): boolean {
  return isWhitespace(character) || LEAD_PUNCTUATION.includes(character);
}

function trimStart(text: string, strip: (character: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text.charAt(start))) start += 1;
  return text.slice(start);
}
