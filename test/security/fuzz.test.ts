// A fuzz test of POST /api/messages: a few thousand random and hostile activities (every kind of
// activity Teams sends and some it never does, from random users in personal chats, channels and
// group chats, with hostile text, forged and malformed card submits and random locales), some of
// them at once. Nothing of it may get a 5xx or crash the bot, and the reports of two travellers
// who never take part (one posted, one a draft) must stay exactly as they were: their documents,
// the post in the channel, and their personal chats.
//
// The activities come from a seeded PRNG: the seed is printed, and FUZZ_SEED=<seed> repeats the
// same activities (FUZZ_ACTIVITIES=<n> changes how many, FUZZ_BUDGET_MS=<ms> how long they may
// take). A 5xx is shrunk to a smallest activity that still gets it; every failing activity is
// written to test-output/security/.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_BOT,
  makeTeam,
  makeUser,
  personalConversationId,
  teamInstallationUpdate,
  type TeamsChannel,
  type TeamsTeam,
} from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  PROJECT_ROOT,
  postActivity,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { lastCard, TravellerClient } from '../e2e/travellerClient';
import { completeTypedReport, reportIdOf, tripDates, type Trip } from '../e2e/trips';
import { StoreProbe, type StoredDocument } from './support/probes';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(1, 2 ** 31 - 1);
const ACTIVITIES = Number(process.env.FUZZ_ACTIVITIES ?? 2500);
/** Sending stops after this long, however many were sent (at least MIN_ACTIVITIES must be). */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000);
const MIN_ACTIVITIES = Math.min(ACTIVITIES, 1000);
/** Activities in flight at once. */
const CONCURRENCY = 16;
/** No single request may take longer: a hang is as bad as a crash. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Requests the shrinking of one failure may send, and how many kinds of failure are shrunk. */
const SHRINK_BUDGET = 200;
const SHRINK_KINDS = 3;

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32) and what it picks.

class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [weight, value] of choices) {
      at -= weight;
      if (at < 0) return value;
    }
    return (choices.at(-1) as readonly [number, T])[1];
  }

  hex(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += this.int(0, 15).toString(16);
    return text;
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  /** Random code points from every awkward part of Unicode, lone surrogates included. */
  unicode(length: number): string {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0x00, 0x1f],
      [0x7f, 0x9f],
      [0x0300, 0x036f],
      [0x0590, 0x05ff],
      [0x0600, 0x06ff],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0x2066, 0x2069],
      [0x4e00, 0x4e80],
      [0xd800, 0xdfff],
      [0xfff0, 0xffff],
      [0x1f300, 0x1faff],
      [0xe0000, 0xe007f],
    ];
    let text = '';
    for (let i = 0; i < length; i += 1) {
      const [low, high] = this.pick(ranges);
      text += String.fromCodePoint(this.int(low, high));
    }
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// The material: commands, hostile strings, answers that almost parse.

const COMMANDS = [
  'nieuw verslag',
  'nieuw',
  'new report',
  'start',
  'mijn verslagen',
  'my reports',
  'wijzig',
  'wijzig doel',
  'wijzig de datums',
  'wijzig wie',
  'wijzig titel',
  'wijzig onbekend',
  'change purpose',
  'edit',
  'plaatsen',
  'plaatsen in kanaal',
  'post',
  'stop',
  'pauze',
  'help',
  '?',
  'vorige',
  'terug',
  'verder',
  'ja',
  'nee',
  'bevestigen',
  'annuleren',
  'gebruik dit kanaal',
  'use this channel',
  'Wijzigen',
  'WIJZIG DOEL!',
  '  Nieuw   Verslag.  ',
];

const HOSTILE = [
  '${1+1}',
  '${$root.reportId}',
  '${json($root)}',
  "${if(true, 'a', 'b')}",
  '${',
  '{{name}}',
  '{{constructor.constructor("return process")()}}',
  '"',
  "'",
  '\\',
  '\\"',
  '\\u0000',
  '<b>x</b><script>alert(1)</script>',
  '<at>Reisverslag</at>',
  '<img src=x onerror=alert(1)>',
  '[klik](https://evil.example/)',
  '![x](https://evil.example/x.png)',
  '**vet** _schuin_ `code`',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C',
  '👩‍👩‍👧‍👦🧑🏽‍🚀🏳️‍🌈🇳🇱',
  '\u0000',
  '\u0007\u001b[31mrood\u001b[0m',
  '\r\n\r\n',
  '\uFEFF',
  '\uD800',
  '%s%d%n%x',
  '../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
  ' ',
  '',
  ';;;',
  '(',
  'Naam (',
  '() ()',
  '__proto__',
  'constructor',
  'toString',
];

