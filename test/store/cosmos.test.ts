import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINER_NAMES, CONTAINERS } from '../../src/store/containers';
import { startEmbeddedCosmos } from '../../src/store/embeddedCosmos';
import { openCosmos, useEmbeddedCosmos } from './cosmosFixture';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('openCosmos on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();

  it('creates the bot’s containers with their partition keys', async () => {
    const { db } = cosmos();
    for (const name of CONTAINER_NAMES) {
      const { resource } = await db[name].read();
      assert.equal(resource?.id, CONTAINERS[name].id);
      assert.deepEqual(resource?.partitionKey?.paths, [CONTAINERS[name].partitionKeyPath]);
    }
  });

  it('gives the dialog state a time to live of 30 days, and reports none', async () => {
    // The server does not expire documents; what Azure does with them is the definition's.
    const { db } = cosmos();
    assert.equal((await db.state.read()).resource?.defaultTtl, 30 * 24 * 60 * 60);
    for (const name of ['reports', 'channels', 'preferences'] as const) {
      assert.equal((await db[name].read()).resource?.defaultTtl, undefined, name);
    }
  });

  it('opens an existing database without creating anything, and pings it', async () => {
    const { server, db } = cosmos();
    const again = await openCosmos({
      endpoint: server.endpoint,
      key: server.key,
      databaseName: db.databaseName,
      createIfMissing: false,
    });
    try {
      await again.ping();
      await db.ping();
    } finally {
      again.dispose();
    }
  });

  it('says so when the database does not exist and may not be created', async () => {
    const { server } = cosmos();
    await assert.rejects(
      openCosmos({
        endpoint: server.endpoint,
        key: server.key,
        databaseName: 'nowhere',
        createIfMissing: false,
      }),
      /database 'nowhere' does not exist at http:\/\/127\.0\.0\.1:\d.*Bicep/,
    );
  });

  it('says so when a container has another partition key', async () => {
    const { server } = cosmos();
    const databaseName = `wrong-${randomUUID()}`;
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    try {
      const { database } = await client.databases.createIfNotExists({ id: databaseName });
      await database.containers.create({ id: 'reports', partitionKey: { paths: ['/id'] } });
    } finally {
      client.dispose();
    }
    await assert.rejects(
      openCosmos({
        endpoint: server.endpoint,
        key: server.key,
        databaseName,
        createIfMissing: true,
      }),
      /'reports'.*partitioned by \/id, but the bot needs \/travellerId/,
    );
  });

  it('fails fast, naming COSMOS_ENDPOINT and the endpoint, when nothing listens there', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    await assert.rejects(
      openCosmos({
        endpoint,
        key: 'a2V5',
        databaseName: 'reisverslag',
        createIfMissing: true,
        requestTimeoutMs: 1000,
        maxThrottleRetries: 0,
      }),
      (error: unknown) =>
        error instanceof Error &&
        error.message.includes(endpoint) &&
        error.message.includes('COSMOS_ENDPOINT'),
    );
    assert.ok(Date.now() - started < 3000, 'bounded by the request timeout');
  });

  it('refuses an endpoint that is not an http(s) URL', async () => {
    await assert.rejects(
      openCosmos({ endpoint: 'cosmos.example', databaseName: 'x', createIfMissing: false }),
      /COSMOS_ENDPOINT 'cosmos\.example' is not an http\(s\) URL/,
    );
  });

  it('ping fails, naming the endpoint, once the server is gone', async () => {
    const server = await startEmbeddedCosmos();
    const db = await openCosmos({
      endpoint: server.endpoint,
      key: server.key,
      databaseName: 'gone',
      createIfMissing: true,
      requestTimeoutMs: 1000,
    });
    try {
      await db.ping();
      await server.stop();
      await server.stop();
      await assert.rejects(db.ping(), (error: unknown) => {
        return (
          error instanceof Error &&
          error.message.includes(`Cannot reach Cosmos DB at ${server.endpoint}`)
        );
      });
    } finally {
      db.dispose();
    }
  });
});
