import type { TurnContext } from 'botbuilder';
import type { Locale } from '../report/locale';
import { collapseWhitespace, trimEndWhile } from '../report/plainText';
import { textsFor, type Texts } from '../texts';

/**
 * The command registry: every command a user can type, declared once — its words in Dutch and
 * English, where it works, its line in `help` and its handler. The personal chat (MainDialog)
 * and the team channel (channel/teamMessages.ts) route typed text through `commandIn`, and
 * `help` is generated from it. To add a command: add an entry below (and its handler's needs to
 * `ChatCommandContext` or `ChannelCommandContext` when it needs something new).
 */

/**
 * Where a typed command works: the personal chat with nothing going on (`idle`), the personal
 * chat during an interview, review or edit (`interview`), a team's channel (`channel`).
 */
export type Place = 'idle' | 'interview' | 'channel';

/** What a personal-chat command may do; MainDialog gives it for the turn. */
export interface ChatCommandContext {
  readonly context: TurnContext;
  readonly texts: Texts;
  readonly locale: Locale;
  readonly place: 'idle' | 'interview';
  /** Ends whatever is going on (the draft stays). */
  endAll(): Promise<void>;
  /** Starts (or, mid-interview, starts over) from the choice of report. */
  startNew(): Promise<void>;
  /** Continues the latest draft at its first open question (`verder`); says so when there is none. */
  continueDraft(): Promise<void>;
  /** Announces a trip before it is made (`ik ga op reis`): asked about it the day after. */
  announceTrip(): Promise<void>;
  /** Shows what the bot does and its commands (idle: the help card, with its buttons). */
  showHelp(): Promise<void>;
  showMyReports(): Promise<void>;
  /** Shows every question on one card (`formulier`), for the draft being answered or the latest. */
  openForm(): Promise<void>;
  /** Offers a posted report as a Word file. */
  startExport(): Promise<void>;
  /** Changes a posted report; `part` is what the traveller typed after the command word. */
  startEdit(part: string): Promise<void>;
  setReminders(on: boolean): Promise<void>;
  /** Asks whether the draft (the one being answered, else the latest) may be deleted. */
  offerDraftDeletion(): Promise<void>;
}

/** What a channel command may do; channel/teamMessages.ts gives it for the turn. */
export interface ChannelCommandContext {
  readonly context: TurnContext;
  readonly texts: Texts;
  /** Makes this channel the team's report channel; false outside a team. */
  moveReportChannel(): Promise<boolean>;
  /** Starts the edit of the report this thread shows in its author's personal chat; false when there is none. */
  editFromThread(part: string): Promise<boolean>;
}

/** A typed command: which, and the text after its word (`doel` in `wijzig doel`). */
export interface CommandMatch {
  command: Command;
  rest: string;
}

export interface Command {
  /** The name code uses (`commandOf`), never shown. */
  name: string;
  /** The words that are this command, lower case, single spaces; the first of each language is the one shown. */
  words: Readonly<Record<Locale, readonly string[]>>;
  /** The word may be followed by more on the same line, the part of a report (`wijzig doel`). */
  takesPart?: boolean;
  where: readonly Place[];
  /** Its line in `help`, markdown after "- ", naming the word in bold; absent: not in `help`. */
  help?: Readonly<Record<Locale, string>>;
  /**
   * In the Teams manifest's command list (deployment/appPackage/manifest.json, Dutch, at most 10
   * a scope): its scope and description; the title is its first Dutch word.
   */
  manifest?: { scope: 'personal' | 'team'; description: string };
  /** For commands that answer a question, not routed: which dialog step reads them. */
  readBy?: string;
  /** Runs the command in the personal chat (`idle`, `interview`). */
  personal?: (chat: ChatCommandContext, match: CommandMatch) => Promise<void>;
  /** Runs the command in a channel; false when it did not apply there (the channel's help follows). */
  channel?: (channel: ChannelCommandContext, match: CommandMatch) => Promise<boolean>;
}

const say = async (turn: { context: TurnContext }, text: string): Promise<boolean> => {
  await turn.context.sendActivity(text);
  return true;
};

