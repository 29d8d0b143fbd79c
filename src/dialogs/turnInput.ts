import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Catalogue, Question } from '../report/catalogue';
import {
  COMMAND_TEXT_LIMIT,
  commandMatch,
  leadingWord,
  normalizedCommand,
  type CommandName,
} from './commands';

/** The card actions the bot's cards send, with their ids; anything else is rejected. */
export const CardActions = {
  answer: 'answer',
  previous: 'previous',
  change: 'change',
  post: 'post',
  resume: 'resume',
  newReport: 'newReport',
  chooseTeam: 'chooseTeam',
  edit: 'edit',
  editPart: 'editPart',
  confirmEdit: 'confirmEdit',
  cancelEdit: 'cancelEdit',
  deleteDraft: 'deleteDraft',
  keepDraft: 'keepDraft',
  download: 'download',
  openReport: 'openReport',
  notNow: 'notNow',
  announce: 'announce',
  nudgeLater: 'nudgeLater',
  openForm: 'openForm',
  saveForm: 'saveForm',
} as const;

const cardActionSchema = z
  .object({
    action: z.enum(Object.values(CardActions) as [string, ...string[]]),
    reportId: z.string().max(100).optional(),
    questionKey: z.string().max(100).optional(),
    teamId: z.string().max(500).optional(),
    editId: z.string().max(100).optional(),
    seq: z.string().max(12).optional(),
    next: z.string().max(100).optional(),
    etag: z.string().max(100).optional(),
  })
  .loose();

/** A press on one of the bot's card buttons, with the card's inputs; `unknown` for a foreign payload. */
export interface CardAction {
  action: (typeof CardActions)[keyof typeof CardActions] | 'unknown';
  reportId?: string;
  questionKey?: string;
  teamId?: string;
  /** The pending edit a confirmation card confirms or cancels. */
  editId?: string;
  /** The interview position a question card was sent at (see CardPosition); absent on others. */
  position?: { seq: number; next: string | null; etag: string };
  /** The card's inputs as sent (untrusted: validated by the question's parser). */
  fields: Record<string, unknown>;
}

/** The card action in a message, undefined when it has none. */
export function cardActionOf(activity: Partial<Activity>): CardAction | undefined {
  const value: unknown = activity.value;
  if (value === undefined || value === null) return undefined;
  const parsed = cardActionSchema.safeParse(value);
  if (!parsed.success) return { action: 'unknown', fields: {} };
  const { action, reportId, questionKey, teamId, editId, seq, next, etag, ...fields } = parsed.data;
  const position =
    seq && /^\d{1,9}$/.test(seq) && etag
      ? { seq: Number(seq), next: next || null, etag }
      : undefined;
  return {
    action: action as CardAction['action'],
    ...(reportId !== undefined ? { reportId } : {}),
    ...(questionKey !== undefined ? { questionKey } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(editId !== undefined ? { editId } : {}),
    ...(position ? { position } : {}),
    fields,
  };
}

/** Commands a traveller can type, in Dutch and English: the names of the registry's commands. */
export type Command = CommandName;

export { COMMAND_TEXT_LIMIT, normalizedCommand };

/** The command a typed message is, ignoring case, spaces and closing punctuation. */
export function commandOf(text: string | undefined): Command | undefined {
  return commandMatch(text)?.command.name as Command | undefined;
}

/**
 * A typed `wijzig` (or `wijzig <onderdeel>`, `change <part>`) on one line: undefined when the
 * text is no edit command; `part` when the traveller named one in their own words.
 */
export function editCommandOf(
  text: string | undefined,
  catalogue: Catalogue,
): { part?: Question } | undefined {
  const match = commandMatch(text);
  if (match?.command.name !== 'edit') return undefined;
  const part = catalogue.named(match.rest);
  return part ? { part } : {};
}

/**
 * A typed message that is only the word of a command the open question must not take as its
 * answer (`verder`, `wijzig`, `wijzig doel`, `plaatsen`, …): that command's name. `vorige` (the
 * question reads it) and `ja`/`yes` (an answer to a yes/no question) are not among them.
 */
export function commandWordOf(text: string | undefined, catalogue: Catalogue): Command | undefined {
  const match = commandMatch(text);
  if (!match) return undefined;
  const name = match.command.name as Command;
  if (name === 'previous' || name === 'yes') return undefined;
  if (match.rest.trim() === '') return name;
  // `wijzig doel`: a command when the rest names a part; `wijzig het beleid` may be an answer.
  return name === 'edit' && catalogue.named(match.rest) ? name : undefined;
}

/** Files in the personal chat, as Teams sends them to a bot. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** Media types of what people paste or drop in the chat. */
const MEDIA_TYPE_PREFIXES = ['image/', 'video/', 'audio/'];

/**
 * True when a message carries a file, image, sticker or GIF: a file sent in the personal chat
 * (`…teams.file.download.info`), a pasted image (`image/*`), or a sticker or GIF (`text/html`
 * with an `<img>`; Teams' emoji, also `<img>` there, do not count).
 */
export function carriesFile(activity: Partial<Activity>): boolean {
  return (activity.attachments ?? []).some((attachment) => {
    const type = String(attachment?.contentType ?? '').toLowerCase();
    if (type === FILE_DOWNLOAD_INFO) return true;
    if (MEDIA_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix))) return true;
    return type === 'text/html' && hasPicture(attachment.content);
  });
}

/** True when HTML holds an `<img>` that is not one of Teams' emoji; one pass, no pattern. */
function hasPicture(html: unknown): boolean {
  if (typeof html !== 'string') return false;
  const lower = html.toLowerCase();
  // Each tag is read once: the next search starts after the end of this one.
  for (let at = lower.indexOf('<img'); at >= 0;) {
    const end = lower.indexOf('>', at);
    const tag = lower.slice(at, end < 0 ? lower.length : end);
    if (!tag.includes('schema.skype.com/emoji')) return true;
    if (end < 0) return false;
    at = lower.indexOf('<img', end);
  }
  return false;
}

const CONFIRM_WORDS = ['ja', 'yes', 'bevestig', 'bevestigen', 'confirm'];

/**
 * A typed yes to a question such as "is this change right?": `ja`, `yes`, `bevestig`, `confirm`,
 * or one of them followed by more (`ja, klopt`), and the commands `verder` and `plaatsen`.
 */
export function isConfirmation(text: string | undefined): boolean {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > COMMAND_TEXT_LIMIT) return false;
  const command = commandOf(trimmed);
  return (
    command === 'continue' ||
    command === 'post' ||
    leadingWord(trimmed, CONFIRM_WORDS) !== undefined
  );
}
