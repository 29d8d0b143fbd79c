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
import { FakeConnector } from './fakeConnector';
import {
  postActivity,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
  type Diagnosable,
} from './processes';

/** A tenant of its own, with its team and the team's report channel. */
export interface TeamPlace {
  tenantId: string;
  team: TeamsTeam;
  channel: TeamsChannel;
}

/**
 * A new tenant whose team "Internationale Zaken" installs the app in its channel
 * "Reisverslagen", as Teams announces it to the bot (installationUpdate); or, with `options`,
 * another team, channel or an existing tenant.
 */
export async function installInTeam(
  botUrl: string,
  connector: FakeConnector,
  options: { tenantId?: string; team?: TeamsTeam; channel?: TeamsChannel } = {},
): Promise<TeamPlace> {
  const tenantId = options.tenantId ?? randomUUID();
  const team = options.team ?? makeTeam('Internationale Zaken', ['Reisverslagen']);
  const channel = options.channel ?? team.channels[1] ?? team.channels[0];
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

/** The bot's `reports` and `channels` containers, read directly by a test; `dispose` when done. */
export function reportsOf(
  cosmos: CosmosServer,
  database: string,
): { reports: Container; channels: Container; dispose: () => void } {
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    reports: client.database(database).container('reports'),
    channels: client.database(database).container('channels'),
    dispose: () => client.dispose(),
  };
}

/** The Teams side, the store and the bot of a describe block; filled in by its `before` hook. */
export interface BotInTeams {
  /** The fake Bot Connector, there at once (started by the hook). */
  connector: FakeConnector;
  cosmos: CosmosServer;
  bot: BotProcess;
  /** The bot's `reports` container, read directly by the tests. */
  reports: Container;
  /** The bot's `channels` container (each team's report channel), read directly by the tests. */
  channels: Container;
}

/** A server started before the bot and stopped after it, whose log joins a failed test's. */
export type ServerAlongside = Diagnosable & { start(): Promise<void>; stop(): Promise<void> };

/** A server between the bot and Cosmos DB (a fault proxy), and the endpoint the bot uses. */
export interface StoreProxy {
  endpoint: string;
  server: Diagnosable & { stop(): Promise<void> };
}

/** How the bot of `useBotInTeams` runs. */
export interface BotInTeamsOptions {
  /** The bot's environment besides its defaults. */
  env?: Record<string, string>;
  /** Servers started before the bot and stopped after it (e.g. a fake OneDrive). */
  alongside?: ServerAlongside[];
  /** Starts a proxy on the Cosmos DB server for the bot to reach it through; stopped after the bot. */
  storeProxy?: (cosmos: CosmosServer) => Promise<StoreProxy>;
}

/**
 * Mocha hooks for the describe block that calls it: the fake Bot Connector, a Cosmos DB–compatible
 * server and the bot (`node dist/index.js`) start before its tests and stop after them; a failed
 * test gets all their logs.
 */
export function useBotInTeams(options: BotInTeamsOptions = {}): BotInTeams {
  const alongside = options.alongside ?? [];
  const world = { connector: new FakeConnector() } as BotInTeams;
  let disposeReports: (() => void) | undefined;
  let proxy: StoreProxy | undefined;
  before(async () => {
    await world.connector.start();
    for (const server of alongside) await server.start();
    world.cosmos = await startCosmosServer();
    proxy = await options.storeProxy?.(world.cosmos);
    world.bot = await startBot({
      cosmos: proxy ? { endpoint: proxy.endpoint, key: world.cosmos.key } : world.cosmos,
      ...(options.env ? { env: options.env } : {}),
    });
    let reports: Container;
    let channels: Container;
    ({
      reports,
      channels,
      dispose: disposeReports,
    } = reportsOf(world.cosmos, world.bot.env.COSMOS_DATABASE ?? ''));
    world.reports = reports;
    world.channels = channels;
  });
  after(async () => {
    disposeReports?.();
    await world.bot?.stop();
    await proxy?.server.stop();
    await world.cosmos?.stop();
    for (const server of alongside) await server.stop();
    await world.connector.stop();
  });
  afterEach(function () {
    const servers = [...(proxy ? [proxy.server] : []), ...alongside];
    reportOnFailure(this.currentTest, world.bot, world.cosmos, world.connector, ...servers);
  });
  return world;
}
