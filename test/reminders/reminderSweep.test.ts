import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createAdapter } from '../../src/adapter';
import { personalChatOpener } from '../../src/channel/personalChat';
import { reminderSender } from '../../src/channel/reminderSender';
import { readConfig } from '../../src/config';
import {
  claimReminder,
  withReminderDueAt,
  withReminderScheduled,
  type ReminderPolicy,
} from '../../src/reminders/reminderSchedule';
import { ReminderSweep } from '../../src/reminders/reminderSweep';
import { parseWorkingWindow } from '../../src/reminders/workingCalendar';
import { newDraft, withAnswer, type Report } from '../../src/report/report';
import { CosmosPreferenceStore } from '../../src/store/cosmosPreferenceStore';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { messageOf } from '../e2e/travellerClient';
import { FakeConnector } from '../support/fakeConnector';
import { useEmbeddedCosmos } from '../store/cosmosFixture';
import { productCatalogue } from '../support/catalogue';
import { answeredOf } from '../support/sampleAnswers';

const policy: ReminderPolicy = {
  afterDays: 3,
  calendar: { window: parseWorkingWindow('ma-vr 09:00-17:00'), skipHolidays: true },
};
const log = pino({ level: 'silent' });

describe('reminder sweep, against Cosmos DB and the Bot Connector', () => {
  const cosmos = useEmbeddedCosmos();
  const connector = new FakeConnector();
  let reports: CosmosReportStore;
  let preferences: CosmosPreferenceStore;
  let clock: Date;
  let sweep: ReminderSweep;

  before(() => connector.start());
  after(() => connector.stop());
  beforeEach(async () => {
    connector.reset();
    reports = new CosmosReportStore(cosmos().db.reports);
    preferences = new CosmosPreferenceStore(cosmos().db.preferences);
    // Drafts of earlier tests must not be due in this one: they are cleared.
    const { resources } = await cosmos().db.reports.items.readAll().fetchAll();
    for (const document of resources) {
      await cosmos()
        .db.reports.item(document.id as string, document.travellerId as string)
        .delete();
    }
    const adapter = createAdapter(readConfig({}), log);
    sweep = new ReminderSweep({
      reports,
      preferences,
      policy,
      send: reminderSender(personalChatOpener(adapter, ''), productCatalogue, log, {
        attempts: 1,
        baseDelayMs: 1,
      }),
      now: () => clock,
      log,
      retryMs: 60 * 60_000,
      maxFailures: 2,
    });
  });

  /** A draft written at `touched` with two answers, as the interview leaves it. */
  async function abandonedDraft(touched: string, changes: Partial<Report> = {}): Promise<Report> {
    const travellerId = `aad-${randomUUID()}`;
    const at = new Date(touched);
    let draft: Report = {
      ...newDraft(randomUUID(), { id: travellerId, name: 'Sanne de Vries' }, 'nl', at),
      chat: {
        conversationId: `a:personal-${travellerId}`,
        serviceUrl: connector.url,
        userId: `29:${travellerId}`,
        userName: 'Sanne de Vries',
        aadObjectId: travellerId,
      },
      ...changes,
    };
    draft = withAnswer(draft, 'title', { type: 'shortText', text: 'Eurocities Porto' }, at);
    draft = withAnswer(draft, 'destination', { type: 'shortText', text: 'Porto' }, at);
    return reports.create(withReminderScheduled(draft, policy, at));
  }

  /** The reminders the traveller of `draft` got in their personal chat. */
  function remindersOf(draft: Report) {
    return connector
      .activitiesIn(draft.chat?.conversationId ?? '')
      .map((posted) => messageOf(posted.id, posted.activity));
  }

  async function sweepAt(iso: string) {
    clock = new Date(iso);
    return sweep.run();
  }

  it('sends none before the due time, one at it, a second later, and none after', async () => {
    // Wednesday 18 November 2026, 16:30 in Amsterdam; due Monday 23rd 16:30 (15:30 UTC).
    const draft = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await sweepAt('2026-11-23T15:29:00.000Z');
    assert.equal(remindersOf(draft).length, 0, 'not before it is due');

    await sweepAt('2026-11-23T15:30:00.000Z');
    const [first] = remindersOf(draft);
    assert.equal(remindersOf(draft).length, 1);
    assert.match(first?.lines.join('\n') ?? '', /Je reisverslag is nog niet af/);
    assert.match(first?.lines.join('\n') ?? '', /Eurocities Porto/);
    assert.ok((first?.lines.join('\n') ?? '').includes(answeredOf(productCatalogue, 2)));
    assert.ok(first?.lines.includes('Verdergaan'));

    await sweepAt('2026-11-23T15:45:00.000Z');
    await sweepAt('2026-11-26T15:29:00.000Z');
    assert.equal(remindersOf(draft).length, 1, 'one until the same time has passed again');

    await sweepAt('2026-11-26T15:30:00.000Z');
    assert.equal(remindersOf(draft).length, 2, 'a second after three more working days');

    for (const later of ['2026-12-01T10:00:00.000Z', '2027-01-15T10:00:00.000Z']) {
      await sweepAt(later);
    }
    assert.equal(remindersOf(draft).length, 2, 'never a third');
    // An answer sets a due date without reading the draft; the sweep knows two were sent.
    await reports.setAnswer(
      draft.travellerId,
      draft.id,
      'persons',
      { type: 'number', value: 2 },
      new Date('2027-01-15T10:00:00.000Z'),
      '2027-01-20T10:00:00.000Z',
    );
    await sweepAt('2027-01-25T10:00:00.000Z');
    assert.equal(remindersOf(draft).length, 2, 'not even after another answer');
    const stored = await reports.get(draft.travellerId, draft.id);
    assert.deepEqual(stored?.reminder?.sentAt, [
      '2026-11-23T15:30:00.000Z',
      '2026-11-26T15:30:00.000Z',
    ]);
    assert.equal(stored?.reminderDueAt, undefined);
  });

  it('sends none at night, at the weekend or on a holiday, and waits for the window', async () => {
    // Due at 22:00 on Friday (a window changed since): not at night, not at the weekend.
    const night = await abandonedDraft('2026-11-16T10:00:00.000Z');
    await reports.update(night.travellerId, night.id, (report) =>
      withReminderDueAt(report, new Date('2026-11-20T21:00:00.000Z')),
    );
    // Due on Koningsdag (Monday 27 April 2026) at ten.
    const holiday = await abandonedDraft('2026-04-20T08:00:00.000Z');
    await reports.update(holiday.travellerId, holiday.id, (report) =>
      withReminderDueAt(report, new Date('2026-04-27T08:00:00.000Z')),
    );
    await sweepAt('2026-11-20T22:00:00.000Z');
    await sweepAt('2026-11-21T10:00:00.000Z');
    await sweepAt('2026-11-22T10:00:00.000Z');
    await sweepAt('2026-04-27T08:00:00.000Z');
    await sweepAt('2026-04-27T12:00:00.000Z');
    assert.equal(remindersOf(night).length, 0, 'not at night or at the weekend');
    assert.equal(remindersOf(holiday).length, 0, 'not on Koningsdag');

    await sweepAt('2026-11-23T08:00:00.000Z');
    assert.equal(remindersOf(night).length, 1, 'Monday at nine');
    await sweepAt('2026-04-28T07:00:00.000Z');
    assert.equal(remindersOf(holiday).length, 1, 'the day after Koningsdag at nine');
  });

  it('sends none to a traveller who opted out, nor for a deleted draft', async () => {
    const optedOut = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await preferences.save({
      travellerId: optedOut.travellerId,
      reminders: false,
      updatedAt: '2026-11-18T16:00:00.000Z',
    });
    const deleted = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await reports.delete(deleted.travellerId, deleted.id);

    await sweepAt('2026-11-23T15:30:00.000Z');
    await sweepAt('2026-11-26T15:30:00.000Z');
    assert.equal(remindersOf(optedOut).length, 0);
    assert.equal(remindersOf(deleted).length, 0);
    assert.equal((await reports.get(optedOut.travellerId, optedOut.id))?.reminderDueAt, undefined);
  });

  it('marks a reminder Teams refuses (403, app removed) undeliverable and never retries it', async () => {
    const removed = await abandonedDraft('2026-11-18T15:30:00.000Z');
    const gone = await abandonedDraft('2026-11-18T15:30:00.000Z');
    const conversationOf = (draft: Report) => draft.chat?.conversationId;
    connector.failNext(1, 403, { when: (c) => c.conversationId === conversationOf(removed) });
    connector.failNext(1, 404, { when: (c) => c.conversationId === conversationOf(gone) });

    const result = await sweepAt('2026-11-23T15:30:00.000Z');
    assert.equal(result.undeliverable, 2);
    for (const draft of [removed, gone]) {
      const stored = await reports.get(draft.travellerId, draft.id);
      assert.equal(stored?.reminder?.undeliverable, true);
      assert.equal(stored?.reminderDueAt, undefined);
    }
    const calls = connector.calls.length;
    await sweepAt('2026-11-26T15:30:00.000Z');
    await sweepAt('2026-12-10T15:30:00.000Z');
    assert.equal(connector.calls.length, calls, 'Teams is not asked again');
  });

  it('tries a reminder again after Teams failed for now (503), a bounded number of times', async function () {
    // The Bot Connector client itself tries a 503 four times in all, within seconds.
    this.timeout(60_000);
    const busy = await abandonedDraft('2026-11-18T10:00:00.000Z');
    const down = await abandonedDraft('2026-11-18T10:00:00.000Z');
    const callsTo = (draft: Report) =>
      connector.calls.filter((c) => c.conversationId === draft.chat?.conversationId).length;
    connector.failNext(4, 503, { when: (c) => c.conversationId === busy.chat?.conversationId });
    connector.failNext(100, 503, { when: (c) => c.conversationId === down.chat?.conversationId });

    await sweepAt('2026-11-23T10:00:00.000Z');
    assert.equal(remindersOf(busy).length, 0);
    assert.equal((await reports.get(busy.travellerId, busy.id))?.reminder?.failures, 1);
    await sweepAt('2026-11-23T10:15:00.000Z');
    assert.equal(remindersOf(busy).length, 0, 'not before the retry time');
    assert.equal(callsTo(down), 4, 'one failed attempt so far');

    await sweepAt('2026-11-23T11:00:00.000Z');
    assert.equal(remindersOf(busy).length, 1, 'sent at a later sweep');
    const stored = await reports.get(down.travellerId, down.id);
    assert.equal(stored?.reminder?.undeliverable, true, 'given up after two failures');
    assert.equal(stored?.reminderDueAt, undefined);
    await sweepAt('2026-11-23T12:00:00.000Z');
    await sweepAt('2026-12-01T08:00:00.000Z');
    assert.equal(callsTo(down), 8, 'not tried again after giving up');
  });

  it('takes over a claim whose instance died before sending, once the takeover time passed', async () => {
    const draft = await abandonedDraft('2026-11-18T10:00:00.000Z');
    // Another instance claimed it at the due time and died: nothing was sent.
    const claimedAt = new Date('2026-11-23T10:00:00.000Z');
    const due = await reports.get(draft.travellerId, draft.id);
    assert.ok(await reports.replaceIfUnchanged(claimReminder(due!, claimedAt, 10 * 60_000)));

    await sweepAt('2026-11-23T10:05:00.000Z');
    assert.equal(remindersOf(draft).length, 0, 'the claim still holds');
    await sweepAt('2026-11-23T10:10:00.000Z');
    assert.equal(remindersOf(draft).length, 1, 'taken over and sent');
    const stored = await reports.get(draft.travellerId, draft.id);
    assert.deepEqual(stored?.reminder?.sentAt, ['2026-11-23T10:10:00.000Z']);
    assert.equal(stored?.reminder?.claimedAt, undefined);
  });

  it('sends a reminder once when the traveller answers while it is being sent', async () => {
    // Found under CPU load: the answer's patch moved reminderDueAt, the claim's takeover time,
    // so another instance took the reminder that was still being sent, and sent it again.
    const draft = await abandonedDraft('2026-11-18T10:00:00.000Z');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let sending = () => {};
    const sendStarted = new Promise<void>((resolve) => (sending = resolve));
    const adapter = createAdapter(readConfig({}), log);
    const send = reminderSender(personalChatOpener(adapter, ''), productCatalogue, log);
    const slow = new ReminderSweep({
      reports,
      preferences,
      policy,
      send: async (report) => {
        sending();
        await held;
        return send(report);
      },
      now: () => new Date('2026-11-23T10:00:00.000Z'),
      log,
    });
    const slowSweep = slow.run();
    await sendStarted;

    // The traveller answers, as the interview stores it: due three working days from now.
    const answeredAt = new Date('2026-11-23T10:01:00.000Z');
    await reports.setAnswer(
      draft.travellerId,
      draft.id,
      'persons',
      { type: 'number', value: 2 },
      answeredAt,
      '2026-11-23T10:02:00.000Z',
    );
    await sweepAt('2026-11-23T10:03:00.000Z');
    release();
    assert.equal((await slowSweep).sent, 1);

    assert.equal(remindersOf(draft).length, 1, 'sent once, by the sweep that claimed it');
    const stored = await reports.get(draft.travellerId, draft.id);
    assert.deepEqual(stored?.reminder?.sentAt, ['2026-11-23T10:00:00.000Z']);
    // The next is due three working days after the answer, not after the sweep's start.
    assert.equal(stored?.reminderDueAt, '2026-11-26T10:01:00.000Z');
  });

  it('keeps two reminders a period apart when an answer stored after the first was begun before it', async () => {
    const draft = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await sweepAt('2026-11-23T15:30:00.000Z');
    assert.equal(remindersOf(draft).length, 1);
    // The traveller's answer turn read its clock a minute before the reminder went out, and
    // its patch landed after: due three working days from that earlier minute.
    await reports.setAnswer(
      draft.travellerId,
      draft.id,
      'persons',
      { type: 'number', value: 2 },
      new Date('2026-11-23T15:29:00.000Z'),
      '2026-11-26T15:29:00.000Z',
    );
    await sweepAt('2026-11-26T15:29:00.000Z');
    assert.equal(remindersOf(draft).length, 1, 'not sooner than a period after the first');
    await sweepAt('2026-11-26T15:30:00.000Z');
    assert.equal(remindersOf(draft).length, 2, 'the second, a period after the first');
  });

  it('sends each reminder once when two instances sweep the same store at once', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 6 }, () => abandonedDraft('2026-11-18T15:30:00.000Z')),
    );
    const adapter = createAdapter(readConfig({}), log);
    const other = new ReminderSweep({
      reports: new CosmosReportStore(cosmos().db.reports),
      preferences,
      policy,
      send: reminderSender(personalChatOpener(adapter, ''), productCatalogue, log),
      now: () => clock,
      log,
    });
    clock = new Date('2026-11-23T15:30:00.000Z');
    const results = await Promise.all([sweep.run(), other.run(), sweep.run(), other.run()]);
    assert.equal(
      results.reduce((sum, result) => sum + result.sent, 0),
      6,
    );
    for (const draft of drafts) assert.equal(remindersOf(draft).length, 1);
  });
});
