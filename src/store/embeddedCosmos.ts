import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** A running in-memory Cosmos DB–compatible server; its data is lost when it stops. */
export interface EmbeddedCosmos {
  /** Plain-http loopback endpoint, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** Any key works; this one is passed so the client uses key auth. */
  key: string;
  /** Stops the server and drops its data; calling it twice is harmless. */
  stop(): Promise<void>;
}

/** The compatible server checks no signatures; the client only needs a base64 key. */
const EMBEDDED_KEY = Buffer.from('reisverslag-embedded-cosmos').toString('base64');

/**
 * Starts `@vercel/cosmosdb-server` in this process on 127.0.0.1 and a free port (plain http, in
 * memory): for local development and tests, never production.
 */
export async function startEmbeddedCosmos(): Promise<EmbeddedCosmos> {
  const server = createHttpServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    throw new Error(
      `Could not start the embedded Cosmos DB–compatible server on 127.0.0.1: ${String(error)}. ` +
        'Set COSMOS_ENDPOINT to use a real Cosmos DB account instead.',
      { cause: error },
    );
  }
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: EMBEDDED_KEY,
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
