// Issue 20 in the personal chat: a question card's answer is one conditional write of the draft,
// without the chat's state, and the next question goes out before the answered card is replaced.
// Stale cards, Vorige, typed answers, a restart and a second instance behave as before.
import assert from 'node:assert/strict';
import { MemoryStorage, type Activity, type StoreItems } from 'botbuilder';
import type { Report } from '../../src/report/report';
import type { ReportStore } from '../../src/store/reportStore';
import { productCatalogue } from '../support/catalogue';
import { questionOf, sampleAnswer } from '../support/sampleAnswers';
import { cardOf, submitWith, visibleText, type ChatTester } from './chatTester';
import { play, useDialogStores } from './script';

/** The chat's state storage, counting its reads and writes. */
class CountingStorage extends MemoryStorage {
  reads = 0;
  writes = 0;

  override async read(keys: string[]): Promise<StoreItems> {
    this.reads += 1;
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return super.write(changes);
  }
}

/** The report store, recording the name of every call. */
function recording(reports: ReportStore): { store: ReportStore; calls: string[] } {
  const calls: string[] = [];
  const store = new Proxy(reports, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls };
}

/** What the card of question `key` submits with the sample answer, pressing Volgende. */
function answerOn(card: Partial<Activity>, key: string): Record<string, unknown> {
  const adaptive = cardOf(card);
  assert.ok(adaptive, 'the last reply is a card');
  return submitWith(adaptive, 'Volgende', sampleAnswer(questionOf(productCatalogue, key)).inputs);
}

