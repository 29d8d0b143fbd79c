// A long hostile answer, end to end (issue 13, item 2): a typed answer of about 6,000 characters
// to the trip-length question once kept the bot's event loop busy for 40 s, so that no other
// traveller's turn ran and /healthz did not answer. Here a traveller sends an answer of Teams'
// full message size, built to make the old date and duration patterns backtrack, while GET
// /healthz is asked again and again: each must answer within a second. The traveller gets the
// one-sentence "too long" error on the same question, and the draft keeps its earlier answers.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Report } from '../../src/report/report';
import { makeUser } from '../support/activities';
import { installInTeam, useBotInTeams } from '../support/teams';
import {
  cardOf,
  lastCard,
  textsInColor,
  TravellerClient,
  type BotMessage,
} from '../e2e/travellerClient';
import {
  assertAsks,
  questionsBefore,
  reportIdOf,
  tripDates,
  typedAnswer,
  type Trip,
} from '../e2e/trips';
import { productCatalogue } from '../support/catalogue';
import { questionOf, sampleAnswer } from '../support/sampleAnswers';
import { filled, WHITESPACE } from './support/hostileInput';

/** The trip the traveller reports up to its length (the question under attack). */
const quito: Trip = {
  title: 'Habitat Forum 2026',
  destination: 'Quito, Ecuador',
  persons: 2,
  ...tripDates(8),
  purpose: 'Leren hoe Quito wijken samen met bewoners vernieuwt.',
  locations: 'Centro de Convenciones Metropolitano',
  people: [{ name: 'María Andrade', role: 'concejal' }],
  outcome: 'Voorbeelden van wijkvernieuwing met bewoners.',
  agreements: 'een videogesprek met de stad Quito in het voorjaar',
};

/** What the issue asks of /healthz while a turn is processed. */
const HEALTHZ_BOUND_MS = 1000;
/** A health check that has not answered by then is given up (the event loop is blocked). */
const HEALTHZ_GIVE_UP_MS = 5000;
/** About what Teams lets one message hold. */
const TEAMS_MESSAGE_CHARACTERS = 28_000;

/** One GET /healthz: how long it took, and its status (0 when it did not answer in time). */
interface HealthProbe {
  milliseconds: number;
  status: number;
}

async function probeHealth(botUrl: string): Promise<HealthProbe> {
  const started = performance.now();
  try {
    const res = await fetch(`${botUrl}/healthz`, {
      signal: AbortSignal.timeout(HEALTHZ_GIVE_UP_MS),
    });
    await res.arrayBuffer();
    return { milliseconds: performance.now() - started, status: res.status };
  } catch {
    return { milliseconds: performance.now() - started, status: 0 };
  }
}

describe('security: a long hostile answer is refused at once, and /healthz answers meanwhile', function () {
  this.timeout(120_000);
  const teams = useBotInTeams();
  const { connector } = teams;
  let tenantId: string;

  before(async () => {
    ({ tenantId } = await installInTeam(teams.bot.url, connector));
  });

  /** The report as stored, read directly from Cosmos DB. */
  async function stored(travellerId: string, reportId: string): Promise<Report> {
    const { resource } = await teams.reports.item(reportId, travellerId).read<Report>();
    assert.ok(resource, `report ${reportId} is stored`);
    return resource;
  }

  it("refuses a typed answer of Teams' full message size to the trip length in one sentence while /healthz answers within a second, keeping the draft", async () => {
    const user = makeUser('Lotte Lang');
    const traveller = new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });
    let card = lastCard(await traveller.say('nieuw verslag'));
    const reportId = reportIdOf(card);
    for (const { key } of questionsBefore('duration')) {
      card = lastCard(await traveller.say(typedAnswer(quito, key)));
    }
    assertAsks(card, 'duration');

    // "1 dag", whitespace of every kind, "x": what made the duration pattern backtrack longest.
    const hostile = `1 dag${filled(WHITESPACE['mixed whitespace'] ?? ' ', TEAMS_MESSAGE_CHARACTERS)}x`;
    const characters = hostile.length;
    let inFlight = true;
    const turn = traveller
      .say(hostile)
      .then(
        (replies) => ({ replies }),
        (error: unknown) => ({ error }),
      )
      .finally(() => {
        inFlight = false;
      });
    const probes: HealthProbe[] = [];
    do {
      probes.push(await probeHealth(teams.bot.url));
    } while (inFlight);
    const outcome = await turn;

    const slow = probes.filter(
      (probe) => probe.status !== 200 || probe.milliseconds >= HEALTHZ_BOUND_MS,
    );
    assert.deepEqual(
      slow.map(
        (probe) => `${probe.status || 'no answer'} after ${Math.round(probe.milliseconds)} ms`,
      ),
      [],
      `GET /healthz answers 200 within ${HEALTHZ_BOUND_MS} ms while the turn runs (${probes.length} asked)`,
    );
    if ('error' in outcome) throw outcome.error;

    // The same question again, with one sentence saying what is wrong and what to do.
    const asked: BotMessage = lastCard(outcome.replies);
    assertAsks(asked, 'duration');
    assert.deepEqual(textsInColor(cardOf(asked), 'Attention'), [
      `Je antwoord telt ${characters.toLocaleString('nl')} tekens; kort het in tot hoogstens 200 tekens.`,
    ]);

    // Nothing given before is lost, and the refused answer was not stored.
    const draft = await stored(user.aadObjectId, reportId);
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.answers, {
      title: { type: 'shortText', text: quito.title },
      destination: { type: 'shortText', text: quito.destination },
      coTravellers: sampleAnswer(questionOf(productCatalogue, 'coTravellers')).stored,
      persons: { type: 'number', value: quito.persons },
    });

    // The interview goes on from there.
    card = lastCard(await traveller.say(typedAnswer(quito, 'duration')));
    assertAsks(card, 'purpose');
  });
});
