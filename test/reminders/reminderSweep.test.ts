import assert from 'node:assert/strict';
import {
  claimReminder,
  withReminderDueAt,
  withReminderScheduled,
} from '../../src/reminders/reminderSchedule';
import { withAnswer, type Report } from '../../src/report/report';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { productCatalogue } from '../support/catalogue';
import { answeredOf } from '../support/sampleAnswers';
import { sweepPolicy as policy, useSweepWorld } from './sweepWorld';

describe('reminder sweep, against Cosmos DB and the Bot Connector', () => {
  const world = useSweepWorld({ retryMs: 60 * 60_000, maxFailures: 2 });
  const { sweepAt } = world;

  /** A draft written at `touched` with two answers, as the interview leaves it. */
  async function abandonedDraft(touched: string, changes: Partial<Report> = {}): Promise<Report> {
    const at = new Date(touched);
    let draft: Report = { ...world.draftInChat(at), ...changes };
    draft = withAnswer(draft, 'title', { type: 'shortText', text: 'Eurocities Porto' }, at);
    draft = withAnswer(draft, 'destination', { type: 'shortText', text: 'Porto' }, at);
    return world.reports.create(withReminderScheduled(draft, policy, at));
  }

  /** The reminders the traveller of `draft` got in their personal chat. */
  const remindersOf = world.messagesOf;

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
    await world.reports.setAnswer(
      draft.travellerId,
      draft.id,
      'persons',
      { type: 'number', value: 2 },
      new Date('2027-01-15T10:00:00.000Z'),
      '2027-01-20T10:00:00.000Z',
    );
    await sweepAt('2027-01-25T10:00:00.000Z');
    assert.equal(remindersOf(draft).length, 2, 'not even after another answer');
    const stored = await world.reports.get(draft.travellerId, draft.id);
    assert.deepEqual(stored?.reminder?.sentAt, [
      '2026-11-23T15:30:00.000Z',
      '2026-11-26T15:30:00.000Z',
    ]);
    assert.equal(stored?.reminderDueAt, undefined);
  });

  it('sends none at night, at the weekend or on a holiday, and waits for the window', async () => {
    // Due at 22:00 on Friday (a window changed since): not at night, not at the weekend.
    const night = await abandonedDraft('2026-11-16T10:00:00.000Z');
    await world.reports.update(night.travellerId, night.id, (report) =>
      withReminderDueAt(report, new Date('2026-11-20T21:00:00.000Z')),
    );
    // Due on Koningsdag (Monday 27 April 2026) at ten.
    const holiday = await abandonedDraft('2026-04-20T08:00:00.000Z');
    await world.reports.update(holiday.travellerId, holiday.id, (report) =>
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
    await world.preferences.save({
      travellerId: optedOut.travellerId,
      reminders: false,
      updatedAt: '2026-11-18T16:00:00.000Z',
    });
    const deleted = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await world.reports.delete(deleted.travellerId, deleted.id);

    await sweepAt('2026-11-23T15:30:00.000Z');
    await sweepAt('2026-11-26T15:30:00.000Z');
    assert.equal(remindersOf(optedOut).length, 0);
    assert.equal(remindersOf(deleted).length, 0);
    assert.equal(
      (await world.reports.get(optedOut.travellerId, optedOut.id))?.reminderDueAt,
      undefined,
    );
  });

  it('marks a reminder Teams refuses (403, app removed) undeliverable and never retries it', async () => {
    const removed = await abandonedDraft('2026-11-18T15:30:00.000Z');
    const gone = await abandonedDraft('2026-11-18T15:30:00.000Z');
    const conversationOf = (draft: Report) => draft.chat?.conversationId;
    world.connector.failNext(1, 403, { when: (c) => c.conversationId === conversationOf(removed) });
    world.connector.failNext(1, 404, { when: (c) => c.conversationId === conversationOf(gone) });

    const result = await sweepAt('2026-11-23T15:30:00.000Z');
    assert.equal(result.undeliverable, 2);
    for (const draft of [removed, gone]) {
      const stored = await world.reports.get(draft.travellerId, draft.id);
      assert.equal(stored?.reminder?.undeliverable, true);
      assert.equal(stored?.reminderDueAt, undefined);
    }
    const calls = world.connector.calls.length;
    await sweepAt('2026-11-26T15:30:00.000Z');
    await sweepAt('2026-12-10T15:30:00.000Z');
    assert.equal(world.connector.calls.length, calls, 'Teams is not asked again');
  });

  it('tries a reminder again after Teams failed for now (503), a bounded number of times', async function () {
    // The Bot Connector client itself tries a 503 four times in all, within seconds.
    this.timeout(60_000);
    const busy = await abandonedDraft('2026-11-18T10:00:00.000Z');
    const down = await abandonedDraft('2026-11-18T10:00:00.000Z');
    const callsTo = (draft: Report) =>
      world.connector.calls.filter((c) => c.conversationId === draft.chat?.conversationId).length;
    world.connector.failNext(4, 503, {
      when: (c) => c.conversationId === busy.chat?.conversationId,
    });
    world.connector.failNext(100, 503, {
      when: (c) => c.conversationId === down.chat?.conversationId,
    });

    await sweepAt('2026-11-23T10:00:00.000Z');
    assert.equal(remindersOf(busy).length, 0);
    assert.equal((await world.reports.get(busy.travellerId, busy.id))?.reminder?.failures, 1);
    await sweepAt('2026-11-23T10:15:00.000Z');
    assert.equal(remindersOf(busy).length, 0, 'not before the retry time');
    assert.equal(callsTo(down), 4, 'one failed attempt so far');

    await sweepAt('2026-11-23T11:00:00.000Z');
    assert.equal(remindersOf(busy).length, 1, 'sent at a later sweep');
    const stored = await world.reports.get(down.travellerId, down.id);
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
    const due = await world.reports.get(draft.travellerId, draft.id);
    assert.ok(await world.reports.replaceIfUnchanged(claimReminder(due!, claimedAt, 10 * 60_000)));

    await sweepAt('2026-11-23T10:05:00.000Z');
    assert.equal(remindersOf(draft).length, 0, 'the claim still holds');
    await sweepAt('2026-11-23T10:10:00.000Z');
    assert.equal(remindersOf(draft).length, 1, 'taken over and sent');
    const stored = await world.reports.get(draft.travellerId, draft.id);
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
    const send = world.sender();
    const slow = world.newSweep({
      send: async (report) => {
        sending();
        await held;
        return send(report);
      },
      now: () => new Date('2026-11-23T10:00:00.000Z'),
    });
    const slowSweep = slow.run();
    await sendStarted;

    // The traveller answers, as the interview stores it: due three working days from now.
    const answeredAt = new Date('2026-11-23T10:01:00.000Z');
    await world.reports.setAnswer(
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
    const stored = await world.reports.get(draft.travellerId, draft.id);
    assert.deepEqual(stored?.reminder?.sentAt, ['2026-11-23T10:00:00.000Z']);
    // The next is due three working days after the answer, not after the sweep's start.
    assert.equal(stored?.reminderDueAt, '2026-11-26T10:01:00.000Z');
  });

  it('keeps two reminders a period apart when an answer stored after the first was begun before it', async () => {
    const draft = await abandonedDraft('2026-11-18T15:30:00.000Z');
    await sweepAt('2026-11-23T15:30:00.000Z');
    assert.equal(remindersOf(draft).length, 1);
    // The traveller's answer turn read its world.clock a minute before the reminder went out, and
    // its patch landed after: due three working days from that earlier minute.
    await world.reports.setAnswer(
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
    const other = world.newSweep({
      reports: new CosmosReportStore(world.cosmos().db.reports),
      send: world.sender(),
    });
    world.clock = new Date('2026-11-23T15:30:00.000Z');
    const results = await Promise.all([
      world.sweep.run(),
      other.run(),
      world.sweep.run(),
      other.run(),
    ]);
    assert.equal(
      results.reduce((sum, result) => sum + result.sent, 0),
      6,
    );
    for (const draft of drafts) assert.equal(remindersOf(draft).length, 1);
  });
});
