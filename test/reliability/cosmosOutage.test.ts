import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TravellerClient } from '../e2e/travellerClient';
import { questionAfter } from '../e2e/trips';
import { makeUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  COSMOS_KEY,
  ManagedProcess,
  freePort,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { TcpProxy } from '../support/tcpProxy';
import { productCatalogue as catalogue } from '../support/catalogue';
import { progressOf } from '../support/sampleAnswers';

async function healthStatus(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`)).status;
  } catch {
    return 0;
  }
}

async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe('reliability: Cosmos DB unreachable', function () {
  this.timeout(60_000);
  const connector = new FakeConnector();
  let cosmos: CosmosServer;
  let proxy: TcpProxy;

  before(async () => {
    await connector.start();
    cosmos = await startCosmosServer();
    proxy = await TcpProxy.start(cosmos.port);
  });
  after(async () => {
    await proxy?.cut();
    await cosmos?.stop();
    await connector.stop();
  });
  afterEach(async () => {
    await proxy.restore();
  });

  it('starts anyway with /healthz 503, and serves once Cosmos DB answers', async () => {
    await proxy.cut();
    const port = await freePort();
    const bot = new ManagedProcess('bot', [join('dist', 'index.js')], {
      PATH: process.env.PATH,
      PORT: String(port),
      COSMOS_ENDPOINT: `http://127.0.0.1:${proxy.port}`,
      COSMOS_KEY,
      COSMOS_DATABASE: `outage-${randomUUID()}`,
      LOG_LEVEL: 'warn',
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await eventually(async () => (await healthStatus(url)) === 503, 15_000, '/healthz 503');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await healthStatus(url), 503, 'still unhealthy while Cosmos DB is away');
      assert.equal(bot.exit, undefined, 'the bot did not crash');
      assert.match(bot.output(), /Cosmos DB is not usable yet/);

      await proxy.restore();
      await eventually(async () => (await healthStatus(url)) === 200, 30_000, '/healthz 200');
      const traveller = new TravellerClient(makeUser('Fleur Jansen'), {
        botUrl: url,
        connector,
        tenantId: randomUUID(),
      });
      const replies = await traveller.say('nieuw verslag');
      assert.ok((replies.at(-1)?.lines.join('\n') ?? '').includes(progressOf(catalogue, 'title')));
    } catch (error) {
      process.stderr.write(bot.output());
      throw error;
    } finally {
      await bot.kill('SIGKILL');
    }
  });

  describe('mid-interview', () => {
    let bot: BotProcess;
    before(async () => {
      bot = await startBot({
        cosmos: { endpoint: `http://127.0.0.1:${proxy.port}`, key: COSMOS_KEY },
      });
    });
    after(async () => bot?.stop());
    afterEach(function () {
      reportOnFailure(this.currentTest, bot, cosmos, connector);
    });

    it('says the answer was not saved, and takes it when sent again', async () => {
      const traveller = new TravellerClient(makeUser('Willem Visser'), {
        botUrl: bot.url,
        connector,
        tenantId: randomUUID(),
      });
      await traveller.say('nieuw verslag');
      await traveller.say('Nordic Cities Forum');

      await proxy.cut();
      const failed = await traveller.say('Oslo, Noorwegen').then(
        () => undefined,
        (error: Error) => error.message,
      );
      assert.match(failed ?? '', /je laatste bericht is niet verwerkt of opgeslagen/);

      await proxy.restore();
      // The destination taken: the question after it is asked.
      const replies = await traveller.say('Oslo, Noorwegen');
      const asked = replies.at(-1)?.lines.join('\n') ?? '';
      assert.ok(
        asked.includes(progressOf(catalogue, questionAfter('destination'))),
        `the question after the destination is asked:\n${asked}`,
      );
      const review = await traveller.say('mijn verslagen');
      assert.match(review.at(-1)?.lines.join('\n') ?? '', /Nordic Cities Forum/);
    });
  });
});
