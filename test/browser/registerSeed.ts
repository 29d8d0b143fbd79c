// Posted reports for the register's browser test, written through the report store into the
// database the bot under test reads.
import { randomUUID } from 'node:crypto';
import type { Report } from '../../src/report/report';
import { connectCosmos } from '../../src/store/cosmos';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { draft } from '../store/reportStore.contract';
import { registeredReport, type RegisteredTrip } from '../store/registerQueries.contract';

/** The tenant of the seeded reports. */
export const SEED_TENANT = 'c0ffee00-0000-4000-8000-000000000001';

/** The trips the test finds in the register, newest first. */
export const SEEDED_TRIPS: (RegisteredTrip & { peopleMet?: string })[] = [
  {
    title: 'Wiener Städtedialog 2026',
    destination: 'Wenen, Oostenrijk',
    traveller: 'Sanne Visser',
    purpose: 'Kennis uitwisselen over betaalbaar wonen.\nMet Eva Huber over het Wohnfonds.',
    departure: '2026-11-03',
    costs: { travel: 41_280, stay: 108_900, other: null },
    paidBy: 'thirdParty',
    peopleMet: 'Eva Huber',
  },
  {
    title: 'Eurocities Mobility Forum',
    destination: 'Gent, België',
    traveller: 'Bram Jansen',
    purpose: 'Deelmobiliteit in binnensteden',
    departure: '2026-04-14',
    costs: { travel: 12_000, stay: 25_000, other: 3_000 },
    paidBy: 'municipality',
    teamId: 'team-mobiliteit',
    teamName: 'Mobiliteit',
  },
  {
    title: 'Smart City Expo',
    destination: 'Barcelona, Spanje',
    traveller: 'Anna de Vries',
    purpose: 'Digitale dienstverlening',
    departure: '2025-11-18',
    costs: { travel: 30_000, stay: 60_000, other: 0 },
    paidBy: 'municipality',
  },
];

/** Writes the seeded trips (and a draft, which the register must not show) to the database. */
export async function seedRegister(cosmos: {
  endpoint: string;
  key: string;
  database: string;
}): Promise<Report[]> {
  const connection = connectCosmos({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseName: cosmos.database,
    createIfMissing: true,
  });
  try {
    await connection.prepare();
    const store = new CosmosReportStore(connection.reports);
    const created: Report[] = [];
    for (const trip of SEEDED_TRIPS) {
      const report = registeredReport(SEED_TENANT, trip);
      if (trip.peopleMet) {
        report.answers.peopleMet = {
          type: 'people',
          people: [{ name: trip.peopleMet, role: 'wethouder wonen' }],
        };
        report.answers.outcome = {
          type: 'longText',
          text: `${trip.peopleMet} nodigt ons uit voor een werkbezoek.`,
        };
      }
      created.push(await store.create(report));
    }
    await store.create({
      ...draft(`traveller-${randomUUID()}`),
      tenantId: SEED_TENANT,
      answers: { title: { type: 'shortText', text: 'Concept dat niemand mag zien' } },
    });
    return created;
  } finally {
    connection.dispose();
  }
}
