import type { Catalogue, Question } from './catalogue';
import type { Locale } from './locale';

/** A person met on the trip, parsed from a line such as `Pascal Smet (staatssecretaris)`. */
export interface Person {
  name: string;
  role: string;
}

/**
 * A given answer; its `type` is the question's type. Dates are ISO calendar dates (`2023-06-19`);
 * a trip typed as a duration only (`2 dagen (1 nacht)`) has days and nights but no dates.
 */
export type Answer =
  | { type: 'shortText'; text: string }
  | { type: 'longText'; text: string }
  | { type: 'number'; value: number }
  | { type: 'dateRange'; departure?: string; return?: string; days: number; nights: number }
  | { type: 'people'; people: Person[] }
  | { type: 'yesNoText'; yes: boolean; text?: string }
  | { type: 'amounts'; amounts: Record<string, Amount> }
  | { type: 'payer'; payer: PaidBy; text?: string }
  | { type: 'colleagues'; colleagues: Colleague[] };

/** An amount in whole euro cents; null when the traveller does not know it yet ("nog niet bekend"). */
export type Amount = number | null;

/**
 * Who paid for the trip: the municipality, a third party (`text` names it), or shared between
 * them (`text` says who paid what). A third party's share is hospitality (gastvrijheid).
 */
export type PaidBy = 'municipality' | 'thirdParty' | 'shared';

/** True when a third party paid all or part of the trip: hospitality the register must show. */
export function isHospitality(answer: Answer | undefined): boolean {
  return answer?.type === 'payer' && answer.payer !== 'municipality';
}

/**
 * A colleague who made the trip too: picked in Teams' people picker (with their Entra object id,
 * which the same-trip notice and the channel's @mention need) or typed by name (name only).
 */
export interface Colleague {
  name: string;
  aadObjectId?: string;
}

/** A Teams channel to post in, reached through the connector at `serviceUrl`. */
export interface ChannelAddress {
  channelId: string;
  serviceUrl: string;
  tenantId?: string;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  /** The team's Microsoft 365 group id, for a deep link to the post. */
  teamAadGroupId?: string;
}

/** How far the bot got with bringing a report's post up to date, whether posted yet or not. */
interface SyncProgress {
  /** Failed tries to bring the card up to date since it last was; gone once it is. */
  failedAttempts?: number;
  /** The bot gave up updating the card (it is no longer retried); gone once a later edit syncs. */
  stopped?: SyncStopped;
  /**
   * When a bot instance started bringing the post up to date after a turn; others leave it
   * alone until SYNC_CLAIM_MS later (then the instance is taken to have died). Gone when done.
   */
  syncClaimedAt?: string;
}

/** Where a posted report lives in Teams, so that it can be updated in place later. */
export interface ChannelPost extends ChannelAddress, SyncProgress {
  /** The thread's conversation id, `<channel id>;messageid=<activity id>`. */
  conversationId: string;
  activityId: string;
  postedAt: string;
  /** The report version the channel card shows; behind `version` until Teams took the update. */
  syncedVersion: number;
}

/**
 * A report the traveller chose to post that Teams has not taken yet: where it goes. Stored
 * before the turn answers, so that the channel sync posts it even if this instance dies.
 */
export interface PendingPost extends ChannelAddress, SyncProgress {
  requestedAt: string;
  /** Nothing is shown in the channel yet. */
  syncedVersion: 0;
}

/** A report's place in the channel: posted, or on its way there. */
export type ReportPost = ChannelPost | PendingPost;

/** True when Teams has taken the post (it has a thread); false while it is on its way. */
export function isPublished(post: ReportPost | undefined): post is ChannelPost {
  return post !== undefined && 'activityId' in post;
}

/** How long a bot instance's claim on a post to bring up to date holds (see `syncClaimedAt`). */
export const SYNC_CLAIM_MS = 10 * 60_000;

/** True while another turn's work is bringing the post up to date; the sweep leaves it alone. */
export function isSyncClaimed(post: ReportPost | undefined, now: Date): boolean {
  const claimed = post?.syncClaimedAt;
  return claimed !== undefined && now.getTime() - Date.parse(claimed) < SYNC_CLAIM_MS;
}

