// Reading euro amounts as travellers type them, for the question what the trip cost (issue 18).
// Every function here runs in one pass (or a bounded number of passes) over the text: no pattern
// that could backtrack sees user input.
import type { AmountPart } from './catalogue';
import { collapseWhitespace, isWhitespace } from './plainText';
import type { Amount } from './report';

/** The most an amount may be, in cents: € 10.000.000. A larger one is a typing error. */
export const MOST_CENTS = 1_000_000_000;

/** Why a typed amount was not read; `typed` is the text as the traveller wrote it. */
export type AmountProblem =
  | { kind: 'invalid' | 'tooPrecise' | 'negative' | 'tooLarge' | 'notInEuros'; typed: string }
  /** `1,089`: € 1.089 (thousands) or € 1,089 (cents); `whole` and `small` are both readings in cents. */
  | { kind: 'ambiguous'; typed: string; whole: number; small: number };

/** One amount read: whole euro cents, null when not known yet; or why it cannot be read. */
export type AmountReading = { ok: true; cents: Amount } | { ok: false; problem: AmountProblem };

/** Why the amounts of a question were not read. */
export type AmountsProblem =
  | { kind: 'amount'; amount: AmountProblem }
  /** Bare amounts (without the parts' words) but not one for each part: `count` were typed. */
  | { kind: 'count'; count: number }
  | { kind: 'missing' | 'twice' | 'empty'; part: AmountPart }
  /** An amount that says no part it is for, before the first or after the last part's word. */
  | { kind: 'withoutPart'; typed: string };

/** The amounts of a question by part key, or the first problem found. */
export type AmountsReading =
  { ok: true; amounts: Record<string, Amount> } | { ok: false; problem: AmountsProblem };

// Said for an amount not known yet: stored as null, shown as "nog niet bekend".
const UNKNOWN = new Set([
  'nog niet bekend',
  'niet bekend',
  'nog onbekend',
  'onbekend',
  'weet ik nog niet',
  'weet ik niet',
  'nog niet',
  'volgt',
  'volgt nog',
  '?',
  '??',
  '???',
  'not known yet',
  'not yet known',
  'not known',
  'unknown',
  "don't know yet",
  "don't know",
  'not yet',
  'tbd',
  'tba',
]);

// Said for no costs of a kind: stored as 0. "geen", "nvt" and a dash say that nothing was spent
// on it (a dash is nil in Dutch bookkeeping); a traveller who does not know the amount says so
// ("nog niet bekend"), and the review card shows € 0,00 for them to correct.
const NOTHING = new Set([
  'geen',
  'geen kosten',
  'nvt',
  'n.v.t',
  'n.v.t.',
  'n/a',
  'niet van toepassing',
  'nihil',
  'niets',
  'niks',
  'nul',
  'gratis',
  '-',
  '–',
  '—',
  'none',
  'nothing',
  'nil',
  'no costs',
  'free',
  'zero',
]);

// Currencies travellers abroad may type instead of euros: refused, so they convert first.
const OTHER_CURRENCIES = new Set([
  'usd',
  'gbp',
  'chf',
  'jpy',
  'cny',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'cad',
  'aud',
  'dollar',
  'dollars',
  'pond',
  'ponden',
  'pound',
  'pounds',
  'frank',
  'franc',
  'francs',
  'yen',
  'kronen',
  'kroon',
  'zloty',
]);
const OTHER_CURRENCY_SIGNS = '$£¥₺₽₹₩';

// Words for euros before or after the digits, longest first.
const EURO_WORDS = ['euros', 'euro', 'eur', '€'];
// Written after whole euros: "85,-", "85,—".
const WHOLE_EURO_ENDINGS = [',--', ',-', ',–', ',—', '.-', '.–', '.—', ',='];
const MINUS_SIGNS = '-−–';

