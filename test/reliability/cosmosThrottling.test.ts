import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TravellerClient } from '../e2e/travellerClient';
import { CosmosFaults } from '../security/support/cosmosFaults';
import { makeUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { reportsOf } from '../support/teams';

describe('reliability: Cosmos DB throttling (429)', function () {
  this.timeout(60_000);
  const connector = new FakeConnector();
  let cosmos: CosmosServer;
  let faults: CosmosFaults;
  let bot: BotProcess;

  before(async () => {
    await connector.start();
    cosmos = await startCosmosServer();
    faults = await CosmosFaults.start(cosmos.endpoint);
    bot = await startBot({ cosmos: { endpoint: faults.endpoint, key: cosmos.key } });
  });
  after(async () => {
    await bot?.stop();
    await faults?.stop();
    await cosmos?.stop();
    await connector.stop();
  });
  afterEach(function () {
    reportOnFailure(this.currentTest, bot, cosmos, connector, faults);
  });

  it('retries a throttled write and acknowledges the answer only once it is stored', async () => {
    const traveller = new TravellerClient(makeUser('Joris Bakker'), {
      botUrl: bot.url,
      connector,
      tenantId: randomUUID(),
    });
    await traveller.say('nieuw verslag');
    faults.throttleNextReportWrites(2);
    const replies = await traveller.say('Eurocities Leipzig');
    assert.equal(faults.failedWrites, 2, 'Cosmos DB said 429 twice');
    assert.match(replies.at(-1)?.lines.join('\n') ?? '', /Vraag 2 van 9/);

    const { reports, dispose } = reportsOf(cosmos, bot.env.COSMOS_DATABASE ?? '');
    try {
      const { resources } = await reports.items
        .query({
          query: 'SELECT * FROM c WHERE c.travellerId = @id',
          parameters: [{ name: '@id', value: traveller.user.aadObjectId }],
        })
        .fetchAll();
      assert.deepEqual(resources[0]?.answers.title, {
        type: 'shortText',
        text: 'Eurocities Leipzig',
      });
    } finally {
      dispose();
    }
  });
});
