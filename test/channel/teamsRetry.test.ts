import assert from 'node:assert/strict';
import { retryAfterMs, ThrottledError, withTeamsRetry } from '../../src/channel/teamsRetry';

/** A Bot Connector failure as the connector client throws it, with its response's headers. */
function throttled(retryAfter?: string): Error {
  const headers = new Map(retryAfter === undefined ? [] : [['retry-after', retryAfter]]);
  return Object.assign(new Error('Too Many Requests'), {
    statusCode: 429,
    response: { status: 429, headers: { get: (name: string) => headers.get(name) } },
  });
}

/** Runs a call that is throttled once with `retryAfter`, then succeeds; returns the pauses. */
async function pausesAfter(retryAfter: string | undefined, now: Date): Promise<number[]> {
  const pauses: number[] = [];
  let calls = 0;
  const result = await withTeamsRetry(
    async () => {
      calls += 1;
      if (calls === 1) throw throttled(retryAfter);
      return 'bijgewerkt';
    },
    { attempts: 4, baseDelayMs: 500, sleep: async (ms) => void pauses.push(ms), now: () => now },
  );
  assert.equal(result, 'bijgewerkt');
  return pauses;
}

describe('withTeamsRetry: Retry-After on 429', () => {
  const now = new Date('2026-11-03T10:00:00.000Z');

  it('waits the seconds Teams asks for', async () => {
    assert.deepEqual(await pausesAfter('3', now), [3000]);
  });

  it('waits until the HTTP date Teams names', async () => {
    assert.deepEqual(await pausesAfter('Tue, 03 Nov 2026 10:00:07 GMT', now), [7000]);
  });

  it('tries again at once for a date already past', async () => {
    assert.deepEqual(await pausesAfter('Tue, 03 Nov 2026 09:59:00 GMT', now), [0]);
  });

  it('backs off exponentially when there is no or an unreadable header', async () => {
    for (const header of [undefined, 'soon']) {
      const [pause] = await pausesAfter(header, now);
      assert.ok(pause !== undefined && pause >= 250 && pause <= 750, `pause ${pause}`);
    }
  });

  it('does not wait longer than a turn can: a longer Retry-After is thrown for a later retry', async () => {
    const pauses: number[] = [];
    let calls = 0;
    await assert.rejects(
      withTeamsRetry(
        async () => {
          calls += 1;
          throw throttled('120');
        },
        { attempts: 4, baseDelayMs: 500, sleep: async (ms) => void pauses.push(ms) },
      ),
      (error: unknown) =>
        error instanceof ThrottledError && error.waitMs === 120_000 && /120 s/.test(error.message),
    );
    assert.equal(calls, 1, 'not called again');
    assert.deepEqual(pauses, []);
  });

  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    assert.equal(retryAfterMs(' 5 ', now), 5000);
    assert.equal(retryAfterMs('Tue, 03 Nov 2026 10:01:00 GMT', now), 60_000);
    assert.equal(retryAfterMs('-1', now), undefined);
    assert.equal(retryAfterMs('', now), undefined);
  });
});
