// Trips of issue 18 for the publication tests: who went along, what the trip cost and who paid.
// Answers are stored answers, built directly (the typed-input parsers are tested elsewhere).
import { parseCatalogue, type Catalogue } from '../../src/report/catalogue';
import type { Report } from '../../src/report/report';
import pinnedQuestions from '../support/pinnedQuestions.json';
import costQuestions from './costQuestions.json';
import { barcelonaReport } from './fixtures';

const [coTravellers, costs, paidBy] = costQuestions.questions;
const pinned = pinnedQuestions.questions;
const personsAt = pinned.findIndex((question) => question.key === 'persons');

/**
 * The pinned catalogue with the questions of issue 18 where the product asks them: fellow
 * travellers before the number of people, costs and who paid at the end.
 */
export const costCatalogue: Catalogue = parseCatalogue(
  {
    questions: [
      ...pinned.slice(0, personsAt),
      coTravellers,
      ...pinned.slice(personsAt),
      costs,
      paidBy,
    ],
  },
  'test/publication/costQuestions.json',
);

const POST = barcelonaReport().post!;

/**
 * A trip to Genève for the UN-Habitat Assembly by Sanne Bakker with two colleagues; € 1.586,80
 * in all, shared with UN-Habitat (hospitality).
 */
export function genevaReport(overrides: Partial<Report> = {}): Report {
  return {
    id: '5a7c9e1b-3d5f-4a6c-8e0a-2b4d6f8a0c1e',
    travellerId: 'aad-sanne',
    travellerName: 'Sanne Bakker',
    locale: 'nl',
    status: 'posted',
    version: 1,
    answers: {
      title: { type: 'shortText', text: 'UN-Habitat Assembly 2025' },
      destination: { type: 'shortText', text: 'Genève, Zwitserland' },
      coTravellers: {
        type: 'colleagues',
        colleagues: [
          { name: 'Pieter de Graaf', aadObjectId: 'aad-pieter' },
          { name: 'Yasmina Ouali' },
        ],
      },
      persons: { type: 'number', value: 3 },
      duration: {
        type: 'dateRange',
        departure: '2025-05-26',
        return: '2025-05-28',
        days: 3,
        nights: 2,
      },
      purpose: {
        type: 'longText',
        text: 'De Haagse aanpak van betaalbaar wonen presenteren in de assemblee.',
      },
      locations: { type: 'longText', text: 'Palais des Nations, Genève.' },
      peopleMet: {
        type: 'people',
        people: [{ name: 'Anacláudia Rossbach', role: 'Executive Director UN-Habitat' }],
      },
      outcome: {
        type: 'longText',
        text: 'Anacláudia Rossbach nodigt Den Haag uit voor het World Urban Forum.',
      },
      followUp: { type: 'yesNoText', yes: true, text: 'Bijdrage aan het World Urban Forum.' },
      costs: { type: 'amounts', amounts: { travel: 41280, stay: 98700, other: 18700 } },
      paidBy: {
        type: 'payer',
        payer: 'shared',
        text: 'UN-Habitat betaalde het verblijf, de gemeente de reis',
      },
    },
    history: [],
    post: { ...POST, postedAt: '2025-06-04T08:15:00.000Z' },
    createdAt: '2025-06-02T12:00:00.000Z',
    updatedAt: '2025-06-04T08:15:00.000Z',
    ...overrides,
  };
}

/** A trip to Brussel whose hotel bill has not come in yet; Eurocities paid (hospitality). */
export function brusselsReport(overrides: Partial<Report> = {}): Report {
  return {
    ...genevaReport(),
    id: '8e0a2c4e-6a8c-4e0a-9c2e-4a6c8e0a2c4e',
    travellerId: 'aad-ruud',
    travellerName: 'Ruud Vermeulen',
    answers: {
      ...genevaReport().answers,
      title: { type: 'shortText', text: 'Eurocities Annual Conference 2025' },
      destination: { type: 'shortText', text: 'Brussel, België' },
      coTravellers: { type: 'colleagues', colleagues: [{ name: 'Lotte Jansen' }] },
      persons: { type: 'number', value: 2 },
      duration: {
        type: 'dateRange',
        departure: '2025-06-11',
        return: '2025-06-12',
        days: 2,
        nights: 1,
      },
      purpose: { type: 'longText', text: 'Kennis uitwisselen over wonen met andere steden.' },
      peopleMet: {
        type: 'people',
        people: [{ name: 'André Sobczak', role: 'Secretaris-generaal Eurocities' }],
      },
      outcome: { type: 'longText', text: 'Aansluiting bij de werkgroep wonen.' },
      costs: { type: 'amounts', amounts: { travel: 12950, stay: null, other: 0 } },
      paidBy: { type: 'payer', payer: 'thirdParty', text: 'Eurocities' },
    },
    post: { ...POST, postedAt: '2025-06-16T13:05:00.000Z' },
    ...overrides,
  };
}

/** A trip to Kopenhagen by one traveller alone, paid by the municipality. */
export function copenhagenReport(overrides: Partial<Report> = {}): Report {
  return {
    ...genevaReport(),
    id: 'c4e6a8c0-2e4a-4c6e-8a0c-6e8a0c2e4a6c',
    travellerId: 'aad-daan',
    travellerName: 'Daan Visser',
    answers: {
      ...genevaReport().answers,
      title: { type: 'shortText', text: 'Nordic Edge Klimaatadaptatie' },
      destination: { type: 'shortText', text: 'Kopenhagen, Denemarken' },
      coTravellers: { type: 'colleagues', colleagues: [] },
      persons: { type: 'number', value: 1 },
      duration: {
        type: 'dateRange',
        departure: '2025-09-02',
        return: '2025-09-02',
        days: 1,
        nights: 0,
      },
      purpose: { type: 'longText', text: 'Leren van de Deense wolkbreukplannen.' },
      peopleMet: {
        type: 'people',
        people: [{ name: 'Mette Lund', role: 'Klimaatadviseur Københavns Kommune' }],
      },
      outcome: { type: 'longText', text: 'Ontwerpen voor wolkbreukbestendige straten.' },
      followUp: { type: 'yesNoText', yes: false },
      costs: { type: 'amounts', amounts: { travel: 31495, stay: 0, other: 2400 } },
      paidBy: { type: 'payer', payer: 'municipality' },
    },
    post: { ...POST, postedAt: '2025-09-05T07:40:00.000Z' },
    ...overrides,
  };
}
