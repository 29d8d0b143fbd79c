import assert from 'node:assert/strict';
import { newDraft, type Report } from '../../src/report/report';
import {
  claimReminder,
  markUndeliverable,
  recordReminderSent,
  releaseReminder,
  reminderDueFrom,
  withReminderScheduled,
  withoutReminderDue,
  type ReminderPolicy,
} from '../../src/reminders/reminderSchedule';
import { parseWorkingWindow } from '../../src/reminders/workingCalendar';

const policy: ReminderPolicy = {
  afterDays: 3,
  calendar: { window: parseWorkingWindow('ma-vr 09:00-17:00'), skipHolidays: true },
};
// Wednesday 18 November 2026, 16:30 in Amsterdam.
const touched = new Date('2026-11-18T15:30:00.000Z');

function draft(changes: Partial<Report> = {}): Report {
  return {
    ...newDraft('r1', { id: 't1', name: 'Sanne de Vries' }, 'nl', touched),
    ...changes,
  };
}

describe('reminder schedule', () => {
  it('is due three working days after the last touch, inside the window', () => {
    // Wednesday 16:30 + 3 working days = Monday 16:30 (the weekend skipped).
    assert.equal(reminderDueFrom(draft(), policy, touched), '2026-11-23T15:30:00.000Z');
    // Wednesday 17:30 + 3 = Monday 17:30: after hours, so Tuesday at nine.
    assert.equal(
      reminderDueFrom(draft(), policy, new Date('2026-11-18T16:30:00.000Z')),
      '2026-11-24T08:00:00.000Z',
    );
  });

  it('counts in the traveller’s own time zone', () => {
    // 16:30 Amsterdam is 10:30 in New York; + 3 working days is Monday 10:30 there.
    assert.equal(
      reminderDueFrom(draft({ timeZone: 'America/New_York' }), policy, touched),
      '2026-11-23T15:30:00.000Z',
    );
    // 15:30 UTC is 00:30 the next day in Tokyo: Thursday + 3 = Tuesday 00:30 → 09:00 there.
    assert.equal(
      reminderDueFrom(draft({ timeZone: 'Asia/Tokyo' }), policy, touched),
      '2026-11-24T00:00:00.000Z',
    );
  });

  it('schedules none for a posted report, after two reminders, or when undeliverable', () => {
    assert.equal(reminderDueFrom(draft({ status: 'posted' }), policy, touched), undefined);
    const twice = { sentAt: ['2026-11-23T15:30:00.000Z', '2026-11-26T15:30:00.000Z'] };
    assert.equal(reminderDueFrom(draft({ reminder: twice }), policy, touched), undefined);
    const gone = { sentAt: [], undeliverable: true };
    assert.equal(reminderDueFrom(draft({ reminder: gone }), policy, touched), undefined);
  });

  it('sends a second reminder the same time after the first, then none', () => {
    const scheduled = withReminderScheduled(draft(), policy, touched);
    const firstAt = new Date(scheduled.reminderDueAt as string);
    const claimed = claimReminder(scheduled, firstAt, 10 * 60_000);
    assert.equal(claimed.reminder?.claimedAt, firstAt.toISOString());
    const once = recordReminderSent(claimed, policy, firstAt);
    assert.deepEqual(once.reminder?.sentAt, [firstAt.toISOString()]);
    assert.equal(once.reminder?.claimedAt, undefined);
    // Monday 16:30 + 3 working days = Thursday 16:30.
    assert.equal(once.reminderDueAt, '2026-11-26T15:30:00.000Z');
    const twice = recordReminderSent(once, policy, new Date('2026-11-26T15:30:00.000Z'));
    assert.equal(twice.reminder?.sentAt.length, 2);
    assert.equal(twice.reminderDueAt, undefined);
    // Answering again later schedules nothing more: two at most, ever.
    assert.equal(withReminderScheduled(twice, policy, new Date()).reminderDueAt, undefined);
  });

  it('releases a failed send a few times, then gives up; 403/404 gives up at once', () => {
    const now = new Date('2026-11-23T15:30:00.000Z');
    let report = claimReminder(withReminderScheduled(draft(), policy, touched), now, 60_000);
    report = releaseReminder(report, now, 5 * 60_000, 3);
    assert.equal(report.reminder?.failures, 1);
    assert.equal(report.reminderDueAt, '2026-11-23T15:35:00.000Z');
    report = releaseReminder(releaseReminder(report, now, 5 * 60_000, 3), now, 5 * 60_000, 3);
    assert.equal(report.reminder?.undeliverable, true);
    assert.equal(report.reminderDueAt, undefined);
    const refused = markUndeliverable(withReminderScheduled(draft(), policy, touched));
    assert.equal(refused.reminder?.undeliverable, true);
    assert.equal(refused.reminderDueAt, undefined);
  });

  it('clears a due reminder when the traveller opts out', () => {
    const scheduled = withReminderScheduled(draft(), policy, touched);
    assert.ok(scheduled.reminderDueAt);
    assert.equal(withoutReminderDue(scheduled).reminderDueAt, undefined);
  });
});
