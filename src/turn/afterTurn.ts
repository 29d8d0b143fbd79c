import type { Logger } from 'pino';

/**
 * How long a turn waits for work that may outlast it (a post in the channel, a Word upload).
 * Teams sends an activity again when the bot has not answered within about 15 s
 * (MicrosoftDocs/msteams-docs#6084); the turn answers well within 5 s and the work goes on.
 */
export const TURN_WAIT_MS = 3_000;

/** What became of work a turn started: its result or error, or still running. */
export type WorkOutcome<T> =
  { finished: true; value: T } | { finished: true; error: unknown } | { finished: false };

/** Tells work, once it is done, whether its turn stopped waiting (it must tell the user itself). */
export type TurnGone = () => boolean;

/**
 * Work started in a turn that may go on after the turn has answered Teams: the turn waits for
 * it a while, then answers; the rest runs in this process, and is awaited at shutdown.
 */
export class AfterTurnWork {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly log: Logger,
    private readonly waitMs: number = TURN_WAIT_MS,
  ) {}

  /** Starts `work` and resolves with its outcome, or with `finished: false` after the wait. */
  async start<T>(name: string, work: (turnGone: TurnGone) => Promise<T>): Promise<WorkOutcome<T>> {
    let gone = false;
    const task = work(() => gone);
    const tracked = task.then(
      () => undefined,
      (error: unknown) => {
        if (gone) this.log.warn({ err: error, work: name }, 'work after the turn failed');
      },
    );
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<{ finished: false }>((resolve) => {
      timer = setTimeout(() => {
        gone = true;
        this.log.info({ work: name, waitMs: this.waitMs }, 'turn answered; work goes on after it');
        resolve({ finished: false });
      }, this.waitMs);
    });
    try {
      return await Promise.race([
        task.then(
          (value): WorkOutcome<T> => ({ finished: true, value }),
          (error: unknown): WorkOutcome<T> => ({ finished: true, error }),
        ),
        waited,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for the work still running, at most `timeoutMs` (at shutdown). */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.all([...this.running]), timeout]);
    clearTimeout(timer);
  }
}
