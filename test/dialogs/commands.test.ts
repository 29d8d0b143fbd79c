import assert from 'node:assert/strict';
import {
  commandIn,
  commandMatch,
  commands,
  helpText,
  type Command,
  type Place,
} from '../../src/dialogs/commands';

const all: readonly Command[] = commands;

/** The help as it was written out by hand before the registry generated it. */
const HELP_BEFORE_THE_REGISTRY = {
  nl:
    'Ik stel je de vragen van het formulier "Verslag buitenlandse dienstreis", één per kaart. Antwoord op de kaart of typ je antwoord gewoon in de chat. Elk antwoord wordt meteen bewaard.\n\n' +
    '- **nieuw verslag**: begin een verslag (of ga verder met je concept)\n' +
    '- **vorige**: terug naar de vorige vraag\n' +
    '- **wijzig** of **wijzig doel**: verander een geplaatst verslag; het bericht in het kanaal wordt bijgewerkt\n' +
    '- **mijn verslagen**: je verslagen, met hun status\n' +
    '- **exporteer**: een geplaatst verslag als Word-bestand, in je OneDrive\n' +
    '- **stop**: pauzeer; je concept blijft bewaard\n' +
    '- **verwijder concept**: gooi je onafgeronde verslag weg (je krijgt eerst een vraag)\n' +
    '- **geen herinneringen** / **herinneringen aan**: zet mijn herinneringen aan onafgeronde verslagen uit of weer aan\n' +
    '- **help**: deze uitleg\n\n' +
    'Aan het eind zie je alle antwoorden en plaats je het verslag met één knop in het kanaal van je team.',
  en:
    'I ask you the questions of the form "Verslag buitenlandse dienstreis", one per card. Answer on the card or just type your answer in the chat. Every answer is saved at once.\n\n' +
    '- **new report**: start a report (or continue your draft)\n' +
    '- **previous**: back to the previous question\n' +
    '- **change** or **change purpose**: correct a posted report; the post in the channel is updated\n' +
    '- **my reports**: your reports, with their status\n' +
    '- **export**: a posted report as a Word file, in your OneDrive\n' +
    '- **stop**: pause; your draft is kept\n' +
    '- **delete draft**: throw away your unfinished report (I ask first)\n' +
    '- **no reminders** / **reminders on**: switch my reminders about unfinished reports off or back on\n' +
    '- **help**: this explanation\n\n' +
    "At the end you see all answers and post the report in your team's channel with one button.",
};

describe('the command registry', () => {
  it('generates the help that was written by hand before, in Dutch and English', () => {
    // Pinned while the registry replaced the hand-written help. A new command adds its line:
    // then every line of before must still be there, in the same order, between the same
    // introduction and closing paragraph.
    for (const locale of ['nl', 'en'] as const) {
      const [intro, lines, outro] = HELP_BEFORE_THE_REGISTRY[locale].split('\n\n');
      const [introNow, linesNow, outroNow] = helpText(locale).split('\n\n');
      assert.equal(introNow, intro);
      assert.equal(outroNow, outro);
      const now = (linesNow ?? '').split('\n');
      const kept = now.filter((line) => (lines ?? '').split('\n').includes(line));
      assert.deepEqual(kept, (lines ?? '').split('\n'), `the ${locale} help lost or moved a line`);
      if (now.length === kept.length)
        assert.equal(helpText(locale), HELP_BEFORE_THE_REGISTRY[locale]);
    }
  });

  it('gives each word to one command only, in every place', () => {
    const owner = new Map<string, string>();
    for (const command of all) {
      for (const word of [...command.words.nl, ...command.words.en]) {
        const other = owner.get(word);
        assert.ok(
          other === undefined || other === command.name,
          `${word}: ${other} and ${command.name}`,
        );
        owner.set(word, command.name);
      }
    }
  });

  it('declares words in the form they are compared (lower case, single spaces, trimmed)', () => {
    for (const command of all) {
      for (const word of [...command.words.nl, ...command.words.en]) {
        assert.equal(word, word.toLowerCase().trim().replace(/ {2,}/g, ' '), word);
        assert.equal(commandMatch(word)?.command.name, command.name, word);
      }
    }
  });

  it('has a handler for every place a command works, and a help line naming its Dutch and English word', () => {
    for (const command of all) {
      const personal = command.where.some((place) => place === 'idle' || place === 'interview');
      assert.equal(personal, command.personal !== undefined, command.name);
      assert.equal(command.where.includes('channel'), command.channel !== undefined, command.name);
      assert.ok(
        command.where.length > 0 || command.readBy !== undefined,
        `${command.name} works nowhere and no dialog step reads it`,
      );
      if (personal) {
        // Every command of the personal chat is in the help: on its own line or, for
        // `herinneringen aan`, beside its opposite.
        for (const locale of ['nl', 'en'] as const) {
          assert.ok(
            helpText(locale).includes(`**${command.words[locale][0]}**`),
            `${command.name} is not in the ${locale} help`,
          );
        }
      }
      if (command.help) {
        assert.ok(command.help.nl.startsWith(`**${command.words.nl[0]}**`), command.name);
        assert.ok(command.help.en.startsWith(`**${command.words.en[0]}**`), command.name);
      }
    }
  });

  it('routes a command only where it works', () => {
    const at = (text: string, place: Place) => commandIn(text, place)?.command.name;
    assert.equal(at('help', 'idle'), 'help');
    assert.equal(at('help', 'channel'), undefined);
    assert.equal(at('gebruik dit kanaal', 'channel'), 'useThisChannel');
    assert.equal(at('gebruik dit kanaal', 'idle'), undefined);
    assert.equal(at('Wijzig doel', 'channel'), 'edit');
    assert.equal(commandIn('wijzig doel', 'channel')?.rest, ' doel');
    assert.equal(at('wijzig doel', 'interview'), undefined, 'the review step reads it there');
    assert.equal(at('vorige', 'interview'), undefined, 'the interview step reads it');
    assert.equal(at('exporteer', 'channel'), 'export');
  });
});
