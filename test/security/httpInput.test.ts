// Bad input at the HTTP level, on POST /api/messages: bodies over 256 KB get 413, compressed
// bodies get 415 before they are inflated, malformed JSON gets 400, JSON that is not an activity and bodies that are not JSON get a 4xx; nothing of it
// ever gets a 500, runs a turn or stores anything, and the bot stays healthy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { makeUser, personalMessage, type TeamsActivity } from '../support/activities';
import { useBotInTeams } from '../support/teams';
import { describeDocuments, postChunked, postRaw, StoreProbe } from './support/probes';

const KB = 1024;
const JSON_TYPE = 'application/json';

/** A body and what came back for it, for one assertion over many bodies. */
interface Outcome {
  what: string;
  status: number;
}

/** The bodies of `outcomes` whose status is not in [min, max]. */
function outside(outcomes: Outcome[], min: number, max: number): Outcome[] {
  return outcomes.filter(({ status }) => status < min || status > max);
}

/** The peak resident memory (VmHWM) of process `pid` so far, in bytes (Linux /proc). */
function peakRss(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`/proc/${pid}/status has no VmHWM line; is this Linux?`);
  return Number(line[1]) * 1024;
}

/** `activity` as HTML-form fields in bracket notation (`conversation[id]=…`), as qs reads them. */
function formFields(value: unknown, prefix = ''): [string, string][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      formFields(inner, prefix ? `${prefix}[${key}]` : key),
    );
  }
  return [[prefix, String(value)]];
}

