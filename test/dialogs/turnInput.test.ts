import assert from 'node:assert/strict';
import {
  COMMAND_TEXT_LIMIT,
  commandOf,
  editCommandOf,
  isConfirmation,
  normalizedCommand,
} from '../../src/dialogs/turnInput';
import { productCatalogue } from '../support/catalogue';

describe('turnInput: typed commands', () => {
  describe('commandOf', () => {
    for (const [text, command] of [
      ['nieuw verslag', 'newReport'],
      ['  Nieuw   Verslag!! ', 'newReport'],
      ['stop.', 'stop'],
      ['Mijn\tverslagen', 'myReports'],
      ['delete\u00a0draft', 'deleteDraft'],
    ] as const) {
      it(`reads ${JSON.stringify(text)} as ${command}`, () => {
        assert.equal(commandOf(text), command);
      });
    }

    it('reads no command in a sentence', () => {
      assert.equal(commandOf('Ik wil stoppen met dit verslag'), undefined);
      assert.equal(commandOf(''), undefined);
      assert.equal(commandOf(undefined), undefined);
    });

    it(`reads a command of up to ${COMMAND_TEXT_LIMIT} characters, and none in a longer text`, () => {
      const spaced = (length: number) => `nieuw${' '.repeat(length - 12)}verslag`;
      assert.equal(spaced(COMMAND_TEXT_LIMIT).length, COMMAND_TEXT_LIMIT);
      assert.equal(commandOf(spaced(COMMAND_TEXT_LIMIT)), 'newReport');
      assert.equal(commandOf(spaced(COMMAND_TEXT_LIMIT + 1)), undefined);
      assert.equal(normalizedCommand(spaced(COMMAND_TEXT_LIMIT + 1)), '');
      assert.equal(commandOf(`stop${'.'.repeat(30_000)}`), undefined);
    });

    it('does not count the spaces around a command', () => {
      const padding = ' '.repeat(5000);
      assert.equal(commandOf(`${padding}stop${padding}`), 'stop');
    });
  });

  describe('editCommandOf', () => {
    it('reads `wijzig` alone and with the part in the traveller’s own words', () => {
      assert.deepEqual(editCommandOf('wijzig', productCatalogue), {});
      assert.equal(editCommandOf('wijzig doel', productCatalogue)?.part?.key, 'purpose');
      assert.equal(editCommandOf('  Wijzigen de datums ', productCatalogue)?.part?.key, 'duration');
      assert.equal(editCommandOf('change people met', productCatalogue)?.part?.key, 'peopleMet');
    });

    it('reads no edit command in other words, on two lines or in a long text', () => {
      assert.equal(editCommandOf('wijzigingen graag', productCatalogue), undefined);
      assert.equal(editCommandOf('doel wijzigen', productCatalogue), undefined);
      assert.equal(editCommandOf('wijzig\ndoel', productCatalogue), undefined);
      assert.equal(editCommandOf(`wijzig ${'doel '.repeat(30)}`, productCatalogue), undefined);
      assert.equal(editCommandOf(`wijzig${' '.repeat(30_000)}x`, productCatalogue), undefined);
    });
  });

  describe('isConfirmation (the edit dialog)', () => {
    for (const text of [
      'ja',
      'Ja, klopt',
      'yes please',
      'bevestig',
      'Confirm!',
      'verder',
      'plaatsen',
    ]) {
      it(`takes ${JSON.stringify(text)} as a yes`, () => {
        assert.equal(isConfirmation(text), true);
      });
    }

    for (const text of ['nee', 'jazeker niet', 'misschien', '', `ja${' '.repeat(200)}, klopt`]) {
      it(`takes ${JSON.stringify(text.length > 20 ? `${text.slice(0, 8)}…` : text)} as no yes`, () => {
        assert.equal(isConfirmation(text), false);
      });
    }
  });
});