// Words that name a total: its amount is not one of the parts and is left out ("Totaal 1.586,80").
const TOTAL_WORDS = ['totale kosten', 'total costs', 'totaal', 'total'];
// What may follow a part's word and still name it: "hotelkosten", "verblijfskosten", "overnachtingen".
const WORD_ENDINGS = ['skosten', 'kosten', 'en', 's', ''];
// Words between a part's word and its amount: "overige kosten: 85", "travel costs 85".
const FILLER_WORDS = ['kosten', 'costs', 'cost', 'bedrag'];
// Joining words left at the end of an amount's text before the next part: "412,80 en hotel 1.089".
const TRAILING_JOINS = ['en', 'and', 'plus'];
// Punctuation between one part's amount and the next part's word.
const TRAILING_PUNCTUATION = ';,/|+&';

/**
 * Reads one amount in euros: `1.234,50`, `€ 85`, `85 euro`, `85,-`, `EUR 1234.50`, `1,5`,
 * `1 234,50`, `1,234.50`. `nog niet bekend` (or `onbekend`, `?`, `unknown`, …) is null; `geen`,
 * `nvt` and `-` are 0. A single `.` before three digits groups thousands (`1.089` is 1089); a
 * single `,` before three digits may be either and is refused. Linear in the length of the text.
 */
export function readAmount(text: string): AmountReading {
  const typed = text.trim();
  const said = withoutEndPunctuation(collapseWhitespace(typed).toLowerCase());
  if (UNKNOWN.has(said)) return { ok: true, cents: null };
  if (NOTHING.has(said)) return { ok: true, cents: 0 };
  const invalid: AmountReading = { ok: false, problem: { kind: 'invalid', typed } };
  if (namesOtherCurrency(said)) return { ok: false, problem: { kind: 'notInEuros', typed } };

  let rest = said;
  let negative = false;
  // A sign and the euro word in either order: "-€ 85", "€ -85", "€-85".
  for (let round = 0; round < 2; round += 1) {
    rest = withoutEuroWord(rest, 'start');
    if (MINUS_SIGNS.includes(rest.charAt(0))) {
      negative = true;
      rest = rest.slice(1).trimStart();
    }
  }
  for (let round = 0; round < 2; round += 1) {
    rest = withoutEuroWord(rest, 'end');
    const ending = WHOLE_EURO_ENDINGS.find((end) => rest.endsWith(end));
    if (ending) rest = rest.slice(0, -ending.length).trimEnd();
  }
  const number = readNumber(rest);
  if (number.kind === 'cents') {
    if (negative && number.cents > 0) return { ok: false, problem: { kind: 'negative', typed } };
    if (number.cents > MOST_CENTS) return { ok: false, problem: { kind: 'tooLarge', typed } };
    return { ok: true, cents: number.cents };
  }
  if (number.kind === 'invalid') return invalid;
  if (number.kind === 'ambiguous') {
    const { whole, small } = number;
    return { ok: false, problem: { kind: 'ambiguous', typed, whole, small } };
  }
  return { ok: false, problem: { kind: number.kind, typed } };
}

/**
 * Reads the amounts of a question typed in the chat: one a line (or between `;` or tabs) in the
 * order of the question's parts; or each with a part's word in any order, on one line or several
 * (`reis 412,80; verblijf 1.089; overig 85`, `Reiskosten: € 412,80`, `hotel 1089, overig nog niet
 * bekend`, cells pasted from Excel). Labelled amounts are cut at the parts' words, never at
 * commas, which may be decimal commas. `nog niet bekend` or `geen` alone answers every part.
 */
