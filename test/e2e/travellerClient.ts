// Plays a traveller in Teams against the running bot over HTTP: what the user types or presses
// is POSTed to /api/messages as Teams sends it; what the bot answers is read back from the fake
// Bot Connector (the bot's personal chat with this user).
import {
  cardSubmit,
  personalAttachments,
  personalConversationId,
  personalMembersAdded,
  personalMessage,
  type TeamsActivity,
  type TeamsAttachment,
  type TeamsEnv,
  type TeamsUser,
} from '../support/activities';
import type { ActivityBody, FakeConnector } from '../support/fakeConnector';
import { postActivity } from '../support/processes';

/** An element of an Adaptive Card (loosely typed JSON). */
export type CardElement = Record<string, unknown>;

/** An Adaptive Card as the bot sent it. */
export interface Card {
  type: 'AdaptiveCard';
  body?: CardElement[];
  actions?: CardElement[];
}

/** One message of the bot, as the chat shows it now (after any in-place update). */
export interface BotMessage {
  id: string;
  text: string;
  card?: Card;
  /** What it shows, one line per text block, fact, input label or value and button title. */
  lines: string[];
}

/** A submit button of a card. */
export interface CardButton {
  title: string;
  data: Record<string, unknown>;
  associatedInputs?: string;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
// The apology of the bot's onTurnError: a turn that ends in it failed inside the bot.
const TURN_ERROR = /je laatste bericht is niet verwerkt|your last message was not processed/;

/** The traveller's side of the personal chat with the bot. */
export class TravellerClient {
  /** The personal chat's conversation id. */
  readonly chatId: string;

  constructor(
    readonly user: TeamsUser,
    private readonly options: {
      /** The bot's base URL, read at each send (a restarted bot keeps it). */
      botUrl: string;
      connector: FakeConnector;
      tenantId: string;
      /** The locale of the traveller's Teams client, e.g. `en-US`; Dutch (`nl-NL`) by default. */
      locale?: string;
    },
  ) {
    this.chatId = personalConversationId(user.id);
  }

  /** Opens the personal chat (the app is added for the user); resolves with the bot's replies. */
  open(): Promise<BotMessage[]> {
    return this.send(personalMembersAdded({ ...this.env(), user: this.user }));
  }

  /** Types a message in the chat; resolves with the bot's replies to it. */
  say(text: string): Promise<BotMessage[]> {
    return this.send(personalMessage({ ...this.env(), user: this.user, text }));
  }

  /**
   * Sends a file, image or sticker in the chat (see the attachment factories of
   * support/activities.ts), with the text typed beside it if any; resolves with the bot's replies.
   */
  attach(attachments: TeamsAttachment[], text?: string): Promise<BotMessage[]> {
    return this.send(
      personalAttachments({
        ...this.env(),
        user: this.user,
        attachments,
        ...(text === undefined ? {} : { text }),
      }),
    );
  }

  /**
   * Presses the button `title` on a card the bot sent, with `inputs` typed into the card's
   * inputs. Like Teams, it sends the button's data with the value of every input that is set
   * (prefilled or typed), all as strings; `associatedInputs: none` sends the data alone.
   */
  press(
    message: BotMessage,
    title: string,
    inputs: Record<string, string> = {},
  ): Promise<BotMessage[]> {
    return this.send(this.pressActivity(message, title, inputs));
  }

  /** The activity Teams delivers for a press (see `press`), to send it (again) by hand. */
  pressActivity(
    message: BotMessage,
    title: string,
    inputs: Record<string, string> = {},
  ): TeamsActivity {
    const card = cardOf(message);
    const button = buttonsOf(card).find((candidate) => candidate.title === title);
    if (!button) {
      throw new Error(
        `The card has no button "${title}"; it has: ${buttonsOf(card)
          .map((b) => b.title)
          .join(', ')}`,
      );
    }
    const fields = inputsOf(card);
    for (const [id, value] of Object.entries(inputs)) {
      const input = fields.get(id);
      if (!input) throw new Error(`The card has no input "${id}"; it has: ${[...fields.keys()]}`);
      const choices = input.choices as { value: string }[] | undefined;
      // Teams' people picker offers whoever Microsoft Graph finds, not only its listed choices.
      const dynamic = input['choices.data'] !== undefined;
      if (
        choices &&
        !dynamic &&
        value !== '' &&
        !choices.some((choice) => choice.value === value)
      ) {
        throw new Error(`"${value}" is not a choice of input "${id}"`);
      }
    }
    const values: Record<string, string> = {};
    if (button.associatedInputs !== 'none') {
      for (const [id, input] of fields) {
        const value = inputs[id] ?? (input.value === undefined ? '' : String(input.value));
        if (value !== '') values[id] = value;
      }
    }
    return cardSubmit({
      ...this.env(),
      user: this.user,
      value: { ...button.data, ...values },
      replyToId: message.id,
    });
  }

  /** The activity of typing `text` in the chat, to send it (again) by hand. */
  typedActivity(text: string): TeamsActivity {
    return personalMessage({ ...this.env(), user: this.user, text });
  }

