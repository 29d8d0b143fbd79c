import assert from 'node:assert/strict';
import { actionData, cardOf, inputsOf, visibleText } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';
import { answeredBefore, answeredOf, progressOf, sampleAnswer } from '../support/sampleAnswers';
import { threadOf } from '../support/reportPosts';

describe('MainDialog: the interview in the personal chat', function () {
  mainDialogTests(productCatalogue);
});

/** The interview's tests on a catalogue: the product's above, others in extraQuestion.test.ts. */
export function mainDialogTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);
  const { newChat, trip } = stores;
  const vraag = (key: string) => progressOf(catalogue, key);
  /** "3 van 9 vragen beantwoord": every question before `key` answered. */
  const answered = (key: string) => answeredOf(catalogue, answeredBefore(catalogue, key));

  it('takes a whole report typed, one question at a time, and stores every answer as it is given', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    const draft = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.deepEqual(Object.keys(draft?.answers ?? {}), trip.keysBefore('duration'));
    assert.deepEqual(draft?.answers.persons, { type: 'number', value: 2 });
    await play(chat, trip.from('duration'));
    const complete = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.equal(Object.keys(complete?.answers ?? {}).length, catalogue.size);
    assert.equal(complete?.status, 'draft');
  });

  it('replaces each answered card by a compact read-only line', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    assert.equal(chat.updates.length, answeredBefore(catalogue, 'persons'));
    const line = visibleText(chat.updates[answeredBefore(catalogue, 'destination')]!);
    assert.ok(line.includes(`${vraag('destination')} · Bestemming`), line);
    assert.match(line, /Wenen, Oostenrijk/);
    assert.equal(cardOf(chat.updates[1]!)?.actions, undefined, 'the compact line has no buttons');
  });

  it('posts the reviewed report in the team channel and confirms naming team and channel', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    const review = await play(chat, trip.all);
    const reviewCard = cardOf(review.at(-1)!)!;
    const confirmation = await chat.submit(actionData(reviewCard, 'Plaatsen in kanaal'));
    assert.match(
      visibleText(confirmation[0]!),
      /geplaatst in het kanaal Reisverslagen van het team Internationale Zaken/,
    );
    assert.equal(chat.publisher.posts.length, 1);
    const posted = chat.publisher.posts[0]!;
    assert.equal(posted.target.channelId, '19:reisverslagen@thread.tacv2');
    const shown = visibleText({
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: posted.card },
      ],
    });
    for (const expected of [
      'Verslag buitenlandse dienstreis',
      'Wiener Städtedialog 2026',
      'Sanne de Vries',
      'Wenen, Oostenrijk',
      'WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)',
      'Lukas Gruber (directeur Wohnfonds)',
    ]) {
      assert.ok(shown.includes(expected), `the channel card shows ${expected}`);
    }
    const stored = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.equal(stored?.status, 'posted');
    assert.equal(threadOf(stored)?.activityId, '1');
  });

  it('keeps the report a draft and says how to add the app when no channel is known', async () => {
    const chat = newChat();
    const review = await play(chat, trip.all);
    const replies = await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    assert.match(visibleText(replies[0]!), /Toevoegen aan een team/);
    assert.equal(chat.publisher.posts.length, 0);
    assert.equal((await stores.reports.get('aad-traveller-1', 'report-1'))?.status, 'draft');
  });

  it('answers by card: number, two dates, multiline text and yes/no with text', async () => {
    const chat = newChat();
    let replies = await play(chat, trip.upTo('persons'));
    // What the card submits for each question from the persons on (a question the test does not
    // know gets its type's sample).
    const filledIn: Record<string, Record<string, string>> = {
      persons: { answer: '3' },
      duration: { departure: '2026-11-03', return: '2026-11-03' },
      purpose: { answer: 'Leren van Weense woningbouw.' },
      locations: { answer: 'Rathaus' },
      peopleMet: { answer: 'Eva Huber (wethouder)' },
      outcome: { answer: 'Kennis.' },
      followUp: { choice: 'no', answer: '' },
    };
    const expectedInputs: Record<string, (card: ReturnType<typeof cardOf>) => void> = {
      persons: (card) => assert.equal(inputsOf(card!).get('answer')?.type, 'Input.Number'),
      duration: (card) => assert.deepEqual([...inputsOf(card!).keys()], ['departure', 'return']),
      followUp: (card) => assert.equal(inputsOf(card!).get('choice')?.type, 'Input.ChoiceSet'),
    };
    for (const question of catalogue.questions.slice(answeredBefore(catalogue, 'persons'))) {
      const card = cardOf(replies.at(-1)!)!;
      expectedInputs[question.key]?.(card);
      const fields = filledIn[question.key] ?? sampleAnswer(question).inputs;
      replies = await chat.submit({ ...actionData(card, 'Volgende'), ...fields });
    }
    assert.match(visibleText(replies.at(-1)!), /Controleer je verslag/);
    const stored = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.deepEqual(stored?.answers.duration, {
      type: 'dateRange',
      departure: '2026-11-03',
      return: '2026-11-03',
      days: 1,
      nights: 0,
    });
    assert.deepEqual(stored?.answers.followUp, { type: 'yesNoText', yes: false });
  });

  it('asks the same card again with one clear sentence, keeping what was typed', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    const replies = await chat.say('duizend');
    assert.equal(replies.length, 1, 'one message: the same card, with the reason on it');
    const shown = visibleText(replies[0]!);
    assert.ok(shown.includes(vraag('persons')), shown);
    assert.match(shown, /heel getal/);
    await play(chat, trip.between('persons', 'peopleMet'));
    const people = await chat.say('Eva Huber (wethouder)\nLukas Gruber');
    assert.match(visibleText(people[0]!), /Lukas Gruber/);
    assert.equal(
      inputsOf(cardOf(people[0]!)!).get('answer')?.value,
      'Eva Huber (wethouder)\nLukas Gruber',
      'the rejected list is shown again to be corrected, not typed anew',
    );
    const stored = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.equal(stored?.answers.peopleMet, undefined);
    assert.equal(
      Object.keys(stored?.answers ?? {}).length,
      answeredBefore(catalogue, 'peopleMet'),
      'nothing already given is lost',
    );
  });

  it('recognises a press on a stale card and never applies it to another question', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('persons'));
    const replies = await chat.submit({
      action: 'answer',
      reportId: 'report-1',
      questionKey: 'duration',
      departure: '2026-11-03',
      return: '2026-11-05',
    });
    assert.match(visibleText(replies[0]!), /niet meer actueel/);
    assert.ok(visibleText(replies[1]!).includes(vraag('persons')));
    assert.equal(
      (await stores.reports.get('aad-traveller-1', 'report-1'))?.answers.duration,
      undefined,
    );
  });

  it('goes back with Vorige and shows the stored answer in the card', async () => {
    const chat = newChat();
    const replies = await play(chat, trip.upTo('persons'));
    const back = await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Vorige'));
    const card = cardOf(back[0]!)!;
    const before = catalogue.questions[answeredBefore(catalogue, 'persons') - 1]!;
    assert.ok(visibleText(back[0]!).includes(vraag(before.key)));
    assert.equal(inputsOf(card).get('answer')?.value, trip.typed(before.key));
  });

  it('pauses on stop, keeps the draft, and offers to continue it later', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    await play(chat, [{ says: 'stop', botShows: ['Gepauzeerd', 'concept is bewaard'] }]);
    const offer = await play(chat, [
      {
        says: 'nieuw verslag',
        botShows: ['Wiener Städtedialog 2026', answered('duration'), 'Verdergaan'],
      },
    ]);
    await play(chat, [
      {
        presses: () => actionData(cardOf(offer[0]!)!, 'Verdergaan'),
        botShows: [vraag('duration')],
      },
    ]);
  });

  it('takes a typed answer to the offer: "verder" continues, "nieuw" starts afresh', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    await play(chat, [
      { says: 'stop', botShows: ['Gepauzeerd'] },
      { says: 'nieuw verslag', botShows: [answered('duration')] },
      { says: 'verder', botShows: [vraag('duration')] },
      { says: 'stop', botShows: ['Gepauzeerd'] },
      { says: 'nieuw verslag', botShows: [answered('duration')] },
      { says: 'wat?', botShows: ['Typ **verder**'] },
      { says: 'nieuw', botShows: [vraag('title')] },
    ]);
  });

  it('explains itself on help without losing the current question', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('destination'));
    await play(chat, [{ says: 'help', botShows: ['nieuw verslag', 'stop'] }]);
    const after = catalogue.questions[answeredBefore(catalogue, 'destination') + 1]!;
    await play(chat, [{ says: 'Wenen', botShows: [vraag(after.key)] }]);
  });

  it('changes a part named in the traveller\'s own words at the review, then posts on "plaatsen"', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    await play(chat, trip.all);
    await play(chat, [
      { says: 'wijzig het doel', botShows: [vraag('purpose'), 'WAT WAS HET DOEL VAN DE REIS?'] },
      {
        says: 'Leren van Weense woningbouw.',
        botShows: ['Controleer je verslag', 'Leren van Weense woningbouw.'],
      },
      { says: 'plaatsen', botShows: ['geplaatst in het kanaal Reisverslagen'] },
    ]);
    assert.equal(chat.publisher.posts.length, 1);
  });

  it('speaks English to an English Teams client', async () => {
    const chat = newChat({ locale: 'en-GB' });
    await play(chat, [
      {
        says: 'new report',
        botShows: [progressOf(catalogue, 'title', 'en'), 'What is the title of the trip'],
      },
    ]);
  });
}
