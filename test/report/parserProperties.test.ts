// Properties of the parsers of typed answers, on random input (fast-check): they never throw,
// never take long, and never merge two people into one (issue 17, item 1).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { readTripDates } from '../../src/report/dates';
import { parsePeople } from '../../src/report/people';
import type { Person } from '../../src/report/report';
import { readYesNo } from '../../src/report/yesNo';
import { TODAY } from './fixtures';

/**
 * The most one parse of at most 4,000 characters may take. A parse takes about a millisecond;
 * the bound only catches runaway (super-linear) parsing, which takes seconds at this length, and
 * leaves room for a busy machine's pauses (50 ms failed under load). test/security/
 * linearParsing.test.ts checks linear time on 100,000 characters.
 */
const BOUND_MS = 2_000;
const runs = { numRuns: 400 };

const capitalized = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWZÉÖ'),
    fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnoprstuvwzéëöü'),
      minLength: 1,
      maxLength: 9,
    }),
  )
  .map(([first, rest]) => first + rest);
const name = fc
  .tuple(
    capitalized,
    fc.option(fc.constantFrom('van', 'de', 'van der', 'ter'), { nil: undefined }),
    capitalized,
    fc.boolean(),
  )
  .map(([first, particle, last, hyphen]) =>
    [hyphen ? `${first}-${last}` : first, particle, last].filter(Boolean).join(' '),
  );
const roleWord = fc.constantFrom(
  'wethouder',
  'burgemeester',
  'directeur',
  'Hoofd',
  'Internationale',
  'Zaken',
  'Stad',
  'Wenen',
  'van',
  'de',
  'en',
  'voor',
  'Mayor',
  'of',
  'and',
  'Protocol',
);
const plainRole = fc.array(roleWord, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
// Inside parentheses a role may hold commas and "en": they belong to it.
const parenthesisedRole = fc
  .array(fc.tuple(plainRole, fc.constantFrom(' ', ', ', ' en ')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([text, joint], i) => (i === 0 ? text : joint + text)).join(''));

type Shape = 'parentheses' | 'dash' | 'hyphen' | 'tab';
const written = (person: Person, shape: Shape): string => {
  switch (shape) {
    case 'parentheses':
      return `${person.name} (${person.role})`;
    case 'dash':
      return `${person.name} – ${person.role}`;
    case 'hyphen':
      return `${person.name} - ${person.role}`;
    case 'tab':
      return `${person.name}\t${person.role}`;
  }
};

// A list as people write it: people in parentheses may share a line, joined by ", ", " en " or
// " and "; every other shape stands on its own line or after a ";", with or without a bullet.
const list = fc
  .array(
    fc.oneof(
      fc.record({ name, role: parenthesisedRole, shape: fc.constant<Shape>('parentheses') }),
      fc.record({ name, role: plainRole, shape: fc.constantFrom<Shape>('dash', 'hyphen', 'tab') }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((people) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(', ', ' en ', ' and ', '\n', '; ', '\n• ', '\n- ', '\r\n'), {
          minLength: people.length,
          maxLength: people.length,
        }),
        fc.constantFrom('', '• ', '1. ', 'Ik sprak met:\n'),
      )
      .map(([joints, opening]) => {
        let text = opening;
        people.forEach((person, i) => {
          const previous = people[i - 1];
          if (previous) {
            const sameLine = previous.shape === 'parentheses' && person.shape === 'parentheses';
            const joint = joints[i]!;
            text += sameLine || ![', ', ' en ', ' and '].includes(joint) ? joint : '\n';
          }
          text += written(person, person.shape);
        });
        return { text, people: people.map(({ name: n, role }) => ({ name: n, role })) };
      }),
  );

function timed<T>(parse: () => T): T {
  const started = performance.now();
  const result = parse();
  const took = performance.now() - started;
  assert.ok(took < BOUND_MS, `took ${took.toFixed(1)} ms`);
  return result;
}

describe('parsers of typed answers, on random input', () => {
  it('read every list written in the accepted shapes as exactly its people, with certainty', () => {
    fc.assert(
      fc.property(list, ({ text, people }) => {
        assert.deepEqual(
          timed(() => parsePeople(text)),
          { ok: true, people, certain: true },
          text,
        );
      }),
      runs,
    );
  });

  it('never merge two people: joined without a role between them, they are asked back', () => {
    // Two people with one role: "A en B (wethouders)", "A, B (wethouders)", "A & B - wethouders".
    const shared = fc.tuple(
      name,
      name,
      fc.constantFrom(' en ', ', ', ' & ', ' and ', '/'),
      plainRole,
      fc.constantFrom<Shape>('parentheses', 'dash', 'hyphen'),
    );
    fc.assert(
      fc.property(shared, ([first, second, joint, role, shape]) => {
        const text = written({ name: `${first}${joint}${second}`, role }, shape);
        const result = timed(() => parsePeople(text));
        assert.ok(!result.ok || !result.certain || result.people.length >= 2, text);
      }),
      runs,
    );
  });

  it('never throw or take long on any text, and never read a name that may hold two people as certain', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4000 }),
      fc.string({ unit: fc.constantFrom(...'ab ()-–,;\t\n&/en.'), maxLength: 4000 }),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const people = timed(() => parsePeople(typed));
        if (people.ok) {
          for (const person of people.people) {
            assert.ok(person.name !== '' && person.role !== '', 'a name and a role');
            if (people.certain) {
              assert.ok(!/[(),/]|\s(?:en|and|&)\s/i.test(person.name), `merged? ${person.name}`);
            }
          }
        }
        const yesNo = timed(() => readYesNo(typed));
        if (yesNo.said !== 'unsure') assert.ok(typed.includes(yesNo.explanation));
        const dates = timed(() => readTripDates(typed, TODAY));
        if (dates.ok) assert.match(dates.departure, /^\d{4}-\d{2}-\d{2}$/);
      }),
      runs,
    );
  });
});
