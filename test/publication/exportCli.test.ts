// `npm run export` end to end: the built CLI (`node dist/publication/exportCli.js`) as a child
// process against the Cosmos DB-compatible server, seeded with reports in and out of range.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmbeddedCosmos } from '../store/cosmosFixture';
import { freePort, PROJECT_ROOT } from '../support/processes';
import { docxParagraphs } from './docxText';
import { barcelonaReport, namesMet, osakaReport } from './fixtures';
import { genevaReport } from './costFixtures';
import { readXlsx } from './xlsxCells';

const CLI = join(PROJECT_ROOT, 'dist', 'publication', 'exportCli.js');

/** A posted trip given as a duration only, posted on 3 March 2025: filed under that day. */
const lisbon = barcelonaReport({
  id: '3d5f7b9d-2468-4ace-8bdf-13579bdf2468',
  travellerId: 'aad-noor',
  travellerName: 'Noor Jansen',
  answers: {
    ...barcelonaReport().answers,
    title: { type: 'shortText', text: 'Ocean Cities Lisboa' },
    destination: { type: 'shortText', text: 'Lissabon, Portugal' },
    duration: { type: 'dateRange', days: 2, nights: 1 },
    peopleMet: { type: 'people', people: [{ name: 'João Silva', role: 'havenwethouder' }] },
    outcome: { type: 'longText', text: 'João Silva stuurt het havenplan.' },
    followUp: { type: 'yesNoText', yes: false },
  },
  post: { ...barcelonaReport().post!, postedAt: '2025-03-03T10:00:00.000Z' },
});
/** A draft from 2025: never exported. */
const draft = osakaReport({
  id: 'draft-0001-2025',
  status: 'draft',
  post: undefined,
  answers: { ...osakaReport().answers, title: { type: 'shortText', text: 'Concept Kopenhagen' } },
});
/** Posted in 2024: outside the 2025 range. */
const barcelona = barcelonaReport();
const osaka = osakaReport();
/** A 2025 trip with fellow travellers, costs and who paid (issue 18). */
const geneva = genevaReport();

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('publication: npm run export (the CLI against Cosmos DB)', function () {
  this.timeout(60_000);
  const cosmos = useEmbeddedCosmos();
  let work: string;

  before(async function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run build\` first`);
    for (const report of [barcelona, osaka, lisbon, geneva, draft]) {
      const { etag: _etag, ...document } = report;
      await cosmos().db.reports.items.create(document);
    }
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'reisverslag-export-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
    const { db, server } = cosmos();
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('COSMOS_')),
    );
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...base,
            COSMOS_ENDPOINT: server.endpoint,
            COSMOS_KEY: server.key,
            COSMOS_DATABASE: db.databaseName,
            ...env,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });
  }

  function registerRows(dir: string): string[] {
    const csv = readFileSync(join(dir, 'register.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'register.csv starts with a BOM');
    return csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
  }

  it('writes a Word file a posted report of the period and the register, drafts and other years left out', async () => {
    const out = join(work, 'verslagen 2025');
    const result = await run([
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /Exported 3 report\(s\) as 3 docx file\(s\) and register\.csv and register\.xlsx/,
    );
    assert.deepEqual(readdirSync(out).sort(), [
      '2025-03-03-ocean-cities-lisboa-3d5f7b9d.docx',
      '2025-05-19-hyperlink-http-x-world-expo-osaka-b2f4d6a8.docx',
      '2025-05-26-un-habitat-assembly-2025-5a7c9e1b.docx',
      'register.csv',
      'register.xlsx',
    ]);
    const rows = registerRows(out);
    assert.equal(rows.length, 4);
    assert.equal(
      rows[0],
      'Reiziger,Titel,Bestemming,Vertrek,Terugkeer,Duur,Aantal personen,Reisgenoten,Doel,' +
        'Reiskosten,Verblijfkosten,Overige kosten,Totaal,Betaald door,Geplaatst op,Versie',
    );
    assert.match(
      rows[1]!,
      /^Noor Jansen,Ocean Cities Lisboa,"Lissabon, Portugal",,,2 dagen \(1 nacht\),3,,/,
    );
    assert.match(rows[2]!, /^Fatima el Amrani,"'=HYPERLINK/);
    assert.match(
      rows[3]!,
      /^Sanne Bakker,.*,"Pieter de Graaf; Yasmina Ouali",.*,412\.80,987\.00,187\.00,1586\.80,"gedeeld: UN-Habitat/,
    );
    const workbook = await readXlsx(readFileSync(join(out, 'register.xlsx')));
    assert.deepEqual(
      workbook.row(1).map((cell) => cell.value),
      rows[0]!.split(','),
    );
    // The title that looks like a formula is text in the workbook, as typed.
    assert.deepEqual(workbook.cells.get('B3'), {
      ...workbook.cells.get('B3'),
      type: 's',
      value: '=HYPERLINK("http://x"), "World Expo" Osaka',
      formula: false,
    });
    assert.equal(workbook.cells.get('M4')?.value, 1586.8);
    const paragraphs = await docxParagraphs(
      readFileSync(join(out, '2025-05-19-hyperlink-http-x-world-expo-osaka-b2f4d6a8.docx')),
    );
    assert.equal(paragraphs[0], 'VERSLAG BUITENLANDSE DIENSTREIS');
    assert.ok(paragraphs.includes('田中 太郎 (Directeur Stadsontwikkeling, Osaka)'));
  });

  it('writes Markdown without any name of the people met when asked to redact', async () => {
    const result = await run(['--format', 'md', '--redact-people', '--out', work]);
    assert.equal(result.code, 0, result.stderr);
    const files = readdirSync(work).sort();
    assert.equal(files.length, 6, files.join(', '));
    assert.ok(files.every((file) => /\.md$|^register\.(?:csv|xlsx)$/.test(file)));
    const texts = files.filter((file) => !file.endsWith('.xlsx'));
    const workbook = await readXlsx(readFileSync(join(work, 'register.xlsx')));
    const everything = [
      ...texts.map((file) => readFileSync(join(work, file), 'utf8')),
      ...[...workbook.cells.values()].map((cell) => String(cell.value)),
    ].join('\n');
    for (const name of [barcelona, osaka, lisbon, geneva].flatMap(namesMet)) {
      assert.ok(!everything.includes(name), `"${name}" is still in the export`);
    }
    assert.ok(everything.includes('\\[havenwethouder\\] stuurt het havenplan.'));
    // Fellow travellers are colleagues, not people met: they stay, as do the costs.
    assert.ok(everything.includes('- Pieter de Graaf'));
    assert.ok(everything.includes('Pieter de Graaf; Yasmina Ouali'));
    assert.ok(everything.includes('Totaal: € 1.586,80'));
    assert.ok(!everything.includes('Concept Kopenhagen'), 'a draft was exported');
  });

  it('writes the register only with --format csv', async () => {
    const result = await run(['--to', '2024-12-31', '--format', 'csv', '--out', work]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(work).sort(), ['register.csv', 'register.xlsx']);
    const rows = registerRows(work);
    assert.equal(rows.length, 2);
    assert.match(rows[1]!, /^Joost Verhoeven,Smart City Expo World Congress 2024,/);
  });

  it('refuses a bad date with exit code 2, writing nothing', async () => {
    const out = join(work, 'out');
    const result = await run(['--from', '2025-02-30', '--out', out]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--from '2025-02-30' is not a date; write it as YYYY-MM-DD/);
    assert.ok(!existsSync(out));
  });

  it('says there is no store to export from with exit code 2', async () => {
    const result = await run(['--out', work], { COSMOS_ENDPOINT: '', COSMOS_KEY: '' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /There is no store to export from: set COSMOS_ENDPOINT/);
  });

  it('reports an unreachable store with exit code 3, writing nothing', async () => {
    const out = join(work, 'out');
    const port = await freePort();
    const result = await run(['--endpoint', `http://127.0.0.1:${port}`, '--out', out]);
    assert.equal(result.code, 3, result.stderr);
    assert.match(
      result.stderr,
      /^Could not read the reports from Cosmos DB: cannot reach http:\/\/127\.0\.0\.1:\d+ \(.+\)\. Check --endpoint \(or COSMOS_ENDPOINT\) and that the network allows it\.$/m,
    );
    assert.ok(!existsSync(out));
  });

  it('names a database that does not exist with exit code 3', async () => {
    const result = await run(['--database', 'no-such-database', '--out', work]);
    assert.equal(result.code, 3, result.stderr);
    assert.match(
      result.stderr,
      /database 'no-such-database' does not exist at http:\/\/127\.0\.0\.1:/,
    );
    assert.deepEqual(readdirSync(work), []);
  });

  it('reports an unwritable folder with exit code 4', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await run(['--out', join(file, 'export')]);
    assert.equal(result.code, 4, result.stderr);
    assert.match(
      result.stderr,
      /Cannot write the export to '.*a-file\/export'.*Choose a folder you can write to with --out/,
    );
  });

  it('leaves no half-written export behind when a file cannot be put in place', async () => {
    // A folder where register.csv should go: the documents are written, then the move fails.
    mkdirSync(join(work, 'register.csv'));
    const result = await run(['--format', 'docx', '--out', work]);
    assert.equal(result.code, 4, result.stderr);
    assert.deepEqual(readdirSync(work), ['register.csv']);
    assert.deepEqual(readdirSync(join(work, 'register.csv')), []);
  });

  it('explains its options, the date rule and the exit codes', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /departure date; for a trip given as a\s+duration only, the day it was posted/,
    );
    assert.match(result.stdout, /4 {2}the --out folder could not be created or written/);
  });
});
