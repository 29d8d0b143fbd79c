import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TravellerClient, type BotMessage } from '../e2e/travellerClient';
import { makeUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  COSMOS_KEY,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { reportsOf } from '../support/teams';
import { productCatalogue as catalogue } from '../support/catalogue';
import { answeredOf, progressOf } from '../support/sampleAnswers';

/** Reminders after 0.00002 working days (under two seconds), any hour, swept every 30 ms, so that the two collide. */
const QUICK_REMINDERS = {
  REMINDER_AFTER_DAYS: '0.00002',
  REMINDER_WINDOW: 'ma-zo 00:00-24:00',
  REMINDER_SKIP_HOLIDAYS: 'false',
  REMINDER_SWEEP_MINUTES: '0.0005',
};

const isReminder = (message: BotMessage) => message.lines.includes('Je reisverslag is nog niet af');

describe('reliability: two bot processes sweeping reminders from the same store', function () {
  this.timeout(90_000);
  const connector = new FakeConnector();
  const database = `reminders-${randomUUID()}`;
  let cosmos: CosmosServer;
  let first: BotProcess;
  let second: BotProcess;

  before(async () => {
    await connector.start();
    cosmos = await startCosmosServer();
    const shared = { endpoint: cosmos.endpoint, key: COSMOS_KEY };
    first = await startBot({ cosmos: shared, database, env: QUICK_REMINDERS });
    second = await startBot({ cosmos: shared, database, env: QUICK_REMINDERS });
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
    await cosmos?.stop();
    await connector.stop();
  });
  afterEach(function () {
    reportOnFailure(this.currentTest, first, second, cosmos, connector);
  });

  it('sends each abandoned draft two reminders in all, each once, and Verdergaan resumes it', async () => {
    const tenantId = randomUUID();
    const travellers = ['Priya Ramdin', 'Ahmed El Amrani', 'Sanne de Vries', 'Daan Visser'].map(
      (name, index) =>
        new TravellerClient(makeUser(name), {
          botUrl: index % 2 === 0 ? first.url : second.url,
          connector,
          tenantId,
        }),
    );
    for (const [index, traveller] of travellers.entries()) {
      await traveller.say('nieuw verslag');
      await traveller.say(`Werkbezoek ${index + 1}`);
    }

    // Both processes sweep every 30 ms; wait until every draft has had its two reminders.
    const { reports, dispose } = reportsOf(cosmos, database);
    try {
      await connector.waitFor(
        (c) =>
          travellers.every(
            (traveller) =>
              c
                .activitiesIn(traveller.chatId)
                .filter((posted) => JSON.stringify(posted.activity).includes('nog niet af'))
                .length >= 2,
          ),
        60_000,
        'two reminders for every traveller',
      );
      // Stored: two sent and none due any more, so no sweep will send another. The sweep
      // records a reminder after Teams took it, so the second may arrive before its record.
      const drafts = async () =>
        (
          await reports.items
            .query({ query: 'SELECT * FROM c WHERE c.status = "draft"' })
            .fetchAll()
        ).resources;
      const recorded = Date.now() + 10_000;
      let resources = await drafts();
      while (
        resources.some((draft) => draft.reminder?.sentAt?.length !== 2) &&
        Date.now() < recorded
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        resources = await drafts();
      }
      assert.equal(resources.length, travellers.length);
      for (const draft of resources) {
        const [one, two] = (draft.reminder.sentAt as string[]).map((at) => Date.parse(at));
        assert.equal(draft.reminder.sentAt.length, 2);
        assert.equal(draft.reminderDueAt, undefined);
        // Had both processes sent the first, the two would be moments apart, not a period.
        assert.ok(
          two! - one! >= Math.round(0.00002 * 24 * 60 * 60 * 1000),
          `the second came a period later: ${JSON.stringify(draft.reminder)}`,
        );
      }
    } finally {
      dispose();
    }
    for (const traveller of travellers) {
      const reminders = traveller.messages().filter(isReminder);
      assert.equal(reminders.length, 2, `${traveller.user.name}: each reminder sent once`);
      assert.ok(reminders[0]?.lines.includes(answeredOf(catalogue, 1)));
    }

    const [priya] = travellers;
    const reminder = priya!.messages().filter(isReminder).at(-1)!;
    const replies = await priya!.press(reminder, 'Verdergaan');
    const shown = replies.map((reply) => reply.lines.join('\n')).join('\n');
    assert.ok(shown.includes(progressOf(catalogue, 'destination')), shown);
  });
});
