import type { Answer, Person, Report } from '../report/report';

// Words inside names that are no name on their own ("van", "de", "al"): never replaced alone.
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  'von',
  'zu',
  'la',
  'le',
  'les',
  'du',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'abu',
  'mc',
  'mac',
  'st',
  'and',
  'en',
]);
// Scripts written without spaces between words: a name there is found without word boundaries.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * The report for publication without the names of the people met (personal data under the
 * AVG): each person is listed by role only, and each of their names (full, or a first or last
 * name on its own) in a text answer becomes `[role]`. The traveller's own name stays, and so do
 * the fellow travellers (colleagues, not people met), the amounts and who paid (only a name of
 * someone met in its text is replaced); the history, which holds the old answers, is left out.
 */
export function redactPeople(report: Report): Report {
  const people = report.answers.peopleMet?.type === 'people' ? report.answers.peopleMet.people : [];
  const replace = nameReplacer(people, report.travellerName);
  const answers: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(report.answers)) {
    answers[key] = redactAnswer(answer, replace);
  }
  return { ...report, answers, history: [] };
}

function redactAnswer(answer: Answer, replace: (text: string) => string): Answer {
  switch (answer.type) {
    case 'people':
      return {
        type: 'people',
        people: answer.people.map((person) => ({ name: '', role: replace(person.role) })),
      };
    case 'shortText':
    case 'longText':
      return { ...answer, text: replace(answer.text) };
    case 'yesNoText':
    case 'payer':
      return answer.text === undefined ? answer : { ...answer, text: replace(answer.text) };
    // Numbers, dates, amounts and colleagues name nobody met.
    default:
      return answer;
  }
}

/** A function that replaces every name of these people in a text by `[their role]`. */
function nameReplacer(people: readonly Person[], travellerName: string): (text: string) => string {
  const travellerWords = new Set(words(travellerName).map((word) => word.toLocaleLowerCase()));
  const roles = new Map<string, string>();
  for (const person of people) {
    const role = `[${person.role}]`;
    const full = person.name.trim().replace(/\s+/g, ' ');
    if (full && full.toLocaleLowerCase() !== travellerName.trim().toLocaleLowerCase()) {
      setOnce(roles, full.toLocaleLowerCase(), role);
    }
    for (const word of words(person.name)) {
      const lower = word.toLocaleLowerCase();
      const meaningful = UNSPACED.test(word) ? word.length >= 1 : word.length >= 2;
      if (meaningful && !PARTICLES.has(lower) && !travellerWords.has(lower)) {
        setOnce(roles, lower, role);
      }
    }
  }
  if (roles.size === 0) return (text) => text;
  // Longest first, so that a full name is replaced as one before its parts are looked at.
  const alternatives = [...roles.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => {
      const pattern = escapeRegExp(name).replace(/ /g, '\\s+');
      return UNSPACED.test(name) ? pattern : `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`;
    });
  const names = new RegExp(alternatives.join('|'), 'giu');
  const once = (text: string): string =>
    text.replace(
      names,
      (match) => roles.get(match.toLocaleLowerCase().replace(/\s+/g, ' ')) ?? '[…]',
    );
  // Twice: a role put in place of a name may itself name another person met.
  return (text) => once(once(text));
}

// Two people with the same first name: the name alone says nothing about which role, so it
// becomes a neutral mark rather than the wrong role.
function setOnce(map: Map<string, string>, key: string, value: string): void {
  const known = map.get(key);
  map.set(key, known === undefined || known === value ? value : '[…]');
}

function words(name: string): string[] {
  return name.split(/[\s.,'’\-‐]+/u).filter((word) => word !== '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
