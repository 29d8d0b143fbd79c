import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ChannelStore } from './channelStore';
import { openCosmos } from './cosmos';
import { CosmosChannelStore } from './cosmosChannelStore';
import { CosmosReportStore } from './cosmosReportStore';
import { CosmosStateStorage } from './cosmosStateStorage';
import { startEmbeddedCosmos } from './embeddedCosmos';
import type { ReportStore } from './reportStore';

/** The bot's stores on one Cosmos DB database. */
export interface OpenStore {
  reports: ReportStore;
  channels: ChannelStore;
  /** botbuilder's conversation state storage. */
  stateStorage: CosmosStateStorage;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

/** Opens the configured Cosmos DB, or starts the embedded in-memory one when none is configured. */
export async function openStore(config: Config, log: Logger): Promise<OpenStore> {
  const embedded = config.cosmos ? undefined : await startEmbeddedCosmos();
  if (embedded) {
    log.warn(
      { endpoint: embedded.endpoint },
      'COSMOS_ENDPOINT is not set: using the embedded in-memory Cosmos DB–compatible server; data is lost when the bot stops',
    );
  }
  const { endpoint, key } = embedded ?? (config.cosmos as NonNullable<Config['cosmos']>);
  const database = await openCosmos({
    endpoint,
    ...(key ? { key } : {}),
    databaseName: config.cosmosDatabase,
    createIfMissing: key !== undefined,
  });
  log.info(
    { endpoint, database: config.cosmosDatabase, auth: key ? 'key' : 'Entra ID' },
    'Cosmos DB opened',
  );
  return {
    reports: new CosmosReportStore(database.reports),
    channels: new CosmosChannelStore(database.channels),
    stateStorage: new CosmosStateStorage(database.state),
    ping: () => database.ping(),
    close: async () => {
      database.dispose();
      await embedded?.stop();
    },
  };
}
