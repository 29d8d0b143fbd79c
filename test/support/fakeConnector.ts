// A local fake of the Bot Connector REST API (v3) as Microsoft Teams' connector exposes it to
// bots: it answers like Teams, remembers what the bot posted, and records every call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personalConversationId, type TeamsTeam, type TeamsUser } from './activities';

/** The connector operation a call was routed to (named after botframework-connector's). */
export type ConnectorCallKind =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMember'
  | 'getConversationMembers'
  | 'getConversationPagedMembers'
  | 'getTeamDetails'
  | 'getTeamChannels'
  | 'unknown';

/** A member's role in a team, as Teams gives it in `userRole`. */
export type TeamsUserRole = 'user' | 'guest' | 'anonymous';

/** One HTTP request the fake received and how it answered it. */
export interface ConnectorCall {
  seq: number;
  kind: ConnectorCallKind;
  method: string;
  /** The raw request path, still URL-encoded. */
  path: string;
  /** Decoded path parameters. */
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  authorization?: string;
  status: number;
  response: unknown;
  /** True when the answer came from `failNext`. */
  injectedFault: boolean;
  at: Date;
}

/** An activity as the bot sends it (loosely typed: whatever JSON the bot POSTed). */
export interface ActivityBody {
  [key: string]: unknown;
  type?: string;
  id?: string;
  text?: string;
  replyToId?: string;
  attachments?: { contentType: string; content?: unknown; [key: string]: unknown }[];
}

/** An activity the bot posted, in its latest state. */
export interface PostedActivity {
  id: string;
  /** Where it lives: the personal/group chat id, or `<channel>;messageid=<root>` in a channel. */
  conversationId: string;
  /** The conversation id the bot addressed (for a create, the id the fake returned). */
  addressedTo: string;
  /** The Teams channel id when posted in a channel (team channels only). */
  channelId?: string;
  /** The thread's root activity id in a channel; equals `id` for a root post. */
  rootId?: string;
  via: 'createConversation' | 'sendToConversation' | 'replyToActivity';
  /** The latest body (after updates), with `id` set. */
  activity: ActivityBody;
  /** The posted body, then every update's body. */
  versions: ActivityBody[];
  deleted: boolean;
}

/** A fault to inject: the next `count` matching calls get `status` instead of an answer. */
export interface FaultOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Only calls this returns true for are failed (and counted); default all. */
  when?: (
    call: Pick<ConnectorCall, 'kind' | 'method' | 'conversationId' | 'activityId'>,
  ) => boolean;
}

/** Options of the fake; the defaults mimic Teams. */
export interface FakeConnectorOptions {
  /** The serviceUrl's path prefix, like Teams' `/teams/`; default `teams`. */
  pathPrefix?: string;
  /** Larger activity bodies are refused with 413, as Teams does (~100 KB). */
  maxActivityBytes?: number;
}

interface Fault extends FaultOptions {
  remaining: number;
  status: number;
}

interface Route {
  kind: ConnectorCallKind;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const MESSAGE_ID = ';messageid=';

/** True for a Teams team channel id (`@thread.tacv2` / `@thread.skype`), not a group chat. */
export function isChannelConversation(conversationId: string): boolean {
  return /^19:.*@thread\.(?:tacv2|skype)(?:;messageid=\d+)?$/.test(conversationId);
}

function channelOf(conversationId: string): string {
  const at = conversationId.indexOf(MESSAGE_ID);
  return at < 0 ? conversationId : conversationId.slice(0, at);
}

function messageIdOf(conversationId: string): string | undefined {
  const at = conversationId.indexOf(MESSAGE_ID);
  return at < 0 ? undefined : conversationId.slice(at + MESSAGE_ID.length);
}

/** True for a call that posts, updates or replies in a team's channel (not a roster question). */
function isChannelCall(route: Route, raw: Buffer): boolean {
  if (route.kind === 'createConversation') return raw.toString('utf8').includes('"channel"');
  return (
    isActivityWrite(route.kind) &&
    route.conversationId !== undefined &&
    isChannelConversation(route.conversationId)
  );
}

function teamsError(code: string, message: string): unknown {
  return { error: { code, message } };
}

/** The fake Bot Connector service: `await start()`, give the bot `url` as serviceUrl, assert on `calls`. */
export class FakeConnector {
  /** Names this source in failure diagnostics. */
  readonly name = 'fake connector';
  /** Every request received, in order. */
  readonly calls: ConnectorCall[] = [];
  private readonly posted: PostedActivity[] = [];
  private readonly byId = new Map<string, PostedActivity>();
  private readonly faults: Fault[] = [];
  /** Posts deleted by a person in Teams, and what an update of each is answered. */
  private readonly deletedInTeams = new Map<string, 403 | 404>();
  private readonly members = new Map<string, TeamsUser>();
  private readonly teams = new Map<string, TeamsTeam>();
  /** Members of conversations (teams) that have a roster, by conversation id, then user id. */
  private readonly rosters = new Map<
    string,
    Map<string, { user: TeamsUser; userRole: TeamsUserRole }>
  >();
  private readonly pathPrefix: string;
  private readonly maxActivityBytes: number;
  /** How long Teams takes to answer a call in a team's channel (posts, updates, replies). */
  private channelDelayMs = 0;
  /** Channel calls received and not yet answered (held back by `answerChannelCallsAfter`). */
  private channelCallsWaiting = 0;
  private server: Server | undefined;
  private baseUrl: string | undefined;
  // Teams-like numeric ids, clear of the ones activities.ts gives incoming activities.
  private nextId = Date.now() + 1_000_000_000;

