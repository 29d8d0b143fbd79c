// The bookkeeping of `npm run bench -- --delays`, without running the bench: which delays the
// command line sets, and which turns make the perceived answer latency. No time is asserted.
import assert from 'node:assert/strict';
import {
  AZURE_DELAYS,
  COSMOS_DELAY_ENV,
  delayFromEnv,
  parseDelays,
  perceivedAnswerLatency,
  TEAMS_DELAY_ENV,
} from '../../bench/delays';

describe('bench delays (npm run bench -- --delays)', () => {
  it('sets no delay without a delay option: the plain bench is unchanged', () => {
    assert.equal(parseDelays({}), undefined);
    assert.equal(parseDelays({ delays: false }), undefined);
  });

  it("sets Azure's delays with --delays: 80 ms a Teams call, 6 ms a Cosmos DB request", () => {
    assert.deepEqual(parseDelays({ delays: true }), { teamsMs: 80, cosmosMs: 6 });
    assert.deepEqual(AZURE_DELAYS, { teamsMs: 80, cosmosMs: 6 });
  });

  it('takes either delay from its own option, which turns the delays on by itself', () => {
    assert.deepEqual(parseDelays({ delays: true, teamsDelayMs: '120' }), {
      teamsMs: 120,
      cosmosMs: 6,
    });
    assert.deepEqual(parseDelays({ cosmosDelayMs: '2.5' }), { teamsMs: 80, cosmosMs: 2.5 });
    assert.deepEqual(parseDelays({ teamsDelayMs: '0', cosmosDelayMs: '0' }), {
      teamsMs: 0,
      cosmosMs: 0,
    });
  });

  it('refuses a delay that is not a number of milliseconds ≥ 0, naming the option', () => {
    for (const bad of ['-1', 'abc', '', 'Infinity']) {
      assert.throws(() => parseDelays({ teamsDelayMs: bad }), /--teams-delay-ms/);
      assert.throws(() => parseDelays({ delays: true, cosmosDelayMs: bad }), /--cosmos-delay-ms/);
    }
  });

  it('reads a delay from the environment of the connector and the Cosmos server, 0 when unset', () => {
    assert.equal(delayFromEnv({ [TEAMS_DELAY_ENV]: '80' }, TEAMS_DELAY_ENV), 80);
    assert.equal(delayFromEnv({ [COSMOS_DELAY_ENV]: '6' }, COSMOS_DELAY_ENV), 6);
    assert.equal(delayFromEnv({}, COSMOS_DELAY_ENV), 0);
    assert.equal(delayFromEnv({ [TEAMS_DELAY_ENV]: 'x' }, TEAMS_DELAY_ENV), 0);
  });

  it('counts only card answers that brought a new card, from sending to its arrival', () => {
    const summary = perceivedAnswerLatency([
      { kind: 'start', nextCardMs: 1000 },
      { kind: 'answer', nextCardMs: 30 },
      { kind: 'answer', nextCardMs: 10 },
      { kind: 'answer' }, // no new card: nothing to wait for
      { kind: 'answer', nextCardMs: 20 },
      { kind: 'post', nextCardMs: 2000 },
    ]);
    assert.equal(summary.count, 3);
    assert.equal(summary.p50, 20);
    assert.equal(summary.max, 30);
    assert.equal(summary.mean, 20);
  });
});
