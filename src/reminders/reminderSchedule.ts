import type { Report } from '../report/report';
import { addWorkingDays, nextWindowMoment, type WorkingCalendar } from './workingCalendar';

/** The time zone of a traveller whose Teams client did not say. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** Never more reminders than this for one draft. */
export const MAX_REMINDERS = 2;

/** When reminders are due: after how many working days untouched, within which calendar. */
export interface ReminderPolicy {
  /** Working days a draft stays untouched before a reminder (REMINDER_AFTER_DAYS). */
  afterDays: number;
  calendar: WorkingCalendar;
}

/** The time zone in which a report's traveller works. */
export function timeZoneOf(report: Report): string {
  return report.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * When the report's next reminder is due if nobody touches it from `from` on: `afterDays`
 * working days later, moved into the window; undefined for a posted report, an undeliverable
 * one, or one that had its reminders already.
 */
export function reminderDueFrom(
  report: Report,
  policy: ReminderPolicy,
  from: Date,
): string | undefined {
  const reminder = report.reminder;
  if (report.status !== 'draft' || reminder?.undeliverable) return undefined;
  if ((reminder?.sentAt.length ?? 0) >= MAX_REMINDERS) return undefined;
  const zone = timeZoneOf(report);
  const untouched = addWorkingDays(from, policy.afterDays, policy.calendar, zone);
  return nextWindowMoment(untouched, policy.calendar, zone).toISOString();
}

/** The report with its next reminder due counted from `from` (the traveller just touched it). */
export function withReminderScheduled(report: Report, policy: ReminderPolicy, from: Date): Report {
  const { dueAt: _dueAt, failures: _failures, ...kept } = report.reminder ?? { sentAt: [] };
  const dueAt = reminderDueFrom(report, policy, from);
  return { ...report, reminder: { ...kept, ...(dueAt ? { dueAt } : {}) } };
}

/** The report without a due reminder (the traveller switched reminders off). */
export function withoutReminderDue(report: Report): Report {
  if (!report.reminder?.dueAt) return report;
  const { dueAt: _dueAt, ...kept } = report.reminder;
  return { ...report, reminder: kept };
}

/** The report with its reminder moved to `dueAt` (outside the window: to when it opens). */
export function withReminderDueAt(report: Report, dueAt: Date): Report {
  return { ...report, reminder: { sentAt: [], ...report.reminder, dueAt: dueAt.toISOString() } };
}

/**
 * The report claimed by a sweep for sending: noted when, and due again only after `takeoverMs`,
 * when another instance may take over a claim whose sender died.
 */
export function claimReminder(report: Report, now: Date, takeoverMs: number): Report {
  return {
    ...report,
    reminder: {
      sentAt: [],
      ...report.reminder,
      claimedAt: now.toISOString(),
      dueAt: new Date(now.getTime() + takeoverMs).toISOString(),
    },
  };
}

/** The report after its reminder was sent at `now`: counted, and the next one scheduled. */
export function recordReminderSent(report: Report, policy: ReminderPolicy, now: Date): Report {
  const {
    claimedAt: _claimed,
    failures: _failures,
    dueAt: _due,
    ...kept
  } = report.reminder ?? {
    sentAt: [],
  };
  const sent: Report = {
    ...report,
    reminder: { ...kept, sentAt: [...kept.sentAt, now.toISOString()] },
  };
  return withReminderScheduled(sent, policy, now);
}

/**
 * The report after a transient failure to send: released to be tried again after `retryMs`,
 * or marked undeliverable after `maxFailures`.
 */
export function releaseReminder(
  report: Report,
  now: Date,
  retryMs: number,
  maxFailures: number,
): Report {
  const { claimedAt: _claimed, dueAt: _due, ...kept } = report.reminder ?? { sentAt: [] };
  const failures = (kept.failures ?? 0) + 1;
  if (failures >= maxFailures) return markUndeliverable(report);
  return {
    ...report,
    reminder: { ...kept, failures, dueAt: new Date(now.getTime() + retryMs).toISOString() },
  };
}

/** The report whose reminders Teams refuses (the traveller removed the app): none any more. */
export function markUndeliverable(report: Report): Report {
  const {
    claimedAt: _claimed,
    dueAt: _due,
    failures: _failures,
    ...kept
  } = report.reminder ?? {
    sentAt: [],
  };
  return { ...report, reminder: { ...kept, undeliverable: true } };
}
