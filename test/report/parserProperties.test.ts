// Properties of the parsers of typed answers, on random input (fast-check): they never throw,
// never take long, and never merge two people into one (issue 17, item 1).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { readAmount, readAmounts } from '../../src/report/amounts';
import { amountField, parseCardAnswer, parseTypedAnswer } from '../../src/report/answerInput';
import { readColleagues } from '../../src/report/colleagues';
import { readTripDates } from '../../src/report/dates';
import { decimalEuro, formatEuro } from '../../src/report/money';
import { readPayer } from '../../src/report/payer';
import { parsePeople } from '../../src/report/people';
import type { Person } from '../../src/report/report';
import { readYesNo } from '../../src/report/yesNo';
import { productCatalogue } from '../support/catalogue';
import { questionOf } from '../support/sampleAnswers';
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

// Issue 18: amounts, who paid, fellow travellers.
const costsQuestion = questionOf(productCatalogue, 'costs');
const parts = costsQuestion.parts ?? [];
const cents = fc.integer({ min: 0, max: 1_000_000_000 });

// Cents as a traveller types them: `412,80`, `1089` (whole euros without cents).
function typedEuro(amount: number): string {
  const rest = amount % 100;
  const euros = Math.floor(amount / 100);
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

// Every way the bot or a traveller writes an amount that must read back exactly.
const writtenAmount = fc.constantFrom(
  (amount: number) => formatEuro(amount, 'nl'),
  (amount: number) => formatEuro(amount, 'en'),
  typedEuro,
  decimalEuro,
  (amount: number) => `${typedEuro(amount)} euro`,
  (amount: number) => `EUR ${decimalEuro(amount)}`,
);

describe('amount, payer and colleague readers, on random input', () => {
  it('read every amount the bot or a traveller writes back to the same cents', () => {
    fc.assert(
      fc.property(cents, writtenAmount, (amount, write) => {
        const text = write(amount);
        assert.deepEqual(
          timed(() => readAmount(text)),
          { ok: true, cents: amount },
          text,
        );
      }),
      runs,
    );
  });

  it('read labelled amounts in any order and with any joint back to the same cents', () => {
    const costs = fc.tuple(
      fc.array(fc.option(cents, { nil: null }), { minLength: 3, maxLength: 3 }),
      writtenAmount,
      fc.constantFrom('; ', '\n', ', ', ' en ', '\t', ' '),
      fc.constantFrom(': ', ' ', '\t', ' - '),
      fc.boolean(),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    );
    fc.assert(
      fc.property(costs, ([amounts, write, joint, colon, reversed, words]) => {
        const items = parts.map((part, i) => {
          const amount = amounts[i] ?? null;
          return `${part.words[words[i]! % part.words.length]!}${colon}${amount === null ? 'nog niet bekend' : write(amount)}`;
        });
        const text = (reversed ? items.reverse() : items).join(joint);
        const expected = Object.fromEntries(parts.map((part, i) => [part.key, amounts[i] ?? null]));
        assert.deepEqual(
          timed(() => readAmounts(text, parts)),
          { ok: true, amounts: expected },
          text,
        );
      }),
      runs,
    );
  });

  it('never throw or take long on any text, and keep every amount in range', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4000 }),
      fc.string({ unit: fc.constantFrom(...'0123456789.,  €-;\n\treisotlhv?'), maxLength: 4000 }),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const amount = timed(() => readAmount(typed));
        if (amount.ok && amount.cents !== null) {
          assert.ok(Number.isInteger(amount.cents) && amount.cents >= 0);
          assert.ok(amount.cents <= 1_000_000_000);
        }
        const amounts = timed(() => readAmounts(typed, parts));
        if (amounts.ok)
          assert.deepEqual(Object.keys(amounts.amounts).sort(), ['other', 'stay', 'travel']);
        const payer = timed(() => readPayer(typed));
        if (payer.ok && payer.text !== undefined) assert.ok(payer.text !== '');
        timed(() => readColleagues(typed));
        for (const key of ['costs', 'paidBy', 'coTravellers']) {
          const question = questionOf(productCatalogue, key);
          const result = timed(() => parseTypedAnswer(question, typed, 'nl', TODAY));
          if (!result.ok) assert.match(result.error, /^\S.*\.$/s);
          const fields = {
            answer: typed,
            picked: typed,
            choice: typed,
            [amountField('stay')]: typed,
          };
          timed(() => parseCardAnswer(question, fields, 'en', TODAY));
        }
      }),
      runs,
    );
  });

  it('never merge two colleagues: distinct names joined with any separator read back apart', () => {
    const names = fc.uniqueArray(name, {
      minLength: 1,
      maxLength: 8,
      selector: (n) => n.toLowerCase(),
    });
    const joints = fc.array(
      fc.constantFrom('\n', '; ', ', ', ' en ', ' and ', ' & ', ' / ', '\r\n', ';', ',', '\n- '),
      { minLength: 8, maxLength: 8 },
    );
    const shapes = fc.array(fc.constantFrom('plain', 'email', 'quoted'), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(names, joints, shapes, (people, joint, shape) => {
        // With a `;` the text is an Outlook paste, whose commas belong to names (`Visser, Sanne
        // de`): there a comma is no separator, so such a mix is no case of two names merged.
        const used = joint.slice(1, people.length);
        fc.pre(!(used.some((j) => j.includes(';')) && used.some((j) => j.includes(','))));
        const text = people
          .map((person, i) => {
            const address = `<${person.replace(/\s/g, '.').toLowerCase()}@gemeente.nl>`;
            const shown =
              shape[i] === 'email'
                ? `${person} ${address}`
                : shape[i] === 'quoted'
                  ? `"${person}" ${address}`
                  : person;
            return i === 0 ? shown : `${joint[i]!}${shown}`;
          })
          .join('');
        const read = timed(() => readColleagues(text));
        assert.deepEqual(
          read,
          { ok: true, colleagues: people.map((person) => ({ name: person })), nobody: false },
          text,
        );
      }),
      runs,
    );
  });
});