export function readAmounts(text: string, parts: readonly AmountPart[]): AmountsReading {
  const labels = findLabels(text, parts);
  if (labels.length === 0) return readBareAmounts(text, parts);
  const before = text.slice(0, labels[0]!.start);
  const after = text.slice(labels[labels.length - 1]!.end);
  // "412,80 reis; 1.089 verblijf": amounts before their words, when nothing with a digit follows.
  const amountFirst = hasDigit(before) && !hasDigit(after);
  if (!amountFirst && hasDigit(before)) return withoutPart(before);
  const amounts: Record<string, Amount> = {};
  for (const [index, label] of labels.entries()) {
    const from = amountFirst ? (labels[index - 1]?.end ?? 0) : label.end;
    const to = amountFirst ? label.start : (labels[index + 1]?.start ?? text.length);
    // A total is not one of the parts; its amount is left out.
    if (label.part === undefined) continue;
    const part = label.part;
    if (Object.hasOwn(amounts, part.key)) return { ok: false, problem: { kind: 'twice', part } };
    const amountText = amountFirst ? trimBoth(text.slice(from, to)) : amountAfter(text, from, to);
    if (amountText === '') return { ok: false, problem: { kind: 'empty', part } };
    const amount = readAmount(amountText);
    if (!amount.ok) return { ok: false, problem: { kind: 'amount', amount: amount.problem } };
    amounts[part.key] = amount.cents;
  }
  const missing = parts.find((part) => !Object.hasOwn(amounts, part.key));
  if (missing) return { ok: false, problem: { kind: 'missing', part: missing } };
  return { ok: true, amounts };
}

/** The shortest of a part's words that its label starts with (`overig` for Overige kosten), for examples. */
export function partWord(part: AmountPart, label: string): string {
  const lower = label.toLowerCase();
  const fitting = part.words.filter((word) => lower.startsWith(word.toLowerCase()));
  fitting.sort((a, b) => a.length - b.length);
  return fitting[0] ?? part.words[0] ?? label;
}

// Amounts without the parts' words: one for each part, in order.
function readBareAmounts(text: string, parts: readonly AmountPart[]): AmountsReading {
  const pieces = text
    .split(/\r\n|[\n\r\t;\u2028\u2029]/)
    .map(trimItem)
    .filter((piece) => piece !== '');
  const only = pieces.length === 1 ? pieces[0]! : undefined;
  // "nog niet bekend" or "geen" alone: every amount unknown, or none spent at all. A number
  // alone is not: it may be the total, or one of the parts.
  if (only !== undefined && !hasDigit(only)) {
    const said = withoutEndPunctuation(collapseWhitespace(only).toLowerCase());
    if (UNKNOWN.has(said)) return everyPart(parts, null);
    if (NOTHING.has(said)) return everyPart(parts, 0);
  }
  if (pieces.length !== parts.length) {
    return { ok: false, problem: { kind: 'count', count: pieces.length } };
  }
  const amounts: Record<string, Amount> = {};
  for (const [index, part] of parts.entries()) {
    const amount = readAmount(pieces[index]!);
    if (!amount.ok) return { ok: false, problem: { kind: 'amount', amount: amount.problem } };
    amounts[part.key] = amount.cents;
  }
  return { ok: true, amounts };
}

function everyPart(parts: readonly AmountPart[], amount: Amount): AmountsReading {
  return { ok: true, amounts: Object.fromEntries(parts.map((part) => [part.key, amount])) };
}

function withoutPart(before: string): AmountsReading {
  const typed = trimItem(before.slice(Math.max(0, before.length - 60)));
  return { ok: false, problem: { kind: 'withoutPart', typed } };
}

/** A part's word found in the text, or a total's (`part` undefined). */
interface Label {
  start: number;
  end: number;
  part: AmountPart | undefined;
}

// The parts' words in the text, left to right, each at a word's start; the longest at a place
// wins ("reiskosten" over "reis"). Linear: a bounded number of words is tried at each place.
function findLabels(text: string, parts: readonly AmountPart[]): Label[] {
  const words: { word: string; part: AmountPart | undefined }[] = [
    ...parts.flatMap((part) => part.words.map((word) => ({ word: word.toLowerCase(), part }))),
    ...TOTAL_WORDS.map((word) => ({ word, part: undefined })),
  ].sort((a, b) => b.word.length - a.word.length);
  const labels: Label[] = [];
  let at = 0;
  while (at < text.length) {
    if (isLetter(text.charAt(at - 1)) || !isLetter(text.charAt(at))) {
      at += 1;
      continue;
    }
    const found = labelAt(text, at, words);
    if (found) {
      labels.push(found);
      at = found.end;
    } else {
      at += 1;
    }
  }
  return labels;
}

