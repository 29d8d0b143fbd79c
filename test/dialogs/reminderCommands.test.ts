import assert from 'node:assert/strict';
import { reminderCardData, renderReminderCard } from '../../src/cards/reminderCard';
import { actionData, cardOf, visibleText } from './chatTester';
import { play, useDialogStores } from './script';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';
import { answeredBefore, answeredOf, progressOf } from '../support/sampleAnswers';

const TRAVELLER = 'aad-traveller-1';

describe('Reminders and drafts in the personal chat', function () {
  reminderCommandsTests(productCatalogue);
});

/** The tests of reminders and drafts on a catalogue: the product's above, others in extraQuestion.test.ts. */
export function reminderCommandsTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);
  const { newChat, trip } = stores;
  const vraag = (key: string) => progressOf(catalogue, key);
  /** "2 van 9": the questions before `key` answered, of all. */
  const answered = (key: string) => `${answeredBefore(catalogue, key)} van ${catalogue.size}`;

  it('resumes the reminded draft at its next open question, also when it is not the latest and another interview runs', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons')); // report-1: title and destination, asked the persons
    await play(chat, [
      { says: 'nieuw verslag', botShows: ['Je hebt een onafgerond verslag'] },
      {
        presses: (replies) => actionData(cardOf(replies[0]!)!, 'Nieuw verslag'),
        botShows: [vraag('title')],
      },
      { says: 'Congres Lyon', botShows: [vraag('destination')] },
    ]);
    const reminded = await stores.reports.get(TRAVELLER, 'report-1');
    assert.ok(reminded);
    const reminder = renderReminderCard(reminderCardData(reminded, catalogue));
    assert.ok(
      JSON.stringify(reminder).includes(
        answeredOf(catalogue, answeredBefore(catalogue, 'persons')),
      ),
    );

    const replies = await chat.submit(actionData(reminder, 'Verdergaan'));
    const shown = replies.map(visibleText).join('\n');
    assert.ok(shown.includes(vraag('persons')), shown);
    assert.match(shown, /HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT/);
    await play(chat, [{ says: '2', botShows: [vraag(trip.after('persons'))] }]);
    const answered = await stores.reports.get(TRAVELLER, 'report-1');
    assert.deepEqual(answered?.answers.persons, { type: 'number', value: 2 });
    const other = await stores.reports.get(TRAVELLER, 'report-2');
    assert.equal(other?.answers.persons, undefined, 'the other draft is untouched');
  });

  it('resumes from a reminder when nothing runs, and says so when the draft is gone', async () => {
    const chat = newChat();
    await play(chat, [...trip.upTo('destination'), { says: 'stop', botShows: ['Gepauzeerd'] }]);
    const draft = await stores.reports.get(TRAVELLER, 'report-1');
    const resume = actionData(
      renderReminderCard(reminderCardData(draft!, catalogue)),
      'Verdergaan',
    );
    await play(chat, [{ presses: () => resume, botShows: [vraag('destination'), 'bestemming'] }]);
    await stores.reports.delete(TRAVELLER, 'report-1');
    await play(chat, [
      { says: 'stop', botShows: ['Gepauzeerd'] },
      { presses: () => resume, botShows: ['Dat concept bestaat niet meer'] },
    ]);
  });

  it('switches reminders off and on mid-interview, keeping the question open', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    const scheduled = await stores.reports.get(TRAVELLER, 'report-1');
    assert.ok(scheduled?.reminderDueAt, 'an answered draft has a reminder due');

    const off = await chat.say('geen herinneringen');
    assert.equal(off.length, 1, 'one sentence, no question card again');
    assert.match(visibleText(off[0]!), /geen herinneringen meer/);
    assert.equal((await stores.preferences.get(TRAVELLER))?.reminders, false);
    assert.equal((await stores.reports.get(TRAVELLER, 'report-1'))?.reminderDueAt, undefined);

    await play(chat, [
      { says: '2', botShows: [vraag('duration')] },
      { says: 'herinneringen aan', botShows: ['Herinneringen staan aan'] },
      { says: '3-11-2026 t/m 5-11-2026', botShows: [vraag(trip.after('duration'))] },
    ]);
    assert.equal((await stores.preferences.get(TRAVELLER))?.reminders, true);
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.ok(stored?.reminderDueAt);
    assert.deepEqual(Object.keys(stored?.answers ?? {}), [
      ...trip.keysBefore('duration'),
      'duration',
    ]);
  });

  it('deletes a draft only after the confirmation; `Nee` keeps it and the question', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    const keep = await play(chat, [
      {
        says: 'verwijder concept',
        botShows: [
          'Wil je het concept Wiener Städtedialog 2026',
          answered('persons'),
          'Ja, verwijderen',
          'Nee',
        ],
      },
    ]);
    await play(chat, [
      { presses: () => actionData(cardOf(keep[0]!)!, 'Nee'), botShows: ['Niets verwijderd'] },
      { says: '2', botShows: [vraag(trip.after('persons'))] },
    ]);
    assert.ok(await stores.reports.get(TRAVELLER, 'report-1'));

    const confirm = await play(chat, [
      {
        says: 'verwijder concept',
        botShows: ['Wil je het concept', answered(trip.after('persons'))],
      },
    ]);
    await play(chat, [
      {
        presses: () => actionData(cardOf(confirm[0]!)!, 'Ja, verwijderen'),
        botShows: ['Het concept Wiener Städtedialog 2026 is verwijderd'],
      },
    ]);
    assert.equal(await stores.reports.get(TRAVELLER, 'report-1'), undefined);
    // The interview of the deleted draft is over: `nieuw verslag` starts a new report at once.
    await play(chat, [{ says: 'nieuw verslag', botShows: [vraag('title')] }]);
    assert.ok(await stores.reports.get(TRAVELLER, 'report-2'));
  });

  it('says so when there is no draft to delete, and answers in English for an English client', async () => {
    const chat = newChat({ locale: 'en-US' });
    await play(chat, [
      { says: 'delete draft', botShows: ['You have no draft to delete.'] },
      { says: 'no reminders', botShows: ['You will get no more reminders'] },
      { says: 'reminders on', botShows: ['Reminders are on'] },
      { says: 'help', botShows: ['delete draft', 'no reminders', 'reminders on'] },
    ]);
  });

  it('mentions the commands in the help', async () => {
    await play(newChat(), [
      {
        says: 'help',
        botShows: ['verwijder concept', 'geen herinneringen', 'herinneringen aan'],
      },
    ]);
  });
}
