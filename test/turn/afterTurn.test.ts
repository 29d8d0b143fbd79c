// Work a turn starts and may not wait for: the turn gets its outcome when it is quick, goes on
// without it when it is slow, and the work learns afterwards which of the two happened.
import assert from 'node:assert/strict';
import pino from 'pino';
import { AfterTurnWork } from '../../src/turn/afterTurn';

const log = pino({ level: 'silent' });

/** A promise and the function that settles it, to end work exactly when a test says. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('AfterTurnWork', () => {
  it('gives the turn the result of work that ends within the wait, and tells the work so', async () => {
    const work = new AfterTurnWork(log, 10_000);
    let gone: boolean | undefined;
    const outcome = await work.start('quick', async (turnGone) => {
      gone = turnGone();
      return 42;
    });
    assert.deepEqual(outcome, { finished: true, value: 42 });
    assert.equal(gone, false);
  });

  it('gives the turn the error of work that fails within the wait', async () => {
    const failure = new Error('Teams refused');
    const outcome = await new AfterTurnWork(log, 10_000).start('failing', async () => {
      throw failure;
    });
    assert.deepEqual(outcome, { finished: true, error: failure });
  });

  it('lets the turn go on after the wait; the work, once done, learns the turn is gone', async () => {
    const work = new AfterTurnWork(log, 20);
    const slow = gate<void>();
    const seen = gate<boolean>();
    const outcome = await work.start('slow', async (turnGone) => {
      await slow.promise;
      seen.open(turnGone());
    });
    assert.deepEqual(outcome, { finished: false });
    slow.open();
    assert.equal(await seen.promise, true);
  });

  it('waits at shutdown for work still running', async () => {
    const work = new AfterTurnWork(log, 0);
    const slow = gate<void>();
    let done = false;
    await work.start('slow', async () => {
      await slow.promise;
      done = true;
    });
    const drained = work.drain(10_000);
    slow.open();
    await drained;
    assert.equal(done, true);
  });
});