  constructor(options: FakeConnectorOptions = {}) {
    this.pathPrefix = (options.pathPrefix ?? 'teams').replace(/^\/+|(?<!\/)\/+$/g, '');
    this.maxActivityBytes = options.maxActivityBytes ?? 100 * 1024;
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<void> {
    if (this.server) throw new Error('FakeConnector already started');
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(teamsError('InternalServerError', String(err))));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    const prefix = this.pathPrefix ? `${this.pathPrefix}/` : '';
    this.baseUrl = `http://127.0.0.1:${port}/${prefix}`;
  }

  /** The serviceUrl to put in activities (ends with `/`, like Teams'). */
  get url(): string {
    if (!this.baseUrl) throw new Error('FakeConnector not started');
    return this.baseUrl;
  }

  /** Closes the server and any open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Answers every call in a team's channel (a new post, an update, a reply in the thread) only
   * after `ms`, as a slow Teams would; the post exists from the answer on. 0 answers at once.
   */
  answerChannelCallsAfter(ms: number): void {
    this.channelDelayMs = ms;
  }

  /** How many channel calls are waiting for their (slow) answer right now. */
  get channelCallsInFlight(): number {
    return this.channelCallsWaiting;
  }

  /** Forgets calls, posted activities and pending faults (members and teams stay). */
  reset(): void {
    this.channelDelayMs = 0;
    this.calls.length = 0;
    this.posted.length = 0;
    this.byId.clear();
    this.faults.length = 0;
    this.deletedInTeams.clear();
  }

  /**
   * A person deletes the bot's post in Teams: from now on an update of it is answered as Teams
   * has answered it, 403 `ServiceError` "Unknown" (microsoft/BotFramework-Services#269), or 404.
   */
  deleteInTeams(activityId: string, status: 403 | 404 = 403): void {
    const target = this.byId.get(activityId);
    if (!target) throw new Error(`FakeConnector.deleteInTeams: no posted activity ${activityId}`);
    target.deleted = true;
    this.deletedInTeams.set(activityId, status);
  }

  /** Makes the next `count` calls (matching `options.when`) fail with `status`. */
  failNext(count: number, status: number, options: FaultOptions = {}): void {
    this.faults.push({ ...options, remaining: count, status });
  }

  /** Registers a user so `GET …/members/:id` returns their Teams channel account. */
  addMember(user: TeamsUser): void {
    this.members.set(user.id, user);
  }

  /**
   * Makes `user` a member of the team (or any conversation) with this id, as Teams knows its
   * members: once a conversation has a member, `GET /v3/conversations/{id}/members/{userId}`
   * answers 200 with the member (and their `userRole`) for its members only, and 404 with the
   * error code `MemberNotFoundInConversation` for anyone else. A conversation without members
   * takes every Teams user (a `29:` id) for one, so tests that do not care need no roster.
   */
  addTeamMember(teamId: string, user: TeamsUser, userRole: TeamsUserRole = 'user'): void {
    let roster = this.rosters.get(teamId);
    if (!roster) {
      roster = new Map();
      this.rosters.set(teamId, roster);
    }
    roster.set(user.id, { user, userRole });
  }

  /** Takes `user` out of the team's members (they left, or were removed). */
  removeTeamMember(teamId: string, userId: string): void {
    this.rosters.get(teamId)?.delete(userId);
  }

  /** Registers a team for `GET /v3/teams/:teamId` and its channel list. */
  addTeam(team: TeamsTeam): void {
    this.teams.set(team.id, team);
  }

