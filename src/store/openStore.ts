import type { Logger } from 'pino';
import type { Config } from '../config';
import { CachedChannelStore } from './cachedChannelStore';
import type { ChannelStore } from './channelStore';
import { connectCosmos } from './cosmos';
import { messageOf } from './cosmosErrors';
import { CosmosChannelStore } from './cosmosChannelStore';
import { CosmosReportStore } from './cosmosReportStore';
import { CosmosStateStorage } from './cosmosStateStorage';
import { CosmosPreferenceStore } from './cosmosPreferenceStore';
import type { PreferenceStore } from './preferenceStore';
import { CosmosSameTripStore } from './cosmosSameTripStore';
import type { SameTripStore } from './sameTripStore';
import type { ReportStore } from './reportStore';

/** Pauses between attempts to reach Cosmos DB at start: 1 s, doubling, at most 30 s. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** The bot's stores on one Cosmos DB database. */
export interface OpenStore {
  reports: ReportStore;
  channels: ChannelStore;
  /** Travellers' preferences (reminders on or off). */
  preferences: PreferenceStore;
  /** Which posted reports name a colleague as co-traveller (the same-trip notice). */
  sameTrips: SameTripStore;
  /** botbuilder's conversation state storage. */
  stateStorage: CosmosStateStorage;
  /** Resolves once the database and its containers are there (retried until they are). */
  ready: Promise<void>;
  /** Resolves when the store answers; rejects, saying why, when it does not. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Opens the configured Cosmos DB, or starts the embedded in-memory one when none is configured.
 * An unreachable Cosmos DB does not stop the start: it is tried again with backoff while
 * /healthz says 503, and the bot serves once it answers.
 */
export async function openStore(config: Config, log: Logger): Promise<OpenStore> {
  // The embedded server is only loaded when it is used: a deployed bot never needs it.
  const embedded = config.cosmos
    ? undefined
    : await (await import('./embeddedCosmos.js')).startEmbeddedCosmos();
  if (embedded) {
    log.warn(
      { endpoint: embedded.endpoint },
      'COSMOS_ENDPOINT is not set: using the embedded in-memory Cosmos DB–compatible server; data is lost when the bot stops',
    );
  }
  const { endpoint, key } = embedded ?? (config.cosmos as NonNullable<Config['cosmos']>);
  const database = connectCosmos({
    endpoint,
    ...(key ? { key } : {}),
    databaseName: config.cosmosDatabase,
    createIfMissing: key !== undefined,
  });

  let problem: string | undefined = 'Cosmos DB is being opened';
  let stopped = false;
  const ready = (async () => {
    for (let attempt = 1, pause = FIRST_RETRY_MS; !stopped; attempt++) {
      try {
        await database.prepare();
        problem = undefined;
        log.info(
          { endpoint, database: config.cosmosDatabase, auth: key ? 'key' : 'Entra ID', attempt },
          'Cosmos DB opened',
        );
        return;
      } catch (error) {
        problem = messageOf(error);
        log.error({ err: error, attempt, retryInMs: pause }, 'Cosmos DB is not usable yet');
        await new Promise((resolve) => setTimeout(resolve, pause).unref());
        pause = Math.min(pause * 2, MAX_RETRY_MS);
      }
    }
  })();

  return {
    reports: new CosmosReportStore(database.reports),
    channels: new CachedChannelStore(new CosmosChannelStore(database.channels)),
    preferences: new CosmosPreferenceStore(database.preferences),
    sameTrips: new CosmosSameTripStore(database.sameTrips),
    stateStorage: new CosmosStateStorage(database.state),
    ready,
    ping: async () => {
      if (problem) throw new Error(problem);
      await database.ping();
    },
    close: async () => {
      stopped = true;
      database.dispose();
      await embedded?.stop();
    },
  };
}
