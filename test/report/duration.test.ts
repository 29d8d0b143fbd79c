import assert from 'node:assert/strict';
import {
  describeDuration,
  durationOf,
  nightsFit,
  parseDurationText,
  readDurationText,
} from '../../src/report/duration';

describe('duration', () => {
  describe('describeDuration', () => {
    const wordings: [number, number, 'nl' | 'en', string][] = [
      [2, 1, 'nl', '2 dagen (1 nacht)'],
      [4, 3, 'nl', '4 dagen (3 nachten)'],
      [1, 0, 'nl', '1 dag (0 nachten)'],
      [1, 1, 'nl', '1 dag (1 nacht)'],
      [2, 1, 'en', '2 days (1 night)'],
      [1, 0, 'en', '1 day (0 nights)'],
      [3, 2, 'en', '3 days (2 nights)'],
    ];
    for (const [days, nights, locale, expected] of wordings) {
      it(`words days=${days}, nights=${nights} in ${locale} as "${expected}"`, () => {
        assert.equal(describeDuration(days, nights, locale), expected);
      });
    }
  });

  describe('durationOf', () => {
    it('counts both travel days: the same day is 1 day and 0 nights', () => {
      assert.deepEqual(durationOf('2023-06-19', '2023-06-19'), { days: 1, nights: 0 });
      assert.deepEqual(durationOf('2023-06-19', '2023-06-20'), { days: 2, nights: 1 });
      assert.deepEqual(durationOf('2023-05-30', '2023-06-02'), { days: 4, nights: 3 });
    });
  });

  describe('parseDurationText', () => {
    const accepted: [string, number, number][] = [
      ['2 dagen (1 nacht)', 2, 1],
      ['2 dagen', 2, 1],
      ['1 dag', 1, 0],
      ['1 dag (0 nachten)', 1, 0],
      ['3 days (2 nights)', 3, 2],
      ['3 days', 3, 2],
      ['2 dagen (2 nachten)', 2, 2],
      ['2 dagen en 1 nacht', 2, 1],
      ['2 Dagen, 1 Nacht.', 2, 1],
    ];
    for (const [text, days, nights] of accepted) {
      it(`reads "${text}" as days=${days}, nights=${nights}`, () => {
        assert.deepEqual(parseDurationText(text), { days, nights });
      });
    }

    for (const text of [
      '2 dagen (3 nachten)',
      '3 dagen (1 nacht)',
      '0 dagen',
      '2 weken',
      'twee dagen',
      '',
    ]) {
      it(`rejects "${text}"`, () => {
        assert.equal(parseDurationText(text), undefined);
      });
    }
  });

  describe('readDurationText and nightsFit', () => {
    it('reads the shape first so that a wrong night count can be explained', () => {
      assert.deepEqual(readDurationText('2 dagen (5 nachten)'), { days: 2, nights: 5 });
      assert.deepEqual(readDurationText('2 dagen'), { days: 2 });
      assert.equal(readDurationText('19-06-2023'), undefined);
      assert.equal(nightsFit(2, 5), false);
      assert.equal(nightsFit(2, 1), true);
      assert.equal(nightsFit(0, 0), false);
    });
  });
});
