// `npm run seed:register`: 10,000 posted reports in a Cosmos DB–compatible server (in memory, in
// this process), then the register measured as the page uses it: the time of each API call and the
// requests it makes to the store. `-- --serve` then starts the bot on that store, to browse the
// register at http://127.0.0.1:3978/register (Ctrl+C stops it). `-- --count N` seeds N reports.
import { spawn } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHttpServer } from '@vercel/cosmosdb-server';
import pino from 'pino';
import * as restify from 'restify';
import { mountRegister } from '../src/register/registerRoutes';
import { registerAuthenticator } from '../src/register/registerAuth';
import { loadDefaultCatalogue } from '../src/report/defaultCatalogue';
import type { Answer, Report } from '../src/report/report';
import { connectCosmos } from '../src/store/cosmos';
import { CosmosReportStore } from '../src/store/cosmosReportStore';

const args = process.argv.slice(2);
const COUNT = Number(args[args.indexOf('--count') + 1]) || 10_000;
const SERVE = args.includes('--serve');
const KEY = Buffer.from('reisverslag-embedded-cosmos').toString('base64');
const DATABASE = 'reisverslag';

const TEAMS = [
  ['team-iz', 'Internationale Zaken'],
  ['team-mob', 'Mobiliteit'],
  ['team-wonen', 'Wonen'],
  ['team-eco', 'Economie'],
  ['team-klimaat', 'Klimaat'],
] as const;
const PLACES = [
  'Wenen, Oostenrijk',
  'Gent, België',
  'Barcelona, Spanje',
  'Lyon, Frankrijk',
  'Oslo, Noorwegen',
  'Zürich, Zwitserland',
  'Kopenhagen, Denemarken',
  'Boston, Verenigde Staten',
];
const EVENTS = [
  'Städtedialog',
  'Eurocities Forum',
  'Smart City Expo',
  'Urban Future',
  'Housing Summit',
  'Climate Mayors',
  'Mobility Days',
  'Ports Conference',
];
const NAMES = [
  'Sanne Visser',
  'Bram Jansen',
  'Anna de Vries',
  'Fatima El Amrani',
  'Joost Bakker',
  'Lotte Smit',
  'Mehmet Yilmaz',
  'Eva de Boer',
];
const TOPICS = [
  'betaalbaar wonen',
  'deelmobiliteit',
  'digitale dienstverlening',
  'klimaatadaptatie',
  'haveneconomie',
  'energietransitie',
];

/** The i-th seeded report: spread over 2019–2026, five teams, costs known or not, payers. */
function seededReport(i: number): Report {
  const pick = <T>(list: readonly T[], salt: number) =>
    list[(i * 7 + salt * 13) % list.length] as T;
  const year = 2019 + (i % 8);
  const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  const [teamId, teamName] = pick(TEAMS, 1);
  const at = `${day}T09:00:00.000Z`;
  const answers: Record<string, Answer> = {
    title: { type: 'shortText', text: `${pick(EVENTS, 2)} ${year} #${i}` },
    destination: { type: 'shortText', text: pick(PLACES, 3) },
    persons: { type: 'number', value: 1 + (i % 3) },
    duration: { type: 'dateRange', departure: day, return: day, days: 1, nights: 0 },
    purpose: {
      type: 'longText',
      text: `Kennis uitwisselen over ${pick(TOPICS, 4)}.\nVerslag volgt.`,
    },
    costs: {
      type: 'amounts',
      amounts: { travel: 10_000 + (i % 500) * 100, stay: i % 10 === 0 ? null : 20_000, other: 0 },
    },
    paidBy:
      i % 6 === 0
        ? { type: 'payer', payer: 'thirdParty', text: 'UN-Habitat' }
        : { type: 'payer', payer: 'municipality' },
  };
  return {
    id: `seed-${i}`,
    travellerId: `traveller-${i % 400}`,
    travellerName: pick(NAMES, 5),
    tenantId: 'c0ffee00-0000-4000-8000-000000000001',
    locale: 'nl',
    status: 'posted',
    version: 1,
    answers,
    history: [],
    post: {
      channelId: `19:${teamId}@thread.tacv2`,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      teamId,
      teamName,
      conversationId: `19:${teamId}@thread.tacv2;messageid=${1_700_000_000_000 + i}`,
      activityId: String(1_700_000_000_000 + i),
      postedAt: at,
      syncedVersion: 1,
    },
    createdAt: at,
    updatedAt: at,
  };
}

