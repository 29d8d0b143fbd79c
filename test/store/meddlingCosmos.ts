import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** A competing writer, run before a conditional (If-Match) replace reaches the server. */
export type Meddler = (request: IncomingMessage) => Promise<void>;

/** The compatible server behind a hook that lets a test write in between a read and a replace. */
export interface MeddlingCosmos {
  endpoint: string;
  key: string;
  /** Sets (or clears) the writer run before every If-Match PUT. */
  meddle(meddler: Meddler | undefined): void;
  stop(): Promise<void>;
}

/**
 * Starts the Cosmos DB–compatible server on loopback, wrapped so that a test's competing writer
 * runs (for real, against the same server) just before each conditional replace is handled.
 */
export async function startMeddlingCosmos(): Promise<MeddlingCosmos> {
  const server = createHttpServer();
  // Put the hook in front of the server's own handler (which needs the server to listen).
  const handle = server.listeners('request')[0] as RequestListener;
  server.removeListener('request', handle);
  let meddler: Meddler | undefined;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const current = meddler;
    if (current && request.method === 'PUT' && request.headers['if-match']) {
      current(request).then(
        () => handle(request, response),
        (error: unknown) => {
          response.statusCode = 500;
          response.end(JSON.stringify({ message: `meddler failed: ${String(error)}` }));
        },
      );
    } else {
      handle(request, response);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: Buffer.from('meddling').toString('base64'),
    meddle(next) {
      meddler = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
