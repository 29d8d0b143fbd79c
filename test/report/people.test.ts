import assert from 'node:assert/strict';
import { formatPerson, parsePeople } from '../../src/report/people';
import { FORM_PEOPLE_TEXT } from './fixtures';

describe('people', () => {
  describe('parsePeople', () => {
    it("reads the form's own list: the intro line skipped, 7 people with their roles", () => {
      const result = parsePeople(FORM_PEOPLE_TEXT);
      assert.ok(result.ok);
      assert.equal(result.people.length, 7);
      assert.deepEqual(result.people[0], {
        name: 'Pascal Smet',
        role: 'Brussels Staatssecretaris voor Stedenbouw, Europese en Internationale Aangelegenheden',
      });
      assert.deepEqual(result.people[6], {
        name: 'Fabiana Hoyeneche',
        role: 'Directeur Internationale Relaties en Samenwerking van de stad Montevideo',
      });
    });

    const forms = [
      'Lena Gruber (burgemeester)',
      'Lena Gruber - burgemeester',
      'Lena Gruber – burgemeester',
      'Lena Gruber—burgemeester',
      'Lena Gruber, burgemeester',
      '- Lena Gruber (burgemeester)',
      '• Lena Gruber (burgemeester)',
      '* Lena Gruber (burgemeester)',
      '1. Lena Gruber (burgemeester)',
      '2) Lena Gruber (burgemeester)',
      '   Lena Gruber   (burgemeester)  ',
    ];
    for (const line of forms) {
      it(`reads "${line}" as Lena Gruber, burgemeester`, () => {
        assert.deepEqual(parsePeople(line), {
          ok: true,
          people: [{ name: 'Lena Gruber', role: 'burgemeester' }],
          // A comma may as well stand between two names: the list is shown back first.
          certain: !line.includes(','),
        });
      });
    }

    it('keeps hyphens inside a name and the rest of the line in the role', () => {
      const result = parsePeople(
        'Anne-Marie Dupont - burgemeester - Genève\nJan Jansen, wethouder (VVD)\nPiet Smit (directeur (a.i.))',
      );
      assert.deepEqual(result, {
        ok: true,
        people: [
          { name: 'Anne-Marie Dupont', role: 'burgemeester - Genève' },
          { name: 'Jan Jansen', role: 'wethouder (VVD)' },
          { name: 'Piet Smit', role: 'directeur (a.i.)' },
        ],
        // Two dashes, or a comma, may hide a second person: shown back before it is kept.
        certain: false,
      });
    });

    it('skips empty lines and headings ending in a colon, also with Windows line ends', () => {
      const result = parsePeople(
        'Uit Wenen:\r\n\r\nLena Gruber (burgemeester)\r\nUit Genève:\r\nSami Kanaan (wethouder)\r\n',
      );
      assert.ok(result.ok);
      assert.deepEqual(
        result.people.map((p) => p.name),
        ['Lena Gruber', 'Sami Kanaan'],
      );
    });

    it('takes people separated by semicolons, as typed in a chat that sends on Enter', () => {
      const result = parsePeople('Lena Gruber (burgemeester); Sami Kanaan - wethouder');
      assert.ok(result.ok);
      assert.deepEqual(result.people, [
        { name: 'Lena Gruber', role: 'burgemeester' },
        { name: 'Sami Kanaan', role: 'wethouder' },
      ]);
    });

    it('names the first line that has no role', () => {
      assert.deepEqual(parsePeople('Lena Gruber (burgemeester)\n- Jan Jansen\nPiet'), {
        ok: false,
        line: 'Jan Jansen',
      });
      assert.deepEqual(parsePeople('Jan Jansen ()'), { ok: false, line: 'Jan Jansen ()' });
      assert.deepEqual(parsePeople(', wethouder'), { ok: false, line: ', wethouder' });
    });

    it('gives nobody for empty text', () => {
      assert.deepEqual(parsePeople('  \n\n'), { ok: true, people: [], certain: true });
    });
  });

  describe('formatPerson', () => {
    it('writes a person as the form does, and reads back the same', () => {
      const person = { name: 'Lena Gruber', role: 'Hoofd Internationale Zaken, Stad Wenen' };
      assert.equal(formatPerson(person), 'Lena Gruber (Hoofd Internationale Zaken, Stad Wenen)');
      assert.deepEqual(parsePeople(formatPerson(person)), {
        ok: true,
        people: [person],
        certain: true,
      });
    });
  });
});
