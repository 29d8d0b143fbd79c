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
} as const;

const cardActionSchema = z
  .object({
    action: z.enum(Object.values(CardActions) as [string, ...string[]]),
    reportId: z.string().max(100).optional(),
    questionKey: z.string().max(100).optional(),
    teamId: z.string().max(500).optional(),
    editId: z.string().max(100).optional(),
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
  /** The card's inputs as sent (untrusted: validated by the question's parser). */
  fields: Record<string, unknown>;
}

/** The card action in a message, undefined when it has none. */
export function cardActionOf(activity: Partial<Activity>): CardAction | undefined {
  const value: unknown = activity.value;
  if (value === undefined || value === null) return undefined;
  const parsed = cardActionSchema.safeParse(value);
  if (!parsed.success) return { action: 'unknown', fields: {} };
  const { action, reportId, questionKey, teamId, editId, ...fields } = parsed.data;
  return {
    action: action as CardAction['action'],
    ...(reportId !== undefined ? { reportId } : {}),
    ...(questionKey !== undefined ? { questionKey } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(editId !== undefined ? { editId } : {}),
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