describe('security: bad input on /api/messages gets a 4xx, never a 500', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  const { connector } = teams;
  let store: StoreProbe;

  before(() => {
    store = new StoreProbe(teams.cosmos, teams.bot.env.COSMOS_DATABASE ?? '');
  });

  after(() => store?.dispose());
  /** A personal message of a new traveller whose JSON is padded to about `bytes`. */
  function paddedMessage(bytes: number, text = 'nieuw verslag'): TeamsActivity {
    const activity = personalMessage({ serviceUrl: connector.url, user: makeUser('Groot'), text });
    const size = Buffer.byteLength(JSON.stringify(activity));
    return { ...activity, channelData: { ...activity.channelData, pad: 'x'.repeat(bytes - size) } };
  }

  /** Asserts nothing mentions the activity's sender or conversation, in Cosmos DB or sent. */
  async function assertUntouched(activity: TeamsActivity): Promise<void> {
    const stored = await store.mentioning(
      activity.from.id,
      activity.from.aadObjectId ?? activity.from.id,
      activity.conversation.id,
    );
    assert.equal(stored.length, 0, `stored: ${describeDocuments(stored)}`);
    assert.equal(connector.activitiesIn(activity.conversation.id).length, 0, 'nothing sent');
  }

  /** The number of failed turns the bot has logged so far. */
  function failedTurns(): number {
    return teams.bot.output().split('"msg":"turn failed"').length - 1;
  }

  it('refuses a body over 256 KB with 413 (Content-Length given), storing nothing', async () => {
    const activity = paddedMessage(300 * KB);
    const body = JSON.stringify(activity);
    assert.ok(Buffer.byteLength(body) > 256 * KB);

    const { status } = await postRaw(teams.bot.messagesUrl, body, JSON_TYPE);

    assert.equal(status, 413);
    await assertUntouched(activity);
  });

  it('refuses a chunked body over 256 KB (no Content-Length) with 413, storing nothing', async () => {
    const activity = paddedMessage(300 * KB);

    const { status } = await postChunked(
      teams.bot.messagesUrl,
      JSON.stringify(activity),
      JSON_TYPE,
    );

    assert.equal(status, 413);
    await assertUntouched(activity);
  });

  it('serves an activity of 250 KB: the limit is 256 KB, not lower', async () => {
    const activity = paddedMessage(250 * KB);

    const { status } = await postRaw(teams.bot.messagesUrl, JSON.stringify(activity), JSON_TYPE);

    assert.equal(status, 200);
    assert.equal(connector.activitiesIn(activity.conversation.id).length, 1, 'answered');
  });

  it('refuses gzip, deflate and br bodies with 415 before inflating them; memory stays flat', async () => {
    // A valid activity padded with 64 MB of spaces: about 64 KB compressed, well under the
    // 256 KB limit on the wire, and 250 times over it once inflated.
    const activity = personalMessage({
      serviceUrl: connector.url,
      user: makeUser('Zip Bom'),
      text: 'nieuw verslag',
    });
    const inflated = Buffer.concat([
      Buffer.from(JSON.stringify(activity).slice(0, -1)),
      Buffer.from(',"pad":"'),
      Buffer.alloc(64 * KB * KB, ' '),
      Buffer.from('"}'),
    ]);
    const compressions: Record<string, Buffer> = {
      gzip: gzipSync(inflated, { level: 9 }),
      deflate: deflateSync(inflated, { level: 9 }),
      br: brotliCompressSync(inflated),
    };
    const pid = teams.bot.process.pid as number;
    const peakBefore = peakRss(pid);

    const outcomes: Outcome[] = [];
    for (const [encoding, body] of Object.entries(compressions)) {
      assert.ok(body.length < 256 * KB, `${encoding}: small on the wire (${body.length} bytes)`);
      const { status } = await postRaw(teams.bot.messagesUrl, body, JSON_TYPE, {
        'content-encoding': encoding,
      });
      outcomes.push({ what: encoding, status });
    }

    assert.deepEqual(outside(outcomes, 415, 415), [], 'each compressed body gets 415');
    const grewBy = peakRss(pid) - peakBefore;
    assert.ok(grewBy < 10 * KB * KB, `the bot's peak RSS grew by ${grewBy} bytes`);
    await assertUntouched(activity);
    const health = await fetch(`${teams.bot.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200, 'the bot keeps serving');
  });

  it('serves an uncompressed activity that says Content-Encoding: identity', async () => {
    const activity = personalMessage({
      serviceUrl: connector.url,
      user: makeUser('Ongecomprimeerd'),
      text: 'nieuw verslag',
    });
    const { status } = await postRaw(teams.bot.messagesUrl, JSON.stringify(activity), JSON_TYPE, {
      'content-encoding': 'identity',
    });
    assert.equal(status, 200);
    assert.equal(connector.activitiesIn(activity.conversation.id).length, 1, 'answered');
  });

  it('answers malformed JSON with 400', async () => {
    const valid = JSON.stringify(
      personalMessage({ serviceUrl: connector.url, user: makeUser('Kapot'), text: 'hoi' }),
    );
    const bodies: Record<string, string> = {
      'a truncated activity': valid.slice(0, valid.length / 2),
      'an activity with trailing garbage': `${valid}}`,
      'a trailing comma': '{"type":"message",}',
      'single quotes': "{'type':'message'}",
      'an unquoted key': '{type:"message"}',
      'NaN as a value': '{"type":"message","value":NaN}',
      'a lone brace': '{',
      'not JSON at all': 'hallo bot',
    };
    const outcomes: Outcome[] = [];
    for (const [what, body] of Object.entries(bodies)) {
      outcomes.push({
        what,
        status: (await postRaw(teams.bot.messagesUrl, body, JSON_TYPE)).status,
      });
    }
    assert.deepEqual(outside(outcomes, 400, 400), [], 'each malformed body gets 400');
  });

  it('answers JSON that is not an activity with a 4xx, never a 5xx', async () => {
    const bodies: Record<string, string> = {
      'an empty body': '',
      'an array': '[]',
      'a string': '"x"',
      null: 'null',
      'a number': '42',
      'a boolean': 'true',
      'an empty object': '{}',
      'a numeric type': '{"type":5}',
      'an empty type': '{"type":""}',
      'a null type': '{"type":null}',
      'an object as type': '{"type":{"name":"message"}}',
      'an array as type': '{"type":["message"]}',
      'an array of activities': '[{"type":"message","text":"hoi"}]',
      'deeply nested arrays': `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    };
    const outcomes: Outcome[] = [];
    for (const [what, body] of Object.entries(bodies)) {
      outcomes.push({
        what,
        status: (await postRaw(teams.bot.messagesUrl, body, JSON_TYPE)).status,
      });
    }
    assert.deepEqual(outside(outcomes, 400, 499), [], 'each gets a 4xx');
  });

  it('answers an activity without what every activity has (from, conversation, serviceUrl) with a 4xx, running no turn', async () => {
    const complete = personalMessage({
      serviceUrl: connector.url,
      user: makeUser('Half'),
      text: 'nieuw verslag',
    });
    const bodies: Record<string, unknown> = {
      'only a type': { type: 'message' },
      'no conversation': { ...complete, conversation: undefined },
      'no sender': { ...complete, from: undefined },
      'no serviceUrl': { ...complete, serviceUrl: undefined },
      'a number as conversation': { ...complete, conversation: 5 },
      'a string as sender': { ...complete, from: 'Mallory' },
    };
    const turnsFailedBefore = failedTurns();
    const outcomes: Outcome[] = [];
    for (const [what, body] of Object.entries(bodies)) {
      const { status } = await postRaw(teams.bot.messagesUrl, JSON.stringify(body), JSON_TYPE);
      outcomes.push({ what, status });
    }
    assert.deepEqual(outside(outcomes, 400, 499), [], 'each gets a 4xx');
    assert.equal(failedTurns(), turnsFailedBefore, 'no turn ran (and failed) on them');
  });

  it('answers a body that is not JSON by its content type with a 4xx, running no turn', async () => {
    // Each carries a complete activity of a new traveller: none of it may reach the bot. HTML
    // forms (urlencoded, multipart) and text/plain are what any web page can make a browser
    // send to the bot on 127.0.0.1 without asking (no CORS preflight).
    const asJson = (activity: TeamsActivity) => JSON.stringify(activity);
    const asForm = (activity: TeamsActivity) =>
      new URLSearchParams(formFields(activity)).toString();
    const asMultipart = (activity: TeamsActivity) =>
      formFields(activity)
        .map(
          ([name, value]) =>
            `--grens\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join('')
        .concat('--grens--\r\n');
    const cases: [string, string | undefined, (activity: TeamsActivity) => string][] = [
      ['text/plain', 'text/plain', asJson],
      ['no content type', undefined, asJson],
      ['application/octet-stream', 'application/octet-stream', asJson],
      ['application/xml', 'application/xml', () => '<activity type="message"/>'],
      ['an HTML form', 'application/x-www-form-urlencoded', asForm],
      ['a multipart HTML form', 'multipart/form-data; boundary=grens', asMultipart],
    ];

    const offenders: (Outcome & { stored: number; sent: number })[] = [];
    for (const [what, contentType, encode] of cases) {
      const activity = personalMessage({
        serviceUrl: connector.url,
        user: makeUser('Formulier'),
        text: 'nieuw verslag',
      });
      const { status } = await postRaw(teams.bot.messagesUrl, encode(activity), contentType);
      const stored = (
        await store.mentioning(activity.from.aadObjectId ?? '', activity.conversation.id)
      ).length;
      const sent = connector.activitiesIn(activity.conversation.id).length;
      if (status < 400 || status > 499 || stored > 0 || sent > 0) {
        offenders.push({ what, status, stored, sent });
      }
    }
    assert.deepEqual(offenders, [], 'each gets a 4xx; nothing is stored (documents) or sent');
  });

  it('stays healthy afterwards: /healthz 200, and a traveller is served', async () => {
    assert.equal(teams.bot.process.exit, undefined, 'the bot still runs');
    const health = await fetch(`${teams.bot.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200);

    // As Teams sends it: JSON in UTF-8, said so in the content type.
    const user = makeUser('Noor Bakker');
    const activity = personalMessage({ serviceUrl: connector.url, user, text: 'nieuw verslag' });
    const { status } = await postRaw(
      teams.bot.messagesUrl,
      JSON.stringify(activity),
      'application/json; charset=utf-8',
    );
    assert.equal(status, 200);
    assert.equal(connector.activitiesIn(activity.conversation.id).length, 1, 'answered');
    assert.equal((await store.reportsOf(user.aadObjectId)).length, 1, 'a draft is stored');
  });
});