function labelAt(
  text: string,
  at: number,
  words: readonly { word: string; part: AmountPart | undefined }[],
): Label | undefined {
  for (const { word, part } of words) {
    if (text.slice(at, at + word.length).toLowerCase() !== word) continue;
    for (const ending of WORD_ENDINGS) {
      const end = at + word.length + ending.length;
      const fits = text.slice(at + word.length, end).toLowerCase() === ending;
      if (fits && !isLetter(text.charAt(end))) return { start: at, end, part };
    }
  }
  return undefined;
}

// The amount's text after a part's word: without the colon, dash or "kosten" before it and the
// punctuation or joining word before the next part.
function amountAfter(text: string, from: number, to: number): string {
  let at = from;
  for (;;) {
    const character = text.charAt(at);
    if (at >= to) break;
    if (isWhitespace(character) || character === ':' || character === '=') {
      at += 1;
    } else if ('-–—'.includes(character) && isWhitespace(text.charAt(at + 1))) {
      // A dash between the word and the amount ("reis - 412,80"); "-85" keeps its minus.
      at += 1;
    } else {
      const filler = FILLER_WORDS.find(
        (word) =>
          text.slice(at, at + word.length).toLowerCase() === word &&
          !isLetter(text.charAt(at + word.length)),
      );
      if (!filler) break;
      at += filler.length;
    }
  }
  return trimItem(text.slice(at, to));
}

// An amount's text without the separators and joining words around it. One pass from the end.
function trimItem(text: string): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && isWhitespace(text.charAt(end - 1))) end -= 1;
    const last = text.charAt(end - 1);
    if (last !== '' && TRAILING_PUNCTUATION.includes(last)) {
      end -= 1;
      continue;
    }
    const join = TRAILING_JOINS.find(
      (word) =>
        end > word.length &&
        text.slice(end - word.length, end).toLowerCase() === word &&
        isWhitespace(text.charAt(end - word.length - 1)),
    );
    if (!join) return text.slice(0, end).trim();
    end -= join.length;
  }
}

// An amount's text between two parts' words ("412,80 reis, en 85 overig"): without the
// separators and joining words on either side.
function trimBoth(text: string): string {
  let start = 0;
  for (;;) {
    while (start < text.length && isWhitespace(text.charAt(start))) start += 1;
    if (TRAILING_PUNCTUATION.includes(text.charAt(start)) && start < text.length) {
      start += 1;
      continue;
    }
    const join = TRAILING_JOINS.find(
      (word) =>
        text.slice(start, start + word.length).toLowerCase() === word &&
        isWhitespace(text.charAt(start + word.length)),
    );
    if (!join) return trimItem(text.slice(start));
    start += join.length;
  }
}

/** What the digits of an amount say. */
type NumberReading =
  | { kind: 'cents'; cents: number }
  | { kind: 'invalid' | 'tooPrecise' | 'tooLarge' }
  | { kind: 'ambiguous'; whole: number; small: number };

