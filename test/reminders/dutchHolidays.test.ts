import assert from 'node:assert/strict';
import { dutchHolidays, easterSunday, isDutchHoliday } from '../../src/reminders/dutchHolidays';

describe('Dutch public holidays', () => {
  it('finds Easter Sunday by the computus, in early and late years', () => {
    assert.deepEqual(easterSunday(2024), { month: 3, day: 31 });
    assert.deepEqual(easterSunday(2025), { month: 4, day: 20 });
    assert.deepEqual(easterSunday(2026), { month: 4, day: 5 });
    assert.deepEqual(easterSunday(2038), { month: 4, day: 25 });
    assert.deepEqual(easterSunday(2285), { month: 3, day: 22 });
  });

  it('lists the ten holidays of 2026 with their dates', () => {
    assert.deepEqual(dutchHolidays(2026), [
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    // 27 April 2025 is a Sunday; in 2031 too.
    assert.ok(isDutchHoliday('2025-04-26'));
    assert.ok(!isDutchHoliday('2025-04-27'));
    assert.ok(isDutchHoliday('2031-04-26'));
    assert.ok(isDutchHoliday('2026-04-27'));
    assert.ok(!isDutchHoliday('2026-04-26'));
  });

  it('moves the feasts that follow Easter with it, across a month boundary', () => {
    // Easter 2024 is 31 March: Tweede Paasdag is 1 April, Hemelvaart 9 May, Pinksteren 19–20 May.
    for (const date of ['2024-04-01', '2024-05-09', '2024-05-19', '2024-05-20']) {
      assert.ok(isDutchHoliday(date), date);
    }
    assert.ok(!isDutchHoliday('2024-05-21'));
    assert.ok(!isDutchHoliday('2026-11-20'));
  });
});
