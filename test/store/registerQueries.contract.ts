import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Answer, Report } from '../../src/report/report';
import { BadContinuationError, type ReportStore } from '../../src/store/reportStore';
import { draft } from './reportStore.contract';

/** What a posted report of the register fixture varies in. */
export interface RegisteredTrip {
  title: string;
  destination: string;
  traveller?: string;
  purpose?: string;
  departure: string;
  teamId?: string;
  teamName?: string;
  /** Amounts in cents, null for "nog niet bekend"; absent: no costs given. */
  costs?: { travel: number | null; stay: number | null; other: number | null };
  paidBy?: 'municipality' | 'thirdParty' | 'shared';
}

/** A posted report of `tenantId` with the register's answers, as the bot stores it once posted. */
export function registeredReport(tenantId: string, trip: RegisteredTrip): Report {
  const answers: Record<string, Answer> = {
    title: { type: 'shortText', text: trip.title },
    destination: { type: 'shortText', text: trip.destination },
    purpose: { type: 'longText', text: trip.purpose ?? `Werkbezoek ${trip.title}\nTweede regel` },
    duration: {
      type: 'dateRange',
      departure: trip.departure,
      return: trip.departure,
      days: 1,
      nights: 0,
    },
    ...(trip.costs ? { costs: { type: 'amounts', amounts: trip.costs } as Answer } : {}),
    ...(trip.paidBy
      ? { paidBy: { type: 'payer', payer: trip.paidBy, text: 'UN-Habitat' } as Answer }
      : {}),
  };
  const base = draft(`traveller-${randomUUID()}`);
  return {
    ...base,
    tenantId,
    travellerName: trip.traveller ?? base.travellerName,
    status: 'posted',
    answers,
    post: {
      channelId: '19:reports@thread.tacv2',
      serviceUrl: 'https://smba.example/',
      tenantId,
      teamId: trip.teamId ?? 'team-a',
      teamName: trip.teamName ?? 'Internationale Zaken',
      conversationId: '19:reports@thread.tacv2;messageid=1',
      activityId: '1',
      postedAt: '2025-03-02T12:00:00.000Z',
      syncedVersion: 1,
    },
  };
}

/**
 * The register's queries (ReportStore.registerPage, registerSummary, registerFacets): any store
 * must pass these. Each test uses a tenant of its own, so a shared container does not disturb it.
 */
