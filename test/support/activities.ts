// Factories for activities shaped as Microsoft Teams sends them to a bot's /api/messages
// (wire JSON: timestamps are ISO strings), for the HTTP end-to-end tests.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A Teams user as the bot sees it: `29:` id, display name and Entra object id. */
export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
}

/** The bot's account in Teams: `28:<app id>` and its display name. */
export interface BotAccount {
  id: string;
  name: string;
}

/** A Teams channel: `19:…@thread.tacv2` id and, except for General, its name. */
export interface TeamsChannel {
  id: string;
  name?: string;
}

/** A team; its General channel's id equals the team id, as in Teams. */
export interface TeamsTeam {
  id: string;
  name: string;
  aadGroupId: string;
  channels: TeamsChannel[];
}

/** An activity in Bot Framework wire format (the JSON Teams POSTs). */
export interface TeamsActivity {
  type: string;
  id: string;
  timestamp: string;
  localTimestamp?: string;
  localTimezone?: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: { id: string; name?: string; aadObjectId?: string };
  conversation: {
    id: string;
    conversationType: 'personal' | 'channel' | 'groupChat';
    tenantId: string;
    isGroup?: boolean;
  };
  recipient: BotAccount;
  locale?: string;
  text?: string;
  textFormat?: string;
  value?: unknown;
  /** An invoke's name, e.g. `fileConsent/invoke`. */
  name?: string;
  action?: string;
  replyToId?: string;
  membersAdded?: { id: string; aadObjectId?: string }[];
  membersRemoved?: { id: string; aadObjectId?: string }[];
  attachments?: TeamsAttachment[];
  entities?: Record<string, unknown>[];
  channelData: Record<string, unknown>;
}

/** An attachment of a message, as Teams sends it: a file, an image, a card, the message's HTML. */
export interface TeamsAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

/** Where and as whom an activity is sent; only `serviceUrl` is required. */
export interface TeamsEnv {
  serviceUrl: string;
  tenantId?: string;
  locale?: string;
  timezone?: string;
  bot?: BotAccount;
  /** Fixed activity id and time, for deterministic tests. */
  id?: string;
  timestamp?: Date;
}

/** Defaults used when a factory is not told otherwise. */
export const DEFAULT_TENANT_ID = '0d9b2a6e-3c1f-4e2a-9b7d-5a8c1e2f3b4c';
/** The bot's Teams account in anonymous local mode (no app id configured). */
export const DEFAULT_BOT: BotAccount = {
  id: '28:9b7c3f2e-5a41-4d6b-8e0f-1c2d3e4f5a6b',
  name: 'Reisverslag',
};

let nextActivityId = Date.now();

/** A new Teams-like numeric activity id (epoch milliseconds, strictly increasing). */
export function newActivityId(): string {
  nextActivityId += 1;
  return String(nextActivityId);
}

/** A new Teams user with a random `29:` id and Entra object id. */
export function makeUser(name: string, email?: string): TeamsUser {
  const user: TeamsUser = {
    id: `29:1${randomBytes(30).toString('base64url')}`,
    name,
    aadObjectId: randomUUID(),
  };
  if (email !== undefined) user.email = email;
  return user;
}

/** A new channel id in Teams' format `19:<hex>@thread.tacv2`. */
export function newChannelId(): string {
  return `19:${randomBytes(16).toString('hex')}@thread.tacv2`;
}

/** A new team with its General channel (id = team id) and the named extra channels. */
export function makeTeam(name: string, channelNames: string[] = []): TeamsTeam {
  const id = newChannelId();
  return {
    id,
    name,
    aadGroupId: randomUUID(),
    channels: [{ id }, ...channelNames.map((n) => ({ id: newChannelId(), name: n }))],
  };
}

/** The stable `a:` id Teams gives the personal chat between a user and a bot. */
export function personalConversationId(userId: string, botId: string = DEFAULT_BOT.id): string {
  const digest = createHash('sha256').update(`${userId}|${botId}`).digest('base64url');
  return `a:1${digest}`;
}

