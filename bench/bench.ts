// The benchmark: the interview bot (`node dist/index.js`) against the floor (bench/floorBot.ts),
// each a process of its own on loopback with the same Cosmos DB–compatible server and the same
// fake Bot Connector, driven in alternating rounds by the same number of simulated travellers.
// `runBench` returns every figure; bench/run.ts prints them and writes them to bench/results/.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { configVariableNames } from '../src/config';
import { makeTeam, makeUser, teamInstallationUpdate } from '../test/support/activities';
import {
  Child,
  freePort,
  getJson,
  httpRequest,
  openConnections,
  processStatus,
  PROJECT_ROOT,
  waitHealthy,
  type ProcessStatus,
} from './children';
import { nowMs } from './clock';
import type { ChannelPost, ConnectorCallKind, ConnectorStats } from './connector';
import type { CosmosCounts, CosmosOperation, DatabaseCounts } from './cosmosServer';
import {
  COSMOS_DELAY_ENV,
  NO_DELAY_HEADER,
  perceivedAnswerLatency,
  TEAMS_DELAY_ENV,
  type Delays,
} from './delays';
import { FLOOR_CARD } from './floorCard';
import { ratio, round, summarize, type LatencySummary } from './stats';
import {
  makeTraveller,
  newRunId,
  runTraveller,
  travellerMarker,
  TURNS_PER_TRAVELLER,
  type TravellerTarget,
  type TurnKind,
  type TurnTiming,
} from './traveller';

/** The two bots the bench drives. */
export type BotName = 'interview' | 'floor';

/** How to run the bench. */
export interface BenchOptions {
  /** Concurrent simulated travellers in every round; default 200. */
  travellers?: number;
  /** Time budget of the measured rounds, s: pairs of rounds start while it lasts; default 120. */
  durationSec?: number;
  /** At most this many pairs of measured rounds (interview + floor); default: as the time allows. */
  maxPairs?: number;
  /** Mean pause of a traveller between turns, ms; default 0 (each turn right after the last). */
  thinkMs?: number;
  /** Travellers of the unmeasured warm-up round of each bot; default min(20, travellers). */
  warmupTravellers?: number;
  /** Starts of each bot with the embedded store to time /healthz; default 3. */
  healthyRuns?: number;
  /** When set, both bots run with `node --cpu-prof` and write their profiles here. */
  profileDir?: string;
  /** Extra `node` options for both bots, e.g. `--trace-gc`. */
  nodeArgs?: string[];
  /** When set, every process's whole output goes to `<name>.log` here, and every turn's timing. */
  logDir?: string;
  /**
   * Azure-like delays (bench/delays.ts): every Teams call and every Cosmos DB request of both bots
   * answered this late; the result then has the perceived answer latency. Default: none.
   */
  delays?: Delays;
  /** Where the JSON goes; default bench/results/. Undefined with `write: false`. */
  resultsDir?: string;
  /** Write the JSON file; default true. */
  write?: boolean;
  /** Refuse a dist/ older than src/; default true (the test suite builds right before). */
  requireFreshDist?: boolean;
  /** The progress line, about once a second; `final` for the last one of a round. */
  onProgress?: (line: string, final: boolean) => void;
}

/** Cosmos DB requests of a set of turns. */
export interface CosmosFigures {
  requests: number;
  requestsPerTurn: number;
  byOperationPerTurn: Partial<Record<CosmosOperation, number>>;
  byContainerPerTurn: Record<string, number>;
  crossPartitionQueries: number;
  /** Time the server took per turn (its own work and queueing), ms. */
  serverMsPerTurn: number;
  /** New TCP connections to Cosmos DB per turn (0 when the client keeps them alive). */
  connectionsPerTurn: number;
  /** Mean time the server took for one request of each operation, ms. */
  serverMsPerRequest: Partial<Record<CosmosOperation, number>>;
}

/** Calls and bytes the bot sent to the connector in a set of turns. */
export interface ConnectorFigures {
  calls: number;
  callsPerTurn: number;
  /** Request body bytes per turn. */
  bytesPerTurn: number;
  byKindPerTurn: Partial<Record<ConnectorCallKind, { calls: number; bytes: number }>>;
  /** New TCP connections to the connector per turn (0 when the client keeps them alive). */
  connectionsPerTurn: number;
}

/** The figures of one bot over its measured rounds. */
export interface BotFigures {
  travellers: number;
  turns: number;
  failedTravellers: number;
  /** Request in (sent by the driver) to the bot's last call to the connector in the chat. */
  latencyMs: LatencySummary;
  /** Request sent to the bot's HTTP response (the bot answers Teams' POST after its turn). */
  httpLatencyMs: LatencySummary;
  /** The same, by kind of turn (start, answer, post). */
  latencyByKindMs: Partial<Record<TurnKind, LatencySummary>>;
  /**
   * With delays only: from sending a card answer to the next question's activity arriving at the
   * connector, what the traveller waits for.
   */
  perceivedAnswerMs?: LatencySummary;
  turnsPerSecond: number;
  cosmos: CosmosFigures;
  connector: ConnectorFigures;
  /** CPU time of the bot process per turn, ms (user + system, from /proc). */
  cpuMsPerTurn: number;
  /** VmRSS of the bot once healthy, before any turn, MB. */
  idleRssMb: number;
  /** VmHWM of the bot process at the end of the run, MB. */
  peakRssMb: number;
  /** The largest VmRSS sampled during the measured rounds, MB. */
  sampledMaxRssMb: number;
  /** Spawn to the first 200 on /healthz with the embedded store, ms. */
  timeToHealthyMs: { runs: number[]; median: number; max: number };
}

