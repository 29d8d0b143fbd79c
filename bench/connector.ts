// A lean fake Bot Connector service for load, run as its own process: it answers the calls a bot
// makes in Teams (send, reply, update, create a channel thread, ask whether a user is in a team)
// the way Teams does (every user is a member of every team here), but keeps only
// counters, the last card of each conversation (for the simulated traveller to press) and the
// channel posts. test/support/fakeConnector.ts records every call in full, which is right for
// the end-to-end tests and too heavy for thousands of turns.
//
// Besides the Bot Connector routes under /teams/v3/, it serves /__bench/* to the load driver:
//   GET /__bench/stats                   counters, CPU time and RSS of this process
//   GET /__bench/conversation?id=<id>    calls in a conversation, the time of the last, its last card
//   GET /__bench/channel-posts           every channel thread the bot started, with its marker
//   GET /__bench/now                     this process's clock (the bench checks it is shared)
//
// With BENCH_TEAMS_DELAY_MS set (`npm run bench -- --delays`), every call under /teams/ is
// answered that many milliseconds late, as Teams in Azure is, unless it carries the header
// x-bench-no-delay (the bench's calibration of this process); the times taken stay arrival times.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nowMs } from './clock';
import { delayFromEnv, NO_DELAY_HEADER, TEAMS_DELAY_ENV } from './delays';

/** The connector operations a bot uses, named after botframework-connector's. */
export type ConnectorCallKind =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMember'
  | 'unknown';

/** Calls and request-body bytes, by kind. */
export interface ConnectorCounts {
  calls: number;
  /** Request body bytes the bot sent. */
  bytes: number;
  byKind: Partial<Record<ConnectorCallKind, { calls: number; bytes: number }>>;
  /** Milliseconds spent in this process's request handlers (after the body arrived). */
  handlerMs: number;
  /** TCP connections opened to this server (the bot's and the driver's). */
  connections: number;
}

/** What GET /__bench/stats answers. */
export interface ConnectorStats extends ConnectorCounts {
  channelPosts: number;
  /** process.cpuUsage() of the connector, µs. */
  cpu: { user: number; system: number };
  rssBytes: number;
}

/** A channel thread the bot started, with the bench marker found in its card (the trip title). */
export interface ChannelPost {
  channelId: string;
  activityId: string;
  marker?: string;
}

/** What GET /__bench/conversation answers. */
export interface ConversationInfo {
  calls: number;
  /** When the last call in this conversation arrived (clock.ts), or 0. */
  lastAt: number;
  lastCall?: ConnectorCallKind;
  /** The last activity with an Adaptive Card the bot sent (not updated) in this conversation. */
  lastCard?: { id: string; activity: Record<string, unknown> };
  /** When that card's call arrived (clock.ts), or absent with no card. */
  lastCardAt?: number;
}

