import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  type Storage,
  TestAdapter,
  type Activity,
  type Attachment,
  type ConversationReference,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import pino from 'pino';
import { ReisverslagBot } from '../../src/bot';
import type { PublishTarget, ReportPublisher } from '../../src/channel/reportPublisher';
import { AfterTurnWork } from '../../src/turn/afterTurn';
import { ReportSync } from '../../src/channel/reportSync';
import type { TeamMembershipCheck } from '../../src/channel/teamMembership';
import type { AdaptiveCard } from '../../src/cards/template';
import { MainDialog } from '../../src/dialogs/mainDialog';
import type { ChannelPost } from '../../src/report/report';
import type { ChannelStore } from '../../src/store/channelStore';
import type { PreferenceStore } from '../../src/store/preferenceStore';
import type { ReportStore } from '../../src/store/reportStore';
import type { SameTripStore } from '../../src/store/sameTripStore';
import { SameTripRecorder } from '../../src/channel/sameTripRecorder';
import type { ReminderPolicy } from '../../src/reminders/reminderSchedule';
import { parseWorkingWindow } from '../../src/reminders/workingCalendar';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';

/** Records what would be posted in a channel; the HTTP tests post through a fake Bot Connector. */
export class RecordingPublisher implements ReportPublisher {
  readonly posts: { target: PublishTarget; card: AdaptiveCard }[] = [];
  readonly updates: { post: ChannelPost; card: AdaptiveCard }[] = [];
  readonly replies: { post: ChannelPost; text: string }[] = [];

  /** How many of the next posts fail, as when Teams cannot be reached. */
  failPublishes = 0;

  async publish(target: PublishTarget, card: AdaptiveCard): Promise<ChannelPost> {
    if (this.failPublishes > 0) {
      this.failPublishes--;
      throw Object.assign(new Error('Teams is unreachable'), { statusCode: 503 });
    }
    this.posts.push({ target, card });
    const activityId = String(this.posts.length);
    return {
      conversationId: `${target.channelId};messageid=${activityId}`,
      activityId,
      serviceUrl: target.serviceUrl,
      channelId: target.channelId,
      ...(target.teamName ? { teamName: target.teamName } : {}),
      ...(target.channelName ? { channelName: target.channelName } : {}),
      postedAt: new Date().toISOString(),
      syncedVersion: 1,
    };
  }

  /** How many of the next updates fail, as when Teams cannot be reached. */
  failUpdates = 0;

  async update(post: ChannelPost, card: AdaptiveCard): Promise<void> {
    if (this.failUpdates > 0) {
      this.failUpdates--;
      throw Object.assign(new Error('Teams is unreachable'), { statusCode: 503 });
    }
    this.updates.push({ post, card });
  }

  async reply(post: ChannelPost, text: string): Promise<void> {
    this.replies.push({ post, text });
  }
}

/** A TestAdapter that also remembers every card replaced in place, and the order of its calls. */
class RecordingTestAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  /** Every call to Teams, in order: a message sent, or an activity (by id) replaced. */
  readonly calls: string[] = [];

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const responses = await super.sendActivities(context, activities);
    this.calls.push(...activities.map((activity) => `send ${activity.id}`));
    return responses;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    this.updates.push(activity);
    this.calls.push(`update ${activity.id}`);
    return super.updateActivity(context, activity);
  }
}

/** What a test needs to hold a chat with the bot through botbuilder's TestAdapter. */
export interface ChatTesterOptions {
  reports: ReportStore;
  channels: ChannelStore;
  preferences: PreferenceStore;
  reminderPolicy?: ReminderPolicy;
  now?: () => Date;
  locale?: string;
  user?: { id: string; name: string; aadObjectId: string };
  tenantId?: string;
  reportChannelId?: string;
  /** Teams' answer about team membership; default: the traveller is in every team. */
  membership?: TeamMembershipCheck;
  /** The questions the bot asks; default: the product's catalogue. */
  catalogue?: Catalogue;
  /** The colleagues Teams' rosters know, by Entra object id; default: none. */
  colleagues?: Record<string, string>;
  /** Same-trip records: written after posts and read at `nieuw verslag`; default: none. */
  sameTrips?: SameTripStore;
  /**
   * Where the chat's state is kept; default: this tester's own. Two testers on one storage and
   * one report store are two bot instances (scale-out), or one before and after a restart.
   */
  stateStorage?: Storage;
}

