import assert from 'node:assert/strict';
import { csvField, renderRegisterCsv } from '../../src/publication/register';
import { barcelonaReport, osakaReport } from './fixtures';
import { brusselsReport, copenhagenReport, costCatalogue, genevaReport } from './costFixtures';
import { assertGolden } from './golden';
import { pinnedCatalogue as catalogue } from '../support/catalogue';

describe('publication: the trip register (CSV)', () => {
  it('has one row a report with the register columns (golden file)', () => {
    assertGolden('register.csv', renderRegisterCsv([barcelonaReport(), osakaReport()], catalogue));
  });

  it('has cost, payer and fellow-traveller columns from the catalogue (golden file)', () => {
    assertGolden(
      'register-costs.csv',
      renderRegisterCsv([genevaReport(), brusselsReport(), copenhagenReport()], costCatalogue),
    );
  });

  it('writes amounts with a decimal point, the total only when every amount is known', () => {
    const [, geneva, brussels, copenhagen] = parseCsv(
      renderRegisterCsv([genevaReport(), brusselsReport(), copenhagenReport()], costCatalogue),
    ).map((row) => row.slice(9, 14));
    // Reiskosten, Verblijfkosten, Overige kosten, Totaal, Betaald door.
    assert.deepEqual(geneva, [
      '412.80',
      '987.00',
      '187.00',
      '1586.80',
      'gedeeld: UN-Habitat betaalde het verblijf, de gemeente de reis',
    ]);
    assert.deepEqual(brussels, ['129.50', '', '0.00', '', 'derde partij: Eurocities']);
    assert.deepEqual(copenhagen, ['314.95', '0.00', '24.00', '338.95', 'gemeente']);
  });

  it('joins the fellow travellers with "; " and leaves a lone trip empty', () => {
    const rows = parseCsv(
      renderRegisterCsv([genevaReport(), copenhagenReport()], costCatalogue).slice(1),
    );
    const column = rows[0]!.indexOf('Reisgenoten');
    assert.equal(column, 7);
    assert.equal(rows[1]![column], 'Pieter de Graaf; Yasmina Ouali');
    assert.equal(rows[2]![column], '');
  });

  it('leaves the cells of an unanswered cost question empty (a report from before issue 18)', () => {
    const rows = parseCsv(renderRegisterCsv([barcelonaReport()], costCatalogue).slice(1));
    assert.deepEqual(rows[1]!.slice(9, 14), ['', '', '', '', '']);
    assert.equal(rows[1]![7], '');
  });

  it('names the columns in English when asked', () => {
    const [header] = parseCsv(renderRegisterCsv([], costCatalogue, 'en').slice(1));
    assert.deepEqual(header, [
      'Traveller',
      'Title',
      'Destination',
      'Departure',
      'Return',
      'Duration',
      'Number of people',
      'Fellow travellers',
      'Purpose',
      'Travel',
      'Accommodation',
      'Other costs',
      'Total',
      'Paid by',
      'Posted at',
      'Version',
    ]);
    const [, row] = parseCsv(renderRegisterCsv([brusselsReport()], costCatalogue, 'en').slice(1));
    assert.equal(row![13], 'third party: Eurocities');
  });

  it('has no cost, payer or fellow-traveller columns for a catalogue without those questions', () => {
    const csv = renderRegisterCsv([genevaReport()], catalogue);
    const [header, row] = parseCsv(csv.slice(1));
    assert.deepEqual(header, [
      'Reiziger',
      'Titel',
      'Bestemming',
      'Vertrek',
      'Terugkeer',
      'Duur',
      'Aantal personen',
      'Doel',
      'Geplaatst op',
      'Versie',
    ]);
    assert.equal(row!.length, header!.length);
    assert.doesNotMatch(csv, /412|UN-Habitat betaalde|Pieter/);
  });

  it('starts with a UTF-8 byte order mark and ends rows with CRLF', () => {
    const csv = renderRegisterCsv([barcelonaReport()], catalogue);
    assert.ok(csv.startsWith('\uFEFFReiziger,Titel,Bestemming,Vertrek,Terugkeer,Duur,'));
    assert.equal(csv.split('\r\n').length, 3);
  });

  it('quotes fields with quotes, commas and line breaks, doubling the quotes', () => {
    assert.equal(csvField('Osaka, Japan'), '"Osaka, Japan"');
    assert.equal(csvField('zei "ja"'), '"zei ""ja"""');
    assert.equal(csvField('regel 1\nregel 2'), '"regel 1\nregel 2"');
    assert.equal(csvField('Ελένη Παπαδοπούλου'), 'Ελένη Παπαδοπούλου');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    for (const start of ['=', '+', '-', '@']) {
      assert.equal(csvField(`${start}1+1`), `'${start}1+1`);
    }
    assert.equal(csvField('=SUM(A1,A2)'), `"'=SUM(A1,A2)"`);
  });

  it('starts no cell with a formula, whether the file is split on commas or on semicolons', () => {
    const hostile = [
      'Doel;=HYPERLINK("http://x")',
      'Osaka,@SUM(1)',
      'a;-2+3,+4',
      '  =1+1',
      '\t=1+1',
      '\r=1+1',
      'x; ;@cmd',
      '=1;=2,=3',
    ];
    const report = osakaReport({ travellerName: hostile[0]! });
    report.answers.title = { type: 'shortText', text: hostile[1]! };
    report.answers.destination = { type: 'shortText', text: hostile[2]! };
    report.answers.purpose = { type: 'longText', text: hostile.slice(3).join('\n') };
    const csv = renderRegisterCsv(
      [report, osakaReport({ travellerName: '-Anna' })],
      catalogue,
    ).slice(1);

    for (const separator of [',', ';']) {
      const cells = parseCsv(csv, separator).flat();
      const formulas = cells.filter((cell) => /^\s*[=+\-@]|^[\t\r]/.test(cell));
      assert.deepEqual(formulas, [], `split on ${separator}`);
    }
    // Read as it was written, every answer is whole, a formula behind its one quote.
    const [, row, anna] = parseCsv(csv, ',');
    assert.deepEqual(row!.slice(0, 3), hostile.slice(0, 3));
    assert.equal(row![7], `'${hostile.slice(3).join('\n')}`);
    assert.equal(anna![0], "'-Anna");
  });

  it('reads back to the same fields with an RFC 4180 parser', () => {
    const csv = renderRegisterCsv([osakaReport()], catalogue);
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![1], `'=HYPERLINK("http://x"), "World Expo" Osaka`);
    assert.equal(rows[1]![2], 'Osaka (大阪市), Japan');
    assert.match(rows[1]![7]!, /Ελένη Παπαδοπούλου en محمد العلي\.\n# Geen kop/);
    assert.equal(rows[1]![9], '2');
  });
});

/** A small RFC 4180 reader, to check what a spreadsheet would read; `separator` as it splits. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}
