// The `state` container holds where each chat stands, never what a traveller answered: a
// rejected answer and an edit waiting for confirmation live in the turn or in the report, and
// the state may expire (30 days) without losing a word. Read directly from Cosmos DB.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import { makeUser } from '../support/activities';
import { installInTeam, useBotInTeams } from '../support/teams';
import { lastCard, TravellerClient } from '../e2e/travellerClient';
import { assertAsks, completeTypedReport, reportIdOf, tripDates, type Trip } from '../e2e/trips';
import { StoreProbe } from './support/probes';

const ghent: Trip = {
  title: 'Eurocities Mobility Forum Gent',
  destination: 'Gent, België',
  persons: 2,
  ...tripDates(6),
  purpose: 'Leren hoe Gent het autoverkeer uit de binnenstad heeft gehaald.',
  locations: 'Stadhuis Gent; Mobiliteitsbedrijf',
  people: [{ name: 'Katrien Verhoeven', role: 'schepen van mobiliteit' }],
  outcome: 'Een plan voor een circulatieplan in onze binnenstad.',
  agreements: 'een werkbezoek van Gent aan ons in het voorjaar',
};

describe('security: the dialog state holds no answers', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  let store: StoreProbe;

  before(() => {
    store = new StoreProbe(teams.cosmos, teams.bot.env.COSMOS_DATABASE ?? '');
  });
  after(() => store?.dispose());

  async function traveller(name: string): Promise<TravellerClient> {
    const place = await installInTeam(teams.bot.url, teams.connector);
    return new TravellerClient(makeUser(name), {
      botUrl: teams.bot.url,
      connector: teams.connector,
      tenantId: place.tenantId,
    });
  }

  /** The traveller's state documents as JSON, asserting there is some (the chat's position). */
  async function stateOf(client: TravellerClient): Promise<string> {
    const states = await store.statesOf(client.chatId);
    assert.ok(states.length > 0, 'the chat has a dialog state');
    return JSON.stringify(states);
  }

  async function stored(client: TravellerClient, reportId: string): Promise<Report> {
    const { resource } = await teams.reports.item(reportId, client.user.aadObjectId).read<Report>();
    assert.ok(resource, `report ${reportId} is stored`);
    return resource;
  }

  it('keeps a rejected answer in the turn: asked again with it, stored nowhere', async () => {
    const sanne = await traveller('Sanne Mulder');
    await sanne.say('nieuw verslag');
    await sanne.say(ghent.title);
    await sanne.say(ghent.destination);
    const typed = 'twaalf, samen met Katrien Verhoeven';
    const again = lastCard(await sanne.say(typed));

    assertAsks(again, 'persons');
    assert.match(again.lines.join('\n'), /getal|aantal/i, 'says what is wrong');
    const state = await stateOf(sanne);
    for (const answer of [typed, 'Katrien', ghent.title, ghent.destination]) {
      assert.ok(!state.includes(answer), `state holds no "${answer}": ${state}`);
    }
    // Nothing already given was lost, and the right answer still goes in.
    const next = lastCard(await sanne.say('2'));
    assertAsks(next, 'duration');
  });

  it('keeps an edit waiting for confirmation in the report, not in state', async () => {
    const noor = await traveller('Noor Jacobs');
    const confirmation = await completeTypedReport(noor, ghent);
    const reportId = reportIdOf(confirmation);
    const newPurpose = 'Afspraken maken over een gedeelde pilot met deelfietsen in Gent.';
    const card = lastCard(await noor.say('wijzig doel'));
    const confirm = lastCard(await noor.press(card, 'Volgende', { answer: newPurpose }));
    assert.ok(confirm.lines.includes(newPurpose), 'the change is shown to confirm');

    assert.ok(!(await stateOf(noor)).includes(newPurpose), 'not in state');
    const waiting = await stored(noor, reportId);
    assert.deepEqual(
      Object.values(waiting.pendingEdits ?? {}).map(({ questionKey, answer }) => ({
        questionKey,
        answer,
      })),
      [{ questionKey: 'purpose', answer: { type: 'longText', text: newPurpose } }],
    );
    assert.equal(waiting.version, 1, 'not applied before the confirmation');

    await noor.press(confirm, 'Bevestigen');
    const edited = await stored(noor, reportId);
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.answers.purpose, { type: 'longText', text: newPurpose });
    assert.equal(edited.pendingEdits, undefined, 'done with once applied');
    assert.ok(!(await stateOf(noor)).includes(newPurpose));
  });
});
