import type { Question } from '../../src/report/catalogue';
import { pinnedCatalogue } from '../support/catalogue';
import type { Answer, Report } from '../../src/report/report';

/** The question with this key from the real catalogue; throws so a renamed key fails loudly. */
export function question(key: string): Question {
  const found = pinnedCatalogue.find(key);
  if (!found) throw new Error(`the catalogue has no question "${key}"`);
  return found;
}

/** "Today" for the tests: a week after the Vienna trip. */
export const TODAY = '2024-03-20';

/** The list of people met as the municipality's example form writes it: an intro line, then 7 people. */
export const FORM_PEOPLE_TEXT = [
  'Er is kennisgemaakt met de volgende personen:',
  '',
  'Pascal Smet (Brussels Staatssecretaris voor Stedenbouw, Europese en Internationale Aangelegenheden)',
  'Alain Hutchinson (Brussels Commissaris voor Europese en Internationale Organisaties)',
  'Marina Hanke (Lid Weense Gemeenteraad en Landdag voor Europese en Internationale Aangelegenheden)',
  'Michaela Kauer (Directeur van het Weense liaisonkantoor in Brussel)',
  'Olivier Coutau (Gedelegeerde van de Internationale Dienst van het Kanton Geneve)',
  'Sami Kaanan (Wethouder van de stad Geneve)',
  'Fabiana Hoyeneche (Directeur Internationale Relaties en Samenwerking van de stad Montevideo)',
].join('\n');

/** Every answer of a three-day trip to Vienna. */
export const VIENNA_ANSWERS: Record<string, Answer> = {
  title: { type: 'shortText', text: 'Host City Dialogue Wenen 2024' },
  destination: { type: 'shortText', text: 'Wenen, Oostenrijk' },
  persons: { type: 'number', value: 2 },
  duration: {
    type: 'dateRange',
    departure: '2024-03-12',
    return: '2024-03-14',
    days: 3,
    nights: 2,
  },
  purpose: {
    type: 'longText',
    text: 'Leren hoe Wenen internationale organisaties huisvest.\nEn Den Haag daar presenteren.',
  },
  locations: { type: 'longText', text: 'Het Vienna International Centre en het Weense stadhuis.' },
  peopleMet: {
    type: 'people',
    people: [
      { name: 'Lena Gruber', role: 'Hoofd Internationale Zaken, Stad Wenen' },
      { name: 'Tobias Weiss', role: 'Protocolchef Vienna International Centre' },
      { name: 'Marta Novak', role: 'Beleidsadviseur UN-Habitat' },
    ],
  },
  outcome: { type: 'longText', text: 'Een contactpersoon bij de stad Wenen en twee ideeën.' },
  followUp: {
    type: 'yesNoText',
    yes: true,
    text: 'In mei komt een Weense delegatie naar Den Haag.',
  },
};

/** The Vienna report, posted and changed once; last changed late on 20 March UTC (21 March in The Hague). */
export function viennaReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 'report-vienna',
    travellerId: 'traveller-1',
    travellerName: 'Sanne Bakker',
    locale: 'nl',
    status: 'posted',
    version: 2,
    answers: { ...VIENNA_ANSWERS },
    history: [],
    createdAt: '2024-03-18T09:00:00.000Z',
    updatedAt: '2024-03-20T23:30:00.000Z',
    ...overrides,
  };
}