export function registerQueriesContract(makeStore: () => ReportStore): void {
  let store: ReportStore;
  let tenantId: string;
  beforeEach(() => {
    store = makeStore();
    tenantId = `tenant-${randomUUID()}`;
  });

  const titlesOf = (reports: Report[]) =>
    reports.map((report) => (report.answers.title as { text: string }).text);

  async function allPages(filter: object, pageSize: number): Promise<Report[][]> {
    const pages: Report[][] = [];
    let continuation: string | undefined;
    do {
      const page = await store.registerPage({ tenantId, ...filter }, pageSize, continuation);
      pages.push(page.reports);
      continuation = page.continuation;
    } while (continuation !== undefined && pages.length < 20);
    return pages;
  }

  it('pages through the posted reports of the tenant, newest trip first, never a draft', async () => {
    for (const [title, departure] of [
      ['Oudste', '2023-02-01'],
      ['Nieuwste', '2026-05-04'],
      ['Middelste', '2025-01-10'],
      ['Tweede', '2026-01-20'],
      ['Derde', '2025-11-30'],
    ] as const) {
      await store.create(registeredReport(tenantId, { title, destination: 'Wenen', departure }));
    }
    await store.create({ ...draft('someone'), tenantId });
    await store.create(
      registeredReport(`other-${randomUUID()}`, {
        title: 'Andere gemeente',
        destination: 'Wenen',
        departure: '2026-06-01',
      }),
    );

    const pages = await allPages({}, 2);
    assert.deepEqual(pages.map(titlesOf), [
      ['Nieuwste', 'Tweede'],
      ['Derde', 'Middelste'],
      ['Oudste'],
    ]);
  });

  it('finds by every word in title, destination, traveller or purpose, in any case or accent', async () => {
    await store.create(
      registeredReport(tenantId, {
        title: 'Host City Dialogue',
        destination: 'Zürich, Zwitserland',
        traveller: 'Anna de Vries',
        departure: '2025-03-01',
      }),
    );
    await store.create(
      registeredReport(tenantId, {
        title: 'Eurocities Forum',
        destination: 'Wenen, Oostenrijk',
        traveller: 'Bram Jansen',
        purpose: 'Woningbouw en klimaatadaptatie',
        departure: '2025-04-01',
      }),
    );
    const found = async (search: string) =>
      titlesOf((await store.registerPage({ tenantId, search }, 10)).reports);
    assert.deepEqual(await found('zurich'), ['Host City Dialogue']);
    assert.deepEqual(await found('BRAM'), ['Eurocities Forum']);
    assert.deepEqual(await found('klimaat'), ['Eurocities Forum']);
    assert.deepEqual(await found('dialogue anna'), ['Host City Dialogue']);
    assert.deepEqual(await found('dialogue bram'), []);
    assert.deepEqual(await found('  '), ['Eurocities Forum', 'Host City Dialogue']);
  });

  it('filters by year, team and third-party payment, and adds up the selection in one summary', async () => {
    const trips: RegisteredTrip[] = [
      {
        title: 'A',
        destination: 'Gent',
        departure: '2025-06-01',
        costs: { travel: 10_000, stay: 20_050, other: 0 },
        paidBy: 'municipality',
      },
      {
        title: 'B',
        destination: 'Gent',
        departure: '2025-07-01',
        costs: { travel: 5_000, stay: null, other: 100 },
        paidBy: 'thirdParty',
        teamId: 'team-b',
        teamName: 'Stadsontwikkeling',
      },
      { title: 'C', destination: 'Gent', departure: '2024-07-01', paidBy: 'shared' },
    ];
    for (const trip of trips) await store.create(registeredReport(tenantId, trip));

    const titles = async (filter: object) =>
      titlesOf((await store.registerPage({ tenantId, ...filter }, 10)).reports);
    assert.deepEqual(await titles({ year: 2025 }), ['B', 'A']);
    assert.deepEqual(await titles({ teamId: 'team-b' }), ['B']);
    assert.deepEqual(await titles({ thirdParty: true }), ['B', 'C']);
    assert.deepEqual(await titles({ thirdParty: false }), ['A']);
    assert.deepEqual(await titles({ year: 2025, thirdParty: true }), ['B']);

    assert.deepEqual(await store.registerSummary({ tenantId }), {
      reports: 3,
      knownCents: 35_150,
      costsOpen: 2,
    });
    assert.deepEqual(await store.registerSummary({ tenantId, year: 2025 }), {
      reports: 2,
      knownCents: 35_150,
      costsOpen: 1,
    });
    assert.deepEqual(await store.registerSummary({ tenantId, year: 2020 }), {
      reports: 0,
      knownCents: 0,
      costsOpen: 0,
    });

    assert.deepEqual(await store.registerFacets(tenantId), {
      years: [2025, 2024],
      teams: [
        { id: 'team-a', name: 'Internationale Zaken' },
        { id: 'team-b', name: 'Stadsontwikkeling' },
      ],
    });
  });

  it('finds an edited report by its new title, and a deleted one no more', async () => {
    const report = await store.create(
      registeredReport(tenantId, {
        title: 'Oude titel',
        destination: 'Gent',
        purpose: 'Overleg',
        departure: '2025-06-01',
      }),
    );
    await store.update(report.travellerId, report.id, (current) => ({
      ...current,
      version: 2,
      answers: { ...current.answers, title: { type: 'shortText', text: 'Nieuwe titel' } },
    }));
    const found = async (search: string) =>
      titlesOf((await store.registerPage({ tenantId, search }, 10)).reports);
    assert.deepEqual(await found('nieuwe'), ['Nieuwe titel']);
    assert.deepEqual(await found('oude'), []);
    await store.delete(report.travellerId, report.id);
    assert.deepEqual(await found('nieuwe'), []);
  });

  it('refuses a continuation token it did not hand out', async () => {
    await store.create(
      registeredReport(tenantId, { title: 'A', destination: 'Gent', departure: '2025-06-01' }),
    );
    await assert.rejects(
      store.registerPage({ tenantId }, 10, 'not-a-token'),
      (error: unknown) => error instanceof BadContinuationError,
    );
  });
}