/** Every command, in the order `help` lists them. */
export const commands = [
  {
    name: 'newReport',
    words: {
      nl: ['nieuw verslag', 'nieuw', 'start', 'begin'],
      en: ['new report', 'new', 'start', 'begin'],
    },
    where: ['idle', 'interview'],
    help: {
      nl: '**nieuw verslag**: begin een verslag (of ga verder met je concept)',
      en: '**new report**: start a report (or continue your draft)',
    },
    manifest: {
      scope: 'personal',
      description: 'Begin een verslag van je dienstreis, of ga verder met je concept.',
    },
    personal: (chat) => chat.startNew(),
  },
  {
    name: 'continue',
    words: {
      nl: ['verder', 'ga verder', 'verder gaan', 'verdergaan'],
      en: ['continue', 'go on', 'resume'],
    },
    where: ['idle'],
    // Mid-interview the open question reads it and asks itself again; the offer of the draft
    // and confirmations read it as a yes.
    readBy: 'the interview (asks the open question again), the offer of the draft, confirmations',
    help: {
      nl: '**verder**: ga verder met je onafgeronde verslag, bij de eerste open vraag',
      en: '**continue**: continue your unfinished report at its first open question',
    },
    manifest: {
      scope: 'personal',
      description: 'Ga verder met je onafgeronde verslag, bij de eerste open vraag.',
    },
    personal: (chat) => chat.continueDraft(),
  },
  {
    name: 'announce',
    words: { nl: ['ik ga op reis', 'reis aanmelden'], en: ['new trip', 'announce trip'] },
    where: ['idle', 'interview'],
    help: {
      nl: '**ik ga op reis**: meld een reis vooraf aan; de dag na je terugkeer vraag ik je naar het verslag',
      en: '**new trip**: announce a trip before you go; the day after your return I ask you for the report',
    },
    manifest: {
      scope: 'personal',
      description:
        'Meld een reis vooraf aan; de dag na je terugkeer vraagt de bot naar het verslag.',
    },
    personal: (chat) => chat.announceTrip(),
  },
  {
    name: 'previous',
    words: { nl: ['vorige', 'terug'], en: ['previous', 'back'] },
    where: [],
    readBy: 'the interview (InterviewDialog), as the answer to a question',
    help: {
      nl: '**vorige**: terug naar de vorige vraag',
      en: '**previous**: back to the previous question',
    },
  },
  {
    name: 'edit',
    words: {
      nl: ['wijzig', 'wijzigen', 'verander', 'aanpassen'],
      en: ['change', 'edit'],
    },
    takesPart: true,
    where: ['idle', 'channel'],
    readBy: 'the review (ReviewDialog): `wijzig doel` asks that question again',
    help: {
      nl: '**wijzig** of **wijzig doel**: verander een geplaatst verslag; het bericht in het kanaal wordt bijgewerkt',
      en: '**change** or **change purpose**: correct a posted report; the post in the channel is updated',
    },
    manifest: {
      scope: 'personal',
      description: 'Wijzig een antwoord van je verslag, bijvoorbeeld: wijzig doel.',
    },
    personal: (chat, { rest }) => chat.startEdit(rest),
    channel: (channel, { rest }) => channel.editFromThread(rest),
  },
  {
    name: 'form',
    words: {
      nl: ['formulier', 'alles in één formulier', 'alles in een formulier', 'hele formulier'],
      en: ['form', 'whole form', 'whole form on one card'],
    },
    where: ['idle', 'interview'],
    help: {
      nl: '**formulier**: alle vragen op één kaart, om in één keer in te vullen en op te slaan',
      en: '**form**: every question on one card, to fill in and save at once',
    },
    manifest: {
      scope: 'personal',
      description: 'Alle vragen van je verslag op één kaart, in één keer in te vullen.',
    },
    personal: (chat) => chat.openForm(),
  },
  {
    name: 'myReports',
    words: { nl: ['mijn verslagen'], en: ['my reports'] },
    where: ['idle', 'interview'],
    help: {
      nl: '**mijn verslagen**: je verslagen, met hun status',
      en: '**my reports**: your reports, with their status',
    },
    manifest: {
      scope: 'personal',
      description: 'Toon je verslagen: concepten en geplaatste verslagen.',
    },
    personal: (chat) => chat.showMyReports(),
  },
  {
    name: 'export',
    words: {
      nl: ['exporteer', 'exporteren', 'download', 'downloaden', 'download als word'],
      en: ['export', 'download as word'],
    },
    where: ['idle', 'interview', 'channel'],
    help: {
      nl: '**exporteer**: een geplaatst verslag als Word-bestand, in je OneDrive',
      en: '**export**: a posted report as a Word file, in your OneDrive',
    },
    manifest: {
      scope: 'personal',
      description: 'Krijg een geplaatst verslag als Word-bestand in je OneDrive.',
    },
    personal: (chat) => chat.startExport(),
    // Files reach a user only in their personal chat, and a report only its author.
    channel: (channel) => say(channel, channel.texts.exportInPersonalChat),
  },
  {
    name: 'stop',
    words: {
      nl: ['stop', 'pauze', 'pauzeer', 'annuleer'],
      en: ['stop', 'cancel', 'pause'],
    },
    where: ['idle', 'interview'],
    help: {
      nl: '**stop**: pauzeer; je concept blijft bewaard',
      en: '**stop**: pause; your draft is kept',
    },
    personal: async (chat) => {
      if (chat.place === 'idle') {
        await say(chat, chat.texts.nothingToStop);
        return;
      }
      await say(chat, chat.texts.paused);
      await chat.endAll();
    },
  },
  {
    name: 'deleteDraft',
    words: { nl: ['verwijder concept', 'concept verwijderen'], en: ['delete draft'] },
    where: ['idle', 'interview'],
    help: {
      nl: '**verwijder concept**: gooi je onafgeronde verslag weg (je krijgt eerst een vraag)',
      en: '**delete draft**: throw away your unfinished report (I ask first)',
    },
    personal: (chat) => chat.offerDraftDeletion(),
  },
  {
    name: 'remindersOff',
    words: {
      nl: ['geen herinneringen', 'herinneringen uit'],
      en: ['no reminders', 'reminders off'],
    },
    where: ['idle', 'interview'],
    help: {
      nl: '**geen herinneringen** / **herinneringen aan**: zet mijn herinneringen aan onafgeronde verslagen uit of weer aan',
      en: '**no reminders** / **reminders on**: switch my reminders about unfinished reports off or back on',
    },
    personal: (chat) => chat.setReminders(false),
  },
  {
    name: 'remindersOn',
    words: { nl: ['herinneringen aan'], en: ['reminders on'] },
    where: ['idle', 'interview'],
    // Its help is the line of `geen herinneringen`.
    personal: (chat) => chat.setReminders(true),
  },
  {
    name: 'help',
    words: { nl: ['help', 'hulp', '?', 'uitleg'], en: ['help', '?'] },
    where: ['idle', 'interview'],
    help: { nl: '**help**: deze uitleg', en: '**help**: this explanation' },
    manifest: { scope: 'personal', description: 'Wat de bot kan en welke opdrachten er zijn.' },
    personal: (chat) => chat.showHelp(),
  },
  {
    name: 'yes',
    words: { nl: ['ja'], en: ['yes'] },
    where: [],
    readBy:
      'the offer of the draft (MainDialog) and confirmations (isConfirmation); an answer to a yes/no question',
  },
  {
    name: 'post',
    words: { nl: ['plaatsen', 'plaats', 'plaatsen in kanaal'], en: ['post', 'publish'] },
    where: [],
    readBy: 'the review (ReviewDialog) and confirmations (isConfirmation)',
  },
  {
    name: 'useThisChannel',
    words: { nl: ['gebruik dit kanaal'], en: ['use this channel'] },
    where: ['channel'],
    manifest: {
      scope: 'team',
      description: 'Plaats de reisverslagen van dit team voortaan in dit kanaal.',
    },
    channel: (channel) => channel.moveReportChannel(),
  },
] as const satisfies readonly Command[];