/** One round: one bot, all travellers, start to last answer. */
export interface RoundFigures {
  bot: BotName;
  label: string;
  measured: boolean;
  travellers: number;
  failedTravellers: number;
  turns: number;
  /** When the round started and ended on the machine's monotonic clock (clock.ts), ms. */
  startedAt: number;
  endedAt: number;
  wallMs: number;
  turnsPerSecond: number;
  latencyMs: LatencySummary;
  cosmosRequestsPerTurn: number;
  /** Reports of this round found in the channel (interview only). */
  reportsInChannel?: number;
}

/** One turn of the probe: a single traveller alone, so every count belongs to that turn. */
export interface StepFigures {
  step: number;
  kind: TurnKind;
  cosmosRequests: number;
  cosmosByOperation: Partial<Record<CosmosOperation, number>>;
  cosmosByContainer: Record<string, Partial<Record<CosmosOperation, number>>>;
  connectorCalls: number;
  connectorBytes: number;
  connectorByKind: Partial<Record<ConnectorCallKind, { calls: number; bytes: number }>>;
  httpMs: number;
}

/** A target (issue 20's) and how the run measured against it. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: number;
  ok: boolean;
}

/** Everything one run of the bench measured. */
export interface BenchResult {
  version: 1;
  runId: string;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    node: string;
    platform: string;
    /** 1-minute load average at the start and at the end: other work on a shared machine. */
    loadAverage: { start: number; end: number };
  };
  options: {
    travellers: number;
    durationSec: number;
    maxPairs: number | null;
    thinkMs: number;
    warmupTravellers: number;
    healthyRuns: number;
    profile: boolean;
    /** Present only in a delayed run. */
    delays?: Delays;
  };
  interview: BotFigures;
  floor: BotFigures;
  /** Interview divided by floor. */
  ratios: {
    p50: number;
    p95: number;
    p99: number;
    throughput: number;
    cpuPerTurn: number;
    cosmosRequestsPerTurn: number;
    bytesPerTurn: number;
    peakRss: number;
    timeToHealthy: number;
    /** Perceived answer latency p50 and p99, interview over floor: a delayed run only. */
    perceivedAnswerP50?: number;
    perceivedAnswerP99?: number;
  };
  targets: TargetCheck[];
  rounds: RoundFigures[];
  probe: { interview: StepFigures[]; floor: StepFigures[] };
  reports: { simulated: number; reachedChannel: number; missing: string[] };
  overhead: {
    /** The fake connector alone: sequential POSTs of a card-sized activity from the driver, ms. */
    connectorRoundTripMs: LatencySummary;
    /** CPU of the connector, the Cosmos server and the driver per turn, ms. */
    cpuMsPerTurn: Record<BotName, { connector: number; cosmosServer: number; driver: number }>;
    /** The connector's and the driver's clocks differ by this much (they should share one), ms. */
    clockOffsetMs: number;
  };
  failures: string[];
  profiles: string[];
  /** True when every traveller finished and every report reached the channel. */
  ok: boolean;
}

const BUILD_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'reisverslag-bench');
const BENCH_DIR = join(PROJECT_ROOT, 'bench');
const EMBEDDED_KEY = Buffer.from('reisverslag-bench').toString('base64');
const ROUND_TIMEOUT_MIN_MS = 60_000;

function newestMtime(path: string, accept: (file: string) => boolean): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return accept(path) ? stat.mtimeMs : 0;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name), accept)),
    0,
  );
}