/** The conversation id of a channel thread, `<channel>;messageid=<root activity id>`. */
export function threadConversationId(channelId: string, rootActivityId: string): string {
  return `${channelId};messageid=${rootActivityId}`;
}

function common(env: TeamsEnv, type: string, idPrefix = '') {
  const locale = env.locale ?? 'nl-NL';
  const timezone = env.timezone ?? 'Europe/Amsterdam';
  const when = env.timestamp ?? new Date();
  return {
    type,
    id: env.id ?? `${idPrefix}${newActivityId()}`,
    timestamp: when.toISOString(),
    localTimestamp: localIso(when, timezone),
    localTimezone: timezone,
    channelId: 'msteams' as const,
    serviceUrl: env.serviceUrl,
    recipient: env.bot ?? DEFAULT_BOT,
    locale,
    entities: [clientInfo(locale, timezone)],
    tenantId: env.tenantId ?? DEFAULT_TENANT_ID,
  };
}

function clientInfo(locale: string, timezone: string): Record<string, unknown> {
  const country = locale.split('-')[1] ?? 'NL';
  return { type: 'clientInfo', locale, country, platform: 'Web', timezone };
}

/** ISO time with the zone's offset, as Teams puts in `localTimestamp`. */
function localIso(when: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(when);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const local = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  const offsetMin = Math.round(
    (Date.parse(`${local}Z`) - Math.floor(when.getTime() / 1000) * 1000) / 60000,
  );
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}.${String(when.getMilliseconds()).padStart(3, '0')}${sign}${hh}:${mm}`;
}

function personalBase(env: TeamsEnv, user: TeamsUser, type: string, idPrefix = '') {
  const { tenantId, ...base } = common(env, type, idPrefix);
  return {
    ...base,
    conversation: {
      conversationType: 'personal' as const,
      tenantId,
      id: personalConversationId(user.id, base.recipient.id),
    },
    channelData: { tenant: { id: tenantId } } as Record<string, unknown>,
  };
}

/** A text message the user types in the personal chat with the bot. */
export function personalMessage(env: TeamsEnv & { user: TeamsUser; text: string }): TeamsActivity {
  const { user, text } = env;
  return {
    ...personalBase(env, user, 'message'),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    text,
    textFormat: 'plain',
  };
}

/**
 * A message in the personal chat that carries attachments (see `fileAttachments`,
 * `imageAttachments`, `stickerAttachments`), with the text typed beside them if any.
 */
export function personalAttachments(
  env: TeamsEnv & { user: TeamsUser; attachments: TeamsAttachment[]; text?: string },
): TeamsActivity {
  const { user, attachments, text } = env;
  return {
    ...personalBase(env, user, 'message'),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    ...(text === undefined ? {} : { text, textFormat: 'plain' }),
    attachments,
  };
}

/**
 * A file sent in the personal chat (the app's `supportsFiles`): Teams attaches where it lies in
 * the sender's OneDrive and a download link, with no text.
 */
export function fileAttachments(name = 'instapkaart.pdf'): TeamsAttachment[] {
  const uniqueId = randomUUID();
  const extension = name.split('.').pop() ?? '';
  return [
    {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      contentUrl: `https://gemeente-my.sharepoint.com/personal/traveller/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`,
      name,
      content: {
        downloadUrl: `https://gemeente-my.sharepoint.com/personal/traveller/_layouts/15/download.aspx?UniqueId=${uniqueId}&tempauth=x`,
        uniqueId,
        fileType: extension,
      },
    },
  ];
}

/** An image pasted in the chat: `image/*` at Teams' attachment service, and the message's HTML showing it. */
export function imageAttachments(): TeamsAttachment[] {
  const url = `https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d4-${randomBytes(8).toString('hex')}/views/original`;
  return [
    { contentType: 'image/*', contentUrl: url },
    {
      contentType: 'text/html',
      content: `<div><div>\n<div><span><img height="250" src="${url}" width="250" style="vertical-align:bottom; width:250px; height:250px" itemscope="" itemtype="http://schema.skype.com/AMSImage"></span>\n\n</div>\n</div>\n</div>`,
    },
  ];
}

