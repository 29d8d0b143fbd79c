import assert from 'node:assert/strict';
import {
  daysBetween,
  formatDate,
  looksLikeDate,
  parseDate,
  readDeparture,
  readTripDates,
  todayIn,
} from '../../src/report/dates';

describe('dates', () => {
  describe('parseDate', () => {
    const forms = [
      '19-06-2023',
      '19-6-2023',
      '19/06/2023',
      '19/6/2023',
      '19.06.2023',
      '2023-06-19',
      '19 juni 2023',
      '19 jun 2023',
      '19 jun. 2023',
      '19 June 2023',
      '19 JUNI 2023',
      'June 19, 2023',
      '19-06-23',
      '  19-06-2023  ',
    ];
    for (const form of forms) {
      it(`reads "${form}" as 19 June 2023`, () => {
        assert.equal(parseDate(form), '2023-06-19');
      });
    }

    it('reads Dutch and English month names and abbreviations alike', () => {
      assert.equal(parseDate('1 mrt 2024'), '2024-03-01');
      assert.equal(parseDate('1 maart 2024'), '2024-03-01');
      assert.equal(parseDate('1 March 2024'), '2024-03-01');
      assert.equal(parseDate('3 okt 2024'), '2024-10-03');
      assert.equal(parseDate('3 mei 2024'), '2024-05-03');
    });

    it('accepts 29 February only in a leap year', () => {
      assert.equal(parseDate('29-02-2024'), '2024-02-29');
      assert.equal(parseDate('29-02-2023'), undefined);
    });

    const invalid = [
      '31-02-2023',
      '31-04-2023',
      '00-06-2023',
      '19-13-2023',
      '19-06-0023',
      '19-06/2023',
      '19 junk 2023',
      '19 constructor 2023',
      'morgen',
      '',
    ];
    for (const text of invalid) {
      it(`rejects "${text}"`, () => {
        assert.equal(parseDate(text), undefined);
      });
    }
  });

  describe('looksLikeDate', () => {
    it('tells a date that does not exist from text that is no date at all', () => {
      assert.equal(looksLikeDate('31-02-2023'), true);
      assert.equal(looksLikeDate('banaan'), false);
    });
  });

  describe('readTripDates', () => {
    const today = '2026-11-20';
    const trip = (departure: string, returnDate: string) => ({
      ok: true,
      departure,
      return: returnDate,
      yearGuessed: false,
    });

    it('completes "19 t/m 20 juni 2023" with the month and year of the end', () => {
      assert.deepEqual(
        readTripDates('19 t/m 20 juni 2023', today),
        trip('2023-06-19', '2023-06-20'),
      );
      assert.deepEqual(
        readTripDates('30 mei t/m 2 juni 2023', today),
        trip('2023-05-30', '2023-06-02'),
      );
      assert.deepEqual(
        readTripDates('30-05 t/m 02-06-2023', today),
        trip('2023-05-30', '2023-06-02'),
      );
    });

    it('puts a departure in December before a return in January in the year before', () => {
      assert.deepEqual(
        readTripDates('28 dec t/m 2 jan 2026', today),
        trip('2025-12-28', '2026-01-02'),
      );
      assert.deepEqual(readTripDates('28 dec t/m 2 jan', today), trip('2025-12-28', '2026-01-02'));
    });

    it('takes the most recent dates not after today when no year is typed', () => {
      assert.deepEqual(readTripDates('3 t/m 5 nov', today), trip('2026-11-03', '2026-11-05'));
      assert.deepEqual(readTripDates('3 t/m 5 december', today), trip('2025-12-03', '2025-12-05'));
      assert.deepEqual(readTripDates('20 november', today), trip('2026-11-20', '2026-11-20'));
      assert.deepEqual(readTripDates('29 feb', today), trip('2024-02-29', '2024-02-29'));
    });

    it("marks last year's dates as a guess when this year's would run past today", () => {
      assert.deepEqual(readTripDates('18 t/m 22 november', today), {
        ok: true,
        departure: '2025-11-18',
        return: '2025-11-22',
        yearGuessed: true,
      });
    });

    it('names the half that does not exist, and refuses text that is no date', () => {
      assert.deepEqual(readTripDates('30 feb t/m 2 mrt', today), {
        ok: false,
        problem: 'invalid',
        field: 'departure',
        typed: '30 feb',
      });
      assert.deepEqual(readTripDates('31 t/m 32 november', today), {
        ok: false,
        problem: 'unreadable',
      });
      assert.deepEqual(readTripDates('morgen', today), { ok: false, problem: 'unreadable' });
    });
  });

  describe('readDeparture', () => {
    it('takes the latest departure from which a trip of that many days ended by today', () => {
      assert.deepEqual(readDeparture('19 november', 2, '2026-11-20'), {
        ok: true,
        departure: '2026-11-19',
      });
      assert.deepEqual(readDeparture('20 november', 2, '2026-11-20'), {
        ok: true,
        departure: '2025-11-20',
      });
      assert.deepEqual(readDeparture('3-11-2026', 2, '2026-11-20'), {
        ok: true,
        departure: '2026-11-03',
      });
      assert.deepEqual(readDeparture('gisteren', 2, '2026-11-20'), {
        ok: false,
        problem: 'unreadable',
      });
    });
  });

  describe('formatDate', () => {
    it('writes dd-mm-yyyy in Dutch and "19 June 2023" in English', () => {
      assert.equal(formatDate('2023-06-19', 'nl'), '19-06-2023');
      assert.equal(formatDate('2023-06-19', 'en'), '19 June 2023');
      assert.equal(formatDate('2024-03-01', 'en'), '1 March 2024');
    });
  });

  describe('todayIn', () => {
    it('gives the date in the time zone, not in UTC', () => {
      const lateEvening = new Date('2023-06-19T22:30:00Z');
      assert.equal(todayIn('Europe/Amsterdam', lateEvening), '2023-06-20');
      assert.equal(todayIn('UTC', lateEvening), '2023-06-19');
      assert.equal(todayIn('America/New_York', lateEvening), '2023-06-19');
    });
  });

  describe('daysBetween', () => {
    it('counts calendar days, across months, years and summer time', () => {
      assert.equal(daysBetween('2023-06-19', '2023-06-19'), 0);
      assert.equal(daysBetween('2023-06-19', '2023-06-20'), 1);
      assert.equal(daysBetween('2023-05-30', '2023-06-02'), 3);
      assert.equal(daysBetween('2023-12-31', '2024-01-01'), 1);
      assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
      assert.equal(daysBetween('2024-03-30', '2024-04-01'), 2);
      assert.equal(daysBetween('2023-06-20', '2023-06-19'), -1);
    });
  });
});
