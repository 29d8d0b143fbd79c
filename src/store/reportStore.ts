import type { Answer, InterviewPosition, Report } from '../report/report';

/** Thrown when a report changed between read and write (ETag mismatch) and retries ran out. */
export class ReportConflictError extends Error {
  constructor(reportId: string) {
    super(
      `Report ${reportId} was changed by another writer while it was being saved; ` +
        'read it again and reapply the change.',
    );
    this.name = 'ReportConflictError';
  }
}

/** The error for a change to a report that is not there. */
export function missingReport(travellerId: string, id: string): Error {
  return new Error(
    `Report ${id} of traveller ${travellerId} does not exist, so it cannot be updated; ` +
      'create it first (or check the id and the traveller).',
  );
}

/** The error for an answer set on a report that was posted meanwhile. */
export function notADraft(travellerId: string, id: string, key: string, cause?: unknown): Error {
  return new Error(
    `Report ${id} of traveller ${travellerId} is no longer a draft, so answer ${key} was ` +
      'not stored; a posted report changes through an edit (withEdit), which keeps its history.',
    cause === undefined ? {} : { cause },
  );
}

/** Throws unless a change kept the report's id and traveller, which it keeps for life. */
export function requireSameReport(changed: Report, travellerId: string, id: string): void {
  if (changed.id !== id || changed.travellerId !== travellerId) {
    throw new Error(
      `The change to report ${id} altered its id or travellerId; a report keeps both for ` +
        'life: create a new report instead.',
    );
  }
}

/**
 * What ReportStore.setAnswer takes: which report, which answer, when, the next reminder, and
 * where the interview goes next (`position`, in the same write).
 */
export type SetAnswerArgs = [
  travellerId: string,
  id: string,
  key: string,
  answer: Answer,
  at: Date,
  reminderDueAt?: string,
  position?: InterviewPosition,
];

/**
 * A question card's answer as ReportStore.answerAtPosition stores it: the draft must still be
 * as it was when the card was sent (its `etag`), at the card's position `seq`; the interview
 * then moves to `next`.
 */
export interface PositionedAnswer {
  travellerId: string;
  id: string;
  key: string;
  answer: Answer;
  at: Date;
  reminderDueAt?: string;
  /** The position the card was sent at. */
  seq: number;
  /** The draft's ETag when the card was sent; any write since makes the card stale. */
  etag: string;
  /** The question asked next (computed when the card was sent), null when none is. */
  next: string | null;
}

/**
 * A card's position as the stores take it: a whole number (the next position is one more) and a
 * plain question key, which names the answer's path; anything else came from unchecked input.
 */
export function requirePositionTerms(seq: number, key: string): void {
  if (!Number.isSafeInteger(seq) || seq < 0 || !/^[a-z][\w-]*$/i.test(key)) {
    throw new Error(
      `Interview position ${String(seq)} / ${key} is not a whole number and a question key; ` +
        'take both from the catalogue and the stored position, never from unchecked input.',
    );
  }
}

/** What ReportStore.setAnswers takes: which report, its answers by question key, when, and the next reminder. */
export type SetAnswersArgs = [
  travellerId: string,
  id: string,
  answers: Readonly<Record<string, Answer>>,
  at: Date,
  reminderDueAt?: string,
];

/** Which posted reports the register shows; every part left out selects all. */
export interface RegisterFilter {
  /** Only this tenant's reports (Entra tenant id, any case); all tenants when absent (local mode). */
  tenantId?: string;
  /** Every word must occur in the title, destination, traveller or purpose (see searchWords). */
  search?: string;
  /** The year of the trip's date. */
  year?: number;
  teamId?: string;
  /** True: only trips a third party paid (part of); false: only those it did not. */
  thirdParty?: boolean;
}

/** One page of the register, newest trip first, and where the next page starts. */
export interface RegisterPage {
  reports: Report[];
  /** Opaque; absent on the last page. */
  continuation?: string;
}

/** The register's selection in figures: one aggregate query. */
export interface RegisterSummary {
  reports: number;
  /** The known amounts of the selection, added up, in euro cents. */
  knownCents: number;
  /** Reports of the selection with an amount unknown or no costs given. */
  costsOpen: number;
}

/** What the register's filters offer: the years and teams that have posted reports. */
export interface RegisterFacets {
  /** Newest first. */
  years: number[];
  /** By name. */
  teams: { id: string; name: string }[];
}

/** Thrown for a continuation token the store did not hand out (or no longer understands). */
export class BadContinuationError extends Error {
  constructor(cause?: unknown) {
    super('The continuation token is not valid; start again at the first page.', { cause });
    this.name = 'BadContinuationError';
  }
}

