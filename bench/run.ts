// `npm run bench` (after `npm run build`): the interview bot against the floor; prints the tables
// and writes the JSON to bench/results/. Options:
//   --travellers N   concurrent simulated travellers per round (default 200)
//   --duration S     time budget of the measured rounds in seconds (default 120)
//   --pairs N        at most N pairs of measured rounds (default: as the duration allows)
//   --think MS       mean pause of a traveller between turns (default 0: as fast as answered)
//   --warmup N       travellers of each bot's warm-up round (default min(20, travellers))
//   --healthy-runs N starts of each bot to time /healthz (default 3)
//   --profile        run both bots with `node --cpu-prof` (profiles in bench/results/profiles/)
//   --node-arg ARG   an extra `node` option for both bots, e.g. --node-arg=--trace-gc (repeatable)
//   --logs           keep every process's output in bench/results/logs/
//   --delays         Azure-like delays: each Teams call 80 ms, each Cosmos DB request 6 ms, and
//                    the perceived answer latency reported (bench/delays.ts)
//   --teams-delay-ms MS, --cosmos-delay-ms MS   other delays (either alone turns --delays on)
// Exit code 0 when every report reached the channel (targets are reported, not enforced).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench, resultFileOf } from './bench';
import { PROJECT_ROOT } from './children';
import { parseDelays } from './delays';
import { formatReport } from './report';

/** A wrong option: said in one line, without a stack. */
class UsageError extends Error {}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new UsageError(`--${name} wants a number ≥ 0, not "${value}".`);
  }
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      travellers: { type: 'string' },
      duration: { type: 'string' },
      pairs: { type: 'string' },
      think: { type: 'string' },
      warmup: { type: 'string' },
      'healthy-runs': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'node-arg': { type: 'string', multiple: true },
      logs: { type: 'boolean', default: false },
      delays: { type: 'boolean', default: false },
      'teams-delay-ms': { type: 'string' },
      'cosmos-delay-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- [--travellers 200] [--duration 120] [--pairs N] [--think 0] [--warmup 20] ' +
        '[--healthy-runs 3] [--profile] [--node-arg=--trace-gc] [--logs] ' +
        '[--delays] [--teams-delay-ms 80] [--cosmos-delay-ms 6]\n',
    );
    return;
  }
  const tty = process.stderr.isTTY;
  let lastProgress = 0;
  const travellers = positive('travellers', values.travellers);
  const durationSec = positive('duration', values.duration);
  const maxPairs = positive('pairs', values.pairs);
  const thinkMs = positive('think', values.think);
  const warmupTravellers = positive('warmup', values.warmup);
  const healthyRuns = positive('healthy-runs', values['healthy-runs']);
  let delays;
  try {
    delays = parseDelays({
      delays: values.delays,
      teamsDelayMs: values['teams-delay-ms'],
      cosmosDelayMs: values['cosmos-delay-ms'],
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = await runBench({
    ...(travellers !== undefined ? { travellers: Math.max(1, Math.round(travellers)) } : {}),
    ...(durationSec !== undefined ? { durationSec } : {}),
    ...(maxPairs !== undefined ? { maxPairs: Math.max(1, Math.round(maxPairs)) } : {}),
    ...(thinkMs !== undefined ? { thinkMs } : {}),
    ...(warmupTravellers !== undefined ? { warmupTravellers: Math.round(warmupTravellers) } : {}),
    ...(healthyRuns !== undefined ? { healthyRuns: Math.max(1, Math.round(healthyRuns)) } : {}),
    ...(values.profile ? { profileDir: join(PROJECT_ROOT, 'bench', 'results', 'profiles') } : {}),
    ...(values['node-arg'] ? { nodeArgs: values['node-arg'] } : {}),
    ...(delays ? { delays } : {}),
    ...(values.logs ? { logDir: join(PROJECT_ROOT, 'bench', 'results', 'logs') } : {}),
    onProgress: (line, final) => {
      if (tty) {
        process.stderr.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
      } else if (final || Date.now() - lastProgress >= 5000) {
        // Not a terminal (CI, a log file): a line every five seconds, not a carriage return.
        process.stderr.write(`${line}\n`);
        lastProgress = Date.now();
      }
    },
  });
  process.stdout.write(`\n${formatReport(result)}\n`);
  const file = resultFileOf(result);
  if (file) process.stdout.write(`\nJSON: ${file}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const text = usage ? (error as Error).message : ((error as Error).stack ?? String(error));
    process.stderr.write(`\nThe bench could not run: ${text}\n`);
    process.exit(usage ? 2 : 1);
  },
);