/** A personal chat with the bot: say or submit something, get back what the bot answered. */
export class ChatTester {
  readonly publisher = new RecordingPublisher();
  /** Writes the same-trip records after posts (when the options give a store). */
  readonly sameTripRecorder: SameTripRecorder | undefined;
  private readonly adapter: RecordingTestAdapter;
  private readonly user: { id: string; name: string; aadObjectId: string };
  private ids = 0;
  private ticks = 0;
  /** 20 November 2026, a second later at every reading, so that "newest first" is defined. */
  private readonly clock = () => new Date(Date.UTC(2026, 10, 20, 10, 0, this.ticks++));

  constructor(options: ChatTesterOptions) {
    const user = options.user ?? {
      id: '29:traveller-1',
      name: 'Sanne de Vries',
      aadObjectId: 'aad-traveller-1',
    };
    this.user = user;
    const tenantId = options.tenantId ?? 'tenant-1';
    const catalogue = options.catalogue ?? productCatalogue;
    const conversationState = new ConversationState(options.stateStorage ?? new MemoryStorage());
    const log = pino({ level: 'silent' });
    this.sameTripRecorder = options.sameTrips && new SameTripRecorder(options.sameTrips, log);
    const sync = new ReportSync(options.reports, options.channels, this.publisher, log, catalogue, {
      now: options.now ?? this.clock,
      ...(this.sameTripRecorder ? { sameTrips: this.sameTripRecorder } : {}),
    });
    const afterTurn = new AfterTurnWork(log);
    // The HTTP tests play Teams' real answers (200 or 404) through the fake Bot Connector.
    const membership = options.membership ?? { memberOf: async () => ({ userRole: 'user' }) };
    const dialog = new MainDialog({
      catalogue,
      reports: options.reports,
      channels: options.channels,
      preferences: options.preferences,
      reminderPolicy: options.reminderPolicy ?? {
        afterDays: 3,
        calendar: { window: parseWorkingWindow('ma-vr 09:00-17:00'), skipHolidays: true },
      },
      sync,
      afterTurn,
      membership,
      colleagueNames: {
        resolve: async (_context, ids) => {
          const names = new Map<string, string>();
          for (const id of ids) {
            const name = options.colleagues?.[id.toLowerCase()];
            if (name !== undefined) names.set(id.toLowerCase(), name);
          }
          return { names, unresolved: ids.filter((id) => !names.has(id.toLowerCase())) };
        },
      },
      ...(options.sameTrips ? { sameTrips: options.sameTrips } : {}),
      log,
      ...(options.reportChannelId ? { reportChannelId: options.reportChannelId } : {}),
      timeZone: 'Europe/Amsterdam',
      now: options.now ?? this.clock,
      newId: () => `report-${++this.ids}`,
    });
    const bot = new ReisverslagBot({
      conversationState,
      mainDialog: dialog,
      reports: options.reports,
      catalogue,
      channels: options.channels,
      openPersonalChat: async () => {
        throw new Error(
          'The dialog tests play the personal chat only; channel mentions are tested over HTTP.',
        );
      },
      sync,
      afterTurn,
      allowedTenantIds: [],
      membership,
      upload: { hostSuffixes: ['.sharepoint.com'], allowLoopbackHttp: false },
      log,
    });
    const template: Partial<ConversationReference> = {
      channelId: 'msteams',
      user: { ...user, role: 'user' },
      bot: { id: '28:reisverslag', name: 'Reisverslag', role: 'bot' },
      conversation: {
        id: `a:personal-${user.id}`,
        conversationType: 'personal',
        isGroup: false,
        name: '',
        tenantId,
      },
      locale: options.locale ?? 'nl-NL',
    };
    this.adapter = new RecordingTestAdapter(async (context) => bot.run(context), template);
  }

  /** The serviceUrl of the next activities; a test changes it as Teams does when it moves a chat. */
  serviceUrl = 'https://smba.example/emea/';