/**
 * Why the bot stopped updating a report's channel post: Teams refused even a new post in the
 * channel (`channelUnavailable`: the app was removed from the team), or every try failed
 * (`failed`). `version` is the report's version then: a later edit tries again.
 */
export interface SyncStopped {
  reason: 'channelUnavailable' | 'failed';
  version: number;
  at: string;
}

/** The traveller's personal chat with the bot, to reach them there from a channel. */
export interface PersonalChat {
  conversationId: string;
  serviceUrl: string;
  /** The traveller's Teams user id (`29:…`) in that chat, their name and Entra object id. */
  userId: string;
  userName: string;
  aadObjectId: string;
}

/** One change to a report: who changed which answer when, and from what to what. */
export interface HistoryEntry {
  version: number;
  at: string;
  by: string;
  key: string;
  old?: Answer;
  new: Answer;
  /** The confirmed edit (`Report.pendingEdits`) this version applied: a second confirmation finds it. */
  editId?: string;
}

/**
 * The reminders of a draft left untouched: when each was sent (two at most, ever), and whether
 * one is being sent or cannot be delivered. When the next is due is `Report.reminderDueAt`.
 */
export interface ReminderState {
  /** When each reminder was sent, oldest first. */
  sentAt: string[];
  /** When a bot instance claimed the due reminder to send it; gone once sent or released. */
  claimedAt?: string;
  /** Transient failures (Teams busy or unreachable) of the reminder being sent. */
  failures?: number;
  /** Teams refused it (the app was removed) or failures ran out: no more reminders. */
  undeliverable?: boolean;
}

/**
 * A trip announced before it was made (`ik ga op reis`): the draft holds its title, destination
 * and dates, and the bot writes first (the nudge) on the first working day after `returnDate`.
 */
export interface Announcement {
  /** When the trip was announced: an answer stored after it means the traveller wrote on. */
  at: string;
  /** The announced return date (ISO), which may lie in the future. */
  returnDate: string;
  nudge: NudgeState;
}

/**
 * The nudge of an announced trip. While one is due, `dueAt` holds its time (and
 * `Report.reminderDueAt` too, which the reminder sweep queries); `Later` moves it.
 */
export interface NudgeState {
  /** When the next nudge is due; absent once sent (or dropped: the traveller wrote on). */
  dueAt?: string;
  /** When each nudge was sent, oldest first. */
  sentAt: string[];
  /** How often the traveller pressed `Later`. */
  postponed: number;
}

/**
 * A changed answer between the turn that gives it and the turn that confirms it. It is kept in
 * the report rather than the dialog state, so that no answer text lives in `state`.
 */
export interface PendingEdit {
  questionKey: string;
  answer: Answer;
  /** When it was given; the oldest go first when too many wait. */
  at: string;
}

/** Edits waiting at once (one per chat of the traveller); an abandoned one is dropped later. */
const MAX_PENDING_EDITS = 5;

/** A travel report, draft or posted: one document in the `reports` container. */
export interface Report {
  id: string;
  /** The traveller's Entra object id; the partition key. */
  travellerId: string;
  travellerName: string;
  tenantId?: string;
  locale: Locale;
  status: 'draft' | 'posted';
  version: number;
  answers: Record<string, Answer>;
  history: HistoryEntry[];
  post?: ReportPost;
  /** Where the traveller wrote the report. */
  chat?: PersonalChat;
  /** The traveller's IANA time zone from their Teams client, e.g. `Europe/Amsterdam`. */
  timeZone?: string;
  /**
   * When the draft's next reminder is due (ISO instant), absent when none is; the field the
   * reminder sweep queries. Top-level, so that storing an answer can set it in the same patch.
   */
  reminderDueAt?: string;
  /** Reminders of an unfinished draft. */
  reminder?: ReminderState;
  /** Set when the trip was announced before it was made (see `Announcement`). */
  announced?: Announcement;
  /** New answers given to a posted report, waiting for confirmation, by the edit's id. */
  pendingEdits?: Record<string, PendingEdit>;
  /** Where the chat's interview of this draft stands; absent before it began. */
  interview?: InterviewPosition;
  createdAt: string;
  updatedAt: string;
  /** The store's ETag of the version read; absent before the first write. */
  etag?: string;
}

