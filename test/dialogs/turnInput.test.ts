import assert from 'node:assert/strict';
import {
  carriesFile,
  COMMAND_TEXT_LIMIT,
  commandOf,
  commandWordOf,
  editCommandOf,
  isConfirmation,
  normalizedCommand,
} from '../../src/dialogs/turnInput';
import { productCatalogue } from '../support/catalogue';
import {
  emojiHtmlAttachments,
  fileAttachments,
  imageAttachments,
  stickerAttachments,
} from '../support/activities';

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

  describe('commandWordOf (the open question never takes these as its answer)', () => {
    for (const [text, command] of [
      ['verder', 'continue'],
      ['Ga verder!', 'continue'],
      ['continue', 'continue'],
      ['wijzig', 'edit'],
      ['wijzig doel', 'edit'],
      ['plaatsen', 'post'],
      ['gebruik dit kanaal', 'useThisChannel'],
    ] as const) {
      it(`reads ${JSON.stringify(text)} as ${command}`, () => {
        assert.equal(commandWordOf(text, productCatalogue), command);
      });
    }

    for (const text of ['ja', 'yes', 'vorige', 'Verder dan verwacht', 'wijzig het parkeerbeleid']) {
      it(`leaves ${JSON.stringify(text)} to the question`, () => {
        assert.equal(commandWordOf(text, productCatalogue), undefined);
      });
    }
  });

  describe('carriesFile', () => {
    it('sees a file, a pasted image, a sticker and a GIF as Teams sends them', () => {
      for (const attachments of [
        fileAttachments(),
        imageAttachments(),
        [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }],
        stickerAttachments(),
        stickerAttachments('gif'),
      ]) {
        assert.equal(carriesFile({ attachments }), true, JSON.stringify(attachments));
      }
    });

    it('sees no file in typed text, its HTML, an emoji or a mention', () => {
      assert.equal(carriesFile({ text: 'hoi' }), false);
      assert.equal(carriesFile({ attachments: [] }), false);
      assert.equal(carriesFile({ attachments: emojiHtmlAttachments('Top', '👍') }), false);
      assert.equal(
        carriesFile({ attachments: [{ contentType: 'text/html', content: '<p>Wenen</p>' }] }),
        false,
      );
      assert.equal(carriesFile({ attachments: [{ contentType: 'text/html' }] }), false);
    });

    it('reads long HTML in one pass', () => {
      const html = '<img'.repeat(200_000);
      const started = process.hrtime.bigint();
      assert.equal(
        carriesFile({ attachments: [{ contentType: 'text/html', content: html }] }),
        true,
      );
      const emoji = '<img itemtype="http://schema.skype.com/Emoji">'.repeat(20_000) + '<img';
      assert.equal(
        carriesFile({ attachments: [{ contentType: 'text/html', content: emoji }] }),
        true,
      );
      assert.ok(process.hrtime.bigint() - started < 500_000_000n, 'well under half a second');
    });
  });
});
