// Reading the colleagues who travelled along (issue 18): names typed or pasted from Outlook, and
// the Entra object ids of Teams' people picker. Two people are never read as one: a name too
// many (a split "Visser, Sanne") shows on the review card, two merged into one would not.
import { characterCount, collapseWhitespace, isWhitespace } from './plainText';
import type { Colleague } from './report';

/** The most characters of one name: longer text is not a name. */
export const NAME_LIMIT = 200;

/**
 * The colleagues read from text, `nobody` when it says the traveller went alone; or the first
 * "name" too long to be one.
 */
export type ColleaguesReading =
  | { ok: true; colleagues: Colleague[]; nobody: boolean }
  | { ok: false; name: string; problem: 'tooLong' | 'notAName' };

// A name has a letter and does not open with a digit: `3`, `2 collega's` or a date typed to the
// wrong question is not a colleague (`Collega 1` is).
const NOT_A_NAME = /^\P{L}*$|^\d/u;

// Whole answers that say the traveller went alone.
const NOBODY = new Set([
  'niemand',
  'geen',
  'geen collega',
  "geen collega's",
  'geen reisgenoten',
  'alleen',
  'ik alleen',
  'ik reisde alleen',
  'ik ging alleen',
  'ik was alleen',
  'ik ben alleen gegaan',
  'ik ben alleen gereisd',
  'in mijn eentje',
  'nvt',
  'n.v.t',
  'n.v.t.',
  'n/a',
  '-',
  '–',
  '—',
  'nobody',
  'no one',
  'noone',
  'none',
  'alone',
  'i travelled alone',
  'i traveled alone',
  'i went alone',
  'just me',
  'only me',
]);

// The traveller themselves in a list: "ik en Sanne Visser" names one colleague.
const SELF = new Set(['ik', 'ikzelf', 'mijzelf', 'mezelf', 'i', 'me', 'myself']);
// A list marker that people type or paste before a name: "-", "•", "*", "1." or "1)".
const BULLET = /^(?:[-•*·◦▪‣–]\s*|\d{1,3}[.)]\s+)/;
// A picker value: an Entra object id.
const OBJECT_ID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
// Words that join two names: "Sanne en Piet", "Sanne and Piet" (lower case: "En" may be a name).
const JOINING_WORDS = ['en', 'and'];
// Name particles, which Outlook puts after the given name: "Boer, Karin de".
const PARTICLES = new Set([
  'de',
  'den',
  'der',
  'van',
  'von',
  'ter',
  'ten',
  'te',
  'het',
  "'t",
  'la',
  'le',
  'du',
  'da',
  'di',
  'in',
]);

/**
 * Reads colleagues' names: one a line, or separated by `;`, `,`, `en`, `and`, `&`, `/`, `+` or
 * tabs. A `;` makes it an Outlook paste (`Visser, Sanne; Jansen, Piet`): commas then belong to
 * the names. `Name <e-mail>` keeps the name (the address when there is none); quoted names keep
 * their commas. Duplicates (case-insensitive) are left out; `niemand`, `alleen`, `nobody`, … is
 * nobody. Linear in the length of the text.
 */
export function readColleagues(text: string): ColleaguesReading {
  const trimmed = text.trim();
  const said = withoutEndPunctuation(collapseWhitespace(trimmed).toLowerCase());
  if (NOBODY.has(said)) return { ok: true, colleagues: [], nobody: true };
  // A number or a date answered here (the headcount, the trip's dates) is no list of names.
  if (/^\d/.test(trimmed)) return { ok: false, name: trimmed, problem: 'notAName' };
  const outlook = trimmed.includes(';');
  const split = splitNames(trimmed, true) ?? splitNames(trimmed, false) ?? [];
  const pieces = outlook ? split.flatMap(outlookNames) : split;
  const colleagues: Colleague[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const name = nameOf(piece);
    if (name === '' || name.endsWith(':') || SELF.has(name.toLowerCase())) continue;
    if (characterCount(name) > NAME_LIMIT) return { ok: false, name, problem: 'tooLong' };
    if (NOT_A_NAME.test(name)) return { ok: false, name, problem: 'notAName' };
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    colleagues.push({ name });
  }
  return { ok: true, colleagues, nobody: false };
}

/**
 * The Entra object ids of the people picker's value (comma-separated), lower case, each once.
 * Anything else is left out: the picker sends only object ids, and a value that is none cannot
 * be resolved to a person or mentioned, while refusing it would lose the names typed beside it.
 */