interface Conversation {
  calls: number;
  lastAt: number;
  lastCall: ConnectorCallKind;
  lastCard?: { id: string; body: string; at: number };
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MARKER = /BENCH-[A-Za-z0-9-]+/;
const MESSAGE_ID = ';messageid=';

const counts: ConnectorCounts = { calls: 0, bytes: 0, byKind: {}, handlerMs: 0, connections: 0 };
const conversations = new Map<string, Conversation>();
const channelPosts: ChannelPost[] = [];
let nextId = 1_700_000_000_000;

function newId(): string {
  nextId += 1;
  return String(nextId);
}

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function count(kind: ConnectorCallKind, bytes: number): void {
  counts.calls += 1;
  counts.bytes += bytes;
  const byKind = (counts.byKind[kind] ??= { calls: 0, bytes: 0 });
  byKind.calls += 1;
  byKind.bytes += bytes;
}

function touch(conversationId: string, kind: ConnectorCallKind, at: number): Conversation {
  let conversation = conversations.get(conversationId);
  if (!conversation) {
    conversation = { calls: 0, lastAt: 0, lastCall: kind };
    conversations.set(conversationId, conversation);
  }
  conversation.calls += 1;
  conversation.lastAt = at;
  conversation.lastCall = kind;
  return conversation;
}

/** Answers a Bot Connector call under /teams/v3/ as Teams would. */
function connectorCall(
  method: string,
  segments: string[],
  raw: Buffer,
  at: number,
): [number, string] {
  const [version, collection, id, sub, subId, extra] = segments;
  if (version !== 'v3' || collection !== 'conversations' || extra !== undefined) {
    count('unknown', raw.length);
    return [404, '{"error":{"code":"NotFound","message":"No such operation in the fake"}}'];
  }
  if (id === undefined && method === 'POST') {
    count('createConversation', raw.length);
    const parameters = JSON.parse(raw.toString('utf8')) as {
      channelData?: { channel?: { id?: string } };
    };
    const channelId = parameters.channelData?.channel?.id;
    if (!channelId) {
      return [
        400,
        '{"error":{"code":"BadArgument","message":"The bench fake only starts channel threads"}}',
      ];
    }
    const activityId = newId();
    const marker = MARKER.exec(raw.toString('utf8'))?.[0];
    channelPosts.push({ channelId, activityId, ...(marker ? { marker } : {}) });
    const conversationId = `${channelId}${MESSAGE_ID}${activityId}`;
    touch(conversationId, 'createConversation', at);
    return [201, JSON.stringify({ id: conversationId, activityId })];
  }
  if (id !== undefined && sub === 'members' && subId !== undefined && method === 'GET') {
    // Before posting, the bot asks whether the traveller is in the team: every one is.
    count('getConversationMember', raw.length);
    return [200, JSON.stringify({ id: subId, name: 'Reiziger', userRole: 'user' })];
  }
  if (id !== undefined && sub === 'activities') {
    const kind: ConnectorCallKind | undefined =
      subId === undefined
        ? method === 'POST'
          ? 'sendToConversation'
          : undefined
        : ({ POST: 'replyToActivity', PUT: 'updateActivity', DELETE: 'deleteActivity' } as const)[
            method as 'POST' | 'PUT' | 'DELETE'
          ];
    if (kind) {
      count(kind, raw.length);
      const conversation = touch(id, kind, at);
      const activityId = kind === 'updateActivity' || kind === 'deleteActivity' ? subId : newId();
      if (kind === 'deleteActivity') return [200, '{}'];
      if (kind !== 'updateActivity' && raw.includes(ADAPTIVE_CARD)) {
        conversation.lastCard = { id: activityId ?? '', body: raw.toString('utf8'), at };
      }
      return [kind === 'updateActivity' ? 200 : 201, JSON.stringify({ id: activityId })];
    }
  }
  count('unknown', raw.length);
  return [404, '{"error":{"code":"NotFound","message":"No such operation in the fake"}}'];
}

/** Answers the load driver's questions under /__bench/. */
function benchCall(path: string, query: URLSearchParams): [number, string] {
  switch (path) {
    case '/__bench/stats': {
      const stats: ConnectorStats = {
        ...counts,
        channelPosts: channelPosts.length,
        cpu: process.cpuUsage(),
        rssBytes: process.memoryUsage.rss(),
      };
      return [200, JSON.stringify(stats)];
    }
    case '/__bench/conversation': {
      const conversation = conversations.get(query.get('id') ?? '');
      if (!conversation) return [200, JSON.stringify({ calls: 0, lastAt: 0 })];
      const head = JSON.stringify({
        calls: conversation.calls,
        lastAt: conversation.lastAt,
        lastCall: conversation.lastCall,
      });
      if (!conversation.lastCard) return [200, head];
      // The stored body is the bot's JSON as sent: spliced in, not parsed and serialised again.
      const { id, body, at } = conversation.lastCard;
      return [
        200,
        `${head.slice(0, -1)},"lastCardAt":${at},"lastCard":{"id":${JSON.stringify(id)},"activity":${body}}}`,
      ];
    }
    case '/__bench/channel-posts':
      return [200, JSON.stringify({ posts: channelPosts })];
    case '/__bench/now':
      return [200, JSON.stringify({ now: nowMs() })];
    default:
      return [404, '{"error":"no such bench route"}'];
  }
}

const teamsDelayMs = delayFromEnv(process.env, TEAMS_DELAY_ENV);

const server = createServer((req, res) => {
  const at = nowMs();
  readBody(req)
    .then((raw) => {
      const started = nowMs();
      const url = new URL(req.url ?? '/', 'http://connector');
      const method = req.method ?? 'GET';
      let answer: [number, string];
      let delayMs = 0;
      if (url.pathname.startsWith('/__bench/')) {
        answer = benchCall(url.pathname, url.searchParams);
      } else if (url.pathname.startsWith('/teams/')) {
        const segments = url.pathname
          .slice('/teams/'.length)
          .split('/')
          .filter(Boolean)
          .map(decodeURIComponent);
        answer = connectorCall(method, segments, raw, at);
        counts.handlerMs += nowMs() - started;
        if (req.headers[NO_DELAY_HEADER] === undefined) delayMs = teamsDelayMs;
      } else {
        count('unknown', raw.length);
        answer = [404, '{"error":"not found"}'];
      }
      if (delayMs > 0) setTimeout(() => json(res, ...answer), delayMs);
      else json(res, ...answer);
    })
    .catch((error: unknown) => json(res, 500, JSON.stringify({ error: String(error) })));
});
server.keepAliveTimeout = 60_000;
server.on('connection', () => {
  counts.connections += 1;
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: 'connector', port })}\n`);
});

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
