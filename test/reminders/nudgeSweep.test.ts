import assert from 'node:assert/strict';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { postponeOutcome, withAnnouncement, withNudgePostponed } from '../../src/reminders/nudge';
import { reminderDueAfter } from '../../src/reminders/reminderSchedule';
import type { Locale } from '../../src/report/locale';
import { withAnswer, type Report } from '../../src/report/report';
import { sweepPolicy as policy, useSweepWorld } from './sweepWorld';

describe('the nudge of an announced trip, sent by the reminder sweep', () => {
  const world = useSweepWorld();
  const { messagesOf, sweepAt } = world;

  /** A trip to Genève announced at `at`, from `departure` to `returnDate`, as `ik ga op reis` leaves it. */
  async function announcedTrip(
    at: string,
    departure: string,
    returnDate: string,
    locale: Locale = 'nl',
  ): Promise<Report> {
    const when = new Date(at);
    let draft = world.draftInChat(when, locale);
    draft = withAnswer(
      draft,
      'title',
      { type: 'shortText', text: 'UN-Habitat Assembly 2025' },
      when,
    );
    draft = withAnswer(draft, 'destination', { type: 'shortText', text: 'Genève' }, when);
    draft = withAnswer(
      draft,
      'duration',
      { type: 'dateRange', departure, return: returnDate, days: 3, nights: 2 },
      when,
    );
    return world.reports.create(withAnnouncement(draft, returnDate, policy, when));
  }

  const nudgesOf = (draft: Report) =>
    messagesOf(draft).filter((message) => message.lines.join(' ').includes('Welkom terug'));
  const remindersOf = (draft: Report) =>
    messagesOf(draft).filter((message) => message.lines.join(' ').includes('nog niet af'));

  it('nudges on the first working day after the return, once, then the usual reminders follow', async () => {
    // Announced on 2 November 2026 for 18 to 20 November (Friday): nudge Monday 23rd at nine.
    const trip = await announcedTrip('2026-11-02T10:00:00.000Z', '2026-11-18', '2026-11-20');
    for (const before of [
      '2026-11-03T10:00:00.000Z', // three working days untouched: no reminder before the trip
      '2026-11-10T10:00:00.000Z',
      '2026-11-20T15:00:00.000Z', // the return date itself
      '2026-11-21T10:00:00.000Z', // Saturday
      '2026-11-23T07:59:00.000Z', // Monday, before the window opens
    ]) {
      await sweepAt(before);
    }
    assert.equal(messagesOf(trip).length, 0, 'nothing before the first working day after it');

    await sweepAt('2026-11-23T08:00:00.000Z');
    const [nudge] = nudgesOf(trip);
    assert.equal(messagesOf(trip).length, 1);
    const shown = nudge?.lines.join(' ') ?? '';
    assert.ok(shown.includes('Welkom terug uit Genève!'), shown);
    assert.ok(shown.includes('Zullen we het verslag van UN-Habitat Assembly 2025 maken?'), shown);
    assert.ok(nudge?.lines.includes('Nu beginnen'));
    assert.ok(nudge?.lines.includes('Later'));
    const stored = await world.reports.get(trip.travellerId, trip.id);
    assert.deepEqual(stored?.announced?.nudge.sentAt, ['2026-11-23T08:00:00.000Z']);
    assert.deepEqual(stored?.reminder?.sentAt, [], 'the nudge is no reminder');

    await sweepAt('2026-11-23T12:00:00.000Z');
    await sweepAt('2026-11-26T07:59:00.000Z');
    assert.equal(messagesOf(trip).length, 1, 'once');
    await sweepAt('2026-11-26T08:00:00.000Z');
    assert.equal(remindersOf(trip).length, 1, 'three working days later, the usual reminder');
    assert.equal(nudgesOf(trip).length, 1);
  });

  it('nudges an English traveller in English', async () => {
    const trip = await announcedTrip('2026-11-02T10:00:00.000Z', '2026-11-18', '2026-11-20', 'en');
    await sweepAt('2026-11-23T08:00:00.000Z');
    const [message] = messagesOf(trip);
    const shown = message?.lines.join(' ') ?? '';
    assert.ok(shown.includes('Welcome back from Genève!'), shown);
    assert.ok(shown.includes('Shall we write the report of UN-Habitat Assembly 2025?'), shown);
    assert.ok(message?.lines.includes('Start now'));
  });

  it('sends none at night or on a holiday: after Koningsdag, at nine', async () => {
    // Back on Sunday 26 April 2026; Monday the 27th is Koningsdag.
    const trip = await announcedTrip('2026-04-01T10:00:00.000Z', '2026-04-24', '2026-04-26');
    for (const closed of [
      '2026-04-27T08:00:00.000Z',
      '2026-04-27T12:00:00.000Z',
      '2026-04-27T22:00:00.000Z',
      '2026-04-28T06:59:00.000Z',
    ]) {
      await sweepAt(closed);
    }
    assert.equal(messagesOf(trip).length, 0, 'not on Koningsdag, nor in the night after');
    await sweepAt('2026-04-28T07:00:00.000Z');
    assert.equal(nudgesOf(trip).length, 1, 'Tuesday at nine');
  });

  it('moves the nudge a working day on Later, twice; the third has no Later', async () => {
    const trip = await announcedTrip('2026-11-02T10:00:00.000Z', '2026-11-18', '2026-11-20');
    const later = async (iso: string) => {
      const now = new Date(iso);
      await world.reports.update(trip.travellerId, trip.id, (report) =>
        withNudgePostponed(report, postponeOutcome(report, policy.calendar, now)),
      );
    };
    await sweepAt('2026-11-23T08:00:00.000Z');
    await later('2026-11-23T08:05:00.000Z');
    await sweepAt('2026-11-23T15:00:00.000Z');
    await sweepAt('2026-11-24T07:59:00.000Z');
    assert.equal(nudgesOf(trip).length, 1, 'not again the same day');
    await sweepAt('2026-11-24T08:00:00.000Z');
    assert.equal(nudgesOf(trip).length, 2, 'Tuesday at nine');
    assert.ok(nudgesOf(trip)[1]?.lines.includes('Later'));

    // Pressed on Friday: the next working day is Monday.
    await later('2026-11-27T10:00:00.000Z');
    await sweepAt('2026-11-28T10:00:00.000Z');
    assert.equal(nudgesOf(trip).length, 2, 'not at the weekend');
    await sweepAt('2026-11-30T08:00:00.000Z');
    const third = nudgesOf(trip)[2];
    assert.ok(third, 'Monday at nine');
    assert.ok(!third.lines.includes('Later'), 'the third has no Later');
    assert.ok(third.lines.includes('Nu beginnen'));
    assert.equal(remindersOf(trip).length, 0, 'no reminder came in between');

    const stored = await world.reports.get(trip.travellerId, trip.id);
    assert.equal(postponeOutcome(stored, policy.calendar, world.clock).kind, 'noMore');
    await sweepAt('2026-12-03T08:00:00.000Z');
    assert.equal(remindersOf(trip).length, 1, 'then the usual reminders');
    assert.equal(nudgesOf(trip).length, 3);
  });

  it('sends no nudge when the report was written before the return, and no reminder while away', async () => {
    const trip = await announcedTrip('2026-11-02T10:00:00.000Z', '2026-11-18', '2026-11-20');
    // An answer on 4 November, as the interview stores it: a reminder due three working days on.
    const answeredAt = new Date('2026-11-04T10:00:00.000Z');
    await world.reports.setAnswer(
      trip.travellerId,
      trip.id,
      'persons',
      { type: 'number', value: 1 },
      answeredAt,
      reminderDueAfter(policy, 'Europe/Amsterdam', answeredAt),
    );
    await sweepAt('2026-11-09T10:00:00.000Z');
    await sweepAt('2026-11-20T10:00:00.000Z');
    assert.equal(messagesOf(trip).length, 0, 'nothing while the traveller is away');
    await sweepAt('2026-11-23T08:00:00.000Z');
    assert.equal(nudgesOf(trip).length, 0, 'no nudge: the report is being written');
    assert.equal(remindersOf(trip).length, 1, 'the usual reminder, after the return');
    const stored = await world.reports.get(trip.travellerId, trip.id);
    assert.equal(stored?.announced?.nudge.dueAt, undefined);
  });

  it('sends each nudge once when two instances sweep the same store at once', async () => {
    const trips = await Promise.all(
      Array.from({ length: 6 }, () =>
        announcedTrip('2026-11-02T10:00:00.000Z', '2026-11-18', '2026-11-20'),
      ),
    );
    const other = world.newSweep({ reports: new CosmosReportStore(world.cosmos().db.reports) });
    world.clock = new Date('2026-11-23T08:00:00.000Z');
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
    for (const trip of trips) {
      assert.equal(nudgesOf(trip).length, 1);
      const stored = await world.reports.get(trip.travellerId, trip.id);
      assert.equal(stored?.announced?.nudge.sentAt.length, 1);
    }
  });
});
