import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Catalogue, Question } from '../report/catalogue';
import { collapseWhitespace, trimEndWhile } from '../report/plainText';

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
} as const;

const cardActionSchema = z
  .object({
    action: z.enum(Object.values(CardActions) as [string, ...string[]]),
    reportId: z.string().max(100).optional(),
    questionKey: z.string().max(100).optional(),
    teamId: z.string().max(500).optional(),
  })
  .loose();

/** A press on one of the bot's card buttons, with the card's inputs; `unknown` for a foreign payload. */
export interface CardAction {
  action: (typeof CardActions)[keyof typeof CardActions] | 'unknown';
  reportId?: string;
  questionKey?: string;
  teamId?: string;
  /** The card's inputs as sent (untrusted: validated by the question's parser). */
  fields: Record<string, unknown>;
}

/** The card action in a message, undefined when it has none. */
export function cardActionOf(activity: Partial<Activity>): CardAction | undefined {
  const value: unknown = activity.value;
  if (value === undefined || value === null) return undefined;
  const parsed = cardActionSchema.safeParse(value);
  if (!parsed.success) return { action: 'unknown', fields: {} };
  const { action, reportId, questionKey, teamId, ...fields } = parsed.data;
  return {
    action: action as CardAction['action'],
    ...(reportId !== undefined ? { reportId } : {}),
    ...(questionKey !== undefined ? { questionKey } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    fields,
  };
}

/** Commands a traveller can type, in Dutch and English. */
export type Command =
  | 'help'
  | 'stop'
  | 'newReport'
  | 'previous'
  | 'continue'
  | 'post'
  | 'myReports'
  | 'remindersOff'
  | 'remindersOn'
  | 'deleteDraft'
  | 'export';

const commandWords: Record<Command, string[]> = {
  help: ['help', 'hulp', '?', 'uitleg'],
  stop: ['stop', 'pauze', 'pauzeer', 'annuleer', 'cancel', 'pause'],
  newReport: ['nieuw verslag', 'nieuw', 'new report', 'new', 'start', 'begin'],
  previous: ['vorige', 'terug', 'previous', 'back'],
  continue: ['verder', 'verder gaan', 'ga verder', 'ja', 'continue', 'yes'],
  post: ['plaatsen', 'plaats', 'plaatsen in kanaal', 'post', 'publish'],
  myReports: ['mijn verslagen', 'my reports'],
  remindersOff: ['geen herinneringen', 'herinneringen uit', 'no reminders', 'reminders off'],
  remindersOn: ['herinneringen aan', 'reminders on'],
  deleteDraft: ['verwijder concept', 'concept verwijderen', 'delete draft'],
  export: [
    'exporteer',
    'exporteren',
    'export',
    'download',
    'downloaden',
    'download als word',
    'download as word',
  ],
};

/**
 * The most characters of a typed message that can be a command. The longest command, with the
 * part to change (`wijzig wie heb ik ontmoet`), is about 30; the rest is room for spaces and
 * punctuation. A longer message is never a command, and is not compared or searched.
 */
export const COMMAND_TEXT_LIMIT = 100;

/**
 * A typed message as commands are compared: lower case, single spaces, no closing `.` or `!`;
 * empty for a message too long to be a command.
 */
export function normalizedCommand(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > COMMAND_TEXT_LIMIT) return '';
  const unpunctuated = trimEndWhile(
    trimmed.toLowerCase(),
    (character) => character === '.' || character === '!',
  );
  return collapseWhitespace(unpunctuated);
}

/** The command a typed message is, ignoring case, spaces and closing punctuation. */
export function commandOf(text: string | undefined): Command | undefined {
  const normalized = normalizedCommand(text);
  if (normalized === '') return undefined;
  return (Object.keys(commandWords) as Command[]).find((command) =>
    commandWords[command].includes(normalized),
  );
}

const EDIT_WORD = /^(?:wijzig|wijzigen|verander|aanpassen|change|edit)\b/i;
const CONFIRM_WORD = /^(?:ja|yes|bevestig|bevestigen|confirm)\b/i;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A typed `wijzig` (or `wijzig <onderdeel>`, `change <part>`) on one line: undefined when the
 * text is no edit command; `part` when the traveller named one in their own words.
 */
export function editCommandOf(
  text: string | undefined,
  catalogue: Catalogue,
): { part?: Question } | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > COMMAND_TEXT_LIMIT) return undefined;
  const word = EDIT_WORD.exec(trimmed);
  if (!word) return undefined;
  const rest = trimmed.slice(word[0].length);
  if (LINE_BREAK.test(rest)) return undefined;
  const part = catalogue.named(rest);
  return part ? { part } : {};
}

/**
 * A typed yes to a question such as "is this change right?": `ja`, `yes`, `bevestig`, `confirm`,
 * or one of them followed by more (`ja, klopt`), and the commands `verder` and `plaatsen`.
 */
export function isConfirmation(text: string | undefined): boolean {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > COMMAND_TEXT_LIMIT) return false;
  const command = commandOf(trimmed);
  return command === 'continue' || command === 'post' || CONFIRM_WORD.test(trimmed);
}
