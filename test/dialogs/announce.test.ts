import assert from 'node:assert/strict';
import { nudgeCardData, renderNudgeCard } from '../../src/cards/nudgeCard';
import { actionData, cardOf, visibleText } from './chatTester';
import { play, reisverslagenChannel, useDialogStores, type Turn } from './script';
import { productCatalogue as catalogue } from '../support/catalogue';
import { progressOf } from '../support/sampleAnswers';
import { announcedQuestions } from '../../src/reminders/nudge';

const TRAVELLER = 'aad-traveller-1';
const vraag = (key: string) => progressOf(catalogue, key);

/** `ik ga op reis` to Genève, with dates next March (the chat's clock says 20 November 2026). */
const announceGeneva: Turn[] = [
  { says: 'ik ga op reis', botShows: ['Fijne reis!', vraag('title')] },
  { says: 'UN-Habitat Assembly 2027', botShows: [vraag('destination')] },
  { says: 'Genève', botShows: [vraag('duration')] },
  {
    says: '8 t/m 12 maart 2027',
    botShows: ['Genoteerd: UN-Habitat Assembly 2027 in Genève. Op maandag 15 maart vraag ik'],
  },
];

describe('AnnounceDialog: ik ga op reis', function () {
  const stores = useDialogStores(catalogue);
  const { newChat, trip } = stores;

  it('asks the title, destination and dates, accepts future dates, and stores the announced draft', async () => {
    const chat = newChat();
    await play(chat, announceGeneva);
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.ok(stored);
    assert.deepEqual(Object.keys(stored.answers).sort(), ['destination', 'duration', 'title']);
    assert.deepEqual(stored.answers.duration, {
      type: 'dateRange',
      departure: '2027-03-08',
      return: '2027-03-12',
      days: 5,
      nights: 4,
    });
    assert.equal(stored.announced?.returnDate, '2027-03-12');
    // Friday 12 March: the nudge on Monday the 15th when the window opens, 09:00 in Amsterdam.
    assert.equal(stored.announced?.nudge.dueAt, '2027-03-15T08:00:00.000Z');
    assert.equal(stored.reminderDueAt, '2027-03-15T08:00:00.000Z', 'no reminder before the nudge');
  });

  it('reads dates without a year as the coming ones, and `new trip` in English', async () => {
    const chat = newChat({ locale: 'en-GB' });
    await play(chat, [
      { says: 'new trip', botShows: ['Have a good trip!'] },
      { says: 'Eurocities Porto', botShows: [] },
      { says: 'Porto', botShows: [] },
      {
        says: '3 t/m 4 december',
        botShows: ['Noted: Eurocities Porto in Porto. On Monday 7 December'],
      },
    ]);
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(stored?.announced?.returnDate, '2026-12-04');
  });

  it('keeps refusing future dates in the ordinary interview', async () => {
    const chat = newChat();
    await play(chat, [
      ...trip.upTo('duration'),
      { says: '8 t/m 12 maart 2027', botShows: [vraag('duration'), 'ligt in de toekomst'] },
    ]);
    assert.equal((await stores.reports.get(TRAVELLER, 'report-1'))?.answers.duration, undefined);
  });

  it('offers the draft already begun first, and announces on Reis aanmelden', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    const offer = await play(chat, [
      { says: 'stop', botShows: ['Gepauzeerd'] },
      {
        says: 'reis aanmelden',
        botShows: ['Je hebt nog een onafgerond verslag', 'Reis aanmelden'],
      },
    ]);
    await play(chat, [
      { says: 'ja', botShows: ['Kies op de kaart'] },
      {
        presses: () => actionData(cardOf(offer.at(-1)!)!, 'Reis aanmelden'),
        botShows: ['Fijne reis!', vraag('title')],
      },
      ...announceGeneva.slice(1),
    ]);
    assert.ok((await stores.reports.get(TRAVELLER, 'report-2'))?.announced);
    assert.equal((await stores.reports.get(TRAVELLER, 'report-1'))?.announced, undefined);
  });

  it('continues an announced trip before the return at its first open question, and posts it with the announced dates', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    await play(chat, announceGeneva);
    const announced = new Set(announcedQuestions(catalogue).map((question) => question.key));
    const open = catalogue.questions.filter((question) => !announced.has(question.key));
    // Nu beginnen on the nudge card (here before the return: it is the same `resume`).
    const draft = await stores.reports.get(TRAVELLER, 'report-1');
    const start = actionData(renderNudgeCard(nudgeCardData(draft!, catalogue)), 'Nu beginnen');
    await play(chat, [{ presses: () => start, botShows: [vraag(open[0]!.key)] }]);
    const review = await play(
      chat,
      open.map((question, index) => ({
        says: trip.typed(question.key),
        botShows: open[index + 1]
          ? [vraag(open[index + 1]!.key)]
          : ['Controleer je verslag', 'UN-Habitat Assembly 2027', '5 dagen (4 nachten)'],
      })),
    );
    const confirmation = await chat.submit(
      actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'),
    );
    assert.match(visibleText(confirmation[0]!), /geplaatst in het kanaal Reisverslagen/);
    const posted = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(posted?.status, 'posted');
    assert.equal(
      posted?.answers.duration?.type === 'dateRange' && posted.answers.duration.return,
      '2027-03-12',
    );
  });

  it('lists an announced trip in mijn verslagen with its return date', async () => {
    const chat = newChat();
    await play(chat, [
      ...announceGeneva,
      {
        says: 'mijn verslagen',
        botShows: ['UN-Habitat Assembly 2027', 'aangemeld, terug op 12-03-2027'],
      },
    ]);
  });

  it('moves the nudge by a working day on Later, twice, then refuses politely', async () => {
    const chat = newChat();
    await play(chat, announceGeneva);
    // As the sweep leaves it once the nudge went out.
    await stores.reports.update(TRAVELLER, 'report-1', (report) => {
      const { dueAt: _due, ...nudge } = report.announced!.nudge;
      return {
        ...report,
        announced: {
          ...report.announced!,
          nudge: { ...nudge, sentAt: ['2027-03-15T08:00:00.000Z'] },
        },
      };
    });
    const card = () =>
      stores.reports
        .get(TRAVELLER, 'report-1')
        .then((draft) => renderNudgeCard(nudgeCardData(draft!, catalogue)));
    const first = actionData(await card(), 'Later');
    // The chat's clock: Friday 20 November 2026; the next working day is Monday the 23rd.
    await play(chat, [
      { presses: () => first, botShows: ['Goed, ik vraag het je maandag 23 november opnieuw.'] },
    ]);
    await play(chat, [{ presses: () => first, botShows: ['Dat had ik al genoteerd'] }]);
    let stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(stored?.announced?.nudge.postponed, 1);
    assert.equal(stored?.reminderDueAt, '2026-11-23T08:00:00.000Z');

    const sent = async () =>
      stores.reports.update(TRAVELLER, 'report-1', (report) => {
        const { dueAt: _due, ...nudge } = report.announced!.nudge;
        return { ...report, announced: { ...report.announced!, nudge } };
      });
    await sent();
    await play(chat, [{ presses: () => first, botShows: ['nog één keer'] }]);
    await sent();
    const last = await card();
    assert.throws(() => actionData(last, 'Later'), 'the third nudge has no Later');
    assert.ok(JSON.stringify(last).includes('Ik stel het niet verder uit'));
    await play(chat, [{ presses: () => first, botShows: ['Later kan nu niet meer'] }]);
    stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(stored?.announced?.nudge.postponed, 2);
  });
});
