import type { Logger } from 'pino';
import type { Report } from '../report/report';
import { sameTripChanges } from '../report/sameTrip';
import type { SameTripStore } from '../store/sameTripStore';

/** How many records of one report are written at once. */
const WRITES_AT_ONCE = 4;

/**
 * Keeps the same-trip records of posted reports current (src/report/sameTrip.ts). ReportSync
 * hands it every report whose channel post it has just made or updated; the records are written
 * after that, in the background, so neither the traveller's turn nor the channel update waits
 * for them. Writes of one report run one after the other, in the order the versions were synced;
 * the store's version check keeps an older version from winning across instances.
 *
 * Every sync writes the whole set again (a point read and a write a named colleague, a point read
 * for each colleague once named), so a write lost to a Cosmos DB failure is healed by the report's
 * next update, and redelivery or a second sync adds nothing.
 */
export class SameTripRecorder {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: SameTripStore,
    private readonly log: Logger,
  ) {}

  /** Starts bringing the report's records up to date; returns at once. Failures are logged. */
  recordLater(report: Report): void {
    const previous = this.queues.get(report.id) ?? Promise.resolve();
    const next = previous.then(() => this.record(report));
    this.queues.set(report.id, next);
    void next.finally(() => {
      if (this.queues.get(report.id) === next) this.queues.delete(report.id);
    });
  }

  /** Brings the report's records up to date now; logs, never throws. */
  async record(report: Report): Promise<void> {
    const { keep, drop } = sameTripChanges(report);
    if (keep.length === 0 && drop.length === 0) return;
    const writes = [
      ...keep.map((record) => () => this.store.save(record)),
      ...drop.map((colleagueId) => () => this.store.remove(colleagueId, report.id, report.version)),
    ];
    let failed = 0;
    for (let start = 0; start < writes.length; start += WRITES_AT_ONCE) {
      const results = await Promise.allSettled(
        writes.slice(start, start + WRITES_AT_ONCE).map((write) => write()),
      );
      for (const result of results) {
        if (result.status === 'rejected') {
          failed++;
          this.log.warn(
            { err: result.reason, reportId: report.id },
            'could not write a same-trip record; the report’s next update writes it again',
          );
        }
      }
    }
    this.log.debug(
      {
        reportId: report.id,
        version: report.version,
        kept: keep.length,
        dropped: drop.length,
        failed,
      },
      'same-trip records written',
    );
  }

  /** Resolves when every write started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) {
      await Promise.allSettled([...this.queues.values()]);
    }
  }
}
