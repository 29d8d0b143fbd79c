// What the sweep tests (reminders and nudges) share: Cosmos DB emptied of earlier drafts, the fake
// Bot Connector, a sweep at a clock the test sets, and drafts with a personal chat on that connector.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createAdapter } from '../../src/adapter';
import { personalChatOpener } from '../../src/channel/personalChat';
import { reminderSender } from '../../src/channel/reminderSender';
import { readConfig } from '../../src/config';
import type { RetryPolicy } from '../../src/channel/teamsRetry';
import type { ReminderPolicy } from '../../src/reminders/reminderSchedule';
import { ReminderSweep, type ReminderSweepParts } from '../../src/reminders/reminderSweep';
import { parseWorkingWindow } from '../../src/reminders/workingCalendar';
import type { Locale } from '../../src/report/locale';
import { newDraft, type Report } from '../../src/report/report';
import { CosmosPreferenceStore } from '../../src/store/cosmosPreferenceStore';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { messageOf } from '../e2e/travellerClient';
import { useEmbeddedCosmos, type CosmosFixture } from '../store/cosmosFixture';
import { productCatalogue } from '../support/catalogue';
import { FakeConnector } from '../support/fakeConnector';

/** Reminders three working days after a draft was touched, in office hours, holidays skipped. */
export const sweepPolicy: ReminderPolicy = {
  afterDays: 3,
  calendar: { window: parseWorkingWindow('ma-vr 09:00-17:00'), skipHolidays: true },
};

const log = pino({ level: 'silent' });

/** One sweep test's world; its stores and sweep are new for each test. */
export interface SweepWorld {
  cosmos: () => CosmosFixture;
  connector: FakeConnector;
  reports: CosmosReportStore;
  preferences: CosmosPreferenceStore;
  /** What the sweeps take as now; set by the test (sweepAt). */
  clock: Date;
  /** The test's sweep, made by newSweep with the options given to useSweepWorld. */
  sweep: ReminderSweep;
  /** Sends reminders and nudges through the fake connector (with reminderSender's retries). */
  sender(retry?: RetryPolicy): ReminderSweepParts['send'];
  /** A sweep on this world's stores and clock, with `parts` changed. */
  newSweep(parts?: Partial<ReminderSweepParts>): ReminderSweep;
  /** Sweeps once at `iso`. */
  sweepAt(iso: string): ReturnType<ReminderSweep['run']>;
  /** A new traveller's empty draft, begun at `at`, whose personal chat is on the connector. */
  draftInChat(at: Date, locale?: Locale): Report;
  /** What the traveller of `draft` got in their personal chat. */
  messagesOf(draft: Report): ReturnType<typeof messageOf>[];
}

/** Registers the mocha hooks of a sweep test; `sweepParts` change its sweep (retries, failures). */
export function useSweepWorld(sweepParts: Partial<ReminderSweepParts> = {}): SweepWorld {
  const cosmos = useEmbeddedCosmos();
  const connector = new FakeConnector();
  const world = {
    cosmos,
    connector,
    clock: new Date(0),
    sender: (retry?: RetryPolicy) =>
      reminderSender(
        personalChatOpener(createAdapter(readConfig({}), log), ''),
        productCatalogue,
        log,
        retry,
      ),
    newSweep: (parts: Partial<ReminderSweepParts> = {}) =>
      new ReminderSweep({
        reports: world.reports,
        preferences: world.preferences,
        policy: sweepPolicy,
        // One attempt a sweep: a failure waits for the next sweep, as the tests expect.
        send: world.sender({ attempts: 1, baseDelayMs: 1 }),
        now: () => world.clock,
        log,
        ...parts,
      }),
    sweepAt: async (iso: string) => {
      world.clock = new Date(iso);
      return world.sweep.run();
    },
    draftInChat: (at: Date, locale: Locale = 'nl'): Report => {
      const travellerId = `aad-${randomUUID()}`;
      return {
        ...newDraft(randomUUID(), { id: travellerId, name: 'Sanne de Vries' }, locale, at),
        chat: {
          conversationId: `a:personal-${travellerId}`,
          serviceUrl: connector.url,
          userId: `29:${travellerId}`,
          userName: 'Sanne de Vries',
          aadObjectId: travellerId,
        },
      };
    },
    messagesOf: (draft: Report) =>
      connector
        .activitiesIn(draft.chat?.conversationId ?? '')
        .map((posted) => messageOf(posted.id, posted.activity)),
  } as SweepWorld;

  before(() => connector.start());
  after(() => connector.stop());
  beforeEach(async () => {
    connector.reset();
    world.reports = new CosmosReportStore(cosmos().db.reports);
    world.preferences = new CosmosPreferenceStore(cosmos().db.preferences);
    // Drafts of earlier tests must not be due in this one: they are cleared.
    const { resources } = await cosmos().db.reports.items.readAll().fetchAll();
    for (const document of resources) {
      await cosmos()
        .db.reports.item(document.id as string, document.travellerId as string)
        .delete();
    }
    world.sweep = world.newSweep(sweepParts);
  });
  return world;
}
