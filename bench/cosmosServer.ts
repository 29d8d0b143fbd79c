// The Cosmos DB–compatible server (@vercel/cosmosdb-server, in memory, plain http) run as its
// own process, counting every request it serves by database, container and operation, and
// flagging cross-partition queries. Counting here, in the server's own request handler, adds no
// hop between the bot and its store.
//
// GET /__bench/counts answers the counters; everything else is the compatible server's.
//
// With BENCH_COSMOS_DELAY_MS set (`npm run bench -- --delays`), every request is served that many
// milliseconds late, as by Azure Cosmos DB over the network: a delay in this process rather than a
// proxy in front of it, so no hop and no process is added on the bench's cores. The server's own
// time (`serverMs`) is counted after the delay.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { nowMs } from './clock';
import { COSMOS_DELAY_ENV, delayFromEnv } from './delays';

/** The operations a request can be, by method, path and the SDK's headers. */
export type CosmosOperation =
  | 'read'
  | 'replace'
  | 'create'
  | 'upsert'
  | 'delete'
  | 'patch'
  | 'query'
  | 'queryPlan'
  | 'batch'
  | 'readFeed'
  | 'metadata';

/** Requests to one database. */
export interface DatabaseCounts {
  requests: number;
  byOperation: Partial<Record<CosmosOperation, number>>;
  /** By container, then operation (`-` for database-level requests). */
  byContainer: Record<string, Partial<Record<CosmosOperation, number>>>;
  /** Queries without a partition key (`x-ms-documentdb-partitionkey`): they span partitions. */
  crossPartitionQueries: number;
  /** Milliseconds from request to response in this server (its own work and waiting). */
  serverMs: number;
  serverMsByOperation: Partial<Record<CosmosOperation, number>>;
}

/** What GET /__bench/counts answers. */
export interface CosmosCounts {
  byDatabase: Record<string, DatabaseCounts>;
  /** TCP connections opened to this server. */
  connections: number;
  cpu: { user: number; system: number };
  rssBytes: number;
}

const byDatabase: Record<string, DatabaseCounts> = {};
let connections = 0;

function isTrue(req: IncomingMessage, header: string): boolean {
  const value = req.headers[header];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.some((item) => item.toLowerCase() === 'true');
}

/** Classifies a request as the compatible server's router does, and counts it. */
function count(req: IncomingMessage, res: ServerResponse): void {
  // @azure/cosmos sometimes sends a double slash; the server strips it, so does this.
  const path =
    (req.url ?? '/')
      .split('?')[0]
      ?.replace(/^\/\//, '/')
      .replace(/(?<!\/)\/+$/, '') ?? '';
  const [, dbs, db, colls, container, docs, docId] = path.split('/').map(decodeURIComponent);
  const database = dbs === 'dbs' && db ? db : '-';
  const containerName = colls === 'colls' && container ? container : '-';
  const method = req.method ?? 'GET';
  const isDocs = docs === 'docs';
  let operation: CosmosOperation = 'metadata';
  let crossPartition = false;
  if (isDocs && docId !== undefined) {
    operation =
      (
        { GET: 'read', PUT: 'replace', DELETE: 'delete', PATCH: 'patch' } as Record<
          string,
          CosmosOperation
        >
      )[method] ?? 'metadata';
  } else if (isDocs && method === 'POST') {
    if (
      isTrue(req, 'x-ms-documentdb-isquery') ||
      req.headers['content-type'] === 'application/query+json'
    ) {
      operation = isTrue(req, 'x-ms-cosmos-is-query-plan-request') ? 'queryPlan' : 'query';
      // @azure/cosmos 4.9 sends `x-ms-documentdb-query-enablecrosspartition: true` with every
      // query, its partition key too when the query has one: only the partition key tells.
      crossPartition =
        operation === 'query' && req.headers['x-ms-documentdb-partitionkey'] === undefined;
    } else if (isTrue(req, 'x-ms-documentdb-is-upsert')) {
      operation = 'upsert';
    } else if (isTrue(req, 'x-ms-cosmos-is-batch-request')) {
      operation = 'batch';
    } else {
      operation = 'create';
    }
  } else if (isDocs && method === 'GET') {
    operation = 'readFeed';
  }
  const counts = (byDatabase[database] ??= {
    requests: 0,
    byOperation: {},
    byContainer: {},
    crossPartitionQueries: 0,
    serverMs: 0,
    serverMsByOperation: {},
  });
  counts.requests += 1;
  counts.byOperation[operation] = (counts.byOperation[operation] ?? 0) + 1;
  const inContainer = (counts.byContainer[containerName] ??= {});
  inContainer[operation] = (inContainer[operation] ?? 0) + 1;
  if (crossPartition) counts.crossPartitionQueries += 1;
  const started = nowMs();
  res.once('finish', () => {
    const ms = nowMs() - started;
    counts.serverMs += ms;
    counts.serverMsByOperation[operation] = (counts.serverMsByOperation[operation] ?? 0) + ms;
  });
}

// Keep-alive, as Azure Cosmos DB's gateway does (the package's default closes every connection).
const server = createHttpServer({ keepAlive: true });
const [compatibleServer] = server.listeners('request') as ((
  req: IncomingMessage,
  res: ServerResponse,
) => void)[];
if (!compatibleServer) throw new Error('@vercel/cosmosdb-server registered no request handler');
server.removeAllListeners('request');
const cosmosDelayMs = delayFromEnv(process.env, COSMOS_DELAY_ENV);
const serve = (req: IncomingMessage, res: ServerResponse) => {
  count(req, res);
  compatibleServer(req, res);
};
server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  if (req.url === '/__bench/counts') {
    const body = JSON.stringify({
      byDatabase,
      connections,
      cpu: process.cpuUsage(),
      rssBytes: process.memoryUsage.rss(),
    } satisfies CosmosCounts);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
    return;
  }
  // The request's body waits in its stream (paused until read) while the delay runs.
  if (cosmosDelayMs > 0) setTimeout(serve, cosmosDelayMs, req, res);
  else serve(req, res);
});
server.keepAliveTimeout = 60_000;
server.on('connection', () => {
  connections += 1;
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ ready: 'cosmos', port })}\n`);
});

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
