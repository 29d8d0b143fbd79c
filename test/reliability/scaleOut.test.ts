import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TravellerClient } from '../e2e/travellerClient';
import { makeUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  COSMOS_KEY,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { TcpProxy } from '../support/tcpProxy';
import { installInTeam, reportsOf } from '../support/teams';
import { productCatalogue as catalogue } from '../support/catalogue';
import { progressOf, sampleAnswer } from '../support/sampleAnswers';

describe('reliability: several bot processes, and stopping one', function () {
  this.timeout(60_000);
  const connector = new FakeConnector();
  const database = `scale-${randomUUID()}`;
  let cosmos: CosmosServer;
  let proxy: TcpProxy;
  let first: BotProcess;
  let second: BotProcess;

  before(async () => {
    await connector.start();
    cosmos = await startCosmosServer();
    proxy = await TcpProxy.start(cosmos.port);
    const shared = { endpoint: `http://127.0.0.1:${proxy.port}`, key: COSMOS_KEY };
    first = await startBot({ cosmos: shared, database });
    second = await startBot({ cosmos: shared, database });
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
    await proxy?.cut();
    await cosmos?.stop();
    await connector.stop();
  });
  afterEach(function () {
    proxy.delayMs = 0;
    reportOnFailure(this.currentTest, first, second, cosmos, connector);
  });

  it('completes a report whose turns alternate between two processes, nothing lost or doubled', async () => {
    const { tenantId, channel } = await installInTeam(first.url, connector);

    const route = { botUrl: first.url, connector, tenantId };
    const traveller = new TravellerClient(makeUser('Priya Ramdin'), route);
    // What the traveller types for each question (a question the trip does not know: its sample).
    const typed: Record<string, string> = {
      title: 'Eurocities Porto',
      destination: 'Porto, Portugal',
      persons: '2',
      duration: '12-10-2026 t/m 14-10-2026',
      purpose: 'Leren over stedelijke vernieuwing.',
      locations: 'Câmara Municipal do Porto',
      peopleMet: 'Ana Ferreira (wethouder cultuur)',
      outcome: 'Een uitnodiging voor 2027.',
      followUp: 'nee',
    };
    const answers = [
      'nieuw verslag',
      ...catalogue.questions.map((question) => typed[question.key] ?? sampleAnswer(question).typed),
      'plaatsen',
    ];
    for (const [index, text] of answers.entries()) {
      route.botUrl = index % 2 === 0 ? first.url : second.url;
      await traveller.say(text);
    }

    const posts = connector.reportPosts(channel.id);
    assert.equal(posts.length, 1, 'posted exactly once');
    const { reports, dispose } = reportsOf(cosmos, database);
    try {
      const { resources } = await reports.items
        .query({
          query: 'SELECT * FROM c WHERE c.travellerId = @id',
          parameters: [{ name: '@id', value: traveller.user.aadObjectId }],
        })
        .fetchAll();
      assert.equal(resources.length, 1, 'one report, not two');
      assert.equal(Object.keys(resources[0].answers).length, catalogue.size);
      assert.equal(resources[0].status, 'posted');
    } finally {
      dispose();
    }
  });

  it('finishes the turn in flight on SIGTERM, then exits', async () => {
    const traveller = new TravellerClient(makeUser('Ahmed El Amrani'), {
      botUrl: second.url,
      connector,
      tenantId: randomUUID(),
    });
    proxy.delayMs = 100;
    const started = Date.now();
    const turn = traveller.say('nieuw verslag');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exit = second.kill('SIGTERM');
    const replies = await turn;
    assert.ok((replies.at(-1)?.lines.join('\n') ?? '').includes(progressOf(catalogue, 'title')));
    const { code } = await exit;
    assert.equal(code, 0);
    assert.ok(Date.now() - started > 300, 'the turn was really in flight when SIGTERM came');
  });
});
