import type { Person } from './report';

/** The people read from a list, or the first line that names no role. */
export type PeopleParse = { ok: true; people: Person[] } | { ok: false; line: string };

// A list marker that people type or paste before a name: "-", "•", "*", "1." or "1)".
const BULLET = /^(?:[-•*·◦▪‣]\s*|\d{1,3}[.)]\s+)/;
// The separators between name and role other than parentheses: " - ", "–", "—", ",".
const SEPARATOR = /\s+-\s+|\s*[–—]\s*|\s*,\s*/;
const PARENTHESES = /^(.+?)\s*\((.+)\)$/;

/**
 * Reads one person a line (or a `;` between people, for chat apps that send on Enter), as
 * `Naam (functie)`, `Naam - functie`, `Naam – functie` or `Naam, functie`. Bullets, empty lines and intro lines ending in `:` (such as "Er is
 * kennisgemaakt met de volgende personen:") are skipped; a line without a role is an error.
 */
export function parsePeople(text: string): PeopleParse {
  const people: Person[] = [];
  for (const rawLine of text.split(/\r\n|\r|\n|;/)) {
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
// "Jan Jansen, wethouder (VVD)" keeps "(VVD)" in the role.
function splitPerson(line: string): Person | undefined {
  const parenthesis = line.indexOf('(');
  const separator = SEPARATOR.exec(line);
  if (parenthesis > 0 && (!separator || parenthesis < separator.index)) {
    const match = PARENTHESES.exec(line);
    return match ? person(match[1], match[2]) : undefined;
  }
  if (!separator) return undefined;
  return person(line.slice(0, separator.index), line.slice(separator.index + separator[0].length));
}

function person(name: string, role: string): Person | undefined {
  const trimmedName = name.trim();
  const trimmedRole = role.trim();
  return trimmedName && trimmedRole ? { name: trimmedName, role: trimmedRole } : undefined;
}
