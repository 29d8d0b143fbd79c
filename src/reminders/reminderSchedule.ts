import type { ReminderState, Report } from '../report/report';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';
import { addWorkingDays, nextWindowMoment, type WorkingCalendar } from './workingCalendar';

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
 * When a reminder is due for a draft touched at `from` and left alone since: `afterDays` working
 * days later in `timeZone`, moved into the window.
 */
export function reminderDueAfter(policy: ReminderPolicy, timeZone: string, from: Date): string {
  const untouched = addWorkingDays(from, policy.afterDays, policy.calendar, timeZone);
  return nextWindowMoment(untouched, policy.calendar, timeZone).toISOString();
}

/** True while the report may get a reminder: a draft, deliverable, with fewer than two sent. */
export function mayRemind(report: Report): boolean {
  const reminder = report.reminder;
  return (
    report.status === 'draft' &&
    !reminder?.undeliverable &&
    (reminder?.sentAt.length ?? 0) < MAX_REMINDERS
  );
}

/**
 * When the report's next reminder is due if nobody touches it from `from` on; undefined for a
 * posted report, an undeliverable one, or one that had its reminders already.
 */
export function reminderDueFrom(
  report: Report,
  policy: ReminderPolicy,
  from: Date,
): string | undefined {
  return mayRemind(report) ? reminderDueAfter(policy, timeZoneOf(report), from) : undefined;
}

/** The report with its reminder state replaced and `reminderDueAt` set, or removed when absent. */
function withReminder(report: Report, reminder: ReminderState, dueAt: string | undefined): Report {
  return withReminderDue({ ...report, reminder }, dueAt);
}

/** The report with its next reminder (or nudge) due at `dueAt` (ISO), or none; the rest as it is. */
export function withReminderDue(report: Report, dueAt: string | undefined): Report {
  const { reminderDueAt: _due, ...rest } = report;
  return dueAt ? { ...rest, reminderDueAt: dueAt } : rest;
}

/** The reminder state of a report, empty when it never had one. */
function stateOf(report: Report): ReminderState {
  return report.reminder ?? { sentAt: [] };
}

/** The reminder state without a sweep's claim and its failures: the message was sent, or is moot. */
export function unclaimedState(report: Report): ReminderState {
  const { claimedAt: _claimed, failures: _failures, ...kept } = stateOf(report);
  return kept;
}

/**
 * The report with its next reminder due counted from `from` (the traveller just touched it); an
 * announced trip whose nudge is still to come keeps the nudge's time (see nudge.ts).
 */
export function withReminderScheduled(report: Report, policy: ReminderPolicy, from: Date): Report {
  const { failures: _failures, ...kept } = stateOf(report);
  const nudgeDue = mayRemind(report) ? report.announced?.nudge.dueAt : undefined;
  return withReminder(report, kept, nudgeDue ?? reminderDueFrom(report, policy, from));
}

/** The report without a due reminder (the traveller switched reminders off, or none may come). */
export function withoutReminderDue(report: Report): Report {
  return withReminder(report, stateOf(report), undefined);
}

/** The report with its reminder moved to `dueAt` (outside the window: to when it opens). */
export function withReminderDueAt(report: Report, dueAt: Date): Report {
  return withReminder(report, stateOf(report), dueAt.toISOString());
}

/**
 * The report claimed by a sweep for sending: noted when, and due again only after `takeoverMs`,
 * when another instance may take over a claim whose sender died.
 */
export function claimReminder(report: Report, now: Date, takeoverMs: number): Report {
  return withReminder(
    report,
    { ...stateOf(report), claimedAt: now.toISOString() },
    new Date(now.getTime() + takeoverMs).toISOString(),
  );
}

/** The earliest moment of the report's next reminder, a period after its last; none sent: undefined. */
export function nextReminderAfterLast(report: Report, policy: ReminderPolicy): Date | undefined {
  const last = report.reminder?.sentAt.at(-1);
  return last ? new Date(reminderDueAfter(policy, timeZoneOf(report), new Date(last))) : undefined;
}

/**
 * True while another sweep's claim on the report's reminder holds: it is being sent. An answer
 * moves `reminderDueAt` without reading the draft, so the due time alone cannot tell.
 */
export function isClaimed(report: Report, now: Date, takeoverMs: number): boolean {
  const claimedAt = report.reminder?.claimedAt;
  return claimedAt !== undefined && now.getTime() - Date.parse(claimedAt) < takeoverMs;
}

/**
 * The report after its reminder was sent at `now`: counted, and the next one scheduled from
 * `now`, or from the last answer if the traveller answered while it was being sent.
 */
export function recordReminderSent(report: Report, policy: ReminderPolicy, now: Date): Report {
  const kept = unclaimedState(report);
  const sent = withReminder(
    report,
    { ...kept, sentAt: [...kept.sentAt, now.toISOString()] },
    undefined,
  );
  const touched = new Date(Math.max(now.getTime(), Date.parse(report.updatedAt)));
  return withReminderScheduled(sent, policy, touched);
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
  const { claimedAt: _claimed, ...kept } = stateOf(report);
  const failures = (kept.failures ?? 0) + 1;
  if (failures >= maxFailures) return markUndeliverable(report);
  return withReminder(
    report,
    { ...kept, failures },
    new Date(now.getTime() + retryMs).toISOString(),
  );
}

/** The report whose reminders Teams refuses (the traveller removed the app): none any more. */
export function markUndeliverable(report: Report): Report {
  return withReminder(report, { ...unclaimedState(report), undeliverable: true }, undefined);
}