/** Fails unless dist/ is built (and, when `fresh`, from the current src/: npm run bench builds). */
export function checkDist(fresh: boolean): void {
  const entry = join(PROJECT_ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` first.');
  if (!fresh) return;
  const source = newestMtime(join(PROJECT_ROOT, 'src'), (file) => /\.(?:ts|json)$/.test(file));
  if (source > statSync(entry).mtimeMs) {
    throw new Error('dist/ is older than src/: run `npm run build` first (npm run bench does).');
  }
}

/** The bench's own processes, run with plain `node` (transpiled, as dist/ is for the bot). */
const PROCESS_ENTRIES = ['bench/floorBot.ts', 'bench/connector.ts', 'bench/cosmosServer.ts'];

/**
 * Transpiles the bench's processes (floor, connector, Cosmos server) and the project files they
 * import to plain CommonJS under node_modules/.cache/, when stale. Only transpiled: `npm run
 * typecheck` checks the types. The bot itself runs from dist/, as `npm start` runs it.
 */
export function buildBenchProcesses(): void {
  const pending = [...PROCESS_ENTRIES];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    for (const [, specifier] of source.matchAll(/^import\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      // A JSON file (the question catalogue) is imported with its extension and copied as is.
      const imported = specifier.endsWith('.json') ? specifier : `${specifier}.ts`;
      pending.push(posix.normalize(posix.join(posix.dirname(file), imported)));
    }
    if (file.endsWith('.json')) {
      mkdirSync(dirname(join(BUILD_DIR, file)), { recursive: true });
      writeFileSync(join(BUILD_DIR, file), source);
      continue;
    }
    const output = join(BUILD_DIR, file.replace(/\.ts$/, '.js'));
    if (
      existsSync(output) &&
      statSync(output).mtimeMs >= statSync(join(PROJECT_ROOT, file)).mtimeMs
    ) {
      continue;
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        inlineSourceMap: true,
      },
    });
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, outputText);
  }
}

/** The environment of a bot: ours, without any of the bot's own settings, plus `extra`. */
function botEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of configVariableNames) delete env[name];
  // The driver may run under tsx; the bots must not.
  delete env.NODE_OPTIONS;
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

/**
 * The `node` options of `npm start` (package.json; the Azure web app runs the same command), for
 * both bots: the floor runs on the same runtime settings as the bot.
 */
export function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/index.js') {
    throw new Error(
      `package.json's start script is "${scripts.start}"; the bench expects ` +
        '`node [options] dist/index.js`: keep that form, or teach bench/bench.ts the new one.',
    );
  }
  return words.slice(1, -1);
}

function entryOf(bot: BotName): string {
  return bot === 'interview'
    ? join(PROJECT_ROOT, 'dist', 'index.js')
    : join(BUILD_DIR, 'bench', 'floorBot.js');
}

/** Spawn to healthy with the embedded store, `runs` times each, alternating. */
async function timeToHealthy(runs: number): Promise<Record<BotName, number[]>> {
  const times: Record<BotName, number[]> = { interview: [], floor: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const bot of ['interview', 'floor'] as const) {
      const port = await freePort();
      const child = new Child(
        `${bot} (embedded store)`,
        [...startNodeOptions(), entryOf(bot)],
        botEnv({ PORT: String(port) }),
      );
      try {
        times[bot].push(round(await waitHealthy(child, `http://127.0.0.1:${port}`, 30_000, 10), 0));
      } finally {
        await child.stop();
      }
    }
  }
  return times;
}

async function readyPort(child: Child): Promise<number> {
  const line = await child.waitForLine((text) => text.includes('"ready"'), 30_000);
  return (JSON.parse(line) as { port: number }).port;
}

interface Snapshot {
  cosmos: DatabaseCounts;
  cosmosCpuMs: number;
  cosmosConnections: number;
  connector: ConnectorStats;
  bot: ProcessStatus;
  driverCpuMs: number;
}

const emptyCounts = (): DatabaseCounts => ({
  requests: 0,
  byOperation: {},
  byContainer: {},
  crossPartitionQueries: 0,
  serverMs: 0,
  serverMsByOperation: {},
});

function cpuMs(usage: { user: number; system: number }): number {
  return (usage.user + usage.system) / 1000;
}

function diffRecord<K extends string>(
  after: Partial<Record<K, number>>,
  before: Partial<Record<K, number>>,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(after) as K[]) {
    const value = (after[key] ?? 0) - (before[key] ?? 0);
    if (value !== 0) out[key] = value;
  }
  return out;
}

interface Delta {
  turns: number;
  cosmos: DatabaseCounts;
  cosmosCpuMs: number;
  cosmosConnections: number;
  connector: {
    calls: number;
    bytes: number;
    byKind: Partial<Record<ConnectorCallKind, { calls: number; bytes: number }>>;
    cpuMs: number;
    connections: number;
  };
  botCpuMs: number;
  driverCpuMs: number;
}

function diff(after: Snapshot, before: Snapshot, turns: number): Delta {
  const byContainer: DatabaseCounts['byContainer'] = {};
  for (const [name, ops] of Object.entries(after.cosmos.byContainer)) {
    const changed = diffRecord(ops, before.cosmos.byContainer[name] ?? {});
    if (Object.keys(changed).length > 0) byContainer[name] = changed;
  }
  const byKind: Delta['connector']['byKind'] = {};
  for (const [kind, value] of Object.entries(after.connector.byKind) as [
    ConnectorCallKind,
    { calls: number; bytes: number },
  ][]) {
    const earlier = before.connector.byKind[kind] ?? { calls: 0, bytes: 0 };
    if (value.calls !== earlier.calls) {
      byKind[kind] = { calls: value.calls - earlier.calls, bytes: value.bytes - earlier.bytes };
    }
  }
  return {
    turns,
    cosmos: {
      requests: after.cosmos.requests - before.cosmos.requests,
      byOperation: diffRecord(after.cosmos.byOperation, before.cosmos.byOperation),
      byContainer,
      crossPartitionQueries:
        after.cosmos.crossPartitionQueries - before.cosmos.crossPartitionQueries,
      serverMs: after.cosmos.serverMs - before.cosmos.serverMs,
      serverMsByOperation: diffRecord(
        after.cosmos.serverMsByOperation,
        before.cosmos.serverMsByOperation,
      ),
    },
    cosmosCpuMs: after.cosmosCpuMs - before.cosmosCpuMs,
    cosmosConnections: after.cosmosConnections - before.cosmosConnections,
    connector: {
      connections: after.connector.connections - before.connector.connections,
      calls: after.connector.calls - before.connector.calls,
      bytes: after.connector.bytes - before.connector.bytes,
      byKind,
      cpuMs: cpuMs(after.connector.cpu) - cpuMs(before.connector.cpu),
    },
    botCpuMs: after.bot.cpuMs - before.bot.cpuMs,
    driverCpuMs: after.driverCpuMs - before.driverCpuMs,
  };
}

