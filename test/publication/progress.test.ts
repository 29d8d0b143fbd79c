import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { progressReporter } from '../../src/publication/progress';

/** A stream that keeps what is written, as a terminal or as a log file. */
function stream(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const target = new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; text: string };
  target.isTTY = isTTY;
  target.text = '';
  return target;
}

describe('publication: export progress', () => {
  it('redraws one bar in place on a terminal', () => {
    const tty = stream(true);
    const progress = progressReporter(tty, 'Writing');
    for (let done = 1; done <= 4; done++) progress.update(done, 4);
    progress.done();
    const frames = tty.text.split('\r').filter((frame) => frame !== '');
    assert.equal(frames.length, 4);
    assert.match(frames[1]!, /^Writing \[#{15}\.{15}\] 2\/4$/);
    assert.equal(frames[3], `Writing [${'#'.repeat(30)}] 4/4\n`);
  });

  it('writes a plain line every 50 files and at the end when not a terminal', () => {
    const log = stream(false);
    const progress = progressReporter(log, 'Writing');
    for (let done = 1; done <= 120; done++) progress.update(done, 120);
    progress.done();
    assert.equal(
      log.text,
      'Writing: 50/120 files\nWriting: 100/120 files\nWriting: 120/120 files\n',
    );
  });
});