async function main(): Promise<void> {
  const cosmos = createHttpServer();
  let requests = 0;
  cosmos.on('request', (_req: IncomingMessage) => {
    requests += 1;
  });
  await new Promise<void>((resolve) => cosmos.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(cosmos.address() as AddressInfo).port}`;
  const db = connectCosmos({ endpoint, key: KEY, databaseName: DATABASE, createIfMissing: true });
  await db.prepare();
  const store = new CosmosReportStore(db.reports);

  const seedStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < COUNT) await store.create(seededReport(next++));
    }),
  );
  const seedSeconds = (performance.now() - seedStart) / 1000;
  process.stdout.write(`Seeded ${COUNT} posted reports in ${seedSeconds.toFixed(1)} s.\n\n`);

  // The register's API in this process, on the seeded store, as the page calls it.
  const server = restify.createServer();
  mountRegister(server, {
    reports: store,
    catalogue: loadDefaultCatalogue(),
    // No app id and no client id: the local mode, everyone anonymous.
    authenticate: registerAuthenticator({
      allowedTenantIds: [],
      logger: pino({ level: 'silent' }),
    }),
    log: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/register/api`;

  const rows: string[][] = [];
  const measure = async (label: string, path: string, runs = 5): Promise<unknown> => {
    let body: unknown;
    const times: number[] = [];
    let perCall = 0;
    for (let run = 0; run < runs; run += 1) {
      const before = requests;
      const start = performance.now();
      const response = await fetch(api + path);
      body = path.includes('.csv') ? await response.text() : await response.json();
      times.push(performance.now() - start);
      perCall = requests - before;
    }
    times.sort((a, b) => a - b);
    rows.push([label, `${times[Math.floor(times.length / 2)]?.toFixed(0)} ms`, String(perCall)]);
    return body;
  };
  const first = (await measure('first page (25 rows)', '/reports')) as { continuation?: string };
  await measure(
    'next page',
    `/reports?continuation=${encodeURIComponent(first.continuation ?? '')}`,
  );
  await measure('first page, year 2024', '/reports?year=2024');
  await measure('first page, search "wenen wonen"', '/reports?q=wenen%20wonen');
  await measure('first page, team + third party', '/reports?team=team-mob&thirdParty=true');
  await measure('summary (count, costs), no filter', '/summary');
  await measure('summary, year 2024', '/summary?year=2024');
  await measure('filters (years, teams), uncached', '/filters', 1);
  await measure('register.csv, year 2024', '/register.csv?year=2024', 1);

  process.stdout.write('| call | median time | requests to the store |\n|---|---|---|\n');
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
  server.close();

  if (!SERVE) {
    db.dispose();
    cosmos.close();
    cosmos.closeAllConnections();
    return;
  }
  const port = process.env.PORT ?? '3978';
  const bot = spawn(process.execPath, [join(__dirname, '..', 'dist', 'index.js')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: port,
      MicrosoftAppId: '',
      COSMOS_ENDPOINT: endpoint,
      COSMOS_KEY: KEY,
      COSMOS_DATABASE: DATABASE,
    },
  });
  process.stdout.write(
    `\nThe register of ${COUNT} reports: http://127.0.0.1:${port}/register (Ctrl+C stops)\n`,
  );
  process.once('SIGINT', () => bot.kill('SIGTERM'));
  process.once('SIGTERM', () => bot.kill('SIGTERM'));
  bot.on('exit', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
