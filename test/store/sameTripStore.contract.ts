import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SameTripRecord, SameTripStore } from '../../src/store/sameTripStore';

/** A record of `reportId` for `colleagueId`, posted at `postedAt`, with the trip ending `endsOn`. */
export function sameTripRecord(
  colleagueId: string,
  reportId: string,
  overrides: Partial<SameTripRecord> = {},
): SameTripRecord {
  return {
    colleagueId,
    reportId,
    reportVersion: 1,
    travellerId: 'a1b2c3d4-0000-4000-8000-000000000001',
    travellerName: 'Sanne Visser',
    tenantId: 'tenant-1',
    title: 'UN-Habitat Assembly 2025',
    destination: 'Genève',
    departure: '2025-06-03',
    return: '2025-06-05',
    endsOn: '2025-06-05',
    post: {
      channelId: '19:reports@thread.tacv2',
      activityId: '1749200000000',
      postedAt: '2025-06-06T09:00:00.000Z',
      teamName: 'Internationale Zaken',
      channelName: 'Reisverslagen',
      teamAadGroupId: '00000000-0000-0000-0000-000000000031',
    },
    postedAt: '2025-06-06T09:00:00.000Z',
    ...overrides,
  };
}

/** The SameTripStore contract: any implementation must pass these. */
export function sameTripStoreContract(makeStore: () => SameTripStore): void {
  let store: SameTripStore;
  let colleague: string;
  let report: string;
  beforeEach(() => {
    store = makeStore();
    colleague = randomUUID();
    report = `report-${randomUUID()}`;
  });

  it('finds nothing for a colleague named in no report', async () => {
    assert.deepEqual(await store.findRecent(colleague, '2025-01-01', 5), []);
  });

  it('finds a colleague’s records of recent trips, newest post first, only in their partition', async () => {
    const older = `report-${randomUUID()}`;
    const longAgo = `report-${randomUUID()}`;
    await store.save(sameTripRecord(colleague, report));
    await store.save(
      sameTripRecord(colleague, older, {
        title: 'Eurocities Forum',
        postedAt: '2025-05-01T09:00:00.000Z',
        endsOn: '2025-04-30',
      }),
    );
    await store.save(sameTripRecord(colleague, longAgo, { endsOn: '2024-01-10' }));
    await store.save(sameTripRecord(randomUUID(), report));

    const found = await store.findRecent(colleague, '2025-03-01', 5);
    assert.deepEqual(
      found.map((record) => record.reportId),
      [report, older],
    );
    assert.deepEqual(found[0], sameTripRecord(colleague, report));
    assert.deepEqual(
      (await store.findRecent(colleague, '2025-03-01', 1)).map((record) => record.reportId),
      [report],
    );
  });

  it('keeps one record a colleague and report however often it is saved (redelivery)', async () => {
    await store.save(sameTripRecord(colleague, report));
    await store.save(sameTripRecord(colleague, report));
    await store.save(sameTripRecord(colleague, report, { reportVersion: 2, title: 'Nieuw' }));
    const found = await store.findRecent(colleague, '2025-01-01', 10);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.title, 'Nieuw');
  });

  it('never lets an older version overwrite a newer one', async () => {
    await store.save(sameTripRecord(colleague, report, { reportVersion: 3, title: 'Versie 3' }));
    await store.save(sameTripRecord(colleague, report, { reportVersion: 2, title: 'Versie 2' }));
    assert.equal((await store.findRecent(colleague, '2025-01-01', 5))[0]?.title, 'Versie 3');
  });

  it('hides a record once seen, and keeps it seen when the report changes later', async () => {
    await store.save(sameTripRecord(colleague, report));
    await store.markSeen(colleague, report, '2025-06-10T08:00:00.000Z');
    assert.deepEqual(await store.findRecent(colleague, '2025-01-01', 5), []);
    await store.save(sameTripRecord(colleague, report, { reportVersion: 2, title: 'Nieuw' }));
    assert.deepEqual(await store.findRecent(colleague, '2025-01-01', 5), []);
    // Marking what is not there is no error.
    await store.markSeen(colleague, `report-${randomUUID()}`, '2025-06-10T08:00:00.000Z');
  });

  it('removes a record of the given version or older, not one made from a newer version', async () => {
    await store.save(sameTripRecord(colleague, report, { reportVersion: 2 }));
    await store.remove(colleague, report, 1);
    assert.equal((await store.findRecent(colleague, '2025-01-01', 5)).length, 1);
    await store.remove(colleague, report, 2);
    assert.deepEqual(await store.findRecent(colleague, '2025-01-01', 5), []);
    // Removing what is gone is no error.
    await store.remove(colleague, report, 2);
  });

  it('hands out copies: changing what was read or saved changes nothing stored', async () => {
    const saved = sameTripRecord(colleague, report);
    await store.save(saved);
    saved.title = 'Anders';
    const [read] = await store.findRecent(colleague, '2025-01-01', 5);
    assert.equal(read?.title, 'UN-Habitat Assembly 2025');
    if (read) read.post.activityId = 'x';
    const [again] = await store.findRecent(colleague, '2025-01-01', 5);
    assert.equal(again?.post.activityId, '1749200000000');
  });
}
