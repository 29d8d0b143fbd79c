// `nieuw verslag` by a colleague who was named as co-traveller in a report already posted: a card
// says so, links to the post, and `Toch een eigen verslag schrijven` goes on to the first question.
import assert from 'node:assert/strict';
import { InMemorySameTripStore } from '../../src/store/memorySameTripStore';
import type { SameTripStore } from '../../src/store/sameTripStore';
import { productCatalogue as catalogue } from '../support/catalogue';
import { sameTripRecord } from '../store/sameTripStore.contract';
import { actionData, cardOf, visibleText, type ChatTester } from './chatTester';
import { useDialogStores } from './script';

const BRAM = {
  id: '29:bram',
  name: 'Bram de Boer',
  aadObjectId: '1a2b3c4d-0000-4000-8000-00000000000b',
};

/** Sanne's report of 12–14 October 2026, naming Bram; the chats' clock says 20 November 2026. */
const geneva = sameTripRecord(BRAM.aadObjectId, 'report-geneva', {
  departure: '2026-10-12',
  return: '2026-10-14',
  endsOn: '2026-10-14',
  post: {
    channelId: '19:reisverslagen@thread.tacv2',
    activityId: '1760600000000',
    postedAt: '2026-10-16T09:00:00.000Z',
    teamName: 'Internationale Zaken',
    channelName: 'Reisverslagen',
    teamAadGroupId: '00000000-0000-0000-0000-000000000031',
  },
  postedAt: '2026-10-16T09:00:00.000Z',
});

const NOTICE =
  'Sanne Visser heeft al een verslag geplaatst over ‘UN-Habitat Assembly 2025’ (Genève, 12 t/m 14 oktober 2026).';

