import assert from 'node:assert/strict';
import {
  addWorkingDays,
  isWithinWindow,
  nextWindowMoment,
  parseWorkingWindow,
  type WorkingCalendar,
} from '../../src/reminders/workingCalendar';

const AMS = 'Europe/Amsterdam';
const officeHours: WorkingCalendar = {
  window: parseWorkingWindow('ma-vr 09:00-17:00'),
  skipHolidays: true,
};
const always: WorkingCalendar = {
  window: parseWorkingWindow('ma-zo 00:00-24:00'),
  skipHolidays: false,
};
const at = (iso: string) => new Date(iso);

describe('working calendar', () => {
  it('reads windows with Dutch or English days, lists, ranges and 24:00', () => {
    const week = parseWorkingWindow('ma-vr 09:00-17:00');
    assert.deepEqual([...week.days].sort(), [1, 2, 3, 4, 5]);
    assert.deepEqual([week.startMinute, week.endMinute], [540, 1020]);
    assert.deepEqual([...parseWorkingWindow('mo,we,fr 8:30-12:00').days].sort(), [1, 3, 5]);
    assert.deepEqual([...parseWorkingWindow('vr-ma 00:00-24:00').days].sort(), [0, 1, 5, 6]);
    assert.equal(parseWorkingWindow('ma-zo 00:00-24:00').endMinute, 1440);
  });

  it('refuses a window it cannot read, saying how to write it', () => {
    for (const bad of [
      '',
      'werkdagen',
      'ma-xx 09:00-17:00',
      'ma-vr 17:00-09:00',
      'ma 09:00-25:00',
    ]) {
      assert.throws(() => parseWorkingWindow(bad), /ma-vr 09:00-17:00/, bad);
    }
  });

  it('is open on a weekday in office hours, in the traveller’s time zone', () => {
    // Friday 20 November 2026: 09:30 in Amsterdam is 08:30 UTC.
    assert.ok(isWithinWindow(at('2026-11-20T08:30:00Z'), officeHours, AMS));
    assert.ok(!isWithinWindow(at('2026-11-20T07:30:00Z'), officeHours, AMS), 'before nine');
    assert.ok(!isWithinWindow(at('2026-11-20T16:00:00Z'), officeHours, AMS), 'at five');
    assert.ok(!isWithinWindow(at('2026-11-20T22:00:00Z'), officeHours, AMS), 'at night');
    assert.ok(!isWithinWindow(at('2026-11-21T10:00:00Z'), officeHours, AMS), 'on Saturday');
    // 08:30 UTC is 03:30 in New York: night there.
    assert.ok(!isWithinWindow(at('2026-11-20T08:30:00Z'), officeHours, 'America/New_York'));
    assert.ok(isWithinWindow(at('2026-11-20T15:30:00Z'), officeHours, 'America/New_York'));
  });

  it('is closed on a public holiday unless holidays are working days', () => {
    const kingsDay = at('2026-04-27T10:00:00Z');
    assert.ok(!isWithinWindow(kingsDay, officeHours, AMS));
    assert.ok(isWithinWindow(kingsDay, { ...officeHours, skipHolidays: false }, AMS));
  });

  it('finds the next opening: later that morning, after the weekend, after a holiday', () => {
    const open = (iso: string) => nextWindowMoment(at(iso), officeHours, AMS).toISOString();
    assert.equal(open('2026-11-20T10:00:00.000Z'), '2026-11-20T10:00:00.000Z', 'already open');
    assert.equal(open('2026-11-20T06:00:00.000Z'), '2026-11-20T08:00:00.000Z', 'at nine');
    assert.equal(open('2026-11-20T17:00:00.000Z'), '2026-11-23T08:00:00.000Z', 'on Monday');
    assert.equal(open('2026-11-22T12:00:00.000Z'), '2026-11-23T08:00:00.000Z', 'on Monday');
    // Thursday 24 December 2026 after five: Christmas Friday, the weekend, then Monday 28th.
    assert.equal(open('2026-12-24T17:00:00.000Z'), '2026-12-28T08:00:00.000Z');
    // In summer time nine o'clock is 07:00 UTC.
    assert.equal(open('2026-07-03T20:00:00.000Z'), '2026-07-06T07:00:00.000Z');
  });

  it('adds working days, skipping weekends and holidays, fractions included', () => {
    const add = (iso: string, days: number, calendar = officeHours) =>
      addWorkingDays(at(iso), days, calendar, AMS).toISOString();
    // Monday 16 November 2026 11:00 (Amsterdam, UTC+1) + 3 → Thursday 11:00.
    assert.equal(add('2026-11-16T10:00:00.000Z', 3), '2026-11-19T10:00:00.000Z');
    // Friday 11:00 + 1 → Monday 11:00.
    assert.equal(add('2026-11-20T10:00:00.000Z', 1), '2026-11-23T10:00:00.000Z');
    // Saturday counts from Monday's start: + 0.5 → Monday 12:00 local.
    assert.equal(add('2026-11-21T10:00:00.000Z', 0.5), '2026-11-23T11:00:00.000Z');
    // Friday 24 April 2026 + 1 → Tuesday 28th: the weekend and Koningsdag are skipped.
    assert.equal(add('2026-04-24T10:00:00.000Z', 1), '2026-04-28T10:00:00.000Z');
    // A whole week, every day: 26 seconds is 0.0003 days.
    assert.equal(add('2026-11-21T10:00:00.000Z', 0.0003, always), '2026-11-21T10:00:25.920Z');
  });

  it('keeps the local hour across a change to summer time', () => {
    // Friday 27 March 2026 10:00 in Amsterdam (09:00 UTC) + 1 working day → Monday 30 March
    // 10:00, which is 08:00 UTC after the clocks went forward on Sunday.
    const due = addWorkingDays(at('2026-03-27T09:00:00.000Z'), 1, officeHours, AMS);
    assert.equal(due.toISOString(), '2026-03-30T08:00:00.000Z');
  });
});