const ALMOST_ANSWERS = [
  '0',
  '-1',
  '501',
  '3 personen',
  '１２',
  '1e3',
  '2.5',
  '31-02-2025 t/m 01-03-2025',
  '01-01-2099 t/m 02-01-2099',
  '05-11-2025 - 03-11-2025',
  '2 dagen (1 nacht)',
  '99999 dagen',
  '0 dagen',
  'gisteren',
  'Eva Huber (wethouder); Lukas Gruber - directeur',
  'Alleen een naam',
  'ja',
  'nee, geen',
  'ja, ' + '${1+1}',
];

const INVOKE_NAMES = [
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'composeExtension/query',
  'composeExtension/submitAction',
  'composeExtension/queryLink',
  'signin/verifyState',
  'signin/tokenExchange',
  'actionableMessage/executeAction',
  'fileConsent/invoke',
  'config/fetch',
  'tab/fetch',
  'application/search',
  'handoff/action',
];

const CARD_ACTIONS = [
  'answer',
  'previous',
  'change',
  'post',
  'resume',
  'newReport',
  'chooseTeam',
  'edit',
  'editPart',
  'confirmEdit',
  'cancelEdit',
];

const QUESTION_KEYS = [
  'title',
  'destination',
  'persons',
  'duration',
  'purpose',
  'locations',
  'peopleMet',
  'outcome',
  'followUp',
];

const LOCALES = [
  'nl-NL',
  'en-US',
  'en-GB',
  'nl',
  'EN',
  'de-DE',
  'fr-FR',
  'ar-SA',
  'he-IL',
  'zh-CN',
  '',
  'xx',
  'en-${1+1}',
  'a'.repeat(1000),
];