  /** The user types a message; resolves with the bot's replies of that turn. */
  say(text: string): Promise<Partial<Activity>[]> {
    return this.turn({ type: ActivityTypes.Message, text });
  }

  /** The user sends attachments (a file, an image, a sticker), with the text typed beside them if any. */
  attach(attachments: Attachment[], text?: string): Promise<Partial<Activity>[]> {
    return this.turn({
      type: ActivityTypes.Message,
      attachments,
      ...(text === undefined ? {} : { text }),
    });
  }

  /**
   * The user presses a card button; `value` is the button's data merged with the inputs, and
   * `card` the message of the card, whose id Teams sends as `replyToId`.
   */
  submit(value: Record<string, unknown>, card?: Partial<Activity>): Promise<Partial<Activity>[]> {
    return this.turn({
      type: ActivityTypes.Message,
      value,
      ...(card?.id ? { replyToId: card.id } : {}),
    });
  }

  /** Every card that was replaced in place, oldest first. */
  get updates(): Partial<Activity>[] {
    return this.adapter.updates;
  }

  /** Every call to Teams so far, in order: `send <id>` or `update <id>`. */
  get calls(): readonly string[] {
    return this.adapter.calls;
  }

  private async turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    // Teams sends the Entra object id with every activity; the TestAdapter's template drops it.
    await this.adapter.receiveActivity({
      ...activity,
      from: { ...this.user, role: 'user' },
      // Set per activity: the adapter's template would override it.
      serviceUrl: this.serviceUrl,
    });
    const replies: Partial<Activity>[] = [];
    for (let reply = this.adapter.getNextReply(); reply; reply = this.adapter.getNextReply()) {
      replies.push(reply);
    }
    return replies;
  }
}

/** The Adaptive Card of a reply, or undefined for a plain message. */
export function cardOf(activity: Partial<Activity>): AdaptiveCard | undefined {
  const attachment = activity.attachments?.find(
    (candidate) => candidate.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  return attachment?.content as AdaptiveCard | undefined;
}

/** All the text a reply shows: its message text, or every string in its card (a RichTextBlock's runs as one). */
export function visibleText(activity: Partial<Activity>): string {
  const card = cardOf(activity);
  if (!card) return activity.text ?? '';
  const strings: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      if (['text', 'title', 'label', 'value'].includes(key ?? '')) strings.push(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item));
    else if (node && typeof node === 'object' && 'inlines' in node && Array.isArray(node.inlines)) {
      strings.push(node.inlines.map((run: { text?: unknown }) => String(run.text ?? '')).join(''));
    } else if (node && typeof node === 'object') {
      for (const [childKey, child] of Object.entries(node)) walk(child, childKey);
    }
  };
  walk(card.body);
  walk(card.actions);
  return strings.join('\n');
}

/** The inputs of a card by id, with their properties. */
export function inputsOf(card: AdaptiveCard): Map<string, Record<string, unknown>> {
  const inputs = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
        inputs.set(element.id as string, element);
      }
      Object.values(element).forEach(walk);
    }
  };
  walk(card.body);
  return inputs;
}

/** The data of the card's submit action with this title. */
export function actionData(card: AdaptiveCard, title: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'Action.Submit' && element.title === title && !found) {
        found = element.data as Record<string, unknown>;
      }
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`The card has no button "${title}"`);
  return found;
}

/**
 * What Teams submits for the button `title` with `values` chosen in the card's inputs: the
 * button's data merged with them. Fails when the card has no such input, or no such choice.
 */
export function submitWith(
  card: AdaptiveCard,
  title: string,
  values: Record<string, string>,
): Record<string, unknown> {
  const inputs = inputsOf(card);
  for (const [id, value] of Object.entries(values)) {
    const input = inputs.get(id);
    if (!input) throw new Error(`The card has no input "${id}"; it has: ${[...inputs.keys()]}`);
    const choices = input.choices as { value: string }[] | undefined;
    // Teams' people picker offers whoever Microsoft Graph finds, not only its listed choices.
    const dynamic = input['choices.data'] !== undefined;
    if (choices && !dynamic && !choices.some((choice) => choice.value === value)) {
      throw new Error(`"${value}" is not a choice of input "${id}"`);
    }
  }
  return { ...actionData(card, title), ...values };
}
