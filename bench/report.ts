// The bench's figures as tables for the terminal.
import type { BenchResult, StepFigures } from './bench';
import { fmt, table } from './stats';

function operations(ops: Partial<Record<string, number>>): string {
  return Object.entries(ops)
    .map(([op, n]) => `${op} ${fmt(n, Number.isInteger(n) ? 0 : 2)}`)
    .join(', ');
}

function stepRows(steps: StepFigures[]): string[][] {
  return steps.map((step) => [
    `${step.step + 1} ${step.kind}`,
    String(step.cosmosRequests),
    Object.entries(step.cosmosByContainer)
      .map(([container, ops]) => `${container}: ${operations(ops)}`)
      .join('; '),
    String(step.connectorCalls),
    String(step.connectorBytes),
  ]);
}

/** The result as the tables `npm run bench` prints. */
export function formatReport(result: BenchResult): string {
  const { interview: i, floor: f, ratios: r } = result;
  const check = (name: string) => {
    const target = result.targets.find((t) => t.name.startsWith(name));
    return target ? [target.target, target.ok ? 'ok' : 'MISSED'] : ['', ''];
  };
  const main = table([
    ['', 'interview', 'floor', 'ratio', 'target', ''],
    [
      'turn p50, ms (request → last connector call)',
      fmt(i.latencyMs.p50),
      fmt(f.latencyMs.p50),
      fmt(r.p50, 2),
      ...check('turn p50'),
    ],
    ['turn p95, ms', fmt(i.latencyMs.p95), fmt(f.latencyMs.p95), fmt(r.p95, 2), '', ''],
    [
      'turn p99, ms',
      fmt(i.latencyMs.p99),
      fmt(f.latencyMs.p99),
      fmt(r.p99, 2),
      ...check('turn p99'),
    ],
    ...(i.perceivedAnswerMs && f.perceivedAnswerMs
      ? [
          [
            'perceived answer p50, ms (answer sent → next question at the connector)',
            fmt(i.perceivedAnswerMs.p50),
            fmt(f.perceivedAnswerMs.p50),
            fmt(r.perceivedAnswerP50, 2),
            ...check('perceived answer latency p50'),
          ],
          [
            'perceived answer p99, ms',
            fmt(i.perceivedAnswerMs.p99),
            fmt(f.perceivedAnswerMs.p99),
            fmt(r.perceivedAnswerP99, 2),
            '',
            '',
          ],
        ]
      : []),
    [
      'HTTP answer p50 / p99, ms',
      `${fmt(i.httpLatencyMs.p50)} / ${fmt(i.httpLatencyMs.p99)}`,
      `${fmt(f.httpLatencyMs.p50)} / ${fmt(f.httpLatencyMs.p99)}`,
      '',
      '',
      '',
    ],
    [
      'throughput, turns/s',
      fmt(i.turnsPerSecond),
      fmt(f.turnsPerSecond),
      fmt(r.throughput, 2),
      ...check('throughput'),
    ],
    [
      'bot CPU per turn, ms',
      fmt(i.cpuMsPerTurn, 2),
      fmt(f.cpuMsPerTurn, 2),
      fmt(r.cpuPerTurn, 2),
      ...check('CPU per turn'),
    ],
    [
      'Cosmos DB requests per turn',
      fmt(i.cosmos.requestsPerTurn, 2),
      fmt(f.cosmos.requestsPerTurn, 2),
      fmt(r.cosmosRequestsPerTurn, 2),
      ...check('Cosmos DB requests per turn'),
    ],
    [
      'Cosmos DB requests per card answer (the probe)',
      fmt(
        result.targets.find((t) => t.name.startsWith('Cosmos DB requests per card'))?.measured ??
          NaN,
        2,
      ),
      '',
      '',
      ...check('Cosmos DB requests per card answer'),
    ],
    [
      'cross-partition queries',
      String(i.cosmos.crossPartitionQueries),
      String(f.cosmos.crossPartitionQueries),
      '',
      ...check('cross-partition'),
    ],
    [
      'connector calls per turn',
      fmt(i.connector.callsPerTurn, 2),
      fmt(f.connector.callsPerTurn, 2),
      '',
      '',
      '',
    ],
    [
      'new TCP connections per turn: Cosmos DB / connector',
      `${fmt(i.cosmos.connectionsPerTurn, 2)} / ${fmt(i.connector.connectionsPerTurn, 2)}`,
      `${fmt(f.cosmos.connectionsPerTurn, 2)} / ${fmt(f.connector.connectionsPerTurn, 2)}`,
      '',
      '',
      '',
    ],
    [
      'bytes to the connector per turn',
      fmt(i.connector.bytesPerTurn, 0),
      fmt(f.connector.bytesPerTurn, 0),
      fmt(r.bytesPerTurn, 2),
      '',
      '',
    ],
    ['RSS once healthy, before any turn, MB', fmt(i.idleRssMb), fmt(f.idleRssMb), '', '', ''],
    [
      `peak RSS, MB (VmHWM, ${result.options.travellers} travellers)`,
      fmt(i.peakRssMb),
      fmt(f.peakRssMb),
      fmt(r.peakRss, 2),
      ...check('peak RSS'),
    ],
    [
      `time to healthy, ms (embedded store, median / max of ${result.options.healthyRuns})`,
      `${fmt(i.timeToHealthyMs.median, 0)} / ${fmt(i.timeToHealthyMs.max, 0)}`,
      `${fmt(f.timeToHealthyMs.median, 0)} / ${fmt(f.timeToHealthyMs.max, 0)}`,
      fmt(r.timeToHealthy, 2),
      ...check('time to healthy'),
    ],
  ]);

  const kinds = table([
    ['interview turns by kind', 'count', 'p50', 'p95', 'p99'],
    ...(['start', 'answer', 'post'] as const).map((kind) => {
      const s = i.latencyByKindMs[kind];
      return [kind, String(s?.count ?? 0), fmt(s?.p50), fmt(s?.p95), fmt(s?.p99)];
    }),
  ]);

  const probe = table([
    ['interview, one traveller alone', 'Cosmos', 'Cosmos requests by container', 'calls', 'bytes'],
    ...stepRows(result.probe.interview),
  ]);
  const floorStep = result.probe.floor[1];
  const floorProbe = floorStep
    ? `floor, any turn: Cosmos ${floorStep.cosmosRequests} (${Object.entries(
        floorStep.cosmosByContainer,
      )
        .map(([container, ops]) => `${container}: ${operations(ops)}`)
        .join(
          '; ',
        )}), connector ${floorStep.connectorCalls} call(s), ${floorStep.connectorBytes} bytes`
    : 'floor: no probe';

  const rounds = table([
    [
      'round',
      'travellers',
      'failed',
      'turns',
      's',
      'turns/s',
      'p50',
      'p99',
      'Cosmos/turn',
      'in channel',
    ],
    ...result.rounds.map((round) => [
      round.label,
      String(round.travellers),
      String(round.failedTravellers),
      String(round.turns),
      fmt(round.wallMs / 1000),
      fmt(round.turnsPerSecond),
      fmt(round.latencyMs.p50),
      fmt(round.latencyMs.p99),
      fmt(round.cosmosRequestsPerTurn, 2),
      round.reportsInChannel === undefined ? '' : String(round.reportsInChannel),
    ]),
  ]);

  const o = result.overhead;
  const overhead = [
    `fake connector alone: round trip p50 ${fmt(o.connectorRoundTripMs.p50, 2)} ms, p99 ${fmt(o.connectorRoundTripMs.p99, 2)} ms; ` +
      `clock offset to the driver ${fmt(o.clockOffsetMs, 3)} ms`,
    ...(['interview', 'floor'] as const).map(
      (bot) =>
        `CPU per ${bot} turn besides the bot: connector ${fmt(o.cpuMsPerTurn[bot].connector, 2)} ms, ` +
        `Cosmos server ${fmt(o.cpuMsPerTurn[bot].cosmosServer, 2)} ms, driver ${fmt(o.cpuMsPerTurn[bot].driver, 2)} ms`,
    ),
    `Cosmos requests per interview turn by operation: ${operations(i.cosmos.byOperationPerTurn)}`,
    ...(['interview', 'floor'] as const).map(
      (bot) =>
        `Cosmos server time per ${bot} request, ms: ${operations(result[bot].cosmos.serverMsPerRequest)}`,
    ),
  ];

  const reports =
    `reports: ${result.reports.reachedChannel} of ${result.reports.simulated} simulated reached the channel` +
    (result.reports.missing.length > 0
      ? `; missing: ${result.reports.missing.slice(0, 5).join(', ')}`
      : '');
  const missed = result.targets.filter((t) => !t.ok).map((t) => t.name);

  const delays = result.options.delays;
  return [
    `Reisverslag bench ${result.runId} · ${result.machine.cpus} × ${result.machine.cpuModel} · Node ${result.machine.node} · ` +
      `load average ${result.machine.loadAverage.start} at the start, ${result.machine.loadAverage.end} at the end`,
    ...(delays
      ? [
          `With Azure-like delays: each Teams call answered ${delays.teamsMs} ms late, each Cosmos DB request served ${delays.cosmosMs} ms late.`,
        ]
      : []),
    '',
    main,
    '',
    kinds,
    '',
    probe,
    floorProbe,
    '',
    rounds,
    '',
    ...overhead,
    reports,
    ...result.failures.map((failure) => `FAILURE: ${failure}`),
    ...result.profiles.map((file) => `profile: ${file}`),
    '',
    missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join('; ')}.`,
  ].join('\n');
}
