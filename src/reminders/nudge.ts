import type { Catalogue, Question } from '../report/catalogue';
import { addDays } from '../report/dates';
import type { Announcement, Answer, Report } from '../report/report';
import { instantOf, nextMidnight } from '../report/zonedTime';
import {
  reminderDueAfter,
  timeZoneOf,
  unclaimedState,
  withReminderDue,
  type ReminderPolicy,
} from './reminderSchedule';
import { nextWindowMoment, type WorkingCalendar } from './workingCalendar';

/** How often `Later` may move the nudge: the third nudge has no `Later`. */
export const MAX_POSTPONES = 2;

/**
 * How far ahead a trip may be announced, in days from today. Dates typed without a year are read
 * as the nearest such dates up to this far ahead (the parser's "most recent not after" date).
 */
export const ANNOUNCE_HORIZON_DAYS = 364;

/**
 * The questions `ik ga op reis` asks: those identifying the trip (title, destination) and the
 * first dates question of the catalogue, in the catalogue's order.
 */
export function announcedQuestions(catalogue: Catalogue): Question[] {
  const dates = catalogue.questions.find((question) => question.type === 'dateRange');
  return catalogue.questions.filter(
    (question) => question.section === 'trip' || question === dates,
  );
}

/** The latest date an announced trip may have, from the traveller's `today` (ISO). */
export function announceHorizon(today: string): string {
  return addDays(today, ANNOUNCE_HORIZON_DAYS) ?? today;
}

/**
 * When the first nudge is due: the window's opening on the first working day after the return
 * date, in `timeZone`. A return date long past gives a moment in the past: due at once.
 */
export function nudgeMoment(returnDate: string, calendar: WorkingCalendar, timeZone: string): Date {
  const dayAfter = addDays(returnDate, 1);
  if (!dayAfter) {
    throw new Error(`"${returnDate}" is no ISO date; an announcement needs its return date.`);
  }
  const [year, month, day] = dayAfter.split('-').map(Number) as [number, number, number];
  return nextWindowMoment(instantOf(year, month, day, 0, timeZone), calendar, timeZone);
}

/** The return date of a dates answer, undefined for one without dates (a duration only). */
export function returnDateOf(answer: Answer | undefined): string | undefined {
  return answer?.type === 'dateRange' ? answer.return : undefined;
}

/**
 * The draft marked as an announced trip returning on `returnDate`: no reminders until the nudge,
 * which is due on the first working day after the return. Announcing again (new dates) starts
 * over: the nudge moves with the return date.
 */
export function withAnnouncement(
  report: Report,
  returnDate: string,
  policy: ReminderPolicy,
  now: Date,
): Report {
  const dueAt = nudgeMoment(returnDate, policy.calendar, timeZoneOf(report)).toISOString();
  const announced: Announcement = {
    at: report.updatedAt > now.toISOString() ? report.updatedAt : now.toISOString(),
    returnDate,
    nudge: { dueAt, sentAt: [], postponed: 0 },
  };
  return withReminderDue({ ...report, announced, reminder: unclaimedState(report) }, dueAt);
}

/** True while the report's due message is the nudge (not a reminder): announced, not yet sent. */
export function isNudgeDue(report: Report): boolean {
  return report.status === 'draft' && report.announced?.nudge.dueAt !== undefined;
}

/**
 * True when the traveller answered a question after announcing the trip: the report is being
 * written, and needs no nudge. (`Later` and the sweep never touch `updatedAt`.)
 */
export function writtenSinceAnnounced(report: Report): boolean {
  const announced = report.announced;
  return announced !== undefined && report.updatedAt > announced.at;
}

/**
 * The report without its due nudge when the traveller wrote on since announcing: the usual
 * reminders apply from then on. Unchanged otherwise.
 */
export function withoutNudgeWhenWritten(report: Report): Report {
  const announced = report.announced;
  if (!announced?.nudge.dueAt || !writtenSinceAnnounced(report)) return report;
  const { dueAt: _due, ...nudge } = announced.nudge;
  return { ...report, announced: { ...announced, nudge } };
}

/**
 * The earliest moment any reminder of an announced trip may come: no reminders while the
 * traveller is still away, even when they wrote a little on the way. Undefined when not announced.
 */
export function firstReminderMoment(report: Report, calendar: WorkingCalendar): Date | undefined {
  const returnDate = report.announced?.returnDate;
  return returnDate ? nudgeMoment(returnDate, calendar, timeZoneOf(report)) : undefined;
}

/**
 * The report after its nudge was sent at `now`: counted, no nudge due any more, and the usual
 * reminders scheduled from `now` (the nudge counts as the traveller's first nudge, not a reminder).
 */
export function recordNudgeSent(report: Report, policy: ReminderPolicy, now: Date): Report {
  const announced = report.announced;
  if (!announced) return report;
  const { dueAt: _due, ...nudge } = announced.nudge;
  const sent: Report = {
    ...report,
    reminder: unclaimedState(report),
    announced: { ...announced, nudge: { ...nudge, sentAt: [...nudge.sentAt, now.toISOString()] } },
  };
  return withReminderDue(sent, reminderDueAfter(policy, timeZoneOf(report), now));
}

/** True when the nudge may still be moved by `Later`: sent, not yet moved twice. */
export function mayPostpone(report: Report): boolean {
  const nudge = report.announced?.nudge;
  return nudge !== undefined && nudge.postponed < MAX_POSTPONES;
}

/** What `Later` on a nudge did. */
export type PostponeOutcome =
  /** Moved to `dueAt`; `left` more times `Later` may be pressed. */
  | { kind: 'postponed'; dueAt: string; left: number }
  /** Moved already (the button pressed twice): nothing changed. */
  | { kind: 'alreadyPostponed'; dueAt: string }
  /** Moved twice already: the usual reminders follow. */
  | { kind: 'noMore' }
  /** Not an announced draft (posted, deleted, or never announced). */
  | { kind: 'notAnnounced' };

/** What `Later` pressed at `now` makes of the nudge, without changing anything. */
export function postponeOutcome(
  report: Report | undefined,
  calendar: WorkingCalendar,
  now: Date,
): PostponeOutcome {
  const nudge = report?.announced?.nudge;
  if (!report || report.status !== 'draft' || !nudge) return { kind: 'notAnnounced' };
  if (nudge.dueAt) return { kind: 'alreadyPostponed', dueAt: nudge.dueAt };
  if (!mayPostpone(report)) return { kind: 'noMore' };
  const zone = timeZoneOf(report);
  // One working day on: the window's opening on the next working day after today.
  const dueAt = nextWindowMoment(nextMidnight(now, zone), calendar, zone).toISOString();
  return { kind: 'postponed', dueAt, left: MAX_POSTPONES - nudge.postponed - 1 };
}

/**
 * The report with its nudge moved as `postponeOutcome` said (`postponed`); unchanged otherwise.
 * The due reminder makes way for the nudge, which schedules the reminders again when sent.
 */
export function withNudgePostponed(report: Report, outcome: PostponeOutcome): Report {
  const announced = report.announced;
  if (outcome.kind !== 'postponed' || !announced || announced.nudge.dueAt) return report;
  const nudge = {
    ...announced.nudge,
    dueAt: outcome.dueAt,
    postponed: announced.nudge.postponed + 1,
  };
  return withReminderDue({ ...report, announced: { ...announced, nudge } }, outcome.dueAt);
}
