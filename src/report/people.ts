import { isWhitespace } from './plainText';
import type { Person } from './report';

/**
 * The people read from a list, and whether every line was split with certainty (`certain` false:
 * show the list to the traveller before keeping it); or the first line or part that names no role.
 */
export type PeopleParse =
  { ok: true; people: Person[]; certain: boolean } | { ok: false; line: string };

// A list marker that people type or paste before a name: "-", "•", "*", "1." or "1)".
const BULLET = /^(?:[-•*·◦▪‣–]\s*|\d{1,3}[.)]\s+)/;
// Words that join two people on one line: "A (x), B (y) en C (z)".
const JOINING_WORDS = ['en', 'and', '&', 'met', 'with'];
// The first cells of a header row pasted from a spreadsheet: "Naam<TAB>Functie".
const HEADER_NAMES = new Set(['naam', 'name', 'namen', 'names']);

/**
 * Reads the people met as travellers write them: one a line or separated by `;`; several on one
 * line as `A (functie), B (functie) en C (functie)`; `Naam – functie`, `Naam - functie`,
 * `Naam, functie`; tab-separated cells pasted from Excel or Outlook (`naam<TAB>functie<TAB>
 * organisatie`). Bullets, numbers, empty lines, header rows and intro lines ending in `:` are
 * skipped. Two people are never read as one: a line that may hold more than the people read from
 * it makes the reading uncertain. Linear in the length of the text.
 */
export function parsePeople(text: string): PeopleParse {
  const people: Person[] = [];
  let certain = true;
  for (const rawLine of text.split(/\r\n|[\r\n;\u2028\u2029]/)) {
    const line = rawLine.trim().replace(BULLET, '').trim();
    if (line === '' || line.endsWith(':')) continue;
    const read = line.includes('\t') ? readTabbedLine(line) : readLine(line);
    if (!read.ok) return read;
    people.push(...read.people);
    certain &&= read.certain;
  }
  return { ok: true, people, certain };
}

/** A person as the form writes them: `Naam (functie)`. */
export function formatPerson(person: Person): string {
  return `${person.name} (${person.role})`;
}

// Cells pasted from a spreadsheet or an Outlook table: the name, then the role and organisation.
function readTabbedLine(line: string): PeopleParse {
  const cells = line
    .split('\t')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
  if (cells.length < 2) return readLine(cells[0] ?? '');
  if (HEADER_NAMES.has(cells[0]!.toLowerCase())) return { ok: true, people: [], certain: true };
  return {
    ok: true,
    people: [{ name: cells[0]!, role: cells.slice(1).join(', ') }],
    certain: !joinsSeveral(cells[0]!),
  };
}

// One line of text (no tabs): roles in parentheses first, then a dash or a comma.
function readLine(line: string): PeopleParse {
  const firstOpen = line.indexOf('(');
  const separator = separatorAt(line, 0);
  // "Jan Jansen, wethouder (VVD)" or "Anne-Marie Dupont – burgemeester (Genève)": a separator
  // before the only parenthesis makes the parenthesis part of the role.
  if (
    firstOpen > 0 &&
    separator !== undefined &&
    separator.at < firstOpen &&
    line.indexOf('(', firstOpen + 1) < 0
  ) {
    return separated(line, separator);
  }
  if (firstOpen >= 0) return readParenthesised(line);
  return readSeparated(line);
}

/** Where a role in parentheses starts and ends, and where the line goes on after it. */
interface Group {
  open: number;
  close: number;
}

// "A (x), B (y) en C (z)": a role in parentheses ends a person. A comma or "en" inside the
// parentheses belongs to the role; nested parentheses stay in it: "Piet (directeur (a.i.))".
function readParenthesised(line: string): PeopleParse {
  const groups: Group[] = [];
  let depth = 0;
  let open = -1;
  for (let at = 0; at < line.length; at += 1) {
    const character = line.charAt(at);
    if (character === '(') {
      if (depth === 0) open = at;
      depth += 1;
    } else if (character === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) groups.push({ open, close: at });
    }
  }
  // An unclosed parenthesis at the end: "Jan Jansen (wethouder" still names a role.
  const unclosed = depth > 0;
  if (unclosed) groups.push({ open, close: line.length });

  const people: Person[] = [];
  let certain = !unclosed;
  let from = 0;
  for (const group of groups) {
    const between = line.slice(from, group.open);
    const role = line.slice(group.open + 1, group.close).trim();
    from = group.close + 1;
    const name = withoutJoiningWords(between);
    if (name === '' && people.length > 0 && role !== '') {
      // "Jan Jansen (wethouder) (VVD)": a second role of the same person.
      const last = people[people.length - 1]!;
      last.role = `${last.role} (${role})`;
      certain = false;
      continue;
    }
    if (name === '' || role === '') return { ok: false, line: spanOf(line, between, group) };
    if (joinsSeveral(name)) certain = false;
    people.push({ name, role });
  }
  const rest = line.slice(from);
  if (!isOnlyPunctuation(rest)) {
    const startsNewPerson = withoutJoiningWords(rest) !== rest.trim() || startsWithComma(rest);
    // "A (x), B": a person after the last role, without a role of their own.
    if (startsNewPerson) return { ok: false, line: withoutJoiningWords(rest) };
    // "Jan Jansen (VVD) wethouder": text after the role belongs to it, but read it back.
    const last = people[people.length - 1]!;
    last.role = `${last.role}, ${rest.trim()}`;
    certain = false;
  }
  return { ok: true, people, certain };
}

