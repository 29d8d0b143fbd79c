// wallTimeOf reads Intl once a zone and quarter hour (the bench's profile found formatToParts the
// bot's costliest function); it must show what Intl shows for every instant, transitions and
// zones with odd offsets included.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantOf, wallTimeFromIntl, wallTimeOf } from '../../src/report/zonedTime';

/** Zones with summer time, half- and quarter-hour offsets, and half-hour summer time. */
const ZONES = [
  'Europe/Amsterdam',
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Tehran',
];

describe('zonedTime: the wall clock of an instant in a time zone', () => {
  it('shows what Intl shows, for any instant from 1990 to 2100 in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (time, zone) => {
          const instant = new Date(time);
          assert.deepEqual(wallTimeOf(instant, zone), wallTimeFromIntl(instant, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('shows what Intl shows around the transitions of 2026, second by second', () => {
    // Amsterdam 29 March 01:00 UTC and 25 October 01:00 UTC; Lord Howe 5 April 15:00 UTC (+11 → +10:30).
    const transitions = [
      ['Europe/Amsterdam', Date.UTC(2026, 2, 29, 1)],
      ['Europe/Amsterdam', Date.UTC(2026, 9, 25, 1)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ] as const;
    for (const [zone, at] of transitions) {
      for (let offset = -3_600_000; offset <= 3_600_000; offset += 997) {
        const instant = new Date(at + offset);
        assert.deepEqual(
          wallTimeOf(instant, zone),
          wallTimeFromIntl(instant, zone),
          `${zone} ${instant.toISOString()}`,
        );
      }
    }
  });

  it('finds the instant of a wall time, across a summer-time change', () => {
    assert.equal(
      instantOf(2026, 3, 29, 3 * 60, 'Europe/Amsterdam').toISOString(),
      '2026-03-29T01:00:00.000Z',
    );
    assert.equal(
      instantOf(2026, 3, 28, 9 * 60, 'Europe/Amsterdam').toISOString(),
      '2026-03-28T08:00:00.000Z',
    );
    assert.equal(
      instantOf(2026, 10, 26, 9 * 60, 'Europe/Amsterdam').toISOString(),
      '2026-10-26T08:00:00.000Z',
    );
  });
});