  /** Every activity the bot posted (including deleted ones), in order. */
  get activities(): readonly PostedActivity[] {
    return this.posted;
  }

  /** The posted activity with this id. */
  activity(activityId: string): PostedActivity | undefined {
    return this.byId.get(activityId);
  }

  /**
   * Activities posted in a conversation: a chat id, a thread `<channel>;messageid=<root>`,
   * or a bare channel id (then all threads of that channel).
   */
  activitiesIn(conversationId: string): PostedActivity[] {
    return this.posted.filter(
      (p) => p.conversationId === conversationId || p.channelId === conversationId,
    );
  }

  /** The root posts (new threads) the bot created in a channel. */
  channelPosts(channelId: string): PostedActivity[] {
    return this.posted.filter((p) => p.channelId === channelId && p.rootId === p.id);
  }

  /**
   * The root posts in a channel that carry a card: the reports, without the bot's text messages
   * (such as the note at install that reports will be posted there).
   */
  reportPosts(channelId: string): PostedActivity[] {
    return this.channelPosts(channelId).filter((p) =>
      (p.activity.attachments ?? []).some(
        (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
      ),
    );
  }

  /** The bot's replies in the thread whose root post has this id. */
  threadReplies(rootActivityId: string): PostedActivity[] {
    return this.posted.filter((p) => p.rootId === rootActivityId && p.id !== rootActivityId);
  }

  /** The bodies of the successful updates of an activity, in order. */
  updatesOf(activityId: string): ActivityBody[] {
    return this.calls
      .filter((c) => c.kind === 'updateActivity' && c.activityId === activityId && c.status < 300)
      .map((c) => c.body as ActivityBody);
  }

  /** Recorded calls of one kind. */
  callsOf(kind: ConnectorCallKind): ConnectorCall[] {
    return this.calls.filter((c) => c.kind === kind);
  }

  /**
   * Polls until `predicate` returns a truthy value and resolves with it; rejects after
   * `timeoutMs` with `description` and the recorded calls.
   */
  async waitFor<T>(
    predicate: (connector: this) => T,
    timeoutMs = 5000,
    description = 'condition',
  ): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate(this);
      if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
      if (Date.now() >= deadline) {
        throw new Error(
          `FakeConnector.waitFor(${description}) timed out after ${timeoutMs} ms\n${this.output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A readable list of the recorded calls, for failure diagnostics. */
  output(): string {
    if (this.calls.length === 0) return 'fake connector: no calls';
    const lines = this.calls.map((c) => {
      const ids = [c.conversationId, c.activityId].filter(Boolean).join(' / ');
      const body = c.body === undefined ? '' : ` ${truncate(JSON.stringify(c.body), 300)}`;
      return `#${c.seq} ${c.method} ${c.kind} ${ids} -> ${c.status}${c.injectedFault ? ' (injected)' : ''}${body}`;
    });
    return `fake connector calls:\n${lines.join('\n')}`;
  }

