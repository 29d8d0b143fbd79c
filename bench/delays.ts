// Azure-like delays for the bench (`npm run bench -- --delays`): the fake connector answers each
// Teams call `teamsMs` late and the Cosmos DB–compatible server serves each request `cosmosMs`
// late, for both bots alike. With them the bench reports what the traveller feels: the time from
// sending a card's answer to the next question's activity arriving at the connector. Imports only
// stats.ts: the connector and the Cosmos server load this file too.
import { summarize, type LatencySummary } from './stats';

/** The delays of a delayed run, ms. */
export interface Delays {
  /** Added to every Bot Connector call (the fake connector answers this late). */
  teamsMs: number;
  /** Added to every Cosmos DB request of the bots (the server serves it this late). */
  cosmosMs: number;
}

/** What `--delays` alone sets: a Teams call in Azure about 80 ms, a Cosmos DB request about 6. */
export const AZURE_DELAYS: Readonly<Delays> = { teamsMs: 80, cosmosMs: 6 };

/** The environment variables that carry the delays to the connector and the Cosmos server. */
export const TEAMS_DELAY_ENV = 'BENCH_TEAMS_DELAY_MS';
export const COSMOS_DELAY_ENV = 'BENCH_COSMOS_DELAY_MS';

/** A request with this header is answered at once by the connector (its own calibration). */
export const NO_DELAY_HEADER = 'x-bench-no-delay';

/**
 * The delays of the run from the command line: none without `--delays`, else Azure's with
 * `--teams-delay-ms` and `--cosmos-delay-ms` replacing either. A delay given without `--delays`
 * turns them on too. Throws on a value that is not a number ≥ 0.
 */
export function parseDelays(values: {
  delays?: boolean;
  teamsDelayMs?: string;
  cosmosDelayMs?: string;
}): Delays | undefined {
  if (!values.delays && values.teamsDelayMs === undefined && values.cosmosDelayMs === undefined) {
    return undefined;
  }
  const ms = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
      throw new RangeError(`--${name} wants a number of milliseconds ≥ 0, not "${value}".`);
    }
    return number;
  };
  return {
    teamsMs: ms('teams-delay-ms', values.teamsDelayMs, AZURE_DELAYS.teamsMs),
    cosmosMs: ms('cosmos-delay-ms', values.cosmosDelayMs, AZURE_DELAYS.cosmosMs),
  };
}

/** A delay from the environment (`name`), 0 when unset. */
export function delayFromEnv(env: NodeJS.ProcessEnv, name: string): number {
  const value = Number(env[name] ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * The perceived answer latency of a set of turns: for each card answer whose turn brought a new
 * card, sending the answer to that card arriving at the connector.
 */
export function perceivedAnswerLatency(
  timings: readonly { kind: string; nextCardMs?: number }[],
): LatencySummary {
  return summarize(
    timings
      .filter((timing) => timing.kind === 'answer' && timing.nextCardMs !== undefined)
      .map((timing) => timing.nextCardMs as number),
  );
}
