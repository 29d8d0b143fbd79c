// The trip of the municipality's own form "Verslag buitenlandse dienstreis", filled in once as an
// example (shared/form/verslag-buitenlandse-dienstreis.txt beside the project): its answers as
// the interview stores them, copied verbatim (typos included). The form gives the length, not
// the dates; the dates are those the project's examples use for it (19-06-2023 t/m 20-06-2023).
import type { PersonalChat, Report } from '../../src/report/report';

/** The traveller's personal chat with the bot, where the report was written. */
export const FORM_TRIP_CHAT: PersonalChat = {
  conversationId: 'a:1form-trip-personal-chat',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  userId: '29:1fYdWq3vXbKp0sT9LmN4aRzE7uJ2cHgB5iO8kD6wQyA1xV3nM0pS7tL9rU2eC4hG6jF8',
  userName: 'Sanne de Vries',
  aadObjectId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
};

/** The form's trip, posted in the channel once (version 1), written in Teams running `locale`. */
export function formTripReport(locale: Report['locale'] = 'nl'): Report {
  return {
    id: '3d9a6c1e-2b4f-4a8d-9e7c-5f1b3a2d4c6e',
    travellerId: FORM_TRIP_CHAT.aadObjectId,
    travellerName: FORM_TRIP_CHAT.userName,
    tenantId: 'tenant-den-haag',
    locale,
    status: 'posted',
    version: 1,
    answers: {
      title: { type: 'shortText', text: 'Brussels Urban Summit 2023' },
      destination: { type: 'shortText', text: 'Brussel, België' },
      persons: { type: 'number', value: 1 },
      duration: {
        type: 'dateRange',
        departure: '2023-06-19',
        return: '2023-06-20',
        days: 2,
        nights: 1,
      },
      purpose: {
        type: 'longText',
        text:
          'Het doel van de reis was het profileren van Den Haag al internationale stad van Vrede en ' +
          'Recht en het vergaren van kennis over de uitdagingen waar andere gaststeden van ' +
          'Internationale Organisaties voor staan. Dit is gebeurd door als panellid te spreken bij ' +
          'een sessie tijdens de Brussels Urban Summit 2023.',
      },
      locations: {
        type: 'longText',
        text: 'De Brussels Urban Summit 2023 vond plaats in het SQUARE conferentiecentrum in Brussel, België.',
      },
      peopleMet: {
        type: 'people',
        people: [
          {
            name: 'Pascal Smet',
            role: 'Brussels Staatssecretaris voor Stedenbouw, Europese en Internationale Aangelegenheden',
          },
          {
            name: 'Alain Hutchinson',
            role: 'Brussels Commissaris voor Europese en Internationale Organisaties',
          },
          {
            name: 'Marina Hanke',
            role: 'Lid Weense Gemeenteraad en Landdag voor Europese en Internationale Aangelegenheden',
          },
          { name: 'Michaela Kauer', role: 'Directeur van het Weense liaisonkantoor in Brussel' },
          {
            name: 'Olivier Coutau',
            role: 'Gedelegeerde van de Internationale Dienst van het Kanton Geneve',
          },
          { name: 'Sami Kaanan', role: 'Wethouder van de stad Geneve' },
          {
            name: 'Fabiana Hoyeneche',
            role: 'Directeur Internationale Relaties en Samenwerking van de stad Montevideo',
          },
        ],
      },
      outcome: {
        type: 'longText',
        text:
          'De reis heeft de gemeente enerzijds een versterkte profilering opgeleverd binnen de ' +
          'stedelijke netwerken die bijeenkwamen tijdens de Brussels Urban Summit 2023. Concreet ' +
          'gezien heeft het de gemeente een vooraanstaande positie opgeleverd binnen het nieuw op te ' +
          'richten netwerk van gaststeden van Internationale Organisaties.',
      },
      followUp: {
        type: 'yesNoText',
        yes: true,
        text:
          'Er is afgesproken om na deze eerste kennismaking vaker bijeen te komen als gaststeden ' +
          'van Internationale Organisaties. Op die manier kunnen kennis en ervaring uit worden ' +
          'gewisseld om gezamenlijke uitdagingen aan te gaan. Mogelijk kan dit leiden tot een ' +
          'structureel samenwerkingsverband. Hiervoor worden verdere ambtelijke verkenningen ' +
          'voorbereid.',
      },
    },
    history: [],
    chat: FORM_TRIP_CHAT,
    post: {
      conversationId: '19:reisverslagen@thread.tacv2;messageid=1687260000000',
      activityId: '1687260000000',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: '19:reisverslagen@thread.tacv2',
      teamName: 'Internationale Zaken',
      channelName: 'Reisverslagen',
      postedAt: '2023-06-22T08:00:00.000Z',
      syncedVersion: 1,
    },
    createdAt: '2023-06-21T13:00:00.000Z',
    updatedAt: '2023-06-22T08:00:00.000Z',
  };
}
