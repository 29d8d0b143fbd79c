import assert from 'node:assert/strict';
import { actionData, cardOf, inputsOf, visibleText } from './chatTester';
import { play, reisverslagenChannel, typedTrip, useDialogStores } from './script';

describe('MainDialog: the interview in the personal chat', function () {
  const stores = useDialogStores();
  const { newChat } = stores;

  it('takes a whole report typed, one question at a time, and stores every answer as it is given', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 4));
    const draft = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.deepEqual(Object.keys(draft?.answers ?? {}), ['title', 'destination', 'persons']);
    assert.deepEqual(draft?.answers.persons, { type: 'number', value: 2 });
    await play(chat, typedTrip.slice(4));
    const complete = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.equal(Object.keys(complete?.answers ?? {}).length, 9);
    assert.equal(complete?.status, 'draft');
  });

  it('replaces each answered card by a compact read-only line', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 3));
    assert.equal(chat.updates.length, 2);
    const line = visibleText(chat.updates[1]!);
    assert.match(line, /Vraag 2 van 9 · Bestemming/);
    assert.match(line, /Wenen, Oostenrijk/);
    assert.equal(cardOf(chat.updates[1]!)?.actions, undefined, 'the compact line has no buttons');
  });

  it('posts the reviewed report in the team channel and confirms naming team and channel', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    const review = await play(chat, typedTrip);
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
    assert.equal(stored?.post?.activityId, '1');
  });

  it('keeps the report a draft and says how to add the app when no channel is known', async () => {
    const chat = newChat();
    const review = await play(chat, typedTrip);
    const replies = await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    assert.match(visibleText(replies[0]!), /Toevoegen aan een team/);
    assert.equal(chat.publisher.posts.length, 0);
    assert.equal((await stores.reports.get('aad-traveller-1', 'report-1'))?.status, 'draft');
  });

  it('answers by card: number, two dates, multiline text and yes/no with text', async () => {
    const chat = newChat();
    let replies = await play(chat, typedTrip.slice(0, 3));
    const submitOn = async (fields: Record<string, unknown>) => {
      const card = cardOf(replies.at(-1)!)!;
      replies = await chat.submit({ ...actionData(card, 'Volgende'), ...fields });
      return replies;
    };
    const personsCard = cardOf(replies.at(-1)!)!;
    assert.equal(inputsOf(personsCard).get('answer')?.type, 'Input.Number');
    await submitOn({ answer: '3' });
    const datesCard = cardOf(replies.at(-1)!)!;
    assert.deepEqual([...inputsOf(datesCard).keys()], ['departure', 'return']);
    await submitOn({ departure: '2026-11-03', return: '2026-11-03' });
    await submitOn({ answer: 'Leren van Weense woningbouw.' });
    await submitOn({ answer: 'Rathaus' });
    await submitOn({ answer: 'Eva Huber, wethouder' });
    await submitOn({ answer: 'Kennis.' });
    const followUpCard = cardOf(replies.at(-1)!)!;
    assert.equal(inputsOf(followUpCard).get('choice')?.type, 'Input.ChoiceSet');
    await submitOn({ choice: 'no', answer: '' });
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
    await play(chat, typedTrip.slice(0, 3));
    const replies = await chat.say('duizend');
    assert.equal(replies.length, 1, 'one message: the same card, with the reason on it');
    const shown = visibleText(replies[0]!);
    assert.match(shown, /Vraag 3 van 9/);
    assert.match(shown, /heel getal/);
    await play(chat, typedTrip.slice(3, 7));
    const people = await chat.say('Eva Huber (wethouder)\nLukas Gruber');
    assert.match(visibleText(people[0]!), /Lukas Gruber/);
    assert.equal(
      inputsOf(cardOf(people[0]!)!).get('answer')?.value,
      'Eva Huber (wethouder)\nLukas Gruber',
      'the rejected list is shown again to be corrected, not typed anew',
    );
    const stored = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.equal(stored?.answers.peopleMet, undefined);
    assert.equal(Object.keys(stored?.answers ?? {}).length, 6, 'nothing already given is lost');
  });

  it('recognises a press on a stale card and never applies it to another question', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 3));
    const replies = await chat.submit({
      action: 'answer',
      reportId: 'report-1',
      questionKey: 'duration',
      departure: '2026-11-03',
      return: '2026-11-05',
    });
    assert.match(visibleText(replies[0]!), /niet meer actueel/);
    assert.match(visibleText(replies[1]!), /Vraag 3 van 9/);
    assert.equal(
      (await stores.reports.get('aad-traveller-1', 'report-1'))?.answers.duration,
      undefined,
    );
  });

  it('goes back with Vorige and shows the stored answer in the card', async () => {
    const chat = newChat();
    const replies = await play(chat, typedTrip.slice(0, 3));
    const back = await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Vorige'));
    const card = cardOf(back[0]!)!;
    assert.match(visibleText(back[0]!), /Vraag 2 van 9/);
    assert.equal(inputsOf(card).get('answer')?.value, 'Wenen, Oostenrijk');
  });

  it('pauses on stop, keeps the draft, and offers to continue it later', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 4));
    await play(chat, [{ says: 'stop', botShows: ['Gepauzeerd', 'concept is bewaard'] }]);
    const offer = await play(chat, [
      {
        says: 'nieuw verslag',
        botShows: ['Wiener Städtedialog 2026', '3 van 9 vragen beantwoord', 'Verder gaan'],
      },
    ]);
    await play(chat, [
      { presses: () => actionData(cardOf(offer[0]!)!, 'Verder gaan'), botShows: ['Vraag 4 van 9'] },
    ]);
  });

  it('takes a typed answer to the offer: "verder" continues, "nieuw" starts afresh', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 4));
    await play(chat, [
      { says: 'stop', botShows: ['Gepauzeerd'] },
      { says: 'nieuw verslag', botShows: ['3 van 9 vragen beantwoord'] },
      { says: 'verder', botShows: ['Vraag 4 van 9'] },
      { says: 'stop', botShows: ['Gepauzeerd'] },
      { says: 'hallo', botShows: ['3 van 9 vragen beantwoord'] },
      { says: 'wat?', botShows: ['Typ **verder**'] },
      { says: 'nieuw', botShows: ['Vraag 1 van 9'] },
    ]);
  });

  it('explains itself on help without losing the current question', async () => {
    const chat = newChat();
    await play(chat, typedTrip.slice(0, 2));
    await play(chat, [{ says: 'help', botShows: ['nieuw verslag', 'stop'] }]);
    await play(chat, [{ says: 'Wenen', botShows: ['Vraag 3 van 9'] }]);
  });

  it('changes a part named in the traveller\'s own words at the review, then posts on "plaatsen"', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    await play(chat, typedTrip);
    await play(chat, [
      { says: 'wijzig het doel', botShows: ['Vraag 5 van 9', 'WAT WAS HET DOEL VAN DE REIS?'] },
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
      { says: 'hello', botShows: ['Question 1 of 9', 'What is the title of the trip'] },
    ]);
  });
});
