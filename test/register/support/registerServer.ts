// The register's routes on an in-memory store, in a worker thread: restify rewrites Node's http
// prototypes (its writeHead returns nothing), which would break the plain http servers of the
// other tests in mocha's process. The viewer comes from the test's Authorization header.
import { parentPort } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import * as restify from 'restify';
import { mountRegister } from '../../../src/register/registerRoutes';
import { RegisterAuthError, type RegisterViewer } from '../../../src/register/registerAuth';
import { BOT_APP_ID, type RegisterServerReady } from './registerWorld';
import { loadDefaultCatalogue } from '../../../src/report/defaultCatalogue';
import { InMemoryReportStore } from '../../../src/store/memoryReportStore';
import { draft } from '../../store/reportStore.contract';
import { registeredReport } from '../../store/registerQueries.contract';

/** The seeded trips: title, departure, tenant. */
const TRIPS = [
  ['Oslo Forum', '2026-03-01', 'tenant-a'],
  ['Gent Forum', '2026-02-01', 'tenant-a'],
  ['Lyon Forum', '2025-01-01', 'tenant-a'],
  ['Andere gemeente', '2026-04-01', 'tenant-b'],
] as const;

async function main(): Promise<void> {
  const store = new InMemoryReportStore();
  const posted = [];
  for (const [title, departure, tenant] of TRIPS) {
    posted.push(
      await store.create(registeredReport(tenant, { title, destination: 'Europa', departure })),
    );
  }
  const unposted = await store.create({ ...draft('traveller-draft'), tenantId: 'tenant-a' });
  const server = restify.createServer();
  mountRegister(server, {
    reports: store,
    catalogue: loadDefaultCatalogue(),
    authenticate: async (header) => {
      const token = /^Bearer viewer:([\w-]+)$/.exec(header ?? '')?.[1];
      if (!token) throw new RegisterAuthError('no test viewer');
      return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as RegisterViewer;
    },
    botAppId: BOT_APP_ID,
    log: pino({ level: 'silent' }),
    pageSize: 2,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ready: RegisterServerReady = {
    port: (server.address() as AddressInfo).port,
    posted: posted.map(({ id, travellerId }) => ({ id, travellerId })),
    draft: { id: unposted.id, travellerId: unposted.travellerId },
  };
  parentPort?.postMessage(ready);
}

if (parentPort) void main();
