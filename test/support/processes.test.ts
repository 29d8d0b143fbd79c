// The process harness starts, probes, kills and restarts children, keeping their output.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  postActivity,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from './processes';

// A stand-in for dist/index.js: healthy once it can reach COSMOS_ENDPOINT; counts messages.
const STUB_BOT = `
const http = require('node:http');
let messages = 0;
process.stderr.write('stub bot starting on ' + process.env.PORT + ' db ' + process.env.COSMOS_DATABASE + '\\n');
if (process.env.STUB_FAIL) { process.stderr.write('configuration is wrong\\n'); process.exit(3); }
http.createServer(async (req, res) => {
  if (req.url === '/healthz') {
    const ok = await fetch(process.env.COSMOS_ENDPOINT).then(() => true, () => false);
    res.writeHead(ok ? 200 : 503).end();
  } else if (req.url === '/api/messages' && req.method === 'POST') {
    messages += 1;
    process.stdout.write('message ' + messages + '\\n');
    res.writeHead(200).end();
  } else res.writeHead(404).end();
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('process harness', function () {
  this.timeout(30_000);
  let dir: string;
  let entry: string;
  let cosmos: CosmosServer;
  let bot: BotProcess | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reisverslag-stub-'));
    entry = join(dir, 'stub-bot.js');
    writeFileSync(entry, STUB_BOT);
    cosmos = await startCosmosServer();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  after(async () => {
    await cosmos.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds free ports', async () => {
    const port = await freePort();
    assert.ok(port > 0 && port < 65536);
  });

  it('starts the Cosmos DB-compatible server in its own process', async () => {
    assert.notEqual(cosmos.process.pid, process.pid);
    const res = await fetch(`${cosmos.endpoint}/`);
    assert.ok(res.status < 500, `cosmos answered ${res.status}`);
    assert.match(cosmos.output(), /Ready to accept HTTP connections/);
  });

  it('starts the bot, waits for /healthz, posts activities and captures output', async () => {
    bot = await startBot({ cosmos, entry, env: { EXTRA: 'x' } });
    assert.equal(bot.env.LOG_LEVEL, 'warn');
    assert.equal(bot.env.MicrosoftAppId, '');
    assert.equal(bot.env.COSMOS_ENDPOINT, cosmos.endpoint);
    assert.equal(await postActivity(bot.url, { type: 'message' }), 200);
    assert.equal(await postActivity(bot.messagesUrl, { type: 'message' }), 200);
    await waitUntil(() => bot?.output().includes('message 2') ?? false);
    assert.match(bot.output(), /stub bot starting on \d+ db e2e-/);
  });

  it('restarts after SIGKILL on the same port and database, keeping earlier output', async () => {
    bot = await startBot({ cosmos, entry });
    const { url } = bot;
    const database = bot.env.COSMOS_DATABASE;
    const exit = await bot.kill('SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');
    await bot.restart();
    assert.equal(bot.url, url);
    assert.equal(bot.env.COSMOS_DATABASE, database);
    assert.equal(await postActivity(url, { type: 'message' }), 200);
    assert.equal(bot.output().match(/stub bot starting/g)?.length, 2);
  });

  it('fails fast with the output when the bot exits during start', async () => {
    await assert.rejects(startBot({ cosmos, entry, env: { STUB_FAIL: '1' } }), (err: Error) => {
      assert.match(err.message, /did not answer 200 on GET \/healthz.*exited \(code 3/s);
      assert.match(err.message, /configuration is wrong/);
      return true;
    });
  });

  it('gives up after the timeout, naming the last answer', async () => {
    const port = await freePort();
    const deadEndpoint = `http://127.0.0.1:${port}`;
    await assert.rejects(
      startBot({ cosmos: { endpoint: deadEndpoint, key: 'k' }, entry, readyTimeoutMs: 800 }),
      /did not answer 200 on GET \/healthz \(last answer: 503\) within 800 ms/,
    );
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