  /**
   * Submits card data the bot never showed this user (a forged or forwarded card action), as
   * Teams would deliver a press; resolves with the bot's replies.
   */
  submit(value: Record<string, unknown>): Promise<BotMessage[]> {
    return this.send(cardSubmit({ ...this.env(), user: this.user, value }));
  }

  /** Every message of the bot in this chat, oldest first, as shown now. */
  messages(): BotMessage[] {
    return this.options.connector
      .activitiesIn(this.chatId)
      .map((posted) => messageOf(posted.id, posted.activity));
  }

  /**
   * POSTs an activity and waits (connector.waitFor) for the bot's replies in the chat. The bot
   * answers Teams' POST only once the turn is over, so every reply of the turn is in by then.
   */
  async send(activity: TeamsActivity): Promise<BotMessage[]> {
    const { connector, botUrl } = this.options;
    const before = connector.activitiesIn(this.chatId).length;
    const status = await postActivity(botUrl, activity);
    if (status !== 200) throw new Error(`The bot answered ${status} to a ${activity.type}`);
    await connector.waitFor(
      (c) => c.activitiesIn(this.chatId).length > before,
      10_000,
      `a reply to ${this.user.name}`,
    );
    const messages = this.messages().slice(before);
    const failed = messages.find((message) => TURN_ERROR.test(message.text));
    if (failed) throw new Error(`The bot's turn failed; it said: ${failed.text}`);
    return messages;
  }

  private env(): TeamsEnv {
    const { connector, tenantId, locale } = this.options;
    return { serviceUrl: connector.url, tenantId, ...(locale ? { locale } : {}) };
  }
}

/** A bot message from an activity body as the connector received it. */
export function messageOf(id: string, activity: ActivityBody): BotMessage {
  const content = activity.attachments?.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
  const card = content as Card | undefined;
  const text = activity.text ?? '';
  return {
    id,
    text,
    ...(card ? { card } : {}),
    lines: card ? linesOf(card) : text.split('\n'),
  };
}

/** The last card among the replies; fails listing what the bot said when there is none. */
export function lastCard(replies: BotMessage[]): BotMessage {
  const found = [...replies].reverse().find((reply) => reply.card !== undefined);
  if (!found) {
    throw new Error(`The bot sent no card; it said:\n${replies.map((r) => r.text).join('\n')}`);
  }
  return found;
}

/** The card of a message; fails when it is plain text. */
export function cardOf(message: BotMessage): Card {
  if (!message.card) throw new Error(`Not a card but the text: ${message.text}`);
  return message.card;
}

/** The card's inputs by id. */
export function inputsOf(card: Card): Map<string, CardElement> {
  const inputs = new Map<string, CardElement>();
  walk(card.body, (element) => {
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      inputs.set(String(element.id), element);
    }
  });
  return inputs;
}

/** Every Action.Submit of the card, in the body's action sets and at the bottom. */
export function buttonsOf(card: Card): CardButton[] {
  const buttons: CardButton[] = [];
  walk([card.body, card.actions], (element) => {
    if (element.type === 'Action.Submit') {
      buttons.push({
        title: String(element.title),
        data: (element.data ?? {}) as Record<string, unknown>,
        ...(typeof element.associatedInputs === 'string'
          ? { associatedInputs: element.associatedInputs }
          : {}),
      });
    }
  });
  return buttons;
}

/** The text blocks and text runs of the card with this color (e.g. `Attention` for an error). */
export function textsInColor(card: Card, color: string): string[] {
  const texts: string[] = [];
  walk(card.body, (element) => {
    if ((element.type === 'TextBlock' || element.type === 'TextRun') && element.color === color)
      texts.push(String(element.text));
  });
  return texts;
}

/**
 * The card's texts as a reader sees them, one a line: a TextBlock's markdown as rendered, a
 * RichTextBlock's runs joined (plain text), and the titles, labels and values of the rest.
 */
function linesOf(card: Card): string[] {
  const lines: string[] = [];
  walk([card.body, card.actions], (element) => {
    if (element.type === 'RichTextBlock') {
      const runs = Array.isArray(element.inlines) ? (element.inlines as CardElement[]) : [];
      lines.push(runs.map((run) => String(run.text ?? '')).join(''));
      return;
    }
    if (element.type === 'TextRun') return;
    for (const key of ['text', 'title', 'label', 'value'] as const) {
      const value = element[key];
      if (typeof value !== 'string' || value === '') continue;
      // TextBlocks and facts are markdown in Teams; inputs, labels and buttons are plain.
      const markdown = key === 'text' || (key === 'value' && element.type === undefined);
      lines.push(markdown ? asRendered(value) : value);
    }
  });
  return lines;
}

/** Markdown as a renderer shows it: backslash escapes removed, a blank line a line break. */
export function asRendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\n\n/g, '\n');
}

/** Calls `visit` on every object in the tree, parents before children. */
function walk(node: unknown, visit: (element: CardElement) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === 'object') {
    visit(node as CardElement);
    for (const child of Object.values(node)) walk(child, visit);
  }
}
