/** Shows how far a long export is. */
export interface ProgressReporter {
  update(done: number, total: number): void;
  done(): void;
}

const BAR_WIDTH = 30;
/** Without a terminal (a log, a pipeline): a plain line every this many files. */
const LINE_EVERY = 50;

/**
 * A progress bar on a terminal (`Writing [######……] 12/40`, redrawn in place), or a plain line
 * every 50 files and at the end when the stream is not a terminal.
 */
export function progressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
): ProgressReporter {
  let drawn = false;
  return {
    update(done, total) {
      if (stream.isTTY) {
        const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`,
        );
        drawn = true;
      } else if (done % LINE_EVERY === 0 || done === total) {
        stream.write(`${label}: ${done}/${total} files\n`);
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