/** A sticker (or, with `gif`, a GIF from Teams' picker): the message's HTML with an `<img>`. */
export function stickerAttachments(kind: 'sticker' | 'gif' = 'sticker'): TeamsAttachment[] {
  const img =
    kind === 'gif'
      ? '<img alt="GIF" src="https://media2.giphy.com/media/v1/giphy.gif" width="320" height="240" itemscope="" itemtype="http://schema.skype.com/Giphy">'
      : `<img alt="Sticker" src="https://us-api.asm.skype.com/v1/objects/0-weu-d2-${randomBytes(8).toString('hex')}/views/imgo" width="200" height="200" itemscope="" itemtype="http://schema.skype.com/AMSImage">`;
  return [{ contentType: 'text/html', content: `<div><div>${img}</div></div>` }];
}

/** The HTML Teams attaches beside typed text with an emoji in it: the emoji is an `<img>` there too. */
export function emojiHtmlAttachments(text: string, emoji: string): TeamsAttachment[] {
  return [
    {
      contentType: 'text/html',
      content: `<p>${escapeHtml(text)} <span class="animated-emoticon-20-like" title="Duim omhoog" type="(like)"><img itemscope="" itemtype="http://schema.skype.com/Emoji" itemid="like" src="https://statics.teams.cdn.office.net/evergreen-assets/personal-expressions/v2/assets/emoticons/like/default/20_f.png" title="Duim omhoog" alt="${emoji}" style="width:20px;height:20px;"></span></p>`,
    },
  ];
}

/**
 * An Adaptive Card Action.Submit in the personal chat: a message with the inputs' `value`
 * and no text; `replyToId` is the card's activity id.
 */
export function cardSubmit(
  env: TeamsEnv & { user: TeamsUser; value: Record<string, unknown>; replyToId?: string },
): TeamsActivity {
  const { user, value } = env;
  const base = personalBase(env, user, 'message');
  const replyToId = env.replyToId ?? newActivityId();
  return {
    ...base,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    replyToId,
    value,
    channelData: { ...base.channelData, source: { name: 'message' }, legacy: { replyToId } },
  };
}

/**
 * Teams' `fileConsent/invoke` when the user presses Allow (`accept`, with where to upload) or
 * Decline on a file consent card in the personal chat; `context` is the card's accept or
 * decline context as the bot sent it.
 */
export function fileConsentInvoke(
  env: TeamsEnv & {
    user: TeamsUser;
    action: 'accept' | 'decline';
    context: unknown;
    uploadInfo?: Record<string, string>;
    replyToId?: string;
  },
): TeamsActivity {
  const { user, action, context, uploadInfo } = env;
  return {
    ...personalBase(env, user, 'invoke'),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', action, context, ...(uploadInfo ? { uploadInfo } : {}) },
    ...(env.replyToId ? { replyToId: env.replyToId } : {}),
  };
}

/** `conversationUpdate` when the user installs the app personally: the bot is added. */
export function personalMembersAdded(
  env: TeamsEnv & { user: TeamsUser; includeUser?: boolean },
): TeamsActivity {
  const { user } = env;
  const base = personalBase(env, user, 'conversationUpdate', 'f:');
  const membersAdded: { id: string; aadObjectId?: string }[] = [{ id: base.recipient.id }];
  if (env.includeUser) membersAdded.push({ id: user.id, aadObjectId: user.aadObjectId });
  return { ...base, from: { id: user.id, aadObjectId: user.aadObjectId }, membersAdded };
}