export function readPickedIds(value: string): string[] {
  const ids = value
    .split(/[\s,;]/)
    .filter((piece) => OBJECT_ID.test(piece))
    .map((id) => id.toLowerCase());
  return [...new Set(ids)];
}

// The text cut at separators, outside quotes, <addresses> and parentheses when `quoting`;
// undefined when one is left open (then the text is cut again without them, so that an unclosed quote
// cannot hide a separator and merge two people).
function splitNames(text: string, quoting: boolean): string[] | undefined {
  const outlook = text.includes(';');
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  let addressed = false;
  let depth = 0;
  for (let at = 0; at < text.length; at += 1) {
    const character = text.charAt(at);
    if (quoting && (character === '"' || character === '“' || character === '”')) {
      quoted = character === '“' ? true : character === '”' ? false : !quoted;
      continue;
    }
    if (quoting && !quoted && character === '<') addressed = true;
    if (quoting && character === '>') addressed = false;
    // "Sanne Visser (beleid, BZ)": a remark in parentheses keeps its commas.
    if (quoting && !quoted && !addressed && character === '(') depth += 1;
    if (quoting && !quoted && !addressed && character === ')' && depth > 0) depth -= 1;
    if (quoted || addressed || depth > 0) continue;
    const length = separatorLength(text, at, outlook);
    if (length > 0) {
      pieces.push(text.slice(start, at));
      start = at + length;
      at += length - 1;
    }
  }
  if (quoted || addressed || depth > 0) return undefined;
  pieces.push(text.slice(start));
  return pieces;
}

// How long the separator at `at` is; 0 when there is none.
function separatorLength(text: string, at: number, outlook: boolean): number {
  const character = text.charAt(at);
  if ('\n\r\t;&/+\u2028\u2029'.includes(character)) return 1;
  if (character === ',') return outlook ? 0 : 1;
  if (!isWhitespace(character)) return 0;
  // " en ", " and ": the word between whitespace.
  for (const word of JOINING_WORDS) {
    const end = at + 1 + word.length;
    if (text.slice(at + 1, end) === word && isWhitespace(text.charAt(end))) {
      return end - at;
    }
  }
  return 0;
}

// One piece of an Outlook paste (cut at ";"): "Visser, Sanne" (a surname, a comma, one given
// name) is one person; "Sanne Visser, Piet Jansen" is two, cut at the comma as usual.
function outlookNames(piece: string): string[] {
  const commas: number[] = [];
  let quoted = false;
  let depth = 0;
  for (let at = 0; at < piece.length; at += 1) {
    const character = piece.charAt(at);
    if (character === '"' || character === '“' || character === '”') quoted = !quoted;
    else if (character === '(' || character === '<') depth += 1;
    else if ((character === ')' || character === '>') && depth > 0) depth -= 1;
    else if (character === ',' && !quoted && depth === 0) commas.push(at);
  }
  if (commas.length === 0) return [piece];
  if (commas.length === 1 && isGivenName(piece.slice(commas[0]! + 1))) return [piece];
  const names: string[] = [];
  let start = 0;
  for (const comma of commas) {
    names.push(piece.slice(start, comma));
    start = comma + 1;
  }
  names.push(piece.slice(start));
  return names;
}

// "Sanne", "S.M.", "Karin de", "Piet <p.jansen@…>": one given name (or initials) and particles.
function isGivenName(text: string): boolean {
  const open = text.search(/[(<]/);
  const words = (open < 0 ? text : text.slice(0, open))
    .split(/\s+/)
    .filter((word) => word !== '' && !PARTICLES.has(word.toLowerCase()));
  return words.length === 1;
}

// A name as typed: without a bullet, quotes, or an e-mail address after it.
function nameOf(piece: string): string {
  let name = collapseWhitespace(piece).trim().replace(BULLET, '').trim();
  const open = name.indexOf('<');
  if (open >= 0) {
    const close = name.indexOf('>', open);
    const address = name.slice(open + 1, close < 0 ? undefined : close).trim();
    const before = name.slice(0, open).trim();
    name = before !== '' ? before : address;
  }
  return withoutQuotes(name);
}

function withoutQuotes(text: string): string {
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  const quoted =
    text.length >= 2 && ((first === '"' && last === '"') || (first === '“' && last === '”'));
  return quoted ? text.slice(1, -1).trim() : text;
}

function withoutEndPunctuation(text: string): string {
  if (NOBODY.has(text)) return text;
  let end = text.length;
  while (end > 0 && '.!'.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end).trimEnd();
}
