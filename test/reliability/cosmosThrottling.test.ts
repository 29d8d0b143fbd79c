import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TravellerClient } from '../e2e/travellerClient';
import { CosmosFaults } from '../security/support/cosmosFaults';
import { makeUser } from '../support/activities';
import { useBotInTeams } from '../support/teams';
import { productCatalogue as catalogue } from '../support/catalogue';
import { progressOf } from '../support/sampleAnswers';

describe('reliability: Cosmos DB throttling (429)', function () {
  this.timeout(60_000);
  let faults: CosmosFaults;
  const teams = useBotInTeams({
    storeProxy: async (cosmos) => {
      faults = await CosmosFaults.start(cosmos.endpoint);
      return { endpoint: faults.endpoint, server: faults };
    },
  });
  const { connector } = teams;

  it('retries a throttled write and acknowledges the answer only once it is stored', async () => {
    const traveller = new TravellerClient(makeUser('Joris Bakker'), {
      botUrl: teams.bot.url,
      connector,
      tenantId: randomUUID(),
    });
    await traveller.say('nieuw verslag');
    faults.throttleNextReportWrites(2);
    const replies = await traveller.say('Eurocities Leipzig');
    assert.equal(faults.failedWrites, 2, 'Cosmos DB said 429 twice');
    assert.ok(
      (replies.at(-1)?.lines.join('\n') ?? '').includes(progressOf(catalogue, 'destination')),
    );

    const { resources } = await teams.reports.items
      .query({
        query: 'SELECT * FROM c WHERE c.travellerId = @id',
        parameters: [{ name: '@id', value: traveller.user.aadObjectId }],
      })
      .fetchAll();
    assert.deepEqual(resources[0]?.answers.title, {
      type: 'shortText',
      text: 'Eurocities Leipzig',
    });
  });
});
