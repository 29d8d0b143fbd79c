// Messages that are no answer, end to end over HTTP with the real bot, its Cosmos DB and the fake
// Bot Connector: thanks after posting start no draft, `verder` after a pause or a restart asks the
// open question again without storing it, and a file, image or sticker during a question is
// answered with one sentence.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import {
  fileAttachments,
  imageAttachments,
  makeUser,
  stickerAttachments,
  type TeamsUser,
} from '../support/activities';
import { installInTeam as sharedInstallInTeam, useBotInTeams } from '../support/teams';
import { buttonsOf, cardOf, lastCard, TravellerClient, type BotMessage } from './travellerClient';
import {
  assertAsks,
  completeTypedReport,
  questionsBefore,
  reportIdOf,
  tripDates,
  typedAnswer,
  type Trip,
} from './trips';

const ghent: Trip = {
  title: 'Energy Cities Forum 2026',
  destination: 'Gent, België',
  persons: 2,
  ...tripDates(9),
  purpose: 'Leren hoe Gent wijkwarmtenetten aanlegt.',
  locations: 'Stadhuis Gent\nWarmtenet Nieuw Gent',
  people: [{ name: 'Els Peeters', role: 'schepen van klimaat' }],
  outcome: 'Een aanpak voor de eerste twee wijken.',
  agreements: 'in februari een videogesprek met het warmtebedrijf',
};

const FILE_SENTENCE =
  "Bestanden, foto's en stickers kan ik niet aan het verslag toevoegen; typ je antwoord gewoon in de chat.";