describe('The same-trip notice at `nieuw verslag`', () => {
  const stores = useDialogStores(catalogue);
  let sameTrips: InMemorySameTripStore;
  beforeEach(async () => {
    sameTrips = new InMemorySameTripStore();
    await sameTrips.save(geneva);
  });
  const bramsChat = (options: { locale?: string; store?: SameTripStore } = {}): ChatTester =>
    stores.newChat({
      user: BRAM,
      sameTrips: options.store ?? sameTrips,
      ...(options.locale ? { locale: options.locale } : {}),
    });
  const firstQuestion = catalogue.questions[0]!;

  it('names the report, links to its post, and goes on to the first question on `Toch een eigen verslag schrijven`', async () => {
    const chat = bramsChat();
    const [notice, ...rest] = await chat.say('nieuw verslag');
    assert.equal(rest.length, 0);
    const card = cardOf(notice!);
    assert.ok(card, 'the notice is a card');
    assert.equal(visibleText(notice!).split('\n')[0], NOTICE);
    const actions = card.actions as { type: string; title: string; url?: string; style?: string }[];
    assert.deepEqual(
      actions.map((action) => [action.type, action.title]),
      [
        ['Action.OpenUrl', 'Bekijken in kanaal'],
        ['Action.Submit', 'Toch een eigen verslag schrijven'],
        ['Action.Submit', 'Niet nu'],
      ],
    );
    assert.equal(actions[0]?.style, 'positive', 'the link is the primary action');
    const link = new URL(actions[0]?.url ?? '');
    assert.equal(link.host, 'teams.microsoft.com');
    assert.equal(
      link.pathname,
      `/l/message/${encodeURIComponent('19:reisverslagen@thread.tacv2')}/1760600000000`,
    );
    assert.equal(link.searchParams.get('groupId'), '00000000-0000-0000-0000-000000000031');
    assert.equal(link.searchParams.get('tenantId'), 'tenant-1');
    assert.deepEqual(await stores.reports.listByTraveller(BRAM.aadObjectId), [], 'no draft yet');

    const replies = await chat.submit(actionData(card, 'Toch een eigen verslag schrijven'));
    assert.ok(
      replies.some((reply) => visibleText(reply).includes(firstQuestion.text.nl)),
      'the first question follows',
    );
    const [draft] = await stores.reports.listByTraveller(BRAM.aadObjectId);
    assert.equal(draft?.status, 'draft');
    assert.deepEqual(await sameTrips.findRecent(BRAM.aadObjectId, '2026-01-01', 5), [], 'seen');
  });

  it('is not shown again once seen: the next `nieuw verslag` starts at once', async () => {
    const chat = bramsChat();
    const [notice] = await chat.say('nieuw verslag');
    await chat.submit(actionData(cardOf(notice!)!, 'Toch een eigen verslag schrijven'));
    await chat.say('stop');
    await stores.reports.delete(
      BRAM.aadObjectId,
      (await stores.reports.listByTraveller(BRAM.aadObjectId))[0]!.id,
    );
    const replies = await chat.say('nieuw verslag');
    assert.ok(replies.some((reply) => visibleText(reply).includes(firstQuestion.text.nl)));
    assert.ok(replies.every((reply) => !visibleText(reply).includes('Sanne Visser')));
  });

  it('takes `nieuw verslag` typed at the notice as writing one’s own report', async () => {
    const chat = bramsChat();
    await chat.say('nieuw verslag');
    const replies = await chat.say('nieuw verslag');
    assert.ok(replies.some((reply) => visibleText(reply).includes(firstQuestion.text.nl)));
    assert.equal((await stores.reports.listByTraveller(BRAM.aadObjectId)).length, 1);
  });

  it('starts nothing on `Niet nu`, and keeps the notice for next time', async () => {
    const chat = bramsChat();
    const [notice] = await chat.say('nieuw verslag');
    const [reply] = await chat.submit(actionData(cardOf(notice!)!, 'Niet nu'));
    assert.match(visibleText(reply!), /ik begin geen nieuw verslag/);
    assert.deepEqual(await stores.reports.listByTraveller(BRAM.aadObjectId), []);
    const [again] = await chat.say('nieuw verslag');
    assert.equal(visibleText(again!).split('\n')[0], NOTICE);
  });

  it('speaks English to an English Teams client', async () => {
    const chat = bramsChat({ locale: 'en-US' });
    const [notice] = await chat.say('new report');
    assert.equal(
      visibleText(notice!).split('\n')[0],
      'Sanne Visser has already posted a report on ‘UN-Habitat Assembly 2025’ (Genève, 12 to 14 October 2026).',
    );
    const titles = (cardOf(notice!)?.actions as { title: string }[]).map((action) => action.title);
    assert.deepEqual(titles, ['View in channel', 'Write my own report anyway', 'Not now']);
    const replies = await chat.submit(actionData(cardOf(notice!)!, 'Write my own report anyway'));
    assert.ok(replies.some((reply) => visibleText(reply).includes(firstQuestion.text.en)));
  });

  it('leaves out trips long ago, reports of another tenant and the colleague’s own', async () => {
    sameTrips = new InMemorySameTripStore();
    await sameTrips.save({
      ...geneva,
      reportId: 'old',
      return: '2026-06-01',
      endsOn: '2026-06-01',
    });
    await sameTrips.save({ ...geneva, reportId: 'elsewhere', tenantId: 'tenant-2' });
    await sameTrips.save({ ...geneva, reportId: 'own', travellerId: BRAM.aadObjectId });
    const replies = await bramsChat().say('nieuw verslag');
    assert.ok(replies.some((reply) => visibleText(reply).includes(firstQuestion.text.nl)));
    assert.ok(replies.every((reply) => !visibleText(reply).includes('Sanne Visser')));
  });

  it('does not hold the traveller up when the lookup fails: the draft starts as usual', async () => {
    const down: SameTripStore = {
      save: async () => undefined,
      remove: async () => undefined,
      findRecent: async () => {
        throw new Error('Cosmos DB is unreachable');
      },
      markSeen: async () => undefined,
    };
    const replies = await bramsChat({ store: down }).say('nieuw verslag');
    assert.ok(replies.some((reply) => visibleText(reply).includes(firstQuestion.text.nl)));
  });

  it('asks for a button when something else is typed at the notice', async () => {
    const chat = bramsChat();
    await chat.say('nieuw verslag');
    const [hint] = await chat.say('hmm');
    assert.match(visibleText(hint!), /Kies een knop op de kaart/);
    assert.deepEqual(await stores.reports.listByTraveller(BRAM.aadObjectId), []);
  });
});