/**
 * Where a draft's interview stands, kept in the draft's own document so that a card's answer is
 * one conditional write: the question on the card last sent (`key`, null while no question
 * card is open), and a number that grows with every question asked, which the card carries.
 */
export interface InterviewPosition {
  seq: number;
  key: string | null;
}

/** The traveller who owns a report, taken from the Teams identity. */
export interface Traveller {
  id: string;
  name: string;
  tenantId?: string;
}

/** A new, empty draft for a traveller. */
export function newDraft(id: string, traveller: Traveller, locale: Locale, now: Date): Report {
  const at = now.toISOString();
  return {
    id,
    travellerId: traveller.id,
    travellerName: traveller.name,
    ...(traveller.tenantId ? { tenantId: traveller.tenantId } : {}),
    locale,
    status: 'draft',
    version: 1,
    answers: {},
    history: [],
    createdAt: at,
    updatedAt: at,
  };
}

/** The report with one answer set (a draft's answer is not history; a posted report's is). */
export function withAnswer(report: Report, key: string, answer: Answer, now: Date): Report {
  return {
    ...report,
    answers: { ...report.answers, [key]: answer },
    updatedAt: now.toISOString(),
  };
}

/** The first unanswered question, preferring those after `afterKey`; undefined when all are answered. */
export function nextOpenQuestion(
  catalogue: Catalogue,
  report: Report,
  afterKey?: string,
): Question | undefined {
  const { questions } = catalogue;
  const open = questions.filter((question) => !(question.key in report.answers));
  const position = afterKey ? questions.findIndex((q) => q.key === afterKey) : -1;
  return open.find((question) => questions.indexOf(question) > position) ?? open[0];
}

/**
 * The question the interview asks once `key` is answered, whatever the answer: which comes next
 * depends only on which questions have an answer, so a card can carry it.
 */
export function questionAfterAnswer(
  catalogue: Catalogue,
  report: Report,
  key: string,
): Question | undefined {
  const answered = { ...report, answers: { ...report.answers, [key]: ANSWERED } };
  return nextOpenQuestion(catalogue, answered, key);
}

/** Any answer: questionAfterAnswer asks only whether there is one. */
const ANSWERED: Answer = { type: 'shortText', text: '' };

/** The question before this one in the catalogue, or undefined for the first. */
export function previousQuestion(catalogue: Catalogue, key: string): Question | undefined {
  const position = catalogue.position(key) - 1;
  return position > 0 ? catalogue.questions[position - 1] : undefined;
}

/** The trip's title as the traveller gave it; empty before the title question is answered. */
export function titleOf(report: Report): string {
  const title = report.answers.title;
  return title?.type === 'shortText' ? title.text : '';
}

/** How many questions have an answer. */
export function answeredCount(catalogue: Catalogue, report: Report): number {
  return catalogue.questions.filter((question) => question.key in report.answers).length;
}

/** True when every required question has an answer. */
export function isComplete(catalogue: Catalogue, report: Report): boolean {
  return catalogue.questions.every(
    (question) => !question.required || question.key in report.answers,
  );
}

/**
 * The report on its way to `address`: posted as far as the traveller is concerned, and claimed
 * by this turn's work, which posts it after the turn answers (the sweep does if it dies).
 */
export function markPosting(report: Report, address: ChannelAddress, now: Date): Report {
  const at = now.toISOString();
  const post: PendingPost = { ...address, requestedAt: at, syncedVersion: 0, syncClaimedAt: at };
  return { ...report, status: 'posted', post, updatedAt: at };
}

/** The report with its post claimed by this instance's work (see `syncClaimedAt`). */
export function withSyncClaimed(report: Report, now: Date): Report {
  const post = report.post;
  if (!post) return report;
  return { ...report, post: { ...post, syncClaimedAt: now.toISOString() } };
}

/**
 * The report reaching its traveller's personal chat through `serviceUrl` (Teams moved the chat,
 * e.g. to another region). Not a change by the traveller: `updatedAt` stays, and so do reminders.
 */