// Digits with thousands separators (".", ",", a space or "'") and at most one decimal separator
// ("," or "."): the separators decide which is which (see readAmount).
function readNumber(text: string): NumberReading {
  const runs: string[] = [];
  const separators: string[] = [];
  let run = '';
  for (const character of text) {
    if (character >= '0' && character <= '9') {
      run += character;
    } else if (character === '.' || character === ',' || character === ' ' || character === "'") {
      if (run === '') return { kind: 'invalid' };
      runs.push(run);
      separators.push(character);
      run = '';
    } else {
      return { kind: 'invalid' };
    }
  }
  if (run === '') return { kind: 'invalid' };
  runs.push(run);
  if (separators.length === 0) return centsOf(run, '');

  const last = separators[separators.length - 1]!;
  const lastRun = runs[runs.length - 1]!;
  const grouped = (upTo: number) => groupsThousands(runs.slice(0, upTo + 1));
  const sameSeparators = separators.every((separator) => separator === last);
  if (sameSeparators && separators.length > 1) {
    // "1.234.567", "1,234,567", "1 234 567": thousands only.
    return grouped(runs.length - 1) ? centsOf(runs.join(''), '') : { kind: 'invalid' };
  }
  if (sameSeparators) {
    const first = runs[0]!;
    if (last === ' ' || last === "'") {
      return grouped(1) ? centsOf(first + lastRun, '') : { kind: 'invalid' };
    }
    if (lastRun.length <= 2) return centsOf(first, lastRun);
    // "1.089" is a thousand and more (Dutch); "1,089" may be that or one euro and change.
    if (lastRun.length === 3 && grouped(1)) {
      if (last === '.') return centsOf(first + lastRun, '');
      const whole = centsOf(first + lastRun, '');
      const small = roundedCents(first, lastRun);
      if (whole.kind === 'cents' && small !== undefined) {
        return { kind: 'ambiguous', whole: whole.cents, small };
      }
      return { kind: 'tooLarge' };
    }
    return { kind: 'tooPrecise' };
  }
  // Mixed: the last separator is the decimal one, the others (all alike) group thousands.
  const thousands = separators.slice(0, -1);
  const decimal = last === '.' || last === ',';
  const alike = thousands.every((separator) => separator === thousands[0]);
  if (!decimal || !alike || thousands[0] === last || !grouped(runs.length - 2)) {
    return { kind: 'invalid' };
  }
  if (lastRun.length > 2) return { kind: 'tooPrecise' };
  return centsOf(runs.slice(0, -1).join(''), lastRun);
}

// "1", "234", "567": a first group of one to three digits (not a leading zero), then threes.
function groupsThousands(runs: readonly string[]): boolean {
  const [first, ...rest] = runs;
  if (first === undefined || first.length > 3 || first.startsWith('0')) return false;
  return rest.every((group) => group.length === 3);
}

// Euros and one or two decimals as cents; beyond MOST_CENTS (or a number too long to hold) is too large.
function centsOf(euros: string, decimals: string): NumberReading {
  let start = 0;
  while (start < euros.length - 1 && euros.charAt(start) === '0') start += 1;
  const digits = euros.slice(start);
  if (digits.length > 12) return { kind: 'tooLarge' };
  const cents = Number(digits) * 100 + Number(decimals.padEnd(2, '0'));
  return { kind: 'cents', cents };
}

// "1,089" read as one euro and 8.9 cents, rounded to whole cents: 109.
function roundedCents(euros: string, decimals: string): number | undefined {
  const reading = centsOf(euros, '');
  if (reading.kind !== 'cents') return undefined;
  return reading.cents + Math.round(Number(decimals) / 10);
}

// The text without a euro word at its start or end: "€ 85", "eur 85", "85 euro", "85€".
function withoutEuroWord(text: string, side: 'start' | 'end'): string {
  for (const word of EURO_WORDS) {
    if (side === 'start' && text.startsWith(word)) {
      const next = text.charAt(word.length);
      if (word === '€' || !isLetter(next)) return text.slice(word.length).trimStart();
    }
    if (side === 'end' && text.endsWith(word)) {
      const before = text.charAt(text.length - word.length - 1);
      if (word === '€' || !isLetter(before)) return text.slice(0, -word.length).trimEnd();
    }
  }
  return text;
}

// True when the text names another currency than the euro: "$ 85", "85 USD", "120 dollar".
function namesOtherCurrency(text: string): boolean {
  for (const sign of OTHER_CURRENCY_SIGNS) if (text.includes(sign)) return true;
  return text.split(/[^a-z]+/).some((word) => OTHER_CURRENCIES.has(word));
}

// A sentence's end after an amount: "85 euro." A "." after digits stays only in "85.-" forms.
function withoutEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.!'.includes(text.charAt(end - 1))) end -= 1;
  // "n.v.t." keeps its dots: it is said as written.
  return NOTHING.has(text) ? text : text.slice(0, end).trimEnd();
}

function hasDigit(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function isLetter(character: string): boolean {
  return character !== '' && character.toLowerCase() !== character.toUpperCase();
}
