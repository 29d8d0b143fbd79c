import { randomUUID } from 'node:crypto';
import { connectCosmos, type CosmosDatabase, type OpenCosmosOptions } from '../../src/store/cosmos';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embeddedCosmos';

/** The database connected and prepared (created or checked), as the bot's start does it. */
export async function openCosmos(options: OpenCosmosOptions): Promise<CosmosDatabase> {
  const connection = connectCosmos(options);
  try {
    await connection.prepare();
    return connection;
  } catch (error) {
    connection.dispose();
    throw error;
  }
}

/** A running compatible server and the bot's database opened on it. */
export interface CosmosFixture {
  server: EmbeddedCosmos;
  db: CosmosDatabase;
}

/**
 * Registers mocha hooks that start the in-memory Cosmos DB–compatible server with a fresh
 * database before the suite and stop it after; returns a getter for the running fixture.
 */
export function useEmbeddedCosmos(): () => CosmosFixture {
  let fixture: CosmosFixture | undefined;
  before(async () => {
    const server = await startEmbeddedCosmos();
    const db = await openCosmos({
      endpoint: server.endpoint,
      key: server.key,
      databaseName: `test-${randomUUID()}`,
      createIfMissing: true,
    });
    fixture = { server, db };
  });
  after(async () => {
    fixture?.db.dispose();
    await fixture?.server.stop();
  });
  return () => {
    if (!fixture)
      throw new Error('The embedded Cosmos DB fixture is used before its before() hook ran.');
    return fixture;
  };
}