function addDelta(total: Delta | undefined, delta: Delta): Delta {
  if (!total) return structuredClone(delta);
  const sum = structuredClone(total);
  sum.turns += delta.turns;
  sum.cosmos.requests += delta.cosmos.requests;
  sum.cosmos.crossPartitionQueries += delta.cosmos.crossPartitionQueries;
  sum.cosmos.serverMs += delta.cosmos.serverMs;
  for (const [op, n] of Object.entries(delta.cosmos.byOperation) as [CosmosOperation, number][]) {
    sum.cosmos.byOperation[op] = (sum.cosmos.byOperation[op] ?? 0) + n;
  }
  for (const [op, ms] of Object.entries(delta.cosmos.serverMsByOperation) as [
    CosmosOperation,
    number,
  ][]) {
    sum.cosmos.serverMsByOperation[op] = (sum.cosmos.serverMsByOperation[op] ?? 0) + ms;
  }
  for (const [name, ops] of Object.entries(delta.cosmos.byContainer)) {
    const into = (sum.cosmos.byContainer[name] ??= {});
    for (const [op, n] of Object.entries(ops) as [CosmosOperation, number][]) {
      into[op] = (into[op] ?? 0) + n;
    }
  }
  sum.cosmosCpuMs += delta.cosmosCpuMs;
  sum.cosmosConnections += delta.cosmosConnections;
  sum.connector.connections += delta.connector.connections;
  sum.connector.calls += delta.connector.calls;
  sum.connector.bytes += delta.connector.bytes;
  sum.connector.cpuMs += delta.connector.cpuMs;
  for (const [kind, value] of Object.entries(delta.connector.byKind) as [
    ConnectorCallKind,
    { calls: number; bytes: number },
  ][]) {
    const into = (sum.connector.byKind[kind] ??= { calls: 0, bytes: 0 });
    into.calls += value.calls;
    into.bytes += value.bytes;
  }
  sum.botCpuMs += delta.botCpuMs;
  sum.driverCpuMs += delta.driverCpuMs;
  return sum;
}

const perTurn = (value: number, turns: number, digits = 2) => round(value / turns, digits);