/** Persistence of reports, one document a report, partitioned by traveller. */
export interface ReportStore {
  /** Writes a new report; fails if its id already exists. Returns it with its ETag. */
  create(report: Report): Promise<Report>;
  /** Point read by traveller and id; undefined when there is none. */
  get(travellerId: string, id: string): Promise<Report | undefined>;
  /**
   * Applies `change` to the report and writes it only if nobody wrote in between (ETag); on a
   * conflict it reads again and reapplies `change`, a few times, then throws
   * ReportConflictError. `read` is the report as the caller read it (with its ETag), to save the
   * first read. Returns the stored report with its new ETag.
   */
  update(
    travellerId: string,
    id: string,
    change: (report: Report) => Report,
    read?: Report,
  ): Promise<Report>;
  /**
   * Sets one answer of a draft and its `updatedAt` in one request, without reading it first
   * (what `withAnswer` does); other answers written meanwhile stay. Throws when the report is
   * missing or no longer a draft. With `reminderDueAt`, the same request sets when the draft's
   * next reminder is due (an answer touches it). Returns the stored report with its new ETag.
   */
  setAnswer(...args: SetAnswerArgs): Promise<Report>;
  /**
   * Stores a question card's answer in one conditional write, only while the draft is still at
   * the card's position, and moves the interview to the next question in the same write.
   * Undefined when it is not (a stale card, a draft changed or posted meanwhile, or gone).
   */
  answerAtPosition(answer: PositionedAnswer): Promise<Report | undefined>;
  /**
   * Moves a draft's interview to `position` (a question asked out of order, the first one).
   * Throws when the report is missing or no longer a draft. Returns the stored report.
   */
  moveInterview(travellerId: string, id: string, position: InterviewPosition): Promise<Report>;
  /**
   * Closes the interview's open question (the chat left it): its card is then stale. Nothing
   * happens when the report is gone, posted or has no open question.
   */
  closeInterview(travellerId: string, id: string): Promise<void>;
  /**
   * Sets several answers of a draft and its `updatedAt` in one write (the form card's Opslaan):
   * all of them or none. Answers not among `answers` stay. Throws when the report is missing or
   * no longer a draft. With `reminderDueAt`, the same write sets when the next reminder is due.
   * Returns the stored report with its new ETag.
   */
  setAnswers(...args: SetAnswersArgs): Promise<Report>;
  /** The traveller's reports, newest (by updatedAt) first; one partition only. */
  listByTraveller(travellerId: string): Promise<Report[]>;
  /** The traveller's most recently updated draft, or undefined. */
  findLatestDraft(travellerId: string): Promise<Report | undefined>;
  /**
   * Posted reports whose channel card shows an older version (Teams was unreachable), except
   * those the bot gave up on at their current version (`post.stopped`). Crosses partitions: for the retry at start, never on a turn's path.
   */
  findNeedingSync(): Promise<Report[]>;
  /**
   * Drafts whose reminder is due at `now` (`reminderDueAt <= now`), earliest due first, at most
   * `limit`. Crosses partitions: for the reminder sweep, never on a turn's path.
   */
  findDueReminders(now: Date, limit: number): Promise<Report[]>;
  /**
   * Every posted report, a page of at most `pageSize` at a time; never a draft (no public
   * record). Crosses partitions: for exports, never on a turn's path.
   */
  postedReports(pageSize?: number): AsyncGenerator<Report[]>;
  /**
   * One page of posted reports for the register, newest trip first, at most `pageSize`: one
   * query, continued where `continuation` (from the previous page) says. Never a draft. Crosses
   * partitions: for the register page, never on a turn's path.
   */
  registerPage(
    filter: RegisterFilter,
    pageSize: number,
    continuation?: string,
  ): Promise<RegisterPage>;
  /** Count and costs of the posted reports the filter selects, in one aggregate query. */
  registerSummary(filter: RegisterFilter): Promise<RegisterSummary>;
  /**
   * Gives every posted report written before the register existed what the register queries
   * it by; returns how many it changed. Crosses partitions: run once at start, never on a turn.
   */
  indexForRegister(): Promise<number>;
  /** The years and teams of the tenant's posted reports (all tenants without one). */
  registerFacets(tenantId?: string): Promise<RegisterFacets>;
  /**
   * Writes the report only if it is unchanged since it was read (its `etag`); returns it with its
   * new ETag, or undefined when someone else wrote it in between or it is gone (no retry).
   */
  replaceIfUnchanged(report: Report): Promise<Report | undefined>;
  /** Deletes the traveller's report; false when there was none. */
  delete(travellerId: string, id: string): Promise<boolean>;
}