describe('e2e: messages that are no answer start nothing and are stored nowhere', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  const { connector } = teams;

  /** A traveller in a team that has the app, its report channel chosen at install. */
  async function travellerInTeam(
    name: string,
  ): Promise<{ user: TeamsUser; traveller: TravellerClient }> {
    const { tenantId } = await sharedInstallInTeam(teams.bot.url, connector);
    const user = makeUser(name);
    const traveller = new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });
    return { user, traveller };
  }

  /** The traveller's reports as stored in Cosmos DB (their own partition). */
  async function storedReports(user: TeamsUser): Promise<Report[]> {
    const { resources } = await teams.reports.items
      .query<Report>(
        {
          query: 'SELECT * FROM c WHERE c.travellerId = @travellerId',
          parameters: [{ name: '@travellerId', value: user.aadObjectId }],
        },
        { partitionKey: user.aadObjectId },
      )
      .fetchAll();
    return resources;
  }

  async function answersOf(user: TeamsUser): Promise<Report['answers']> {
    const [report, ...others] = await storedReports(user);
    assert.equal(others.length, 0, 'one report');
    assert.ok(report);
    return report.answers;
  }

  /** The one plain sentence of a turn. */
  function sentence(replies: BotMessage[]): string {
    assert.equal(replies.length, 1, `one reply: ${replies.map((r) => r.text).join(' | ')}`);
    assert.equal(replies[0]?.card, undefined, 'a sentence, not a card');
    return replies[0]?.text ?? '';
  }

  it('1. after posting, thanks and greetings get a friendly sentence, anything else the help card; no draft, no reminder', async () => {
    const { user, traveller } = await travellerInTeam('Fleur Dekker');
    await completeTypedReport(traveller, ghent);

    assert.equal(sentence(await traveller.say('Dank je wel!')), 'Graag gedaan!');
    assert.equal(sentence(await traveller.say('👍🙏')), 'Graag gedaan!');
    assert.match(sentence(await traveller.say('hoi')), /^Hallo! Typ \*\*nieuw verslag\*\*/);
    const [help, ...more] = await traveller.say('Moet ik nog iets doen?');
    assert.equal(more.length, 0);
    assert.ok(help);
    assert.deepEqual(
      buttonsOf(cardOf(help)).map((button) => button.title),
      ['Nieuw verslag', 'Alles in één formulier'],
      'no draft to continue',
    );
    assert.ok(
      help.lines.some((line) => line.includes('**verder**')),
      help.lines.join('\n'),
    );
    assert.match(
      sentence(await traveller.attach(fileAttachments('bonnetjes.pdf'))),
      /^Bestanden, foto's en stickers kan ik niet aan een verslag toevoegen/,
    );

    const reports = await storedReports(user);
    assert.deepEqual(
      reports.map((report) => report.status),
      ['posted'],
      'no draft was started',
    );
    const { resources: due } = await teams.reports.items
      .query(
        {
          query:
            'SELECT c.id FROM c WHERE c.travellerId = @travellerId AND c.status = @draft AND IS_DEFINED(c.reminderDueAt)',
          parameters: [
            { name: '@travellerId', value: user.aadObjectId },
            { name: '@draft', value: 'draft' },
          ],
        },
        { partitionKey: user.aadObjectId },
      )
      .fetchAll();
    assert.deepEqual(due, [], 'no reminder is scheduled');
  });

  it('2. `verder` after a pause, after stop and after a restart asks the open question again and stores nothing', async () => {
    const { user, traveller } = await travellerInTeam('Bram Mulder');
    let card = lastCard(await traveller.say('nieuw verslag'));
    const reportId = reportIdOf(card);
    for (const { key } of questionsBefore('locations')) {
      assertAsks(card, key);
      card = lastCard(await traveller.say(typedAnswer(ghent, key)));
    }
    assertAsks(card, 'locations');
    const before = await answersOf(user);
    assert.equal(before.locations, undefined);

    // Back after a pause: the question is still open.
    const again = await traveller.say('verder');
    assert.equal(again.length, 1, 'the question again, and nothing else');
    assertAsks(lastCard(again), 'locations');
    assert.equal(reportIdOf(lastCard(again)), reportId);
    assert.equal(connector.updatesOf(card.id).length, 0, 'the open card was not answered');

    // Paused with stop, then continued.
    assert.match(sentence(await traveller.say('stop')), /typ \*\*verder\*\*/);
    assertAsks(lastCard(await traveller.say('Ga verder')), 'locations');

    // The bot killed and started again: the interview stands where it stood.
    await teams.bot.restart({ signal: 'SIGKILL' });
    const resumed = lastCard(await traveller.say('verder'));
    assertAsks(resumed, 'locations');
    assert.equal(reportIdOf(resumed), reportId);
    assert.deepEqual(await answersOf(user), before, 'nothing was stored as an answer');

    // And after a stop and a restart.
    await traveller.say('stop');
    await teams.bot.restart({ signal: 'SIGKILL' });
    const continued = lastCard(await traveller.say('verder'));
    assertAsks(continued, 'locations');
    assert.deepEqual(await answersOf(user), before, 'nothing was stored as an answer');

    assertAsks(lastCard(await traveller.say(typedAnswer(ghent, 'locations'))), 'peopleMet');
    assert.deepEqual((await answersOf(user)).locations, {
      type: 'longText',
      text: ghent.locations,
    });
  });

  it('3. a file, image or sticker sent during a question gets one sentence; nothing is stored, the question stays open', async () => {
    const { user, traveller } = await travellerInTeam('Iris Vos');
    let card = lastCard(await traveller.say('nieuw verslag'));
    for (const { key } of questionsBefore('purpose')) {
      card = lastCard(await traveller.say(typedAnswer(ghent, key)));
    }
    assertAsks(card, 'purpose');
    const before = await answersOf(user);

    for (const attachments of [
      fileAttachments('programma.pdf'),
      imageAttachments(),
      stickerAttachments(),
      stickerAttachments('gif'),
    ]) {
      assert.equal(sentence(await traveller.attach(attachments)), FILE_SENTENCE);
    }
    assert.equal(connector.updatesOf(card.id).length, 0, 'the question card was not answered');
    assert.deepEqual(await answersOf(user), before, 'nothing stored');

    // The open card still takes the answer.
    const next = lastCard(await traveller.press(card, 'Volgende', { answer: ghent.purpose }));
    assertAsks(next, 'locations');
    assert.deepEqual((await answersOf(user)).purpose, { type: 'longText', text: ghent.purpose });
  });
});