  private newId(): string {
    this.nextId += 1;
    return String(this.nextId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = this.route(method, path);
    if (this.channelDelayMs > 0 && isChannelCall(route, raw)) {
      this.channelCallsWaiting += 1;
      try {
        await new Promise((resolve) => setTimeout(resolve, this.channelDelayMs));
      } finally {
        this.channelCallsWaiting -= 1;
      }
    }
    let body: unknown;
    let answer: Answer | undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
        answer = { status: 400, body: teamsError('BadSyntax', 'Request body is not JSON') };
      }
    }
    const fault = answer ? undefined : this.takeFault(method, route);
    if (fault) {
      answer = {
        status: fault.status,
        body: fault.body ?? teamsError('InjectedFault', `Injected failure ${fault.status}`),
      };
      if (fault.headers) answer.headers = fault.headers;
    }
    if (!answer && raw.length > this.maxActivityBytes && isActivityWrite(route.kind)) {
      answer = { status: 413, body: teamsError('MessageSizeTooBig', 'Message size too big') };
    }
    answer ??= this.answer(route, body);
    const call: ConnectorCall = {
      seq: this.calls.length + 1,
      kind: route.kind,
      method,
      path,
      body,
      status: answer.status,
      response: answer.body,
      injectedFault: fault !== undefined,
      at: new Date(),
    };
    for (const key of ['conversationId', 'activityId', 'memberId', 'teamId'] as const) {
      if (route[key] !== undefined) call[key] = route[key];
    }
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    this.calls.push(call);
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers);
      res.end();
    } else {
      res.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
      res.end(JSON.stringify(answer.body));
    }
  }

  private takeFault(method: string, route: Route): Fault | undefined {
    const probe = {
      kind: route.kind,
      method,
      conversationId: route.conversationId,
      activityId: route.activityId,
    };
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.when || f.when(probe)));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private route(method: string, path: string): Route {
    const prefix = this.pathPrefix ? `/${this.pathPrefix}/` : '/';
    if (!path.startsWith(prefix)) return { kind: 'unknown' };
    let segments: string[];
    try {
      segments = path.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { kind: 'unknown' };
    }
    const [version, collection, id, sub, subId, extra] = segments;
    if (version !== 'v3') return { kind: 'unknown' };
    if (collection === 'teams' && id !== undefined && method === 'GET' && subId === undefined) {
      if (sub === undefined) return { kind: 'getTeamDetails', teamId: id };
      if (sub === 'conversations') return { kind: 'getTeamChannels', teamId: id };
      return { kind: 'unknown' };
    }
    if (collection !== 'conversations' || extra !== undefined) return { kind: 'unknown' };
    if (id === undefined)
      return method === 'POST' ? { kind: 'createConversation' } : { kind: 'unknown' };
    const conversationId = id;
    if (sub === 'activities') {
      if (subId === undefined) {
        return method === 'POST'
          ? { kind: 'sendToConversation', conversationId }
          : { kind: 'unknown' };
      }
      const kinds: Record<string, ConnectorCallKind> = {
        POST: 'replyToActivity',
        PUT: 'updateActivity',
        DELETE: 'deleteActivity',
      };
      const kind = kinds[method];
      return kind ? { kind, conversationId, activityId: subId } : { kind: 'unknown' };
    }
    if (method === 'GET' && sub === 'members') {
      return subId === undefined
        ? { kind: 'getConversationMembers', conversationId }
        : { kind: 'getConversationMember', conversationId, memberId: subId };
    }
    if (method === 'GET' && sub === 'pagedmembers' && subId === undefined) {
      return { kind: 'getConversationPagedMembers', conversationId };
    }
    return { kind: 'unknown' };
  }

  private answer(route: Route, body: unknown): Answer {
    const activity = isObject(body) ? (body as ActivityBody) : undefined;
    switch (route.kind) {
      case 'createConversation':
        return this.createConversation(isObject(body) ? body : {});
      case 'sendToConversation':
      case 'replyToActivity': {
        if (!activity)
          return { status: 400, body: teamsError('BadArgument', 'Activity is required') };
        const posted = this.record(
          route.kind,
          route.conversationId ?? '',
          activity,
          route.activityId,
        );
        return { status: 201, body: { id: posted.id } };
      }
      case 'updateActivity': {
        const gone = this.deletedInTeams.get(route.activityId ?? '');
        if (gone === 403) return { status: 403, body: teamsError('ServiceError', 'Unknown') };
        const target = this.findIn(route.conversationId ?? '', route.activityId ?? '');
        if (!target) return notFound('Activity not found in conversation');
        if (!activity)
          return { status: 400, body: teamsError('BadArgument', 'Activity is required') };
        target.activity = { ...activity, id: target.id };
        target.versions.push(activity);
        return { status: 200, body: { id: target.id } };
      }
      case 'deleteActivity': {
        const target = this.findIn(route.conversationId ?? '', route.activityId ?? '');
        if (!target) return notFound('Activity not found in conversation');
        target.deleted = true;
        return { status: 200 };
      }
      case 'getConversationMember': {
        const memberId = route.memberId ?? '';
        const roster = this.rosters.get(route.conversationId ?? '');
        if (roster) {
          // Teams takes a user's Entra object id for their member id too.
          const found =
            roster.get(memberId) ??
            [...roster.values()].find((member) => member.user.aadObjectId === memberId);
          if (!found) {
            return {
              status: 404,
              body: teamsError('MemberNotFoundInConversation', 'Member not found in conversation'),
            };
          }
          return { status: 200, body: channelAccount(found.user, found.userRole) };
        }
        const user = this.members.get(memberId);
        if (!user && !memberId.startsWith('29:')) {
          return {
            status: 404,
            body: teamsError('MemberNotFoundInConversation', 'Member not found'),
          };
        }
        return { status: 200, body: channelAccount(user ?? synthesizedUser(memberId)) };
      }
      case 'getConversationMembers':
        return { status: 200, body: this.membersOf(route.conversationId ?? '') };
      case 'getConversationPagedMembers':
        return { status: 200, body: { members: this.membersOf(route.conversationId ?? '') } };
      case 'getTeamDetails': {
        const team = this.teams.get(route.teamId ?? '');
        if (!team) return notFound('Team not found');
        return {
          status: 200,
          body: {
            id: team.id,
            name: team.name,
            aadGroupId: team.aadGroupId,
            channelCount: team.channels.length,
            memberCount: this.members.size,
            type: 'standard',
          },
        };
      }
      case 'getTeamChannels': {
        const team = this.teams.get(route.teamId ?? '');
        if (!team) return notFound('Team not found');
        return { status: 200, body: { conversations: team.channels } };
      }
      case 'unknown':
        return notFound('No such operation in the fake connector');
    }
  }

  /** The members of a conversation with a roster, else every registered user. */
  private membersOf(conversationId: string): Record<string, unknown>[] {
    const roster = this.rosters.get(conversationId);
    if (roster) {
      return [...roster.values()].map(({ user, userRole }) => channelAccount(user, userRole));
    }
    return [...this.members.values()].map((user) => channelAccount(user));
  }

  private createConversation(params: Record<string, unknown>): Answer {
    const activity = isObject(params.activity) ? (params.activity as ActivityBody) : undefined;
    const channelData = isObject(params.channelData) ? params.channelData : {};
    const channel = isObject(channelData.channel) ? channelData.channel : {};
    const channelId = typeof channel.id === 'string' ? channel.id : undefined;
    if (channelId) {
      if (!activity)
        return { status: 400, body: teamsError('BadArgument', 'Activity is required') };
      const posted = this.record('createConversation', channelId, activity);
      return { status: 201, body: { id: posted.conversationId, activityId: posted.id } };
    }
    const members = Array.isArray(params.members) ? params.members : [];
    const member: unknown = members[0];
    if (members.length !== 1 || !isObject(member) || typeof member.id !== 'string') {
      return {
        status: 400,
        body: teamsError('BadArgument', 'Exactly one member or a channel is required'),
      };
    }
    const bot =
      isObject(params.bot) && typeof params.bot.id === 'string' ? params.bot.id : undefined;
    const conversationId = personalConversationId(member.id, bot);
    if (!activity) return { status: 201, body: { id: conversationId } };
    const posted = this.record('createConversation', conversationId, activity);
    return { status: 201, body: { id: conversationId, activityId: posted.id } };
  }

  private record(
    via: PostedActivity['via'],
    addressedTo: string,
    body: ActivityBody,
    replyTo?: string,
  ): PostedActivity {
    const id = this.newId();
    const posted: PostedActivity = {
      id,
      conversationId: addressedTo,
      addressedTo,
      via,
      activity: { ...body, id },
      versions: [body],
      deleted: false,
    };
    if (isChannelConversation(addressedTo)) {
      const channelId = channelOf(addressedTo);
      // A thread id, or the root of the replied-to activity, or else a new thread.
      const rootId =
        messageIdOf(addressedTo) ??
        (replyTo !== undefined ? (this.byId.get(replyTo)?.rootId ?? replyTo) : id);
      posted.channelId = channelId;
      posted.rootId = rootId;
      posted.conversationId = `${channelId}${MESSAGE_ID}${rootId}`;
      if (via === 'createConversation') posted.addressedTo = posted.conversationId;
    }
    this.posted.push(posted);
    this.byId.set(id, posted);
    return posted;
  }

  private findIn(conversationId: string, activityId: string): PostedActivity | undefined {
    const target = this.byId.get(activityId);
    if (!target || target.deleted) return undefined;
    return channelOf(target.conversationId) === channelOf(conversationId) ? target : undefined;
  }
}

function notFound(message: string): Answer {
  return { status: 404, body: teamsError('NotFound', message) };
}

function isActivityWrite(kind: ConnectorCallKind): boolean {
  return ['createConversation', 'sendToConversation', 'replyToActivity', 'updateActivity'].includes(
    kind,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function synthesizedUser(id: string): TeamsUser {
  return { id, name: 'Teams-gebruiker', aadObjectId: '00000000-0000-0000-0000-000000000000' };
}

function channelAccount(
  user: TeamsUser,
  userRole: TeamsUserRole = 'user',
): Record<string, unknown> {
  const [givenName, ...rest] = user.name.split(' ');
  const email = user.email ?? `${user.name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    givenName,
    surname: rest.join(' ') || undefined,
    email,
    userPrincipalName: email,
    userRole,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