// The part of the line to name in a message about a person without a role.
function spanOf(line: string, between: string, group: Group): string {
  const name = withoutJoiningWords(between);
  return name === '' ? line : `${name} ${line.slice(group.open, group.close + 1)}`.trim();
}

// "Naam - functie", "Naam – functie", "Naam, functie", and several on a line joined by commas or
// "en" when each part has exactly one dash: "A - x, B - y en C - z".
function readSeparated(line: string): PeopleParse {
  const first = separatorAt(line, 0);
  if (first === undefined) return { ok: false, line };
  if (first.kind === 'dash') {
    const parts = partsWithOneDash(line);
    if (parts) {
      const people = parts.map((part) => separated(part, separatorAt(part, 0)!));
      const read: Person[] = [];
      let certain = true;
      for (const person of people) {
        if (!person.ok) return person;
        read.push(...person.people);
        certain &&= person.certain;
      }
      return { ok: true, people: read, certain };
    }
  }
  return separated(line, first);
}

function separated(line: string, separator: Separator): PeopleParse {
  const name = line.slice(0, separator.at).trim();
  const role = line.slice(separator.at + separator.length).trim();
  if (name === '' || role === '') return { ok: false, line };
  // A comma may as well stand between two names; more than one dash may hide a second person.
  const certain =
    separator.kind === 'dash' &&
    separatorAt(line, separator.at + separator.length) === undefined &&
    !joinsSeveral(name);
  return { ok: true, people: [{ name, role }], certain };
}

/** A separator between a name and a role: a dash (en, em, or a spaced hyphen) or a comma. */
interface Separator {
  at: number;
  length: number;
  kind: 'dash' | 'comma';
}

// The first separator at or after `from`; a hyphen without spaces belongs to a name ("Anne-Marie").
function separatorAt(line: string, from: number): Separator | undefined {
  for (let at = from; at < line.length; at += 1) {
    const character = line.charAt(at);
    if (character === '–' || character === '—') return { at, length: 1, kind: 'dash' };
    if (character === ',') return { at, length: 1, kind: 'comma' };
    if (
      character === '-' &&
      isWhitespace(line.charAt(at - 1)) &&
      isWhitespace(line.charAt(at + 1))
    ) {
      return { at, length: 1, kind: 'dash' };
    }
  }
  return undefined;
}

// The line cut at ", " and " en " into parts that each hold exactly one dash; undefined when
// any part has none or several (then a comma or "en" may be part of a role).
function partsWithOneDash(line: string): string[] | undefined {
  const parts = splitAtJoins(line);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    const first = separatorAt(part, 0);
    if (first?.kind !== 'dash' || separatorAt(part, first.at + 1) !== undefined) return undefined;
  }
  return parts;
}

// Cuts at commas and at the joining words standing alone between spaces.
function splitAtJoins(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let wordStart = -1;
  for (let at = 0; at <= line.length; at += 1) {
    const character = line.charAt(at);
    if (character === ',') {
      parts.push(line.slice(start, at));
      start = at + 1;
      wordStart = -1;
    } else if (at === line.length || isWhitespace(character)) {
      if (wordStart >= 0 && JOINING_WORDS.includes(line.slice(wordStart, at).toLowerCase())) {
        parts.push(line.slice(start, wordStart));
        start = at;
      }
      wordStart = -1;
    } else if (wordStart < 0) {
      wordStart = at;
    }
  }
  parts.push(line.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

// True when a name may be two people: "Jan en Piet", "Jan, Piet", "Jan & Piet", or holds a
// parenthesis that closes nothing ("Jan) Piet").
function joinsSeveral(name: string): boolean {
  for (const character of ',/()') if (name.includes(character)) return true;
  return splitAtJoins(name).length > 1;
}

// The text without a leading comma or joining word and the spaces around it: ", en Piet" → "Piet".
// Lower case only: "En" starting a line is a name (Dutch "en" joins in lower case).
function withoutJoiningWords(text: string): string {
  let rest = text.trim();
  if (rest.startsWith(',')) rest = rest.slice(1).trim();
  const space = rest.search(/\s/);
  if (space > 0 && JOINING_WORDS.includes(rest.slice(0, space))) {
    rest = rest.slice(space).trim();
  }
  return rest;
}

function startsWithComma(text: string): boolean {
  return text.trim().startsWith(',');
}

function isOnlyPunctuation(text: string): boolean {
  for (const character of text) {
    if (!isWhitespace(character) && !'.,!'.includes(character)) return false;
  }
  return true;
}
