// Issue 18 in the personal chat: who travelled along (picked in Teams or typed), the number of
// travellers pre-filled from them, what the trip cost and who paid, up to the channel card.
import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../src/cards/template';
import type { Report } from '../../src/report/report';
import {
  actionData,
  cardOf,
  inputsOf,
  submitWith,
  visibleText,
  type ChatTester,
} from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';

/** Two colleagues Teams' rosters know, by Entra object id. */
const SANNE = '6f1c2a9e-0b5d-4c4e-9a57-0d2f3b1e8c41';
const PIET = '9a0e7d3c-54b1-4f2a-8c6d-1e2f3a4b5c6d';
const ROSTER = { [SANNE]: 'Sanne Visser', [PIET]: 'Piet de Jong' };
/** Someone picked whom no team of the traveller knows (a guest of another tenant, say). */
const STRANGER = '11111111-2222-4333-8444-555555555555';

describe('Issue 18: fellow travellers, costs and who paid in the personal chat', function () {
  const stores = useDialogStores();
  const { trip } = stores;

  function lastCard(replies: Awaited<ReturnType<ChatTester['say']>>): AdaptiveCard {
    const card = cardOf(replies.at(-1)!);
    assert.ok(card, 'the last reply is a card');
    return card;
  }

  async function report(): Promise<Report> {
    const stored = await stores.reports.get('aad-traveller-1', 'report-1');
    assert.ok(stored, 'the draft is stored');
    return stored;
  }

  /** Plays the trip up to the card of `key`; that card. */
  async function upTo(chat: ChatTester, key: string): Promise<AdaptiveCard> {
    return lastCard(await play(chat, trip.upTo(key)));
  }

  it('names colleagues picked in Teams from the rosters, keeps typed names beside them, and pre-fills the number of travellers to confirm', async () => {
    const chat = stores.newChat({ colleagues: ROSTER });
    const card = await upTo(chat, 'coTravellers');
    assert.ok(inputsOf(card).get('picked')?.['choices.data'], 'a people picker');
    const persons = await chat.submit(
      submitWith(card, 'Volgende', { picked: `${SANNE},${PIET}`, answer: 'Jan Smit' }),
    );
    assert.deepEqual((await report()).answers.coTravellers, {
      type: 'colleagues',
      colleagues: [
        { name: 'Sanne Visser', aadObjectId: SANNE },
        { name: 'Piet de Jong', aadObjectId: PIET },
        { name: 'Jan Smit' },
      ],
    });
    const personsCard = lastCard(persons);
    assert.match(visibleText(persons.at(-1)!), /Jij en 3 reisgenoten: 4 personen\. Klopt dat\?/);
    assert.equal(inputsOf(personsCard).get('answer')?.value, 4);
    // "klopt" typed on a phone takes the number shown.
    const next = await chat.say('klopt');
    assert.deepEqual((await report()).answers.persons, { type: 'number', value: 4 });
    assert.match(visibleText(next.at(-1)!), /HOELANG DUURDE DE REIS\?/);
  });

  it('refuses a pick that no team knows with one sentence, keeping what was typed, and nothing is stored', async () => {
    const chat = stores.newChat({ colleagues: ROSTER });
    const card = await upTo(chat, 'coTravellers');
    const replies = await chat.submit(
      submitWith(card, 'Volgende', { picked: `${SANNE},${STRANGER}`, answer: 'Jan Smit' }),
    );
    const shown = visibleText(replies.at(-1)!);
    assert.match(
      shown,
      /Eén gekozen collega kon ik niet vinden in je teams; typ de naam in het tekstvak\./,
    );
    assert.equal(inputsOf(lastCard(replies)).get('answer')?.value, 'Jan Smit');
    assert.equal((await report()).answers.coTravellers, undefined);
  });

  it('takes a typed "niemand": one traveller, suggested and changeable', async () => {
    const chat = stores.newChat();
    await upTo(chat, 'coTravellers');
    const replies = await chat.say('niemand');
    assert.match(visibleText(replies.at(-1)!), /Je reisde alleen: 1 persoon/);
    await chat.say('3');
    assert.deepEqual((await report()).answers.persons, { type: 'number', value: 3 });
  });

  it('asks the three amounts on one card, keeps unknown ones as unknown, and shows euro totals on the review', async () => {
    const chat = stores.newChat();
    const card = await upTo(chat, 'costs');
    assert.deepEqual([...inputsOf(card).keys()], ['amount_travel', 'amount_stay', 'amount_other']);
    await chat.submit(
      submitWith(card, 'Volgende', {
        amount_travel: '€ 412,80',
        amount_stay: '1.089',
        amount_other: 'nog niet bekend',
      }),
    );
    assert.deepEqual((await report()).answers.costs, {
      type: 'amounts',
      amounts: { travel: 41_280, stay: 108_900, other: null },
    });
    const review = await chat.say('gedeeld: de gemeente de reis, UN-Habitat het hotel');
    const shown = visibleText(review.at(-1)!);
    assert.match(shown, /Reiskosten: € 412,80/);
    assert.match(shown, /Verblijfkosten: € 1\.089,00/);
    assert.match(shown, /Overige kosten: nog niet bekend/);
    assert.match(shown, /Totaal: € 1\.501,80 \(zonder de bedragen die nog niet bekend zijn\)/);
    assert.match(
      shown,
      /Betaald door derde partij: deels — de gemeente de reis, UN-Habitat het hotel \(gastvrijheid\)/,
    );
  });

  it('refuses an amount it cannot read with one sentence, and keeps the other amounts on the card', async () => {
    const chat = stores.newChat();
    const card = await upTo(chat, 'costs');
    const replies = await chat.submit(
      submitWith(card, 'Volgende', {
        amount_travel: '412,80',
        amount_stay: 'ongeveer duizend',
        amount_other: '85',
      }),
    );
    const again = lastCard(replies);
    assert.equal(inputsOf(again).get('amount_travel')?.value, '412,80');
    assert.equal(inputsOf(again).get('amount_other')?.value, '85');
    assert.equal((await report()).answers.costs, undefined);
  });

  it('posts a channel card that @mentions the colleagues picked in Teams and shows the hospitality line', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat({ colleagues: ROSTER });
    const card = await upTo(chat, 'coTravellers');
    await chat.submit(submitWith(card, 'Volgende', { picked: SANNE, answer: '' }));
    const review = await play(chat, trip.from('persons'));
    await chat.submit(actionData(lastCard(review), 'Plaatsen in kanaal'));
    const posted = chat.publisher.posts[0]?.card;
    assert.ok(posted, 'the report is posted');
    const entities = (posted.msteams as { entities: { text: string; mentioned: { id: string } }[] })
      .entities;
    assert.ok(
      entities.some(
        (entity) => entity.text === '<at>Sanne Visser</at>' && entity.mentioned.id === SANNE,
      ),
      JSON.stringify(entities),
    );
    const text = JSON.stringify(posted);
    assert.match(text, /<at>Sanne Visser<\/at>/);
    assert.match(text, /Betaald door derde partij: UN-Habitat \(gastvrijheid\)/);
    assert.match(text, /Totaal: € 1\.586,80/);
  });

  it('asks in English on an English Teams client', async () => {
    const chat = stores.newChat({ locale: 'en-GB' });
    const replies = await play(
      chat,
      trip.upTo('costs').map((turn) => ({ ...turn, botShows: [] })),
    );
    const shown = visibleText(replies.at(-1)!);
    assert.match(shown, /WHAT DID THE TRIP COST\?/);
    assert.match(shown, /Accommodation/);
  });

  it('changes costs not known yet with `wijzig kosten`: one new version, one history entry, the channel card updated', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat();
    const card = await upTo(chat, 'costs');
    await chat.submit(
      submitWith(card, 'Volgende', {
        amount_travel: '412,80',
        amount_stay: 'nog niet bekend',
        amount_other: '85',
      }),
    );
    const review = await play(chat, trip.from('paidBy'));
    await chat.submit(actionData(lastCard(review), 'Plaatsen in kanaal'));
    const edit = lastCard(await chat.say('wijzig kosten'));
    // The amount not known yet shows as such, the others as typed.
    assert.equal(inputsOf(edit).get('amount_stay')?.value, 'nog niet bekend');
    assert.equal(inputsOf(edit).get('amount_travel')?.value, '412,80');
    const confirmation = await chat.submit(
      submitWith(edit, 'Volgende', {
        amount_travel: '412,80',
        amount_stay: '1.089',
        amount_other: '85',
      }),
    );
    assert.match(visibleText(confirmation.at(-1)!), /Klopt deze wijziging bij ‘Kosten’\?/);
    await chat.submit(actionData(lastCard(confirmation), 'Bevestigen'));
    const stored = await report();
    assert.equal(stored.version, 2);
    assert.equal(stored.history.length, 1);
    assert.deepEqual(stored.history[0]?.new, {
      type: 'amounts',
      amounts: { travel: 41_280, stay: 108_900, other: 8_500 },
    });
    const updated = JSON.stringify(chat.publisher.updates.at(-1)?.card);
    assert.match(updated, /Totaal: € 1\.586,80/);
  });
});
