import assert from 'node:assert/strict';
import { writtenDateRange } from '../../src/report/dates';

describe("writtenDateRange: a trip's dates as a letter writes them (issue 17, item 6)", () => {
  it('names the month and year once where both dates share them', () => {
    assert.equal(writtenDateRange('2026-11-17', '2026-11-19', 'nl'), '17 t/m 19 november 2026');
    assert.equal(
      writtenDateRange('2026-11-30', '2026-12-02', 'nl'),
      '30 november t/m 2 december 2026',
    );
    assert.equal(
      writtenDateRange('2026-12-30', '2027-01-02', 'nl'),
      '30 december 2026 t/m 2 januari 2027',
    );
  });

  it('writes a day trip as one date, and English as English', () => {
    assert.equal(writtenDateRange('2023-06-19', '2023-06-19', 'nl'), '19 juni 2023');
    assert.equal(writtenDateRange('2026-03-01', '2026-03-03', 'en'), '1 to 3 March 2026');
  });
});
