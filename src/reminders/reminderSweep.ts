import type { Report } from '../report/report';
import { wantsReminders, type PreferenceStore } from '../store/preferenceStore';
import type { ReportStore } from '../store/reportStore';
import {
  claimReminder,
  isClaimed,
  markUndeliverable,
  mayRemind,
  nextReminderAfterLast,
  recordReminderSent,
  releaseReminder,
  timeZoneOf,
  withReminderDueAt,
  withoutReminderDue,
  type ReminderPolicy,
} from './reminderSchedule';
import { isWithinWindow, nextWindowMoment } from './workingCalendar';
import { firstReminderMoment, isNudgeDue, recordNudgeSent, withoutNudgeWhenWritten } from './nudge';

/** How sending one reminder went: sent, refused for good (403/404), or failed for now. */
export type ReminderDelivery = 'sent' | 'gone' | 'failed';

/**
 * Sends the reminder card of a draft into its traveller's personal chat; for an announced trip
 * whose nudge is due (`isNudgeDue`), the nudge card instead.
 */
export type SendReminder = (draft: Report) => Promise<ReminderDelivery>;

/** The little a sweep logs: ids and counts, never answers or names. */
export interface SweepLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** What a sweep works with. */
export interface ReminderSweepParts {
  reports: ReportStore;
  preferences: PreferenceStore;
  policy: ReminderPolicy;
  send: SendReminder;
  now: () => Date;
  log: SweepLog;
  /** Drafts read per sweep at most; default 50 (the rest wait for the next sweep). */
  pageSize?: number;
  /** After this long a claimed, unsent reminder may be taken over; default 10 minutes. */
  takeoverMs?: number;
  /** A reminder that failed for now is tried again after this long; default 15 minutes. */
  retryMs?: number;
  /** Failures for now before a reminder is given up; default 5. */
  maxFailures?: number;
}

/** What one sweep did, for the log and the tests. */
export interface SweepResult {
  sent: number;
  /** Claimed by another instance in between, or changed by the traveller: left alone. */
  skipped: number;
  failed: number;
  undeliverable: number;
}

/**
 * One pass over the drafts whose reminder is due. Every instance sweeps; a reminder is claimed
 * with the draft's ETag before it is sent, so with several instances each is sent once.
 */
export class ReminderSweep {
  private running = false;

  constructor(private readonly parts: ReminderSweepParts) {}

  /** Sweeps once; a sweep still running (a slow Teams) makes this one a no-op. */
  async run(): Promise<SweepResult> {
    const result: SweepResult = { sent: 0, skipped: 0, failed: 0, undeliverable: 0 };
    if (this.running) return result;
    this.running = true;
    try {
      const now = this.parts.now();
      const due = await this.parts.reports.findDueReminders(now, this.parts.pageSize ?? 50);
      for (const draft of due) {
        try {
          await this.remind(draft, now, result);
        } catch (error) {
          result.failed++;
          this.parts.log.warn({ err: error, reportId: draft.id }, 'reminder not handled');
        }
      }
      if (due.length > 0) this.parts.log.info({ due: due.length, ...result }, 'reminder sweep');
      return result;
    } finally {
      this.running = false;
    }
  }

  private async remind(found: Report, now: Date, result: SweepResult): Promise<void> {
    const { reports, preferences, policy } = this.parts;
    // An announced trip the traveller wrote on since: no nudge, the usual reminders. The change
    // is written with whatever this sweep writes next (the same ETag).
    const draft = withoutNudgeWhenWritten(found);
    const zone = timeZoneOf(draft);
    // Nobody to reach, no more reminders for this draft (two sent, or Teams refused), or the
    // traveller wants none: no reminder is due any more.
    if (
      !draft.chat ||
      !mayRemind(draft) ||
      !wantsReminders(await preferences.get(draft.travellerId))
    ) {
      await reports.replaceIfUnchanged(withoutReminderDue(draft));
      result.skipped++;
      return;
    }
    // Never two within one period: an answer begun before the last reminder went out, and
    // stored after it, set the due time from its own earlier clock.
    const spaced = nextReminderAfterLast(draft, policy);
    if (spaced && spaced.getTime() > now.getTime()) {
      await reports.replaceIfUnchanged(withReminderDueAt(draft, spaced));
      result.skipped++;
      return;
    }
    // An announced trip: nothing while the traveller is away, not even after an answer.
    const first = firstReminderMoment(draft, policy.calendar);
    if (first && first.getTime() > now.getTime()) {
      await reports.replaceIfUnchanged(withReminderDueAt(draft, first));
      result.skipped++;
      return;
    }
    // Due at night or on a day off (the window changed, or a retry): when the window opens.
    if (!isWithinWindow(now, policy.calendar, zone)) {
      const opens = nextWindowMoment(now, policy.calendar, zone);
      await reports.replaceIfUnchanged(withReminderDueAt(draft, opens));
      result.skipped++;
      return;
    }
    const takeoverMs = this.parts.takeoverMs ?? 10 * 60_000;
    // Another sweep is sending it (an answer since made it look due): never a second time.
    if (isClaimed(draft, now, takeoverMs)) {
      result.skipped++;
      return;
    }
    const claimed = await reports.replaceIfUnchanged(claimReminder(draft, now, takeoverMs));
    if (!claimed) {
      result.skipped++;
      return;
    }
    const nudge = isNudgeDue(claimed);
    const delivery = await this.parts.send(claimed).catch((): ReminderDelivery => 'failed');
    const record = (change: (report: Report) => Report) =>
      reports.update(draft.travellerId, draft.id, change);
    if (delivery === 'sent') {
      await record((report) =>
        nudge ? recordNudgeSent(report, policy, now) : recordReminderSent(report, policy, now),
      );
      result.sent++;
    } else if (delivery === 'gone') {
      await record(markUndeliverable);
      result.undeliverable++;
    } else {
      const retryMs = this.parts.retryMs ?? 15 * 60_000;
      const updated = await record((report) =>
        releaseReminder(report, now, retryMs, this.parts.maxFailures ?? 5),
      );
      if (updated.reminder?.undeliverable) result.undeliverable++;
      else result.failed++;
    }
    this.parts.log.info({ reportId: draft.id, delivery, nudge }, 'reminder');
  }
}
