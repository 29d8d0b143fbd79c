import { isWhitespace } from './plainText';
import type { Person } from './report';

/** The people read from a list, or the first line that names no role. */
export type PeopleParse = { ok: true; people: Person[] } | { ok: false; line: string };

// A list marker that people type or paste before a name: "-", "•", "*", "1." or "1)".
const BULLET = /^(?:[-•*·◦▪‣]\s*|\d{1,3}[.)]\s+)/;

/**
 * Reads one person a line (or a `;` between people, for chat apps that send on Enter), as
 * `Naam (functie)`, `Naam - functie`, `Naam – functie` or `Naam, functie`. Bullets, empty lines and intro lines ending in `:` (such as "Er is
 * kennisgemaakt met de volgende personen:") are skipped; a line without a role is an error.
 */
export function parsePeople(text: string): PeopleParse {
  const people: Person[] = [];
  for (const rawLine of text.split(/\r\n|[\r\n;]/)) {
    const line = rawLine.trim().replace(BULLET, '').trim();
    if (line === '' || line.endsWith(':')) continue;
    const person = splitPerson(line);
    if (!person) return { ok: false, line };
    people.push(person);
  }
  return { ok: true, people };
}

/** A person as the form writes them: `Naam (functie)`. */
export function formatPerson(person: Person): string {
  return `${person.name} (${person.role})`;
}

// The earliest marker decides the form, so that a comma inside "(…, …)" stays in the role and
// "Jan Jansen, wethouder (VVD)" keeps "(VVD)" in the role. String code rather than patterns: a
// pattern with whitespace around the marker backtracks on long runs of spaces.
function splitPerson(line: string): Person | undefined {
  const parenthesis = line.indexOf('(');
  const separator = separatorIndex(line);
  if (parenthesis > 0 && (separator < 0 || parenthesis < separator)) {
    // `Naam (functie)`: the role runs from the first "(" to a ")" that ends the line.
    if (!line.endsWith(')')) return undefined;
    return person(line.slice(0, parenthesis), line.slice(parenthesis + 1, -1));
  }
  if (separator < 0) return undefined;
  return person(line.slice(0, separator), line.slice(separator + 1));
}

// Where the first separator between name and role other than parentheses is: "–", "—", "," or
// a hyphen with whitespace on both sides (a hyphen alone belongs to a name: "Anne-Marie"); -1 for none.
function separatorIndex(line: string): number {
  for (let at = 0; at < line.length; at += 1) {
    const character = line.charAt(at);
    if (character === '–' || character === '—' || character === ',') return at;
    if (
      character === '-' &&
      isWhitespace(line.charAt(at - 1)) &&
      isWhitespace(line.charAt(at + 1))
    ) {
      return at;
    }
  }
  return -1;
}

function person(name: string, role: string): Person | undefined {
  const trimmedName = name.trim();
  const trimmedRole = role.trim();
  return trimmedName && trimmedRole ? { name: trimmedName, role: trimmedRole } : undefined;
}