export function withChatServiceUrl(report: Report, serviceUrl: string): Report {
  return report.chat ? { ...report, chat: { ...report.chat, serviceUrl } } : report;
}

/** The report with a new answer to `key` waiting for confirmation by the edit `editId`. */
export function withPendingEdit(
  report: Report,
  editId: string,
  key: string,
  answer: Answer,
  now: Date,
): Report {
  const kept = Object.entries(report.pendingEdits ?? {})
    .filter(([id]) => id !== editId)
    .sort(([, a], [, b]) => b.at.localeCompare(a.at))
    .slice(0, MAX_PENDING_EDITS - 1);
  const pending: PendingEdit = { questionKey: key, answer, at: now.toISOString() };
  return { ...report, pendingEdits: { ...Object.fromEntries(kept), [editId]: pending } };
}

/** The report without the edit `editId` waiting (confirmed or cancelled). */
export function withoutPendingEdit(report: Report, editId: string): Report {
  const { pendingEdits, ...rest } = report;
  const { [editId]: _done, ...others } = pendingEdits ?? {};
  return Object.keys(others).length > 0 ? { ...rest, pendingEdits: others } : rest;
}

/** A posted report with one answer changed: the next version, with who changed what when. */
export function withEdit(
  report: Report,
  key: string,
  answer: Answer,
  by: string,
  now: Date,
  editId?: string,
): Report {
  const version = report.version + 1;
  const old = report.answers[key];
  const entry: HistoryEntry = {
    version,
    at: now.toISOString(),
    by,
    key,
    ...(old ? { old } : {}),
    new: answer,
    ...(editId ? { editId } : {}),
  };
  return {
    ...withAnswer(report, key, answer, now),
    version,
    history: [...report.history, entry],
  };
}

/** The history entry of the confirmed edit `editId`, once applied; undefined before. */
export function appliedEdit(report: Report, editId: string): HistoryEntry | undefined {
  return report.history.find((entry) => entry.editId === editId);
}

/**
 * True when the channel card shows an older version than the stored report, and the bot has not
 * given up on that version (a later edit tries again).
 */
export function needsSync(report: Report): boolean {
  const post = report.post;
  return (
    report.status === 'posted' &&
    post !== undefined &&
    post.syncedVersion < report.version &&
    (post.stopped === undefined || post.stopped.version < report.version)
  );
}

/**
 * The report with its channel post (maybe a new thread) now showing `shownVersion`; failures
 * counted before are forgotten.
 */
export function markSynced(report: Report, post: ChannelPost, shownVersion: number): Report {
  const syncedVersion = Math.max(report.post?.syncedVersion ?? 0, shownVersion);
  const { failedAttempts: _failed, stopped: _stopped, syncClaimedAt: _claim, ...shown } = post;
  return { ...report, post: { ...shown, syncedVersion } };
}

/**
 * The report with one more failed try to update its channel post; at `maxAttempts` the bot
 * stops (`failed`). Unchanged when it has no post.
 */
export function withSyncFailure(report: Report, maxAttempts: number, now: Date): Report {
  const post = withoutClaim(report.post);
  if (!post) return report;
  const failedAttempts = (post.failedAttempts ?? 0) + 1;
  const stopped: SyncStopped | undefined =
    failedAttempts >= maxAttempts
      ? { reason: 'failed', version: report.version, at: now.toISOString() }
      : post.stopped;
  return { ...report, post: { ...post, failedAttempts, ...(stopped ? { stopped } : {}) } };
}

/** The report whose channel is gone (Teams refused even a new post): no more tries. */
export function withChannelUnavailable(report: Report, now: Date): Report {
  const post = withoutClaim(report.post);
  if (!post) return report;
  const stopped: SyncStopped = {
    reason: 'channelUnavailable',
    version: report.version,
    at: now.toISOString(),
  };
  return { ...report, post: { ...post, stopped } };
}

/** The post released for the sweep: the work that claimed it is over. */
function withoutClaim<T extends ReportPost>(post: T | undefined): T | undefined {
  if (!post) return undefined;
  const { syncClaimedAt: _claim, ...released } = post;
  return released as T;
}
