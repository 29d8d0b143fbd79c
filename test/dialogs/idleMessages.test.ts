import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { actionData, cardOf, visibleText, type ChatTester } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';
import {
  emojiHtmlAttachments,
  fileAttachments,
  imageAttachments,
  stickerAttachments,
} from '../support/activities';
import { productCatalogue as catalogue } from '../support/catalogue';
import { progressOf } from '../support/sampleAnswers';

const TRAVELLER = 'aad-traveller-1';
const vraag = (key: string) => progressOf(catalogue, key);
const FILE_SENTENCE =
  /^Bestanden, foto's en stickers kan ik niet aan het verslag toevoegen; typ je antwoord gewoon in de chat\.$/;

/** The titles of a reply's card buttons; none for a plain message. */
function buttons(reply: Partial<Activity>): string[] {
  const actions = (cardOf(reply)?.actions ?? []) as { title?: string }[];
  return actions.map((action) => String(action.title));
}

describe('Messages that are no answer: thanks, greetings, command words, files', function () {
  const stores = useDialogStores(catalogue);
  const { newChat, trip } = stores;
  const storedReports = () => stores.reports.listByTraveller(TRAVELLER);

  /** Says `text`, expects one plain sentence matching `expected`, and returns it. */
  async function oneSentence(chat: ChatTester, text: string, expected: RegExp): Promise<void> {
    const replies = await chat.say(text);
    assert.equal(replies.length, 1, `one reply to ${text}`);
    assert.equal(cardOf(replies[0]!), undefined, `${text}: a sentence, not a card`);
    assert.match(replies[0]!.text ?? '', expected, text);
  }

  describe('outside an interview', () => {
    it('answers thanks and greetings with a short friendly sentence and starts no report', async () => {
      const chat = newChat();
      for (const thanks of [
        'Dank je wel!',
        'bedankt',
        'thanks',
        'Hartelijk dank voor je hulp 🙏',
        '👍🙏',
        'Top, bedankt!',
      ]) {
        await oneSentence(chat, thanks, /^Graag gedaan!$/);
      }
      for (const greeting of ['hoi', 'Goedemorgen!', 'Hallo 👋', 'good morning']) {
        await oneSentence(chat, greeting, /^Hallo! Typ \*\*nieuw verslag\*\* om /);
      }
      assert.deepEqual(await storedReports(), [], 'no draft');
    });

    it('after posting, "Dank je wel!" starts no draft and schedules no reminder', async () => {
      await stores.channels.save(reisverslagenChannel);
      const chat = newChat();
      const review = await play(chat, trip.all);
      await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
      await oneSentence(chat, 'Dank je wel!', /^Graag gedaan!$/);
      const reports = await storedReports();
      assert.deepEqual(
        reports.map((report) => [report.id, report.status]),
        [['report-1', 'posted']],
      );
      // The reminder sweep, a year on, finds nothing to remind anyone of.
      const inAYear = new Date(Date.UTC(2027, 10, 20));
      assert.deepEqual(await stores.reports.findDueReminders(inAYear, 10), []);
    });

    it('gives anything else the help card: Nieuw verslag, and Verdergaan when there is a draft', async () => {
      const chat = newChat();
      const [help, ...more] = await chat.say('Ik ben net terug uit Wenen');
      assert.equal(more.length, 0);
      assert.deepEqual(
        buttons(help!),
        ['Nieuw verslag', 'Alles in één formulier'],
        'no draft: nothing to continue',
      );
      const shown = visibleText(help!);
      for (const command of ['nieuw verslag', 'verder', 'mijn verslagen', 'help']) {
        assert.ok(shown.includes(`**${command}**`), `the help card names ${command}`);
      }
      assert.deepEqual(await storedReports(), []);

      await play(chat, [
        { presses: () => actionData(cardOf(help!)!, 'Nieuw verslag'), botShows: [vraag('title')] },
        ...trip.upTo('persons').slice(1),
        { says: 'stop', botShows: ['Gepauzeerd', '**verder**'] },
      ]);
      const [withDraft] = await chat.say('wat nu?');
      assert.deepEqual(buttons(withDraft!), [
        'Verdergaan',
        'Nieuw verslag',
        'Alles in één formulier',
      ]);
      await play(chat, [
        {
          presses: () => actionData(cardOf(withDraft!)!, 'Verdergaan'),
          botShows: [vraag('persons')],
        },
      ]);
      assert.equal((await storedReports()).length, 1, 'the help card made no draft');
    });

    it('shows the help card on help, with Verdergaan when there is a draft', async () => {
      const chat = newChat();
      await play(chat, [...trip.upTo('destination'), { says: 'stop', botShows: ['Gepauzeerd'] }]);
      const [help] = await chat.say('help');
      assert.deepEqual(buttons(help!), ['Verdergaan', 'Nieuw verslag', 'Alles in één formulier']);
      assert.match(visibleText(help!), /\*\*verwijder concept\*\*/);
    });

    it('continues the draft on verder, ga verder and continue, and says so when there is none', async () => {
      const chat = newChat();
      await oneSentence(chat, 'verder', /^Je hebt geen onafgerond verslag om mee verder te gaan\./);
      assert.deepEqual(await storedReports(), []);
      await play(chat, trip.upTo('persons'));
      for (const word of ['verder', 'Ga verder!', 'continue']) {
        await play(chat, [
          { says: 'stop', botShows: ['Gepauzeerd'] },
          { says: word, botShows: [vraag('persons'), 'HOEVEEL PERSONEN'] },
        ]);
      }
      await play(chat, [{ says: '2', botShows: [vraag(trip.after('persons'))] }]);
      const [draft, ...others] = await storedReports();
      assert.equal(others.length, 0);
      assert.deepEqual(draft?.answers.persons, { type: 'number', value: 2 });
    });

    it('answers a file, image or sticker with one sentence and starts no report', async () => {
      const chat = newChat();
      for (const attachments of [fileAttachments(), imageAttachments(), stickerAttachments()]) {
        const replies = await chat.attach(attachments);
        assert.equal(replies.length, 1);
        assert.match(
          replies[0]!.text ?? '',
          /^Bestanden, foto's en stickers kan ik niet aan een verslag toevoegen; typ \*\*nieuw verslag\*\*/,
        );
      }
      assert.deepEqual(await storedReports(), []);
    });

    it('speaks English to an English Teams client', async () => {
      const chat = newChat({ locale: 'en-GB' });
      await oneSentence(chat, 'Thanks!', /^You're welcome!$/);
      await oneSentence(chat, 'hello', /^Hello! Type \*\*new report\*\*/);
      const [file] = await chat.attach(fileAttachments('agenda.docx'));
      assert.match(file!.text ?? '', /^I cannot add files, images or stickers to a report/);
      const [help] = await chat.say('what can you do');
      assert.deepEqual(buttons(help!), ['New report', 'Whole form on one card']);
    });
  });

  describe('during a question', () => {
    it('never stores a command word: verder asks the question again, others get a sentence', async () => {
      const chat = newChat();
      await play(chat, trip.upTo('purpose'));
      const before = (await storedReports())[0]?.answers;
      for (const word of ['verder', 'Ga verder.', 'continue', 'verder gaan']) {
        const replies = await chat.say(word);
        assert.equal(replies.length, 1, `${word}: the question again, and nothing else`);
        assert.ok(visibleText(replies[0]!).includes(vraag('purpose')), word);
        assert.match(visibleText(replies[0]!), /WAT WAS HET DOEL VAN DE REIS\?/);
      }
      for (const word of ['wijzig', 'wijzig doel', 'plaatsen', 'gebruik dit kanaal']) {
        await oneSentence(
          chat,
          word,
          /^Dat is een opdracht en geen antwoord, dus ik heb niets bewaard/,
        );
      }
      assert.deepEqual((await storedReports())[0]?.answers, before, 'nothing stored');
      await play(chat, [
        { says: 'help', botShows: ['**nieuw verslag**'] },
        { says: trip.typed('purpose'), botShows: [vraag(trip.after('purpose'))] },
      ]);
      const [report] = await storedReports();
      assert.deepEqual(report?.answers.purpose, { type: 'longText', text: trip.typed('purpose') });
    });

    it('answers a file, image, sticker or GIF with one sentence; nothing is stored, the question stays open', async () => {
      const chat = newChat();
      await play(chat, trip.upTo('locations'));
      const before = (await storedReports())[0]?.answers;
      for (const attachments of [
        fileAttachments('foto-rathaus.jpg'),
        imageAttachments(),
        stickerAttachments(),
        stickerAttachments('gif'),
      ]) {
        const replies = await chat.attach(attachments);
        assert.equal(replies.length, 1, 'one sentence');
        assert.match(replies[0]!.text ?? '', FILE_SENTENCE);
      }
      // A caption typed beside the image is not taken either: the answer is typed on its own.
      assert.match(
        (await chat.attach(imageAttachments(), 'Rathaus'))[0]?.text ?? '',
        FILE_SENTENCE,
      );
      assert.deepEqual((await storedReports())[0]?.answers, before, 'nothing stored');
      await play(chat, [
        { says: trip.typed('locations'), botShows: [vraag(trip.after('locations'))] },
      ]);
      assert.deepEqual((await storedReports())[0]?.answers.locations, {
        type: 'longText',
        text: trip.typed('locations'),
      });
    });

    it('takes typed text with an emoji as text, though Teams shows the emoji as an <img>', async () => {
      const chat = newChat();
      await play(chat, trip.upTo('purpose'));
      const replies = await chat.attach(
        emojiHtmlAttachments('Kennis delen', '👍'),
        'Kennis delen 👍',
      );
      assert.ok(visibleText(replies.at(-1)!).includes(vraag(trip.after('purpose'))));
      assert.deepEqual((await storedReports())[0]?.answers.purpose, {
        type: 'longText',
        text: 'Kennis delen 👍',
      });
    });
  });
});
