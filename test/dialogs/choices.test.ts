// Choices on cards within Teams' six actions: more than three options become a drop-down with
// one button, whose submit carries the chosen value in the field the action reads; typing the
// choice keeps working.
import assert from 'node:assert/strict';
import { MAX_CARD_ACTIONS } from '../../src/cards/choiceCard';
import type { Report } from '../../src/report/report';
import type { ReportChannel } from '../../src/store/channelStore';
import { actionsOf } from '../support/cardActions';
import { progressOf } from '../support/sampleAnswers';
import {
  actionData,
  cardOf,
  inputsOf,
  submitWith,
  visibleText,
  type ChatTester,
} from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';

const traveller = 'aad-traveller-1';

describe('Choices on cards: a drop-down with one button for more than three options', function () {
  const stores = useDialogStores();

  /** A chat whose traveller has the Vienna report in the channel (`report-1`). */
  async function postedChat(): Promise<ChatTester> {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat();
    const review = await play(chat, stores.trip.all);
    await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    return chat;
  }

  /** Copies of the posted report, `posted-1` … `posted-n`, each with a title of its own. */
  async function morePosted(count: number): Promise<Report[]> {
    const posted = (await stores.reports.get(traveller, 'report-1'))!;
    const copies: Report[] = [];
    for (let i = 1; i <= count; i++) {
      copies.push(
        await stores.reports.create({
          ...posted,
          id: `posted-${i}`,
          answers: { ...posted.answers, title: { type: 'shortText', text: `Dienstreis ${i}` } },
        }),
      );
    }
    return copies;
  }

  function assertWithinActions(card: Record<string, unknown>): void {
    assert.ok(actionsOf(card).length <= MAX_CARD_ACTIONS, JSON.stringify(actionsOf(card)));
  }

  it('asks which part of the report in a drop-down; Wijzig asks the chosen part, typing still works', async () => {
    const chat = await postedChat();
    const [choice] = await chat.say('wijzig');
    const card = cardOf(choice!)!;
    assertWithinActions(card);
    assert.deepEqual(
      (inputsOf(card).get('questionKey')?.choices as { value: string }[]).map((c) => c.value),
      stores.catalogue.questions.map((question) => question.key),
    );
    const asked = await chat.submit(submitWith(card, 'Wijzigen', { questionKey: 'purpose' }));
    assert.equal(actionData(cardOf(asked.at(-1)!)!, 'Volgende').questionKey, 'purpose');

    // On a phone the part is typed in answer to the same card.
    await chat.say('stop');
    await play(chat, [
      { says: 'wijzig', botShows: ['Welk onderdeel wil je wijzigen?', 'Bezochte locaties'] },
      { says: 'de locaties', botShows: [progressOf(stores.catalogue, 'locations')] },
    ]);
  });

  it('asks again when Wijzig is pressed with no part chosen', async () => {
    const chat = await postedChat();
    const [choice] = await chat.say('wijzig');
    const replies = await chat.submit(actionData(cardOf(choice!)!, 'Wijzigen'));
    assert.match(visibleText(replies[0]!), /Dat onderdeel ken ik niet/);
    assert.ok(inputsOf(cardOf(replies[0]!)!).has('questionKey'));
  });

  it('changes a part from the review’s drop-down, Plaatsen in kanaal first', async () => {
    const chat = stores.newChat();
    const review = cardOf((await play(chat, stores.trip.all)).at(-1)!)!;
    assertWithinActions(review);
    assert.equal(actionsOf(review)[0]?.title, 'Plaatsen in kanaal');
    const nothing = await chat.submit(actionData(review, 'Wijzigen'));
    assert.equal(visibleText(nothing[0]!), 'Kies eerst een onderdeel in de lijst.');
    const asked = await chat.submit(submitWith(review, 'Wijzigen', { questionKey: 'persons' }));
    assert.equal(actionData(cardOf(asked.at(-1)!)!, 'Volgende').questionKey, 'persons');
  });

  it('offers four teams in a drop-down and posts in the chosen one', async () => {
    const teams: ReportChannel[] = ['a', 'b', 'c', 'd'].map((letter) => ({
      ...reisverslagenChannel,
      teamId: `team-${letter}`,
      teamName: `Team ${letter.toUpperCase()}`,
      channelId: `19:${letter}@thread.tacv2`,
    }));
    for (const team of teams) await stores.channels.save(team);
    const chat = stores.newChat();
    const review = await play(chat, stores.trip.all);
    const [choice] = await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    const card = cardOf(choice!)!;
    assertWithinActions(card);
    assert.match(visibleText(choice!), /In welk team wil je het verslag plaatsen\?/);
    const [posted] = await chat.submit(
      submitWith(card, 'Plaatsen in kanaal', { teamId: 'team-c' }),
    );
    assert.match(visibleText(posted!), /geplaatst in het kanaal Reisverslagen van het team Team C/);
    assert.deepEqual(
      chat.publisher.posts.map((post) => post.target.teamId),
      ['team-c'],
    );
  });

  it('asks which of five posted reports to change in a drop-down, then which part of it', async () => {
    const chat = await postedChat();
    await morePosted(4);
    const [choice] = await chat.say('wijzig');
    const card = cardOf(choice!)!;
    assertWithinActions(card);
    assert.match(visibleText(choice!), /Dienstreis 3/);
    const [parts] = await chat.submit(submitWith(card, 'Wijzigen', { reportId: 'posted-3' }));
    assert.equal(actionData(cardOf(parts!)!, 'Wijzigen').reportId, 'posted-3');
  });

  it('lists many reports in a drop-down: Openen shows a posted report’s buttons, resumes a draft', async () => {
    const chat = await postedChat();
    await morePosted(3);
    await chat.say('nieuw verslag');
    await chat.say('Eurocities Porto');
    const [list] = await chat.say('mijn verslagen');
    const card = cardOf(list!)!;
    assertWithinActions(card);
    assert.equal(actionsOf(card)[0]?.title, 'Openen');

    const [opened] = await chat.submit(submitWith(card, 'Openen', { reportId: 'posted-2' }));
    assert.match(visibleText(opened!), /Dit verslag staat in het kanaal Reisverslagen/);
    assert.equal(actionData(cardOf(opened!)!, 'Wijzigen').reportId, 'posted-2');

    const draftId = (await stores.reports.findLatestDraft(traveller))!.id;
    const resumed = await chat.submit(submitWith(card, 'Openen', { reportId: draftId }));
    assert.match(
      visibleText(resumed.at(-1)!),
      new RegExp(progressOf(stores.catalogue, 'destination')),
    );

    const nothing = await chat.submit(actionData(card, 'Openen'));
    assert.equal(visibleText(nothing[0]!), 'Kies eerst een verslag in de lijst.');
  });
});
