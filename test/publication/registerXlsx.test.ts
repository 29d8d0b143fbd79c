import assert from 'node:assert/strict';
import { renderRegisterCsv } from '../../src/publication/register';
import { columnLetters, renderRegisterXlsx } from '../../src/publication/registerXlsx';
import { pinnedCatalogue } from '../support/catalogue';
import { brusselsReport, copenhagenReport, costCatalogue, genevaReport } from './costFixtures';
import { osakaReport } from './fixtures';
import { fromExcelSerial, readXlsx, type XlsxSheet } from './xlsxCells';

/** The cell under a header in a data row (1 is the header row). */
function cell(sheet: XlsxSheet, header: string, row: number) {
  const headers = sheet.row(1);
  const column = headers.find((candidate) => candidate.value === header);
  assert.ok(column, `no column "${header}" in ${headers.map((h) => h.value).join(', ')}`);
  const letters = /^[A-Z]+/.exec(column.ref)![0];
  return sheet.cells.get(`${letters}${row}`);
}

describe('publication: the trip register as an Excel workbook', () => {
  let sheet: XlsxSheet;
  before(async () => {
    const reports = [genevaReport(), brusselsReport(), copenhagenReport()];
    sheet = await readXlsx(await renderRegisterXlsx(reports, costCatalogue));
  });

  it('has the columns of the CSV, in the same order', () => {
    const csvHeader = renderRegisterCsv([], costCatalogue).slice(1).trim().split(',');
    assert.deepEqual(
      sheet.row(1).map((header) => header.value),
      csvHeader,
    );
    assert.ok(sheet.row(1).every((header) => header.type === 's'));
  });

  it('writes the amounts as numbers in euros with a euro format', () => {
    const amounts = ['Reiskosten', 'Verblijfkosten', 'Overige kosten', 'Totaal'].map((header) =>
      cell(sheet, header, 2)!,
    );
    assert.deepEqual(
      amounts.map((amount) => amount.value),
      [412.8, 987, 187, 1586.8],
    );
    for (const amount of amounts) {
      assert.equal(amount.type, 'n');
      assert.ok(amount.format.includes('€') && amount.format.includes('#,##0.00'), amount.format);
    }
  });

  it('leaves an unknown amount empty, and the total then too', () => {
    assert.equal(cell(sheet, 'Verblijfkosten', 3), undefined);
    assert.equal(cell(sheet, 'Totaal', 3), undefined);
    assert.equal(cell(sheet, 'Reiskosten', 3)?.value, 129.5);
    assert.equal(cell(sheet, 'Overige kosten', 3)?.value, 0);
  });

  it('writes the trip dates and the posting time as dates', () => {
    const departure = cell(sheet, 'Vertrek', 2)!;
    assert.equal(departure.type, 'n');
    assert.equal(departure.format, 'dd-mm-yyyy');
    assert.equal(fromExcelSerial(departure.value as number), '2025-05-26');
    assert.equal(fromExcelSerial(cell(sheet, 'Terugkeer', 2)!.value as number), '2025-05-28');
    const posted = cell(sheet, 'Geplaatst op', 2)!;
    assert.equal(posted.format, 'dd-mm-yyyy hh:mm');
    // Posted 08:15 UTC: 10:15 in The Hague, as the CSV shows it too.
    assert.equal(fromExcelSerial(posted.value as number), '2025-06-04 10:15');
  });

  it('writes who paid, the fellow travellers and counts as the CSV does', () => {
    assert.equal(
      cell(sheet, 'Betaald door', 2)?.value,
      'gedeeld: UN-Habitat betaalde het verblijf, de gemeente de reis',
    );
    assert.equal(cell(sheet, 'Betaald door', 3)?.value, 'derde partij: Eurocities');
    assert.equal(cell(sheet, 'Betaald door', 4)?.value, 'gemeente');
    assert.equal(cell(sheet, 'Reisgenoten', 2)?.value, 'Pieter de Graaf; Yasmina Ouali');
    assert.equal(cell(sheet, 'Reisgenoten', 4), undefined);
    assert.equal(cell(sheet, 'Aantal personen', 2)?.value, 3);
    assert.equal(cell(sheet, 'Versie', 2)?.type, 'n');
  });

  it('keeps the header in view, filters every column and sizes the columns', () => {
    assert.match(sheet.sheetXml, /<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const last = columnLetters(sheet.row(1).length);
    assert.match(sheet.sheetXml, new RegExp(`</sheetData><autoFilter ref="A1:${last}4"/>`));
    assert.match(sheet.workbookXml, /<definedName name="_xlnm._FilterDatabase" [^>]*hidden="1">/);
    const widths = [...sheet.sheetXml.matchAll(/<col [^>]*width="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    assert.equal(widths.length, sheet.row(1).length);
    assert.ok(
      widths.every((width) => width >= 8 && width <= 50),
      widths.join(', '),
    );
    assert.match(sheet.cells.get('A1')!.format, /General/);
  });

  it('writes a formula-looking title and other text as text, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(1)', '  =1+1'];
    const reports = hostile.map((text, index) => {
      const report = osakaReport({ id: `hostile-${index}`, travellerName: text });
      report.answers.title = { type: 'shortText', text };
      report.answers.destination = { type: 'shortText', text: `Osaka\u0007${text}` };
      return report;
    });
    const workbook = await readXlsx(await renderRegisterXlsx(reports, pinnedCatalogue));
    assert.ok(![...workbook.cells.values()].some((found) => found.formula));
    assert.doesNotMatch(workbook.sheetXml, /<f[ >]/);
    hostile.forEach((text, index) => {
      for (const header of ['Reiziger', 'Titel']) {
        const found = cell(workbook, header, index + 2)!;
        assert.equal(found.type, 's', `${header} "${text}" is not a string`);
        assert.equal(found.value, text, 'the text is kept as typed, without a quote before it');
      }
      // A control character is no XML: it is left out rather than spoil the file.
      assert.equal(cell(workbook, 'Bestemming', index + 2)!.value, `Osaka${text}`);
    });
  });

  it('renders a catalogue without cost questions, with English headers when asked', async () => {
    const workbook = await readXlsx(
      await renderRegisterXlsx([osakaReport()], pinnedCatalogue, 'en'),
    );
    const headers = workbook.row(1).map((header) => header.value);
    assert.equal(headers[0], 'Traveller');
    assert.ok(!headers.includes('Total') && !headers.includes('Paid by'));
    assert.equal(cell(workbook, 'Departure', 2)!.format, 'yyyy-mm-dd');
    assert.match(workbook.workbookXml, /name="Trip register"/);
  });

  it('is a workbook with only the header row when there are no reports', async () => {
    const workbook = await readXlsx(await renderRegisterXlsx([], costCatalogue));
    assert.equal(workbook.row(2).length, 0);
    assert.match(workbook.sheetXml, /<autoFilter ref="A1:[A-Z]+1"\/>/);
  });

  it('names columns by letters as Excel does', () => {
    assert.deepEqual([1, 16, 26, 27, 52, 703].map(columnLetters), [
      'A',
      'P',
      'Z',
      'AA',
      'AZ',
      'AAA',
    ]);
  });
});
