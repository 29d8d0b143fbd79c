import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CosmosClient, type Container } from '@azure/cosmos';
import {
  makeTeam,
  makeUser,
  teamInstallationUpdate,
  type TeamsChannel,
  type TeamsTeam,
} from './activities';
import type { FakeConnector } from './fakeConnector';
import { postActivity, type CosmosServer } from './processes';

/** A tenant of its own, with its team and the team's report channel. */
export interface TeamPlace {
  tenantId: string;
  team: TeamsTeam;
  channel: TeamsChannel;
}

/**
 * A new tenant whose team "Internationale Zaken" installs the app in its channel
 * "Reisverslagen", as Teams announces it to the bot (installationUpdate).
 */
export async function installInTeam(botUrl: string, connector: FakeConnector): Promise<TeamPlace> {
  const tenantId = randomUUID();
  const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
  const channel = team.channels[1];
  assert.ok(channel);
  const status = await postActivity(
    botUrl,
    teamInstallationUpdate({
      serviceUrl: connector.url,
      tenantId,
      user: makeUser('Teameigenaar Iris Vos'),
      team,
      channel,
    }),
  );
  assert.equal(status, 200, 'the bot took the install');
  return { tenantId, team, channel };
}

/** The bot's `reports` container, read directly by a test; `dispose` when done. */
export function reportsOf(
  cosmos: CosmosServer,
  database: string,
): { reports: Container; dispose: () => void } {
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    reports: client.database(database).container('reports'),
    dispose: () => client.dispose(),
  };
}
