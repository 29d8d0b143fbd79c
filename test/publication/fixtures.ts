// Trips of the publication tests: a plain one, and one whose text tries everything a CSV,
// Markdown or Word file can trip over (quotes, commas, line breaks, formulas, other scripts).
import type { Report } from '../../src/report/report';

const POST = {
  conversationId: '19:reports@thread.tacv2;messageid=1700000000001',
  activityId: '1700000000001',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: '19:reports@thread.tacv2',
  channelName: 'Reisverslagen',
  teamName: 'Internationale Zaken',
  syncedVersion: 1,
};

/** A posted three-day trip to Barcelona by Joost Verhoeven, three people met. */
export function barcelonaReport(overrides: Partial<Report> = {}): Report {
  return {
    id: '7c1e2a90-4b5d-4e1f-9a3b-0c2d4e6f8a10',
    travellerId: 'aad-joost',
    travellerName: 'Joost Verhoeven',
    locale: 'nl',
    status: 'posted',
    version: 1,
    answers: {
      title: { type: 'shortText', text: 'Smart City Expo World Congress 2024' },
      destination: { type: 'shortText', text: 'Barcelona, Spanje' },
      persons: { type: 'number', value: 3 },
      duration: {
        type: 'dateRange',
        departure: '2024-11-05',
        return: '2024-11-07',
        days: 3,
        nights: 2,
      },
      purpose: {
        type: 'longText',
        text: 'Kennis opdoen over digitale tweelingen van steden.\nDen Haag presenteren als proeftuin.',
      },
      locations: { type: 'longText', text: 'Fira Gran Via en het stadhuis van Barcelona.' },
      peopleMet: {
        type: 'people',
        people: [
          { name: 'Núria Puig', role: 'Directeur Digitale Stad, Ajuntament de Barcelona' },
          { name: 'Jordi Ferrer', role: 'Programmamanager Urban Lab' },
          { name: 'Ingrid de Wolf', role: 'Beleidsmedewerker Eurocities' },
        ],
      },
      outcome: {
        type: 'longText',
        text: 'Núria Puig deelt haar aanbesteding; Jordi stuurt de handleiding van het Urban Lab.',
      },
      followUp: {
        type: 'yesNoText',
        yes: true,
        text: 'In februari een videogesprek met mevrouw Puig en Ingrid de Wolf.',
      },
    },
    history: [],
    post: { ...POST, postedAt: '2024-11-12T09:30:00.000Z' },
    createdAt: '2024-11-11T14:00:00.000Z',
    updatedAt: '2024-11-12T09:30:00.000Z',
    ...overrides,
  };
}

/**
 * A posted trip to Osaka, version 2: quotes, commas, line breaks, a would-be formula and
 * markdown in the text, and people with Japanese, Greek and Arabic names.
 */
export function osakaReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 'b2f4d6a8-1357-49bd-8ace-0246813579bd',
    travellerId: 'aad-fatima',
    travellerName: 'Fatima el Amrani',
    locale: 'nl',
    status: 'posted',
    version: 2,
    answers: {
      title: { type: 'shortText', text: '=HYPERLINK("http://x"), "World Expo" Osaka' },
      destination: { type: 'shortText', text: 'Osaka (大阪市), Japan' },
      persons: { type: 'number', value: 4 },
      duration: {
        type: 'dateRange',
        departure: '2025-05-19',
        return: '2025-05-23',
        days: 5,
        nights: 4,
      },
      purpose: {
        type: 'longText',
        text:
          'Het Nederlandse paviljoen bezoeken, "Den Haag, stad van vrede" presenteren ' +
          'met Ελένη Παπαδοπούλου en محمد العلي.\n' +
          '# Geen kop\n[geen link](http://voorbeeld.nl) **geen vet** <b>geen html</b> & meer',
      },
      locations: { type: 'longText', text: 'Yumeshima, 大阪市役所 (stadhuis), Kansai-luchthaven.' },
      peopleMet: {
        type: 'people',
        people: [
          { name: '田中 太郎', role: 'Directeur Stadsontwikkeling, Osaka' },
          { name: 'Ελένη Παπαδοπούλου', role: 'Adviseur cultuur, Athene' },
          { name: 'محمد العلي', role: 'Wethouder, Dubai' },
        ],
      },
      outcome: {
        type: 'longText',
        text:
          '田中さん nodigt ons uit in oktober. Ελένη Παπαδοπούλου wil samenwerken; ' +
          'ook محمد العلي toonde interesse.',
      },
      followUp: { type: 'yesNoText', yes: false },
    },
    history: [],
    post: { ...POST, postedAt: '2025-06-02T22:45:00.000Z', syncedVersion: 2 },
    createdAt: '2025-05-30T08:00:00.000Z',
    updatedAt: '2025-06-03T07:00:00.000Z',
    ...overrides,
  };
}

/** Every name of the people met in a report, full and in parts (what redaction must remove). */
export function namesMet(report: Report): string[] {
  const answer = report.answers.peopleMet;
  if (answer?.type !== 'people') return [];
  return answer.people.flatMap((person) => [
    person.name,
    ...person.name.split(/\s+/).filter((part) => part.length > 2),
  ]);
}