/** `installationUpdate` (action `add` or `remove`) when the user installs the app personally. */
export function personalInstallationUpdate(
  env: TeamsEnv & { user: TeamsUser; action?: 'add' | 'remove' },
): TeamsActivity {
  const { user } = env;
  const base = personalBase(env, user, 'installationUpdate', 'f:');
  return {
    ...base,
    action: env.action ?? 'add',
    from: { id: user.id, aadObjectId: user.aadObjectId },
    channelData: { ...base.channelData, source: { name: 'message' } },
  };
}

/**
 * `installationUpdate` when the app is added to (or removed from) a team; `channel` is the
 * channel selected during installation (default General).
 */
export function teamInstallationUpdate(
  env: TeamsEnv & {
    user: TeamsUser;
    team: TeamsTeam;
    channel?: TeamsChannel;
    /** The channel chosen in Teams' install dialog; default `channel`. */
    selectedChannel?: TeamsChannel;
    /** Leaves parts of channelData out, as some installs do. */
    omit?: ('selectedChannel' | 'channel')[];
    action?: 'add' | 'remove';
  },
): TeamsActivity {
  const { user, team } = env;
  const channel = env.channel ?? team.channels[0] ?? { id: team.id };
  const selected = env.selectedChannel ?? channel;
  const omit = new Set(env.omit ?? []);
  const { tenantId, ...base } = common(env, 'installationUpdate', 'f:');
  return {
    ...base,
    action: env.action ?? 'add',
    from: { id: user.id, aadObjectId: user.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId, id: channel.id },
    channelData: {
      ...(omit.has('selectedChannel')
        ? {}
        : { settings: { selectedChannel: { id: selected.id } } }),
      ...(omit.has('channel') ? {} : { channel: channelInfo(channel) }),
      team: { aadGroupId: team.aadGroupId, name: team.name, id: team.id },
      tenant: { id: tenantId },
      source: { name: 'message' },
    },
  };
}

/**
 * `conversationUpdate` when someone is removed from a team's members; `removed` is the bot's
 * account when the bot itself was taken out of the team (the app uninstalled that way).
 */
export function teamMembersRemoved(
  env: TeamsEnv & { user: TeamsUser; team: TeamsTeam; removed: { id: string }[] },
): TeamsActivity {
  const { user, team } = env;
  const { tenantId, ...base } = common(env, 'conversationUpdate', 'f:');
  return {
    ...base,
    from: { id: user.id, aadObjectId: user.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId, id: team.id },
    membersRemoved: env.removed,
    channelData: {
      team: { aadGroupId: team.aadGroupId, name: team.name, id: team.id },
      eventType: 'teamMemberRemoved',
      tenant: { id: tenantId },
    },
  };
}

function channelInfo(channel: TeamsChannel): { id: string; name?: string } {
  return channel.name === undefined ? { id: channel.id } : { id: channel.id, name: channel.name };
}

/**
 * A channel message that @mentions the bot, e.g. `<at>Reisverslag</at> gebruik dit kanaal`:
 * a new thread unless `threadRootId` makes it a reply in that thread.
 */
export function channelMention(
  env: TeamsEnv & {
    user: TeamsUser;
    team: TeamsTeam;
    channel: TeamsChannel;
    /** The text after the mention. */
    text: string;
    threadRootId?: string;
  },
): TeamsActivity {
  const { user, team, channel } = env;
  const { tenantId, entities, ...base } = common(env, 'message');
  const botName = base.recipient.name;
  const mention = `<at>${botName}</at>`;
  const html =
    `<div><div><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">` +
    `${escapeHtml(botName)}</span> ${escapeHtml(env.text)}</div></div>`;
  return {
    ...base,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId,
      id: threadConversationId(channel.id, env.threadRootId ?? base.id),
    },
    text: `${mention} ${env.text}`,
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: html }],
    entities: [{ type: 'mention', text: mention, mentioned: { ...base.recipient } }, ...entities],
    channelData: {
      teamsChannelId: channel.id,
      teamsTeamId: team.id,
      channel: { id: channel.id },
      team: { id: team.id },
      tenant: { id: tenantId },
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
