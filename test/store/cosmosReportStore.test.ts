import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withAnswer } from '../../src/report/report';
import type { CosmosDatabase } from '../../src/store/cosmos';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { ReportConflictError } from '../../src/store/reportStore';
import { openCosmos, useEmbeddedCosmos } from './cosmosFixture';
import { startMeddlingCosmos, type MeddlingCosmos } from './meddlingCosmos';
import { registerQueriesContract, registeredReport } from './registerQueries.contract';
import { draft, reportStoreContract } from './reportStore.contract';

const now = new Date('2025-03-02T12:00:00.000Z');

describe('CosmosReportStore on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();

  describe('ReportStore contract', () => {
    reportStoreContract(() => new CosmosReportStore(cosmos().db.reports));
  });
  describe('register queries', () => {
    registerQueriesContract(() => new CosmosReportStore(cosmos().db.reports));
  });

  it('indexes the posted reports written before the register existed, once', async () => {
    const { reports } = cosmos().db;
    const store = new CosmosReportStore(reports);
    const tenantId = `tenant-${randomUUID()}`;
    const old = registeredReport(tenantId, {
      title: 'Van voor het register',
      destination: 'Gent',
      departure: '2024-05-01',
    });
    // As an older bot wrote it: the report alone.
    await reports.items.create({ ...old });
    assert.deepEqual((await store.registerPage({ tenantId }, 10)).reports, []);
    assert.ok((await store.indexForRegister()) >= 1);
    const found = (await store.registerPage({ tenantId }, 10)).reports.map((report) => report.id);
    assert.deepEqual(found, [old.id]);
    assert.equal(await store.indexForRegister(), 0, 'nothing left to index');
  });

  it('keeps the register index in the document of a posted report only, and out of the report', async () => {
    const { reports } = cosmos().db;
    const store = new CosmosReportStore(reports);
    const posted = await store.create(
      registeredReport('tenant-x', {
        title: 'Zürich',
        destination: 'Zwitserland',
        departure: '2025-06-01',
      }),
    );
    const unposted = await store.create(draft('t-index'));
    const raw = async (report: { id: string; travellerId: string }) =>
      (await reports.item(report.id, report.travellerId).read<Record<string, unknown>>()).resource;
    assert.equal((await raw(posted))?.registerIndex && 'ok', 'ok');
    assert.equal((await raw(unposted))?.registerIndex, undefined);
    assert.equal('registerIndex' in (await store.get(posted.travellerId, posted.id))!, false);
  });

  it('stores Cosmos’ _etag, never the report’s etag, in the document', async () => {
    const { reports } = cosmos().db;
    const store = new CosmosReportStore(reports);
    const created = await store.create({ ...draft('t-etag'), etag: 'made-up' });
    await store.update('t-etag', created.id, (current) => ({ ...current, etag: 'also-made-up' }));

    const { resource } = await reports.item(created.id, 't-etag').read<Record<string, unknown>>();
    assert.ok(resource);
    assert.equal('etag' in resource, false);
    assert.equal(typeof resource._etag, 'string');
    assert.equal((await store.get('t-etag', created.id))?.etag, resource._etag);
  });
});

describe('CosmosReportStore under a competing writer', () => {
  let server: MeddlingCosmos;
  let db: CosmosDatabase;
  before(async () => {
    server = await startMeddlingCosmos();
    db = await openCosmos({
      endpoint: server.endpoint,
      key: server.key,
      databaseName: 'meddled',
      createIfMissing: true,
    });
  });
  afterEach(() => server.meddle(undefined));
  after(async () => {
    db.dispose();
    await server.stop();
  });

  /** A real write by someone else: read the document and replace it unconditionally. */
  async function competingWrite(travellerId: string, id: string, field: string, value: unknown) {
    const item = db.reports.item(id, travellerId);
    const { resource } = await item.read<Record<string, unknown>>();
    assert.ok(resource);
    const answers = { ...(resource.answers as object), [field]: value };
    await item.replace({ ...resource, answers });
  }

  it('rereads and reapplies the change when the ETag went stale', async () => {
    const store = new CosmosReportStore(db.reports);
    const report = await store.create(draft('t-stale'));
    let meddled = 0;
    server.meddle(async () => {
      meddled += 1;
      server.meddle(undefined);
      await competingWrite('t-stale', report.id, 'purpose', { type: 'longText', text: 'Ander' });
    });
    let calls = 0;
    const updated = await store.update('t-stale', report.id, (current) => {
      calls += 1;
      return withAnswer(current, 'locations', { type: 'longText', text: 'Gent' }, now);
    });
    assert.equal(meddled, 1);
    assert.equal(calls, 2, 'the change is applied again to the freshly read report');
    assert.deepEqual(updated.answers, {
      purpose: { type: 'longText', text: 'Ander' },
      locations: { type: 'longText', text: 'Gent' },
    });
  });

  it('throws ReportConflictError when every attempt meets a newer write', async () => {
    const store = new CosmosReportStore(db.reports);
    const report = await store.create(draft('t-busy'));
    let meddled = 0;
    server.meddle(async () => {
      meddled += 1;
      await competingWrite('t-busy', report.id, `noise${meddled}`, meddled);
    });
    let calls = 0;
    await assert.rejects(
      store.update('t-busy', report.id, (current) => {
        calls += 1;
        return withAnswer(current, 'outcome', { type: 'longText', text: 'Kennis' }, now);
      }),
      (error: unknown) => error instanceof ReportConflictError && error.message.includes(report.id),
    );
    assert.equal(calls, 5);
    assert.equal(meddled, 5);
    server.meddle(undefined);
    const stored = await store.get('t-busy', report.id);
    assert.equal(stored?.answers.outcome, undefined, 'the losing change was not written');
  });

  it('honours a smaller maxAttempts', async () => {
    const store = new CosmosReportStore(db.reports, { maxAttempts: 2 });
    const report = await store.create(draft(`t-${randomUUID()}`));
    let meddled = 0;
    server.meddle(async () => {
      meddled += 1;
      await competingWrite(report.travellerId, report.id, 'x', meddled);
    });
    await assert.rejects(
      store.update(report.travellerId, report.id, (current) => current),
      ReportConflictError,
    );
    assert.equal(meddled, 2);
  });
});