/** The activity types Teams sends; the fuzzer makes up others too. */
const KNOWN_TYPES = [
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'event',
  'messageReaction',
  'typing',
  'endOfConversation',
  'messageUpdate',
  'messageDelete',
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

// ---------------------------------------------------------------------------------------------
// The generator.

/** What the fuzzer may aim at: the team, and the posted and draft reports it must not touch. */
interface Targets {
  serviceUrl: string;
  tenantId: string;
  team: TeamsTeam;
  channel: TeamsChannel;
  postedReportId: string;
  postedRootId: string;
  draftReportId: string;
  /** Ids no fuzz user may have. */
  forbiddenIds: Set<string>;
}

interface FuzzUser {
  id: string;
  name?: unknown;
  aadObjectId?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object with an own property `key` (also for `__proto__`, which `obj[key] =` would not make). */
function withOwn(object: { [key: string]: Json }, key: string, value: Json) {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

class Fuzzer {
  private readonly users: FuzzUser[] = [];
  private counter = 0;

  constructor(
    private readonly r: Random,
    private readonly t: Targets,
  ) {
    for (let i = 0; i < 40; i += 1) this.users.push(this.newUser());
  }

  /** The next activity, as the JSON body to POST. */
  activity(): string {
    const { r } = this;
    const type = r.weighted<string>([
      [45, 'message'],
      [12, 'invoke'],
      [10, 'conversationUpdate'],
      [8, 'installationUpdate'],
      [5, 'event'],
      [5, 'messageReaction'],
      [3, 'typing'],
      [2, 'endOfConversation'],
      [3, 'messageUpdate'],
      [2, 'messageDelete'],
      [5, 'unknown'],
    ]);
    const user = r.chance(0.8) ? r.pick(this.users) : this.newUser();
    const place = r.weighted<'personal' | 'channel' | 'group' | 'odd'>([
      [50, 'personal'],
      [25, 'channel'],
      [10, 'group'],
      [15, 'odd'],
    ]);
    const tenantId: Json = r.weighted<Json>([
      [70, this.t.tenantId],
      [15, r.uuid()],
      [10, null],
      [5, r.pick<Json>([5, {}, 'x'.repeat(300), this.t.tenantId.toUpperCase()])],
    ]);
    const activity: { [key: string]: Json } = {
      type: type === 'unknown' ? r.pick(['Message', 'trace', 'handoff', 'x', r.unicode(8)]) : type,
      id: this.activityId(),
      timestamp: new Date().toISOString(),
      channelId: r.chance(0.95) ? 'msteams' : r.pick(['webchat', 'emulator', 'x']),
      serviceUrl: r.chance(0.95)
        ? this.t.serviceUrl
        : r.pick(['http://127.0.0.1:1/', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd']),
      from: this.from(user),
      recipient: { id: DEFAULT_BOT.id, name: DEFAULT_BOT.name },
      conversation: this.conversation(place, user, tenantId),
      channelData: this.channelData(place, tenantId),
    };
    if (r.chance(0.9)) activity.locale = r.pick(LOCALES);
    if (r.chance(0.3)) activity.entities = [{ type: 'clientInfo', locale: r.pick(LOCALES) }];
    // expectReplies: the replies come back in the HTTP answer instead of through the connector.
    if (r.chance(0.03)) {
      activity.deliveryMode = r.pick<Json>(['expectReplies', 'notification', 'normal', 'x', 5]);
    }
    this.fill(activity, type, place);
    this.corrupt(activity);
    return JSON.stringify(activity);
  }

  private newUser(): FuzzUser {
    const { r } = this;
    for (;;) {
      const user: FuzzUser = {
        id: r.chance(0.9) ? `29:1fuzz${r.hex(24)}` : r.pick([`29:${r.unicode(20)}`, r.hex(300)]),
        name: r.weighted<unknown>([
          [70, `Fuzz ${r.hex(4)}`],
          [20, r.pick(HOSTILE)],
          [5, undefined],
          [5, r.pick<unknown>([5, {}, ['x'], null])],
        ]),
      };
      if (r.chance(0.9)) user.aadObjectId = r.uuid();
      if (!this.t.forbiddenIds.has(user.id) && !this.t.forbiddenIds.has(user.aadObjectId ?? '')) {
        return user;
      }
    }
  }

  private activityId(): string {
    this.counter += 1;
    return `fuzz-${SEED}-${this.counter}`;
  }

  private from(user: FuzzUser): Json {
    const from: { [key: string]: Json } = { id: user.id };
    if (user.name !== undefined) from.name = user.name as Json;
    if (user.aadObjectId !== undefined) from.aadObjectId = user.aadObjectId;
    return from;
  }

  private conversation(place: string, user: FuzzUser, tenantId: Json): Json {
    const { r, t } = this;
    const conversation: { [key: string]: Json } = {};
    if (tenantId !== null) conversation.tenantId = tenantId;
    switch (place) {
      case 'personal':
        return {
          ...conversation,
          conversationType: 'personal',
          id: personalConversationId(user.id),
        };
      case 'channel': {
        const root = r.pick([t.postedRootId, t.postedRootId, r.hex(13), '']);
        const channelId = r.chance(0.8) ? t.channel.id : t.team.id;
        return {
          ...conversation,
          conversationType: 'channel',
          isGroup: true,
          id: root ? `${channelId};messageid=${root}` : channelId,
        };
      }
      case 'group':
        return {
          ...conversation,
          conversationType: 'groupChat',
          isGroup: true,
          id: `19:fuzz${r.hex(16)}@thread.v2`,
        };
      default:
        return {
          ...conversation,
          conversationType: r.pick<Json>(['personal', 'channel', 'x', 5, null]),
          id: r.pick([
            `a:${r.unicode(12)}`,
            `a:/../#?%*${r.hex(8)}`,
            'x'.repeat(300),
            `${t.channel.id};messageid=${t.postedRootId};messageid=1`,
            personalConversationId(user.id).toUpperCase(),
          ]),
        };
    }
  }

  private channelData(place: string, tenantId: Json): Json {
    const { r, t } = this;
    const data: { [key: string]: Json } = {};
    if (tenantId !== null) data.tenant = { id: tenantId };
    if (place === 'channel' || r.chance(0.1)) {
      data.team = r.weighted<Json>([
        [70, { id: t.team.id, name: t.team.name, aadGroupId: t.team.aadGroupId }],
        [15, { id: `19:fuzz${r.hex(16)}@thread.tacv2`, name: r.pick(HOSTILE) }],
        [15, r.pick<Json>([{}, 'x', 5, null, [], { id: 5 }, { id: '' }])],
      ]);
      data.channel = r.weighted<Json>([
        [80, { id: t.channel.id }],
        [20, r.pick<Json>([{}, 'x', null, { id: t.team.id }, { id: 5, name: {} }])],
      ]);
    }
    return data;
  }

  /** The type's own fields. */
  private fill(activity: { [key: string]: Json }, type: string, place: string): void {
    const { r, t } = this;
    switch (type) {
      case 'message': {
        if (r.chance(0.7)) {
          const text = this.text();
          activity.text =
            place === 'channel' && typeof text === 'string' && r.chance(0.8)
              ? `<at>${DEFAULT_BOT.name}</at> ${text}`
              : text;
          if (place === 'channel' && r.chance(0.8)) {
            activity.entities = [
              {
                type: 'mention',
                text: `<at>${DEFAULT_BOT.name}</at>`,
                mentioned: { id: DEFAULT_BOT.id, name: DEFAULT_BOT.name },
              },
            ];
          }
        }
        if (r.chance(0.15)) {
          activity.attachments = [
            { contentType: 'text/html', content: `<div>${r.pick(HOSTILE)}</div>` },
          ];
        }
        if (!('text' in activity) || r.chance(0.3)) {
          activity.value = this.cardValue();
          activity.replyToId = r.pick([r.hex(13), t.postedRootId]);
        }
        break;
      }
      case 'invoke':
        if (r.chance(0.95)) activity.name = r.chance(0.85) ? r.pick(INVOKE_NAMES) : r.unicode(10);
        activity.value =
          activity.name === 'adaptiveCard/action'
            ? {
                action: {
                  type: 'Action.Execute',
                  verb: r.pick(CARD_ACTIONS),
                  data: this.cardValue(),
                },
                trigger: 'manual',
              }
            : this.json(3);
        break;
      case 'conversationUpdate':
        activity.membersAdded = r.pick<Json>([
          [{ id: DEFAULT_BOT.id }],
          [{ id: (activity.from as { id: Json }).id }],
          [],
          'x',
          [null],
          [{}],
          [{ id: 5 }],
        ]);
        if (r.chance(0.3)) activity.membersRemoved = r.pick<Json>([[{ id: DEFAULT_BOT.id }], 'x']);
        if (r.chance(0.5)) {
          (activity.channelData as { [key: string]: Json }).eventType = r.pick([
            'teamMemberAdded',
            'channelCreated',
            'channelDeleted',
            'teamRenamed',
            'teamDeleted',
            r.unicode(6),
          ]);
        }
        break;
      case 'installationUpdate':
        activity.action = r.pick<Json>(['add', 'remove', 'add-upgrade', 'remove-upgrade', 'x', 5]);
        break;
      case 'event':
        activity.name = r.pick<Json>(['application/vnd.microsoft.meetingStart', 'x', 5]);
        activity.value = this.json(3);
        break;
      case 'messageReaction':
        activity.replyToId = r.pick([t.postedRootId, r.hex(13)]);
        activity[r.chance(0.5) ? 'reactionsAdded' : 'reactionsRemoved'] = r.pick<Json>([
          [{ type: 'like' }],
          [{ type: r.pick(HOSTILE) }],
          'x',
          [null],
        ]);
        break;
      case 'messageUpdate':
      case 'messageDelete':
        activity.id = r.pick([t.postedRootId, activity.id as string]);
        activity.text = this.text();
        (activity.channelData as { [key: string]: Json }).eventType = r.pick([
          'editMessage',
          'softDeleteMessage',
          'undeleteMessage',
          'x',
        ]);
        break;
      default:
        if (r.chance(0.5)) activity.value = this.json(3);
    }
  }

  /** Now and then one field of the activity gets a wrong type or an odd value. */
  private corrupt(activity: { [key: string]: Json }): void {
    const { r } = this;
    if (!r.chance(0.08)) return;
    const field = r.pick([
      'locale',
      'text',
      'recipient',
      'timestamp',
      'entities',
      'attachments',
      'channelData',
      'replyToId',
      'id',
      'from.name',
      'value',
    ]);
    const odd = r.pick<Json>([5, -1, true, null, {}, [], 'x', [null], { a: { b: {} } }, 1e308]);
    if (field === 'from.name') (activity.from as { [key: string]: Json }).name = odd;
    else if (odd === null) delete activity[field];
    else activity[field] = odd;
  }

  /** Text a user might type, or anything else. */
  private text(): Json {
    const { r } = this;
    return r.weighted<() => Json>([
      [30, () => r.pick(COMMANDS)],
      [20, () => r.pick(HOSTILE)],
      [10, () => `${r.pick(COMMANDS)} ${r.pick(HOSTILE)}`],
      [10, () => r.pick(ALMOST_ANSWERS)],
      [15, () => r.unicode(r.int(0, 300))],
      [5, () => r.pick(['x', '😀', '\u0000']).repeat(4001)],
      [2, () => 'x'.repeat(60_000)],
      [3, () => Array.from({ length: 101 }, (_, i) => `Persoon ${i} (functie)`).join('\n')],
      [5, () => r.pick<Json>([5, null, true, {}, ['wijzig doel'], { text: 'stop' }])],
    ])();
  }

  /** A card submit's value: forged actions, other users' report ids, wrong types, prototype keys. */
  private cardValue(): Json {
    const { r, t } = this;
    if (r.chance(0.08)) return r.pick<Json>(['post', 5, true, [], ['post'], this.json(6)]);
    const value: { [key: string]: Json } = {};
    if (r.chance(0.9)) {
      value.action = r.weighted<Json>([
        [80, r.pick(CARD_ACTIONS)],
        [10, r.pick(['unknown', 'Post', '', ...PROTO_KEYS, ...HOSTILE.slice(0, 5)])],
        [10, r.pick<Json>([5, true, null, {}, ['post'], { action: 'post' }])],
      ]);
    }
    if (r.chance(0.8)) {
      value.reportId = r.weighted<Json>([
        [25, t.postedReportId],
        [10, t.draftReportId],
        [25, r.uuid()],
        [10, r.pick(['', ' ', 'x'.repeat(101), `${t.postedReportId}\u0000`])],
        [10, r.pick([t.postedReportId.toUpperCase(), ` ${t.postedReportId}`, r.pick(HOSTILE)])],
        [20, r.pick<Json>([5, null, {}, [t.postedReportId], { $ne: null }, true])],
      ]);
    }
    if (r.chance(0.6)) {
      value.questionKey = r.weighted<Json>([
        [70, r.pick(QUESTION_KEYS)],
        [20, r.pick([...PROTO_KEYS, 'x', ''])],
        [10, r.pick<Json>([5, {}, ['title'], null])],
      ]);
    }
    if (r.chance(0.2)) value.teamId = r.pick<Json>([t.team.id, r.hex(10), 5, {}]);
    for (const input of ['answer', 'departure', 'return', 'choice']) {
      if (r.chance(0.35)) value[input] = this.inputValue(input);
    }
    if (r.chance(0.15)) {
      withOwn(
        value,
        r.pick(PROTO_KEYS),
        r.pick<Json>([
          { action: 'post', reportId: t.postedReportId, isAdmin: true },
          { prototype: { polluted: true } },
          'x',
          5,
        ]),
      );
    }
    if (r.chance(0.1)) value[r.pick(HOSTILE) || 'k'] = this.json(4);
    return value;
  }

  private inputValue(input: string): Json {
    const { r } = this;
    return r.weighted<() => Json>([
      [40, () => this.text()],
      [
        15,
        () =>
          input === 'choice'
            ? r.pick(['yes', 'no', 'true', 'false', 'JA', ''])
            : r.pick(['2025-02-30', '9999-12-31', '0000-00-00', '-001-01-01', '2025-1-1', '1e3']),
      ],
      [15, () => r.pick<Json>([1e308, -1e308, 2 ** 53 + 1, -0, 0.5, 3, 500, 501])],
      [15, () => r.pick<Json>([true, false, null, [], {}, ['a', 'b']])],
      [15, () => this.json(r.int(2, 30))],
    ])();
  }

  /**
   * Random JSON nested `depth` deep: a few levels branch (at most 3 children, so it stays small),
   * deeper ones are a chain of single objects or arrays.
   */
  private json(depth: number): Json {
    const { r } = this;
    if (depth <= 0 || r.chance(0.25)) return this.leaf();
    if (depth > 3) {
      let value = this.json(3);
      for (let level = 3; level < depth; level += 1) {
        value = r.chance(0.5) ? [value] : withOwn({}, r.pick([...PROTO_KEYS, 'a', 'value']), value);
      }
      return value;
    }
    if (r.chance(0.5)) return Array.from({ length: r.int(0, 3) }, () => this.json(depth - 1));
    const object: { [key: string]: Json } = {};
    for (let i = r.int(0, 3); i > 0; i -= 1) {
      const key = r.pick([...PROTO_KEYS, 'action', 'reportId', 'x', r.unicode(4)]);
      withOwn(object, key, this.json(depth - 1));
    }
    return object;
  }

  private leaf(): Json {
    const { r } = this;
    return r.pick<() => Json>([
      () => r.pick(HOSTILE),
      () => r.int(-1000, 1000),
      () => r.pick<Json>([null, true, false, 1e308, -0]),
      () => r.unicode(r.int(0, 20)),
    ])();
  }
}

// ---------------------------------------------------------------------------------------------
// Sending, and shrinking what fails.

/** What came back for one activity: a status, or the error of a request that got no answer. */
interface Outcome {
  index: number;
  body: string;
  status?: number;
  error?: string;
  ms?: number;
}

function failed(outcome: Pick<Outcome, 'status' | 'error'>): boolean {
  return outcome.error !== undefined || (outcome.status ?? 0) >= 500;
}

/** The activity's `type`, and the name of an invoke. */
function kindOf(body: string, withName = true): string {
  try {
    const activity = JSON.parse(body) as { type?: unknown; name?: unknown };
    const name = withName && typeof activity.name === 'string' ? ` ${activity.name}` : '';
    return `${String(activity.type)}${activity.type === 'invoke' ? name : ''}`;
  } catch {
    return '(not JSON)';
  }
}

type Path = (string | number)[];

/** Every path in a JSON value, parents first. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsOf(item, [...path, index])));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      paths.push(...pathsOf((value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  return paths;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Sets an own property, also `__proto__`. */
function setOwn(parent: unknown, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Smaller versions of a JSON body: a property or item removed, a string shortened, a tree emptied. */
function* smaller(body: string): Generator<string> {
  const root = JSON.parse(body) as unknown;
  for (const path of pathsOf(root)) {
    if (path.length === 0) continue;
    const key = path.at(-1) as string | number;
    const value = valueAt(root, path);
    const changes: ((parent: unknown) => void)[] = [
      (parent) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key];
      },
    ];
    if (typeof value === 'string' && value.length > 1) {
      changes.push((parent) => setOwn(parent, key, value.slice(0, Math.ceil(value.length / 2))));
      changes.push((parent) => setOwn(parent, key, value.slice(0, 1)));
    }
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      changes.push((parent) => setOwn(parent, key, Array.isArray(value) ? [] : {}));
    }
    for (const change of changes) {
      const copy = JSON.parse(body) as unknown;
      change(valueAt(copy, path.slice(0, -1)));
      yield JSON.stringify(copy);
    }
  }
}

/** Normalised JSON of stored documents: sorted by id, without Cosmos DB's system properties. */
function contentOf(documents: StoredDocument[]): string {
  return JSON.stringify(
    documents
      .map(({ container, document }) => ({
        container,
        document: Object.fromEntries(Object.entries(document).filter(([k]) => !k.startsWith('_'))),
      }))
      .sort((a, b) =>
        `${a.container}/${a.document.id}`.localeCompare(`${b.container}/${b.document.id}`),
      ),
    null,
    1,
  );
}

function etagsOf(documents: StoredDocument[]): string[] {
  return documents
    .map(({ container, document }) => `${container}/${document.id} ${document._etag}`)
    .sort();
}

/** CPU seconds a process has used so far (Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

// ---------------------------------------------------------------------------------------------

const postedTrip: Trip = {
  title: 'Smart Harbours Summit',
  destination: 'Rotterdam-Antwerpen, België',
  persons: 2,
  ...tripDates(4),
  purpose: 'Kennismaken met de digitale haven van Antwerpen.',
  locations: 'Havenhuis Antwerpen',
  people: [{ name: 'Els Peeters', role: 'havenkapitein' }],
  outcome: 'Een uitnodiging voor een werkbezoek.',
  agreements: 'een terugbezoek in het voorjaar',
};

describe('security: a few thousand random and hostile activities (fuzz)', function () {
  this.timeout(90_000);
  const connector = new FakeConnector();
  let cosmos: CosmosServer;
  let bot: BotProcess;
  let store: StoreProbe;
  let targets: Targets;
  /** The two travellers who take no part: their ids and personal chats. */
  const bystanders: { id: string; aadObjectId: string; chatId: string }[] = [];
  /** What the bystanders have before the fuzzing. */
  let snapshot: { documents: string; etags: string[]; postCard: string; calls: number };
  const outcomes: Outcome[] = [];

  /** The reports of both bystanders, and the channel store's record of the post. */
  async function bystanderDocuments(): Promise<StoredDocument[]> {
    const all = await store.all();
    const ids = new Set(bystanders.map((b) => b.aadObjectId));
    return all.filter(
      ({ container, document }) =>
        (container === 'reports' && ids.has(String(document.travellerId))) ||
        (container === 'channels' && JSON.stringify(document).includes(targets.postedRootId)),
    );
  }

  function postCard(): string {
    return JSON.stringify(connector.activity(targets.postedRootId)?.activity);
  }

  async function send(body: string): Promise<Pick<Outcome, 'status' | 'error'>> {
    try {
      const res = await fetch(bot.messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      return { status: res.status };
    } catch (error) {
      const { cause, message } = error as Error & { cause?: unknown };
      return { error: String(cause ?? message) };
    }
  }

  /**
   * Shrinks a failing body: goes through its smaller versions, keeping each that still fails,
   * until a whole pass keeps none or the budget is spent.
   */
  async function shrink(
    body: string,
  ): Promise<{ body: string; tries: number; reproduced: boolean }> {
    let tries = 1;
    if (!failed(await send(body))) return { body, tries, reproduced: false };
    let current = body;
    for (let changed = true; changed && tries < SHRINK_BUDGET;) {
      changed = false;
      let candidates = [...smaller(current)];
      for (let i = 0; i < candidates.length && tries < SHRINK_BUDGET; i += 1) {
        tries += 1;
        const candidate = candidates[i] as string;
        if (failed(await send(candidate))) {
          current = candidate;
          changed = true;
          // Go on from about the same place in the smaller body.
          candidates = [...smaller(current)];
          i -= 1;
        }
      }
    }
    return { body: current, tries, reproduced: true };
  }

  before(async function () {
    this.timeout(180_000);
    await connector.start();
    cosmos = await startCosmosServer();
    // Only the team's tenant is allowed: activities of other tenants (and of none, and of wrong
    // types) go through the tenant check.
    const tenantId = randomUUID();
    bot = await startBot({ cosmos, env: { ALLOWED_TENANT_IDS: tenantId } });
    store = new StoreProbe(cosmos, bot.env.COSMOS_DATABASE ?? '');

    // The team, a posted report (A) and a draft (B), all written the ordinary way.
    const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
    const channel = team.channels[1] as TeamsChannel;
    const installed = await postActivity(
      bot.url,
      teamInstallationUpdate({
        serviceUrl: connector.url,
        tenantId,
        user: makeUser('Teameigenaar'),
        team,
        channel,
      }),
    );
    assert.equal(installed, 200);
    const client = (name: string) =>
      new TravellerClient(makeUser(name), { botUrl: bot.url, connector, tenantId });
    const author = client('Anna Auteur');
    const postedReportId = reportIdOf(await completeTypedReport(author, postedTrip));
    const [posted] = await store.reportsOf(author.user.aadObjectId);
    const postedRootId = String((posted as { post?: { activityId?: string } }).post?.activityId);
    assert.ok(connector.activity(postedRootId), 'the report is posted in the channel');
    const drafter = client('Bram Concept');
    const draftReportId = reportIdOf(lastCard(await drafter.say('nieuw verslag')));
    await drafter.say('Concept-conferentie');
    await drafter.say('Gent, België');
    for (const traveller of [author, drafter]) {
      bystanders.push({
        id: traveller.user.id,
        aadObjectId: traveller.user.aadObjectId,
        chatId: traveller.chatId,
      });
    }
    targets = {
      serviceUrl: connector.url,
      tenantId,
      team,
      channel,
      postedReportId,
      postedRootId,
      draftReportId,
      forbiddenIds: new Set(bystanders.flatMap((b) => [b.id, b.aadObjectId])),
    };
    const documents = await bystanderDocuments();
    assert.equal(documents.filter((d) => d.container === 'reports').length, 2);
    snapshot = {
      documents: contentOf(documents),
      etags: etagsOf(documents),
      postCard: postCard(),
      calls: connector.calls.length,
    };

    // The fuzzing: the activities, generated up front from the seed, sent by CONCURRENCY senders
    // at once (so each conversation sees some of its activities concurrently), until all are
    // sent, the budget is spent or the bot is gone.
    process.stdout.write(
      `      fuzz: seed ${SEED}, ${ACTIVITIES} activities (repeat with FUZZ_SEED=${SEED})\n`,
    );
    const fuzzer = new Fuzzer(new Random(SEED), targets);
    const bodies = Array.from({ length: ACTIVITIES }, () => fuzzer.activity());
    const started = performance.now();
    const cpuBefore = {
      bot: cpuSeconds(bot.process.pid),
      cosmos: cpuSeconds(cosmos.process.pid),
      test: process.cpuUsage(),
    };
    let next = 0;
    const sender = async () => {
      while (
        next < bodies.length &&
        performance.now() - started < BUDGET_MS &&
        bot.process.exit === undefined
      ) {
        const index = next++;
        const body = bodies[index] as string;
        const sent = performance.now();
        const outcome = await send(body);
        outcomes.push({ index, body, ...outcome, ms: performance.now() - sent });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    outcomes.sort((a, b) => a.index - b.index);
    const fuzzMs = performance.now() - started;
    const latencies = outcomes.map((o) => o.ms ?? 0).sort((a, b) => a - b);
    const percentile = (p: number) =>
      Math.round(latencies[Math.floor((latencies.length - 1) * p)] ?? 0);
    const slowest = [...outcomes].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 5);
    process.stdout.write(
      `      fuzz: latency ms p50 ${percentile(0.5)}, p95 ${percentile(0.95)}, max ${percentile(1)}; slowest: ` +
        `${slowest.map((o) => `#${o.index} ${kindOf(o.body)} ${Math.round(o.ms ?? 0)}`).join(', ')}\n`,
    );
    // What the activities aimed at: kinds, and the uninvolved travellers' report and post.
    const kinds: Record<string, number> = {};
    let atPosted = 0;
    let atDraft = 0;
    let inThread = 0;
    for (const { body } of outcomes) {
      const type = kindOf(body, false);
      const kind = KNOWN_TYPES.includes(type) ? type : 'other';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (body.includes(`"reportId":"${targets.postedReportId}"`)) atPosted += 1;
      if (body.includes(`"reportId":"${targets.draftReportId}"`)) atDraft += 1;
      if (body.includes(`;messageid=${targets.postedRootId}"`)) inThread += 1;
    }
    process.stdout.write(
      `      fuzz: kinds ${shorten(JSON.stringify(kinds), 400)}; card submits with the posted ` +
        `report's id ${atPosted}, the draft's ${atDraft}; in the posted report's thread ${inThread}\n`,
    );
    const statuses: Record<string, number> = {};
    for (const outcome of outcomes) {
      const key = outcome.error ? 'no answer' : String(outcome.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    process.stdout.write(
      `      fuzz: ${outcomes.length} activities in ${(fuzzMs / 1000).toFixed(1)} s ` +
        `(${Math.round(outcomes.length / (fuzzMs / 1000))} a second); statuses ${JSON.stringify(statuses)}; ` +
        `CPU s: bot ${(cpuSeconds(bot.process.pid) - cpuBefore.bot).toFixed(1)}, ` +
        `cosmos ${(cpuSeconds(cosmos.process.pid) - cpuBefore.cosmos).toFixed(1)}, ` +
        `test ${(process.cpuUsage(cpuBefore.test).user / 1e6).toFixed(1)}\n`,
    );
  });

  after(async () => {
    store?.dispose();
    await bot?.stop();
    await cosmos?.stop();
    await connector.stop();
  });

  afterEach(function () {
    reportOnFailure(this.currentTest, bot, cosmos, connector);
  });

  /**
   * Asserts none of the `outcomes` got a 5xx or no answer; otherwise fails listing them grouped,
   * the first of the largest groups shrunk to a smallest activity that still fails, and writes
   * every failing activity to test-output/security/.
   */
  async function assertAllAnswered(chosen: Outcome[], what: string): Promise<void> {
    const failures = chosen.filter(failed);
    if (failures.length === 0) return;

    // Grouped by answer and activity type; the first of the largest groups is shrunk to a
    // smallest activity that still fails, the others are listed by invoke name.
    const groups = new Map<string, Outcome[]>();
    for (const failure of failures) {
      const answer = failure.error ? `no answer (${failure.error})` : String(failure.status);
      const key = `${answer} to ${kindOf(failure.body, false)}`;
      groups.set(key, [...(groups.get(key) ?? []), failure]);
    }
    const lines: string[] = [];
    let shrunk = 0;
    for (const [key, members] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const first = members[0] as Outcome;
      const names = new Map<string, number>();
      for (const member of members) {
        const kind = kindOf(member.body);
        names.set(kind, (names.get(kind) ?? 0) + 1);
      }
      const byName = [...names]
        .sort((a, b) => b[1] - a[1])
        .map(([name, count]) => `${count} ${shorten(name, 40)}`);
      let example = `first: activity #${first.index}: ${shorten(first.body, 600)}`;
      if (shrunk < SHRINK_KINDS) {
        shrunk += 1;
        const smallest = await shrink(first.body);
        example = smallest.reproduced
          ? `smallest (after ${smallest.tries} tries): ${shorten(smallest.body, 600)}`
          : `activity #${first.index} does not fail when sent alone (it depends on the ` +
            `conversation's state): ${shorten(first.body, 600)}`;
      }
      lines.push(`${members.length} × ${key} (${shorten(byName.join(', '), 600)})\n    ${example}`);
    }
    const dir = join(PROJECT_ROOT, 'test-output', 'security');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `fuzz-seed-${SEED}-${what.replace(/\W+/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        failures.map((f) => ({ ...f, body: JSON.parse(f.body) as unknown })),
        null,
        1,
      ),
    );
    assert.fail(
      `${failures.length} of ${chosen.length} ${what} got a 5xx or no answer ` +
        `(seed ${SEED}; all of them in ${file}):\n${lines.join('\n')}`,
    );
  }

  it('answers no activity with a 5xx or not at all (all but invokes)', async function () {
    this.timeout(120_000);
    assert.ok(
      outcomes.length >= MIN_ACTIVITIES,
      `only ${outcomes.length} activities were sent within ${BUDGET_MS} ms`,
    );
    const chosen = outcomes.filter((outcome) => kindOf(outcome.body, false) !== 'invoke');
    await assertAllAnswered(chosen, 'activities other than invokes');
  });

  it('answers no invoke (Action.Execute, message extension, task module, sign-in, …) with a 5xx', async function () {
    this.timeout(120_000);
    const chosen = outcomes.filter((outcome) => kindOf(outcome.body, false) === 'invoke');
    assert.ok(chosen.length > 0, 'invokes were sent');
    await assertAllAnswered(chosen, 'invokes');
  });

  it('keeps running: the bot never exited and /healthz answers 200', async () => {
    assert.equal(bot.process.exit, undefined, 'the bot process is still running');
    const health = await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200);
  });

  it("leaves the other travellers' posted report and draft exactly as they were", async () => {
    const documents = await bystanderDocuments();
    assert.equal(contentOf(documents), snapshot.documents, 'the documents are unchanged');
    assert.deepEqual(etagsOf(documents), snapshot.etags, 'and were not even rewritten');
  });

  it("never updates or deletes the posted report's card in the channel", () => {
    const touched = connector.calls
      .slice(snapshot.calls)
      .filter(
        (call) =>
          call.activityId === targets.postedRootId &&
          (call.kind === 'updateActivity' || call.kind === 'deleteActivity'),
      );
    assert.deepEqual(
      touched.map((call) => `${call.method} ${call.path} -> ${call.status}`),
      [],
      'no PUT or DELETE of the post',
    );
    assert.equal(postCard(), snapshot.postCard, 'the card in the channel is as posted');
  });

  it("never sends anything to the other travellers' personal chats", () => {
    const sent = connector.calls.slice(snapshot.calls).filter((call) => {
      const toChat = bystanders.some((b) => call.conversationId === b.chatId);
      const newChat =
        call.kind === 'createConversation' &&
        bystanders.some((b) => JSON.stringify(call.body).includes(b.id));
      return toChat || newChat;
    });
    assert.deepEqual(
      sent.map((call) => `${call.method} ${call.path}: ${shorten(JSON.stringify(call.body), 300)}`),
      [],
      'nothing sent to them',
    );
  });
});
