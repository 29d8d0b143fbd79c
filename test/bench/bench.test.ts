// A short run of `npm run bench`: a few travellers, one pair of rounds. It checks the shape of what
// the bench reports and that every simulated report reached the channel, never the timings (they
// depend on the machine).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBench, resultFileOf, type BenchResult, type BotFigures } from '../../bench/bench';
import { formatReport } from '../../bench/report';
import { productCatalogue } from '../support/catalogue';

const TRAVELLERS = 3;
/** A traveller's turns: `nieuw verslag`, one answer a question of the catalogue, the post. */
const TURNS = productCatalogue.size + 2;

function assertLatency(summary: BotFigures['latencyMs'], what: string): void {
  for (const key of ['mean', 'p50', 'p95', 'p99', 'max'] as const) {
    assert.ok(Number.isFinite(summary[key]) && summary[key] > 0, `${what}.${key} is a time`);
  }
  assert.ok(summary.p50 <= summary.p95 && summary.p95 <= summary.p99 && summary.p99 <= summary.max);
}

function assertBotFigures(figures: BotFigures, name: string): void {
  assert.equal(figures.travellers, TRAVELLERS, `${name}: travellers`);
  assert.equal(figures.turns, TRAVELLERS * TURNS, `${name}: ${TURNS} turns a traveller`);
  assert.equal(figures.failedTravellers, 0, `${name}: no traveller failed`);
  assertLatency(figures.latencyMs, `${name}.latencyMs`);
  assertLatency(figures.httpLatencyMs, `${name}.httpLatencyMs`);
  assert.ok(figures.turnsPerSecond > 0);
  assert.ok(figures.cosmos.requestsPerTurn >= 2, `${name}: at least a state read and write a turn`);
  assert.equal(figures.cosmos.crossPartitionQueries, 0);
  assert.ok(figures.connector.callsPerTurn >= 1, `${name}: answers every turn`);
  assert.ok(figures.connector.bytesPerTurn > 0);
  assert.ok(figures.cpuMsPerTurn > 0);
  assert.ok(figures.idleRssMb > 0 && figures.peakRssMb >= figures.idleRssMb);
  assert.equal(figures.timeToHealthyMs.runs.length, 1);
  assert.ok(figures.timeToHealthyMs.max > 0);
}

describe('npm run bench (a short run)', function () {
  this.timeout(120_000);
  let result: BenchResult;
  let resultsDir: string;

  before(async () => {
    resultsDir = mkdtempSync(join(tmpdir(), 'reisverslag-bench-'));
    result = await runBench({
      travellers: TRAVELLERS,
      durationSec: 1,
      maxPairs: 1,
      warmupTravellers: 0,
      healthyRuns: 1,
      resultsDir,
      // `npm test` builds dist/ right before; others may edit src/ meanwhile.
      requireFreshDist: false,
    });
  });

  after(() => {
    if (resultsDir) rmSync(resultsDir, { recursive: true, force: true });
  });

  it('posts every simulated report in the channel and finishes every traveller', () => {
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.reports, {
      simulated: TRAVELLERS,
      reachedChannel: TRAVELLERS,
      missing: [],
    });
    assert.equal(result.ok, true);
  });

  it('measures both bots with every figure the issue asks for', () => {
    assertBotFigures(result.interview, 'interview');
    assertBotFigures(result.floor, 'floor');
    assert.equal(
      result.floor.cosmos.requestsPerTurn,
      2,
      'the floor reads and writes its state once',
    );
    assert.equal(result.floor.connector.callsPerTurn, 1, 'the floor sends one card a turn');
    for (const value of Object.values(result.ratios))
      assert.ok(Number.isFinite(value) && value > 0);
    assert.deepEqual(
      result.targets.map((target) => typeof target.ok),
      Array<string>(9).fill('boolean'),
    );
    assert.deepEqual(
      result.rounds.filter((round) => round.measured).map((round) => [round.bot, round.turns]),
      [
        ['interview', TRAVELLERS * TURNS],
        ['floor', TRAVELLERS * TURNS],
      ],
    );
  });

  it('counts the Cosmos DB requests and connector calls of each interview turn in the probe', () => {
    const kinds = result.probe.interview.map((step) => step.kind);
    assert.deepEqual(kinds, [
      'start',
      ...Array<string>(productCatalogue.size).fill('answer'),
      'post',
    ]);
    for (const step of result.probe.interview) {
      assert.ok(step.connectorCalls >= 1, `turn ${step.step + 1} answers`);
    }
    // A card's answer is one conditional patch (the fellow travellers, named with the draft at
    // hand, read it first), then the next card sent and the answered one replaced; the last
    // question goes through the dialogs (the review follows), which read and write the state.
    const answers = result.probe.interview.filter((step) => step.kind === 'answer');
    answers.forEach((step, index) => {
      const question = productCatalogue.questions[index]!;
      if (index === answers.length - 1) {
        assert.ok(step.cosmosRequests >= 2, `${question.key} reads and writes the chat's state`);
        return;
      }
      const expected = question.type === 'colleagues' ? { read: 1, patch: 1 } : { patch: 1 };
      assert.deepEqual(step.cosmosByOperation, expected, `${question.key}: one patch`);
      assert.equal(step.connectorCalls, 2, `${question.key}: the next card, then the answered`);
    });
    const post = result.probe.interview.at(-1);
    assert.equal(post?.connectorByKind.createConversation?.calls, 1, 'the post starts a thread');
    assert.equal(result.probe.floor.length, TURNS);
  });

  it('writes the result as JSON and prints it as tables', () => {
    const file = resultFileOf(result);
    assert.ok(file, 'a JSON file was written');
    assert.deepEqual(readdirSync(resultsDir), [file.slice(resultsDir.length + 1)]);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(result)));
    const printed = formatReport(result);
    assert.match(printed, /turn p50, ms \(request → last connector call\)/);
    assert.match(printed, /reports: 3 of 3 simulated reached the channel/);
  });

  it('adds nothing of the delayed mode (--delays) to a run without it', () => {
    assert.equal(result.options.delays, undefined);
    assert.equal(result.interview.perceivedAnswerMs, undefined);
    assert.equal(result.floor.perceivedAnswerMs, undefined);
    assert.equal(result.ratios.perceivedAnswerP50, undefined);
    assert.doesNotMatch(formatReport(result), /perceived answer|Azure-like/);
  });
});