/** The names of the commands, for code that asks which command a text is. */
export type CommandName = (typeof commands)[number]['name'];

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

/** Each word of every command, to the command: an exact look-up, no pattern. */
const byWord = new Map<string, Command>(
  commands.flatMap((command: Command) =>
    [...command.words.nl, ...command.words.en].map((word) => [word, command] as const),
  ),
);

const isAsciiWordCharacter = (character: string | undefined): boolean =>
  character !== undefined && /\w/.test(character);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The word of `words` that `text` begins with, as a whole word (not `wijzigingen` for `wijzig`),
 * ignoring case; the longest when several fit.
 */
export function leadingWord(text: string, words: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const word of words) {
    if (
      text.slice(0, word.length).toLowerCase() === word &&
      !isAsciiWordCharacter(text[word.length]) &&
      word.length > (found?.length ?? -1)
    ) {
      found = word;
    }
  }
  return found;
}

/** The command typed text is, anywhere; undefined for none (or a text too long to be one). */
export function commandMatch(text: string | undefined): CommandMatch | undefined {
  const normalized = normalizedCommand(text);
  if (normalized === '') return undefined;
  const exact = byWord.get(normalized);
  if (exact) return { command: exact, rest: '' };
  // `wijzig doel`: the command's word, then the rest of one line.
  const trimmed = (text ?? '').trim();
  for (const command of commands as readonly Command[]) {
    if (!command.takesPart) continue;
    const word = leadingWord(trimmed, [...command.words.nl, ...command.words.en]);
    if (word === undefined) continue;
    const rest = trimmed.slice(word.length);
    return LINE_BREAK.test(rest) ? undefined : { command, rest };
  }
  return undefined;
}

/** The command typed text is where it was typed; undefined when it is none, or none that works there. */
export function commandIn(text: string | undefined, place: Place): CommandMatch | undefined {
  const match = commandMatch(text);
  return match?.command.where.includes(place) ? match : undefined;
}

/** The help's line of each command that has one, in the registry's order (markdown). */
export function helpLines(locale: Locale): string[] {
  return (commands as readonly Command[]).flatMap((command) =>
    command.help ? [command.help[locale]] : [],
  );
}

/** The `help` text: what the bot does, then a line for each command that has one. */
export function helpText(locale: Locale): string {
  const texts = textsFor(locale);
  const lines = helpLines(locale).map((line) => `- ${line}`);
  return `${texts.helpIntro}\n\n${lines.join('\n')}\n\n${texts.helpOutro}`;
}
