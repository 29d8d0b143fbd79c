// The interview asks back instead of storing what it could not read with certainty (issue 17,
// items 1-3): a list of people split without certainty ("Klopt dit? 3 personen: …", Ja and
// Aanpassen), a text that may be a yes or a no (Ja and Nee), dates without a year taken as last
// year's, and a trip typed as a duration only (asked for its departure date).
import assert from 'node:assert/strict';
import { actionData, cardOf, inputsOf, submitWith, visibleText } from './chatTester';
import { play, useDialogStores } from './script';
import type { Answer } from '../../src/report/report';

describe('InterviewDialog: asking back what was not read with certainty', () => {
  const stores = useDialogStores();
  const { newChat, trip } = stores;

  async function stored(key: string): Promise<Answer | undefined> {
    return (await stores.reports.get('aad-traveller-1', 'report-1'))?.answers[key];
  }

  it('shows several people on one line back as a list, and stores them on Ja', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('peopleMet'));
    const typed =
      'Eva Huber (wethouder), Jan en Piet de Vries (directeuren) en Lukas Gruber (adviseur)';
    const replies = await chat.say(typed);
    const shown = visibleText(replies.at(-1)!);
    assert.match(shown, /Klopt dit\? 3 personen:/);
    assert.match(shown, /Jan en Piet de Vries \(directeuren\)/);
    assert.equal(await stored('peopleMet'), undefined, 'nothing stored before Ja');
    const next = await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Ja'));
    assert.match(visibleText(next.at(-1)!), /WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD/);
    assert.deepEqual(await stored('peopleMet'), {
      type: 'people',
      people: [
        { name: 'Eva Huber', role: 'wethouder' },
        { name: 'Jan en Piet de Vries', role: 'directeuren' },
        { name: 'Lukas Gruber', role: 'adviseur' },
      ],
    });
  });

  it('asks the question again with the text kept on Aanpassen', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('peopleMet'));
    const replies = await chat.say('Eva Huber, wethouder');
    const again = await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Aanpassen'));
    const card = cardOf(again.at(-1)!)!;
    assert.match(visibleText(again.at(-1)!), /WIE HEB JE ONTMOET/);
    assert.equal(inputsOf(card).get('answer')?.value, 'Eva Huber, wethouder');
    assert.equal(await stored('peopleMet'), undefined);
    await chat.say('Eva Huber (wethouder)');
    assert.deepEqual(await stored('peopleMet'), {
      type: 'people',
      people: [{ name: 'Eva Huber', role: 'wethouder' }],
    });
  });

  it('stores several people on one line at once when the roles in parentheses split them', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('peopleMet'));
    const replies = await chat.say(
      'Eva Huber (wethouder, wonen), Lukas Gruber (directeur) en Anna Berger (adviseur)',
    );
    assert.match(visibleText(replies.at(-1)!), /WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD/);
    const answer = await stored('peopleMet');
    assert.equal(answer?.type === 'people' && answer.people.length, 3);
  });

  it('asks whether a doubtful follow-up answer is a yes or a no, keeping the text with either', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('followUp'));
    const replies = await chat.say('Er zijn nog geen concrete afspraken');
    assert.match(visibleText(replies.at(-1)!), /Bedoel je ja of nee\?/);
    assert.equal(await stored('followUp'), undefined);
    // Typing the button's word cannot carry the text: the bot points at the buttons.
    const typedNo = await chat.say('nee');
    assert.match(visibleText(typedNo[0]!), /Kies een knop op de kaart hierboven/);
    assert.equal(await stored('followUp'), undefined);
    await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Nee'));
    // The questions after it (the costs, who paid) lead to the review.
    const review = await play(chat, trip.from(trip.after('followUp')));
    assert.match(visibleText(review.at(-1)!), /Controleer je verslag/);
    assert.match(visibleText(review.at(-1)!), /Nee — Er zijn nog geen concrete afspraken/);
    assert.deepEqual(await stored('followUp'), {
      type: 'yesNoText',
      yes: false,
      text: 'Er zijn nog geen concrete afspraken',
    });
  });

  it('stores "Nog niet, …" typed to the follow-up question as a no with the explanation', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('followUp'));
    await chat.say('Nog niet, eerst de begroting');
    assert.deepEqual(await stored('followUp'), {
      type: 'yesNoText',
      yes: false,
      text: 'eerst de begroting',
    });
  });

  it('keeps new text with Nee on the card as a remark, and drops the pre-filled agreements', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('followUp'));
    await chat.say('ja, in maart een werkbezoek');
    await play(chat, trip.from(trip.after('followUp')));
    const change = { action: 'change', reportId: 'report-1', questionKey: 'followUp' };
    // Changed to Nee with the agreements still in the box: they were only the pre-fill.
    let replies = await chat.submit(change);
    let card = cardOf(replies.at(-1)!)!;
    assert.equal(inputsOf(card).get('answer')?.value, 'in maart een werkbezoek');
    await chat.submit(
      submitWith(card, 'Volgende', { choice: 'no', answer: 'in maart een werkbezoek' }),
    );
    assert.deepEqual(await stored('followUp'), { type: 'yesNoText', yes: false });
    // Nee with new text in the box: a remark, shown as "Nee — …", and kept when sent unchanged.
    replies = await chat.submit(change);
    card = cardOf(replies.at(-1)!)!;
    replies = await chat.submit(
      submitWith(card, 'Volgende', { choice: 'no', answer: 'Wel contact gehouden' }),
    );
    assert.match(visibleText(replies.at(-1)!), /Nee — Wel contact gehouden/);
    replies = await chat.submit(change);
    card = cardOf(replies.at(-1)!)!;
    await chat.submit(
      submitWith(card, 'Volgende', { choice: 'no', answer: 'Wel contact gehouden' }),
    );
    assert.deepEqual(await stored('followUp'), {
      type: 'yesNoText',
      yes: false,
      text: 'Wel contact gehouden',
    });
  });

  it('asks a trip typed as a duration for its departure date, and stores the dates', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    const replies = await chat.say('2 dagen (1 nacht)');
    const card = cardOf(replies.at(-1)!)!;
    assert.match(
      visibleText(replies.at(-1)!),
      /De reis duurde 2 dagen \(1 nacht\)\. Op welke datum vertrok je\?/,
    );
    assert.equal(inputsOf(card).get('departure')?.type, 'Input.Date');
    assert.equal(await stored('duration'), undefined);
    // Typed, without a year: the most recent such trip that has ended.
    const unreadable = await chat.say('gisteren');
    assert.match(visibleText(unreadable.at(-1)!), /‘gisteren’ is geen geldige vertrekdatum/);
    await chat.say('3 november');
    assert.deepEqual(await stored('duration'), {
      type: 'dateRange',
      departure: '2026-11-03',
      return: '2026-11-04',
      days: 2,
      nights: 1,
    });
  });

  it('takes the departure date from the date picker of the card', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    const replies = await chat.say('3 days (2 nights)');
    await chat.submit(
      submitWith(cardOf(replies.at(-1)!)!, 'Volgende', { departure: '2026-11-10' }),
    );
    assert.deepEqual(await stored('duration'), {
      type: 'dateRange',
      departure: '2026-11-10',
      return: '2026-11-12',
      days: 3,
      nights: 2,
    });
  });

  it("reads dates without a year, and confirms last year's when this year's run past today", async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    // The chat's today is 20 November 2026.
    const replies = await chat.say('18 t/m 22 november');
    assert.match(visibleText(replies.at(-1)!), /Klopt dit\? 18 t\/m 22 november 2025/);
    assert.equal(await stored('duration'), undefined);
    await chat.submit(actionData(cardOf(replies.at(-1)!)!, 'Ja'));
    assert.deepEqual(await stored('duration'), {
      type: 'dateRange',
      departure: '2025-11-18',
      return: '2025-11-22',
      days: 5,
      nights: 4,
    });
  });

  it('stores "3 t/m 5 nov" as this year\'s dates without asking', async () => {
    const chat = newChat();
    await play(chat, trip.upTo('duration'));
    await chat.say('3 t/m 5 nov');
    assert.deepEqual(await stored('duration'), {
      type: 'dateRange',
      departure: '2026-11-03',
      return: '2026-11-05',
      days: 3,
      nights: 2,
    });
  });
});