/** The question a reply asks, by the start of its text. */
function asks(reply: Partial<Activity> | undefined, key: string): void {
  assert.ok(reply, 'the bot answered');
  assert.match(visibleText(reply), new RegExp(escape(questionOf(productCatalogue, key).text.nl)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('Issue 20: a question card answered in one write, the next question first', function () {
  const stores = useDialogStores();
  const traveller = 'aad-traveller-1';

  async function draft(): Promise<Report> {
    const stored = await stores.reports.get(traveller, 'report-1');
    assert.ok(stored, 'the draft is stored');
    return stored;
  }

  /** `nieuw verslag` and the title card: its reply. */
  async function started(chat: ChatTester): Promise<Partial<Activity>> {
    const [card] = await chat.say('nieuw verslag');
    asks(card, 'title');
    return card!;
  }

  it('stores the answer with one write and no chat state, then sends the next question before replacing the answered card', async () => {
    const state = new CountingStorage();
    const { store, calls } = recording(stores.reports);
    const chat = stores.newChat({ stateStorage: state, reports: store });
    const titleCard = await started(chat);
    state.reads = state.writes = calls.length = 0;
    const teamsCalls = chat.calls.length;

    const replies = await chat.submit(answerOn(titleCard, 'title'), titleCard);

    assert.deepEqual(calls, ['answerAtPosition'], 'one conditional write, no read');
    assert.deepEqual([state.reads, state.writes], [0, 0], "the chat's state is not touched");
    assert.equal(replies.length, 1);
    asks(replies[0], 'destination');
    assert.deepEqual(chat.calls.slice(teamsCalls), [
      `send ${replies[0]!.id}`,
      `update ${titleCard.id}`,
    ]);
    const title = sampleAnswer(questionOf(productCatalogue, 'title'));
    assert.ok(
      visibleText(chat.updates.at(-1)!).includes(title.shown[0]!),
      'the answer in its place',
    );
    const stored = await draft();
    assert.deepEqual(stored.answers.title, title.stored);
    assert.equal(stored.interview?.key, 'destination');
  });

  it('takes a typed answer after card answers for the question on screen, and replaces that card', async () => {
    const chat = stores.newChat();
    let card = await started(chat);
    card = (await chat.submit(answerOn(card, 'title'), card))[0]!;
    asks(card, 'destination');

    const replies = await chat.say('Genève, Zwitserland');

    assert.deepEqual((await draft()).answers.destination, {
      type: 'shortText',
      text: 'Genève, Zwitserland',
    });
    asks(replies.at(-1), 'coTravellers');
    assert.equal(chat.updates.at(-1)?.id, card.id, 'the destination card is replaced');
  });

  it('refuses the card of a question left with Vorige, and stores nothing from it', async () => {
    const chat = stores.newChat();
    let card = await started(chat);
    card = (await chat.submit(answerOn(card, 'title'), card))[0]!;
    const destinationCard = card;
    const back = await chat.submit(
      { action: 'previous', reportId: 'report-1', questionKey: 'destination' },
      destinationCard,
    );
    asks(back.at(-1), 'title');

    const replies = await chat.submit(answerOn(destinationCard, 'destination'), destinationCard);

    assert.equal((await draft()).answers.destination, undefined, 'nothing stored');
    assert.match(replies.map(visibleText).join('\n'), /oude kaart|niet meer|eerder/i);
    asks(replies.at(-1), 'title');
  });

  it('makes the open card stale when the chat leaves the interview, and resumes it with verder', async () => {
    const chat = stores.newChat();
    const titleCard = await started(chat);
    const form = await chat.say('formulier');
    assert.match(visibleText(form.at(-1)!), /formulier|Opslaan/i);
    assert.equal((await draft()).interview?.key, null, 'the open question is closed');

    await chat.submit(answerOn(titleCard, 'title'), titleCard);
    assert.equal((await draft()).answers.title, undefined, 'the stale card stored nothing');

    const resumed = await chat.say('verder');
    asks(resumed.at(-1), 'title');
    const next = await chat.submit(answerOn(resumed.at(-1)!, 'title'), resumed.at(-1));
    asks(next.at(-1), 'destination');
    assert.ok((await draft()).answers.title, 'the new card is answered');
  });

  it('keeps the card open through help and mijn verslagen, which leave the question open', async () => {
    const { store, calls } = recording(stores.reports);
    const chat = stores.newChat({ reports: store });
    const titleCard = await started(chat);
    await chat.say('help');
    await chat.say('mijn verslagen');
    calls.length = 0;
    const replies = await chat.submit(answerOn(titleCard, 'title'), titleCard);
    assert.deepEqual(calls, ['answerAtPosition'], 'still one write');
    asks(replies.at(-1), 'destination');
  });

  it('goes on after a restart and on another instance: cards on one, typed answers on the other', async () => {
    const state = new MemoryStorage();
    const first = stores.newChat({ stateStorage: state });
    let card = await started(first);
    card = (await first.submit(answerOn(card, 'title'), card))[0]!;
    asks(card, 'destination');

    // Another instance (or this one restarted) knows nothing of the card it did not send.
    const second = stores.newChat({ stateStorage: state });
    const afterCard = await second.submit(answerOn(card, 'destination'), card);
    asks(afterCard.at(-1), 'coTravellers');
    const typed = await first.say('niemand');
    asks(typed.at(-1), 'persons');
    const stored = await draft();
    assert.deepEqual(Object.keys(stored.answers), ['title', 'destination', 'coTravellers']);

    // Teams delivers the destination card's answer again, to the second instance: taken once.
    const again = await second.submit(answerOn(card, 'destination'), card);
    assert.deepEqual(again, [], 'nothing is sent again');
    assert.deepEqual(await draft(), stored, 'nothing is stored again');
  });

  it('plays the whole interview on cards to the review', async () => {
    const chat = stores.newChat();
    let reply = await started(chat);
    const replies: Partial<Activity>[][] = [];
    for (const { key } of productCatalogue.questions) {
      const answered = await chat.submit(answerOn(reply, key), reply);
      replies.push(answered);
      reply = answered.at(-1)!;
    }
    assert.match(visibleText(reply), /Controleer je verslag/);
    const stored = await draft();
    for (const question of productCatalogue.questions) {
      assert.deepEqual(stored.answers[question.key], sampleAnswer(question).stored, question.key);
    }
    assert.equal(stored.interview?.key, null, 'no question is open at the review');
    await play(chat, [{ says: 'help', botShows: [/./] }]);
  });
});