/** Runs the whole bench; throws when it cannot run at all, else reports failures in the result. */
export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const travellers = options.travellers ?? 200;
  const durationSec = options.durationSec ?? 120;
  const warmupTravellers = options.warmupTravellers ?? Math.min(20, travellers);
  const healthyRuns = options.healthyRuns ?? 3;
  const maxPairs = options.maxPairs ?? Infinity;
  const thinkMs = options.thinkMs ?? 0;
  const progress = options.onProgress ?? (() => undefined);
  const delays = options.delays;
  const runId = newRunId();
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? NaN;
  const failures: string[] = [];

  checkDist(options.requireFreshDist !== false);
  buildBenchProcesses();
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const logFile = (name: string) =>
    options.logDir ? join(options.logDir, `${runId}-${name.replace(/\W+/g, '-')}.log`) : undefined;

  progress('timing the start to a healthy /healthz with the embedded store…', true);
  const healthy = await timeToHealthy(healthyRuns);

  const children: Child[] = [];
  try {
    const cosmos = new Child(
      'cosmosdb-server',
      [join(BUILD_DIR, 'bench', 'cosmosServer.js')],
      botEnv(delays ? { [COSMOS_DELAY_ENV]: String(delays.cosmosMs) } : {}),
      logFile('cosmosdb-server'),
    );
    children.push(cosmos);
    const connector = new Child(
      'fake connector',
      [join(BUILD_DIR, 'bench', 'connector.js')],
      botEnv(delays ? { [TEAMS_DELAY_ENV]: String(delays.teamsMs) } : {}),
      logFile('connector'),
    );
    children.push(connector);
    const cosmosEndpoint = `http://127.0.0.1:${await readyPort(cosmos)}`;
    const connectorUrl = `http://127.0.0.1:${await readyPort(connector)}`;
    const serviceUrl = `${connectorUrl}/teams/`;

    const profiled = (bot: BotName) =>
      options.profileDir
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            options.profileDir,
            '--cpu-prof-name',
            `${bot}-${runId}.cpuprofile`,
          ]
        : [];
    const bots = {} as Record<BotName, { child: Child; url: string }>;
    for (const bot of ['interview', 'floor'] as const) {
      const port = await freePort();
      const child = new Child(
        bot === 'interview' ? 'bot' : 'floor bot',
        [...startNodeOptions(), ...profiled(bot), ...(options.nodeArgs ?? []), entryOf(bot)],
        botEnv({
          PORT: String(port),
          COSMOS_ENDPOINT: cosmosEndpoint,
          COSMOS_KEY: EMBEDDED_KEY,
          COSMOS_DATABASE: `bench-${bot}`,
        }),
        logFile(bot),
      );
      children.push(child);
      bots[bot] = { child, url: `http://127.0.0.1:${port}` };
    }
    await Promise.all(Object.values(bots).map(({ child, url }) => waitHealthy(child, url)));
    const idleRss = {
      interview: processStatus(bots.interview.child.pid).rssBytes,
      floor: processStatus(bots.floor.child.pid).rssBytes,
    };

    // Both clocks must be the machine's monotonic one for the connector-side latency to hold.
    let clockOffsetMs = Infinity;
    let bestRoundTrip = Infinity;
    for (let i = 0; i < 20; i += 1) {
      const sent = nowMs();
      const { now } = await getJson<{ now: number }>(`${connectorUrl}/__bench/now`);
      const back = nowMs();
      if (back - sent < bestRoundTrip) {
        bestRoundTrip = back - sent;
        clockOffsetMs = now - (sent + back) / 2;
      }
    }
    if (Math.abs(clockOffsetMs) > bestRoundTrip + 1) {
      failures.push(`the connector's clock is ${round(clockOffsetMs)} ms off the driver's`);
    }

    // The fake connector's own cost: a question-sized card sent to it, one call at a time.
    const calibration = JSON.stringify({
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: FLOOR_CARD },
      ],
    });
    const roundTrips: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const sent = nowMs();
      await httpRequest(`${serviceUrl}v3/conversations/calibration/activities`, {
        body: calibration,
        // The connector's own cost, without the Teams delay of a delayed run.
        ...(delays ? { headers: { [NO_DELAY_HEADER]: '1' } } : {}),
      });
      roundTrips.push(nowMs() - sent);
    }

    // The team installs the app: its channel "Reisverslagen" becomes the report channel.
    const tenantId = '6f1c2a34-8b7d-4e5f-9a0b-1c2d3e4f5a6b';
    const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
    const install = await httpRequest(`${bots.interview.url}/api/messages`, {
      body: JSON.stringify(
        teamInstallationUpdate({
          serviceUrl,
          tenantId,
          user: makeUser('Teameigenaar Iris Vos'),
          team,
          ...(team.channels[1] ? { channel: team.channels[1] } : {}),
        }),
      ),
    });
    if (install.status !== 200)
      throw new Error(`installing in the team answered ${install.status}`);

    const targetOf = (bot: BotName): TravellerTarget => ({
      botUrl: bots[bot].url,
      connectorUrl,
      serviceUrl,
      tenantId,
      verify: bot === 'interview',
    });

    const snapshot = async (bot: BotName): Promise<Snapshot> => {
      const [counts, stats] = await Promise.all([
        getJson<CosmosCounts>(`${cosmosEndpoint}/__bench/counts`),
        getJson<ConnectorStats>(`${connectorUrl}/__bench/stats`),
      ]);
      return {
        cosmos: counts.byDatabase[`bench-${bot}`] ?? emptyCounts(),
        cosmosCpuMs: cpuMs(counts.cpu),
        cosmosConnections: counts.connections,
        connector: stats,
        bot: processStatus(bots[bot].child.pid),
        driverCpuMs: cpuMs(process.cpuUsage()),
      };
    };

    // The probe: one traveller alone through each bot, every count belonging to one turn.
    const probe = {} as Record<BotName, StepFigures[]>;
    for (const bot of ['interview', 'floor'] as const) {
      probe[bot] = [];
      let before = await snapshot(bot);
      const plan = makeTraveller(travellerMarker(runId, `probe-${bot}`, 0), 0);
      try {
        await runTraveller(targetOf(bot), plan, async (timing) => {
          const after = await snapshot(bot);
          const delta = diff(after, before, 1);
          before = after;
          probe[bot].push({
            step: timing.step,
            kind: timing.kind,
            cosmosRequests: delta.cosmos.requests,
            cosmosByOperation: delta.cosmos.byOperation,
            cosmosByContainer: delta.cosmos.byContainer,
            connectorCalls: delta.connector.calls,
            connectorBytes: delta.connector.bytes,
            connectorByKind: delta.connector.byKind,
            httpMs: round(timing.httpMs),
          });
        });
      } catch (error) {
        failures.push(`probe of the ${bot}: ${(error as Error).message}`);
      }
    }

    const posted = new Set<string>();
    const rounds: RoundFigures[] = [];
    const timings: Record<BotName, TurnTiming[]> = { interview: [], floor: [] };
    const totals: Partial<Record<BotName, Delta>> = {};
    const measuredTravellers: Record<BotName, number> = { interview: 0, floor: 0 };
    const failedTravellers: Record<BotName, number> = { interview: 0, floor: 0 };
    const sampledMaxRss: Record<BotName, number> = { interview: 0, floor: 0 };
    const missing: string[] = [];
    let simulated = 0;
    let reached = 0;
    const roundTimeoutMs = Math.max(ROUND_TIMEOUT_MIN_MS, durationSec * 2000);

    const runRound = async (bot: BotName, label: string, count: number, measured: boolean) => {
      const plans = Array.from({ length: count }, (_, index) =>
        makeTraveller(travellerMarker(runId, label, index), index),
      );
      const roundTimings: TurnTiming[] = [];
      const errors: string[] = [];
      // One open connection a traveller to the bot and to the connector, as in the steady state.
      await openConnections(bots[bot].url, '/bench-connect', count);
      await openConnections(connectorUrl, '/__bench/now', count);
      const before = await snapshot(bot);
      const started = nowMs();
      const stopAt = started + roundTimeoutMs;
      // Starts spread so that the round opens at its steady pace: over up to a second, or over
      // the travellers' pause between turns when they take one.
      const spreadMs = thinkMs > 0 ? 2 * thinkMs : Math.min(1000, count * 5);
      const total = count * TURNS_PER_TRAVELLER;
      const ticker = setInterval(() => {
        const status = processStatus(bots[bot].child.pid);
        if (measured) sampledMaxRss[bot] = Math.max(sampledMaxRss[bot], status.rssBytes);
        const elapsed = (nowMs() - started) / 1000;
        progress(
          `${label}: ${roundTimings.length}/${total} turns · ${Math.round(roundTimings.length / elapsed)} turns/s · ` +
            `${bot} RSS ${Math.round(status.rssBytes / 2 ** 20)} MB · ${errors.length} failed · ${Math.round(elapsed)} s`,
          false,
        );
      }, 1000);
      try {
        await Promise.all(
          plans.map(async (plan, index) => {
            await new Promise((r) => setTimeout(r, (index * spreadMs) / count));
            try {
              await runTraveller(
                targetOf(bot),
                plan,
                (timing) => void roundTimings.push(timing),
                stopAt,
                thinkMs,
              );
            } catch (error) {
              errors.push(`${plan.marker}: ${(error as Error).message}`);
            }
          }),
        );
      } finally {
        clearInterval(ticker);
      }
      const wallMs = nowMs() - started;
      const after = await snapshot(bot);
      const delta = diff(after, before, roundTimings.length);
      let reportsInChannel: number | undefined;
      if (bot === 'interview') {
        const { posts } = await getJson<{ posts: ChannelPost[] }>(
          `${connectorUrl}/__bench/channel-posts`,
        );
        for (const post of posts) if (post.marker) posted.add(post.marker);
        reportsInChannel = plans.filter((plan) => posted.has(plan.marker)).length;
        if (measured) {
          simulated += plans.length;
          reached += reportsInChannel;
          missing.push(
            ...plans.filter((plan) => !posted.has(plan.marker)).map((plan) => plan.marker),
          );
        }
      }
      if (errors.length > 0) {
        failures.push(
          `${label}: ${errors.length} of ${count} travellers did not finish; first: ${errors[0]}`,
        );
      }
      const figures: RoundFigures = {
        bot,
        label,
        measured,
        travellers: count,
        failedTravellers: errors.length,
        turns: roundTimings.length,
        startedAt: round(started, 3),
        endedAt: round(started + wallMs, 3),
        wallMs: round(wallMs, 0),
        turnsPerSecond: round((roundTimings.length * 1000) / wallMs, 1),
        latencyMs: summarize(roundTimings.map((timing) => timing.lastCallMs)),
        cosmosRequestsPerTurn: perTurn(delta.cosmos.requests, delta.turns),
        ...(reportsInChannel !== undefined ? { reportsInChannel } : {}),
      };
      rounds.push(figures);
      progress(
        `${label}: ${figures.turns} turns in ${(wallMs / 1000).toFixed(1)} s · ${figures.turnsPerSecond} turns/s · ` +
          `p50 ${figures.latencyMs.p50} ms · p99 ${figures.latencyMs.p99} ms` +
          (reportsInChannel !== undefined
            ? ` · ${reportsInChannel}/${count} reports in the channel`
            : ''),
        true,
      );
      if (options.logDir) {
        appendFileSync(
          join(options.logDir, `${runId}-turns.jsonl`),
          roundTimings.map((timing) => `${JSON.stringify({ round: label, ...timing })}\n`).join(''),
        );
      }
      if (measured) {
        timings[bot].push(...roundTimings);
        totals[bot] = addDelta(totals[bot], delta);
        measuredTravellers[bot] += count;
        failedTravellers[bot] += errors.length;
      }
    };

    if (warmupTravellers > 0) {
      await runRound('interview', 'warm-up interview', warmupTravellers, false);
      await runRound('floor', 'warm-up floor', warmupTravellers, false);
    }
    const measureStart = nowMs();
    for (let pair = 0; pair < maxPairs; pair += 1) {
      if (pair > 0 && nowMs() - measureStart >= durationSec * 1000) break;
      const order: BotName[] = pair % 2 === 0 ? ['interview', 'floor'] : ['floor', 'interview'];
      for (const bot of order) await runRound(bot, `round ${pair + 1} ${bot}`, travellers, true);
    }

    const peak = {
      interview: processStatus(bots.interview.child.pid).peakRssBytes,
      floor: processStatus(bots.floor.child.pid).peakRssBytes,
    };

    // Stopped gracefully, so that --cpu-prof writes its profiles.
    for (const child of children.reverse()) await child.stop(15_000);
    const profiles = options.profileDir
      ? readdirSync(options.profileDir)
          .filter((file) => file.endsWith(`${runId}.cpuprofile`))
          .map((file) => join(options.profileDir as string, file))
      : [];

    const figuresOf = (bot: BotName): BotFigures => {
      const delta = totals[bot] as Delta;
      const turns = delta.turns;
      const botRounds = rounds.filter((r) => r.bot === bot && r.measured);
      const wallMs = botRounds.reduce((sum, r) => sum + r.wallMs, 0);
      const byKind: Partial<Record<TurnKind, LatencySummary>> = {};
      for (const kind of ['start', 'answer', 'post'] as const) {
        byKind[kind] = summarize(
          timings[bot].filter((t) => t.kind === kind).map((t) => t.lastCallMs),
        );
      }
      const sortedHealthy = [...healthy[bot]].sort((a, b) => a - b);
      const byContainerPerTurn: Record<string, number> = {};
      for (const [name, ops] of Object.entries(delta.cosmos.byContainer)) {
        const requests = Object.values(ops).reduce((sum: number, n) => sum + (n ?? 0), 0);
        byContainerPerTurn[name] = perTurn(requests, turns);
      }
      const byKindPerTurn: ConnectorFigures['byKindPerTurn'] = {};
      for (const [kind, value] of Object.entries(delta.connector.byKind) as [
        ConnectorCallKind,
        { calls: number; bytes: number },
      ][]) {
        byKindPerTurn[kind] = {
          calls: perTurn(value.calls, turns),
          bytes: perTurn(value.bytes, turns, 0),
        };
      }
      return {
        travellers: measuredTravellers[bot],
        turns,
        failedTravellers: failedTravellers[bot],
        latencyMs: summarize(timings[bot].map((t) => t.lastCallMs)),
        httpLatencyMs: summarize(timings[bot].map((t) => t.httpMs)),
        latencyByKindMs: byKind,
        ...(delays ? { perceivedAnswerMs: perceivedAnswerLatency(timings[bot]) } : {}),
        turnsPerSecond: round((turns * 1000) / wallMs, 1),
        cosmos: {
          requests: delta.cosmos.requests,
          requestsPerTurn: perTurn(delta.cosmos.requests, turns),
          byOperationPerTurn: Object.fromEntries(
            Object.entries(delta.cosmos.byOperation).map(([op, n]) => [op, perTurn(n ?? 0, turns)]),
          ),
          byContainerPerTurn,
          crossPartitionQueries: delta.cosmos.crossPartitionQueries,
          serverMsPerTurn: perTurn(delta.cosmos.serverMs, turns),
          connectionsPerTurn: perTurn(delta.cosmosConnections, turns),
          serverMsPerRequest: Object.fromEntries(
            Object.entries(delta.cosmos.serverMsByOperation).map(([op, ms]) => [
              op,
              round((ms ?? 0) / (delta.cosmos.byOperation[op as CosmosOperation] ?? 1)),
            ]),
          ),
        },
        connector: {
          calls: delta.connector.calls,
          callsPerTurn: perTurn(delta.connector.calls, turns),
          bytesPerTurn: perTurn(delta.connector.bytes, turns, 0),
          byKindPerTurn,
          connectionsPerTurn: perTurn(delta.connector.connections, turns),
        },
        cpuMsPerTurn: perTurn(delta.botCpuMs, turns),
        idleRssMb: round(idleRss[bot] / 2 ** 20, 1),
        peakRssMb: round(peak[bot] / 2 ** 20, 1),
        sampledMaxRssMb: round(sampledMaxRss[bot] / 2 ** 20, 1),
        timeToHealthyMs: {
          runs: healthy[bot],
          median: sortedHealthy[Math.floor((sortedHealthy.length - 1) / 2)] ?? NaN,
          max: sortedHealthy.at(-1) ?? NaN,
        },
      };
    };
    const interview = figuresOf('interview');
    const floor = figuresOf('floor');
    const ratios: BenchResult['ratios'] = {
      p50: ratio(interview.latencyMs.p50, floor.latencyMs.p50),
      p95: ratio(interview.latencyMs.p95, floor.latencyMs.p95),
      p99: ratio(interview.latencyMs.p99, floor.latencyMs.p99),
      throughput: ratio(interview.turnsPerSecond, floor.turnsPerSecond),
      cpuPerTurn: ratio(interview.cpuMsPerTurn, floor.cpuMsPerTurn),
      cosmosRequestsPerTurn: ratio(interview.cosmos.requestsPerTurn, floor.cosmos.requestsPerTurn),
      bytesPerTurn: ratio(interview.connector.bytesPerTurn, floor.connector.bytesPerTurn),
      peakRss: ratio(interview.peakRssMb, floor.peakRssMb),
      timeToHealthy: ratio(interview.timeToHealthyMs.median, floor.timeToHealthyMs.median),
      ...(interview.perceivedAnswerMs && floor.perceivedAnswerMs
        ? {
            perceivedAnswerP50: ratio(interview.perceivedAnswerMs.p50, floor.perceivedAnswerMs.p50),
            perceivedAnswerP99: ratio(interview.perceivedAnswerMs.p99, floor.perceivedAnswerMs.p99),
          }
        : {}),
    };
    // Cosmos DB requests of a card's answer, from the probe, where every count is one turn's.
    const answerSteps = probe.interview.filter((step) => step.kind === 'answer');
    const cosmosPerAnswer = round(
      answerSteps.reduce((sum, step) => sum + step.cosmosRequests, 0) /
        Math.max(1, answerSteps.length),
    );
    // Issue 20's targets: against the floor where a ratio says more than an absolute figure.
    const targets: TargetCheck[] = [
      { name: 'turn p50 / floor', target: '≤ 1.5', measured: ratios.p50, ok: ratios.p50 <= 1.5 },
      { name: 'turn p99 / floor', target: '≤ 2', measured: ratios.p99, ok: ratios.p99 <= 2 },
      {
        name: 'throughput / floor',
        target: '≥ 0.75',
        measured: ratios.throughput,
        ok: ratios.throughput >= 0.75,
      },
      {
        name: 'Cosmos DB requests per card answer',
        target: '≤ 1.5',
        measured: cosmosPerAnswer,
        ok: answerSteps.length > 0 && cosmosPerAnswer <= 1.5,
      },
      {
        name: 'Cosmos DB requests per turn',
        target: '≤ 2',
        measured: interview.cosmos.requestsPerTurn,
        ok: interview.cosmos.requestsPerTurn <= 2,
      },
      {
        name: 'CPU per turn / floor',
        target: '≤ 1.5',
        measured: ratios.cpuPerTurn,
        ok: ratios.cpuPerTurn <= 1.5,
      },
      {
        name: 'peak RSS / floor',
        target: '≤ 1.25',
        measured: ratios.peakRss,
        ok: ratios.peakRss <= 1.25,
      },
      ...(ratios.perceivedAnswerP50 !== undefined
        ? [
            {
              name: 'perceived answer latency p50 / floor (with delays)',
              target: '≤ 1.0',
              measured: ratios.perceivedAnswerP50,
              ok: ratios.perceivedAnswerP50 <= 1,
            },
          ]
        : []),
      {
        name: 'cross-partition queries',
        target: '0',
        measured: interview.cosmos.crossPartitionQueries,
        ok: interview.cosmos.crossPartitionQueries === 0,
      },
      {
        name: 'time to healthy, ms (slowest start)',
        target: '≤ 3000',
        measured: interview.timeToHealthyMs.max,
        ok: interview.timeToHealthyMs.max <= 3000,
      },
    ];

    const result: BenchResult = {
      version: 1,
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryMb: Math.round(totalmem() / 2 ** 20),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadAverage: { start: round(loadAtStart), end: round(loadavg()[0] ?? NaN) },
      },
      options: {
        travellers,
        durationSec,
        maxPairs: Number.isFinite(maxPairs) ? maxPairs : null,
        thinkMs,
        warmupTravellers,
        healthyRuns,
        profile: Boolean(options.profileDir),
        ...(delays ? { delays } : {}),
      },
      interview,
      floor,
      ratios,
      targets,
      rounds,
      probe,
      reports: { simulated, reachedChannel: reached, missing },
      overhead: {
        connectorRoundTripMs: summarize(roundTrips),
        cpuMsPerTurn: Object.fromEntries(
          (['interview', 'floor'] as const).map((bot) => {
            const delta = totals[bot] as Delta;
            return [
              bot,
              {
                connector: perTurn(delta.connector.cpuMs, delta.turns),
                cosmosServer: perTurn(delta.cosmosCpuMs, delta.turns),
                driver: perTurn(delta.driverCpuMs, delta.turns),
              },
            ];
          }),
        ) as BenchResult['overhead']['cpuMsPerTurn'],
        clockOffsetMs: round(clockOffsetMs, 3),
      },
      failures,
      profiles,
      ok: failures.length === 0 && missing.length === 0 && simulated > 0,
    };
    if (options.write !== false) {
      const dir = options.resultsDir ?? join(BENCH_DIR, 'results');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `bench-${result.startedAt.replace(/[:.]/g, '-')}.json`);
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      resultFiles.set(result, file);
    }
    return result;
  } catch (error) {
    const diagnostics = children.map((child) => child.describe()).join('\n');
    throw new Error(`${(error as Error).message}\n${diagnostics}`, { cause: error });
  } finally {
    await Promise.all(children.map((child) => child.stop(5000)));
  }
}

const resultFiles = new WeakMap<BenchResult, string>();

/** The JSON file a result was written to. */
export function resultFileOf(result: BenchResult): string | undefined {
  return resultFiles.get(result);
}
