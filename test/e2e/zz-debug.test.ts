import { randomUUID } from 'node:crypto';
import { makeTeam, makeUser, teamInstallationUpdate } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import { postActivity, startBot, startCosmosServer } from '../support/processes';
import { lastCard, TravellerClient } from './travellerClient';

it('debug', async function () {
  this.timeout(60000);
  const connector = new FakeConnector();
  await connector.start();
  const cosmos = await startCosmosServer();
  const bot = await startBot({ cosmos });
  const tenantId = randomUUID();
  const team = makeTeam('IZ', ['Reisverslagen']);
  await postActivity(bot.url, teamInstallationUpdate({ serviceUrl: connector.url, tenantId, user: makeUser('x'), team, channel: team.channels[1] }));
  const t = new TravellerClient(makeUser('Y'), { botUrl: bot.url, connector, tenantId });
  for (const text of ['hoi', 'T', 'D', '2', '01-11-2026 t/m 02-11-2026', 'p', 'l', 'A (b)', 'o', 'nee']) await t.say(text);
  for (const text of ['plaatsen', 'wijzig', 'hallo']) {
    const r = await t.say(text);
    process.stdout.write(`${text} => ${JSON.stringify(r.map((m) => m.lines.slice(0, 2)))}\n`);
  }
  const review = lastCard(t.messages());
  const r = await t.press(review, 'Plaatsen in kanaal');
  process.stdout.write(`press => ${JSON.stringify(r.map((m) => m.text))}\n`);
  await bot.stop(); await cosmos.stop(); await connector.stop();
});
