// The interview end to end over HTTP: the real bot (`node dist/index.js`), a Cosmos DB-compatible
// server in its own process, and the fake Bot Connector; Teams-shaped activities in, cards out.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import { makeUser, type TeamsChannel, type TeamsUser } from '../support/activities';
import { installInTeam as sharedInstallInTeam, useBotInTeams } from '../support/teams';
import {
  cardOf,
  buttonsOf,
  inputsOf,
  lastCard,
  messageOf,
  textsInColor,
  TravellerClient,
  type BotMessage,
} from './travellerClient';
import {
  answerByCard,
  answerByTyping,
  assertAsks,
  assertChannelCard,
  cardInputs,
  peopleLines,
  QUESTIONS,
  questionsBefore,
  reportIdOf,
  shownLines,
  shownPeriod,
  tripDates,
  typedAnswer,
  type QuestionKey,
  type Trip,
} from './trips';
import { productCatalogue as catalogue } from '../support/catalogue';
import {
  answeredBefore,
  answeredOf,
  progressOf,
  questionOf,
  sampleAnswer,
} from '../support/sampleAnswers';
import { threadOf } from '../support/reportPosts';

const lisbon: Trip = {
  title: 'Eurocities Climate Forum 2026',
  destination: 'Lissabon, Portugal',
  persons: 3,
  ...tripDates(12),
  purpose:
    'Kennis opdoen over klimaatadaptatie in dichte wijken.\nContacten leggen met Portugese en Spaanse gemeenten.',
  locations: 'Câmara Municipal de Lisboa\nHub Criativo do Beato',
  people: [
    { name: 'Ana Costa', role: 'wethouder klimaat' },
    { name: 'Rui Almeida', role: 'directeur stadsontwikkeling' },
  ],
  outcome: 'Drie uitgewerkte voorbeelden van groene schoolpleinen.',
  agreements: 'in januari een online sessie met de stad Lissabon over hittestress',
};

const copenhagen: Trip = {
  title: 'Nordic Smart City Summit',
  destination: 'Kopenhagen, Denemarken',
  persons: 2,
  ...tripDates(30),
  purpose: 'Leren hoe Kopenhagen data over fietsverkeer inzet.',
  locations: 'Københavns Rådhus; Bloxhub',
  people: [
    { name: 'Mette Sørensen', role: 'hoofd mobiliteit' },
    { name: 'Lars Nielsen', role: 'programmamanager data' },
  ],
  outcome: 'Een proefopzet voor tellussen op drie fietsroutes.',
  agreements: 'in het voorjaar een werkbezoek van Kopenhagen aan onze gemeente',
};

const riga: Trip = {
  title: 'Baltic Urban Mobility Days',
  destination: 'Riga, Letland',
  persons: 4,
  ...tripDates(5),
  purpose: 'Ervaringen delen over deelmobiliteit.',
  locations: 'Rīgas dome',
  people: [{ name: 'Inese Kalniņa', role: 'adviseur mobiliteit' }],
  outcome: 'Een vergelijking van vergunningen voor deelscooters.',
  agreements: 'een gezamenlijke aanvraag bij het Interreg-programma',
};

describe('e2e: a traveller writes a report in Teams and it reaches the team channel', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  const { connector } = teams;

  const installInTeam = () => sharedInstallInTeam(teams.bot.url, connector);

  function travellerIn(tenantId: string, user: TeamsUser): TravellerClient {
    return new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });
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

  async function storedReport(user: TeamsUser): Promise<Report> {
    const all = await storedReports(user);
    assert.equal(all.length, 1, `one report for ${user.name}`);
    return all[0] as Report;
  }

  /** Asserts the report is in the channel as one new thread and stored as posted with its place. */
  async function assertPosted(
    user: TeamsUser,
    channel: TeamsChannel,
    trip: Trip,
    confirmation: BotMessage[],
  ): Promise<void> {
    assert.equal(confirmation.length, 1, 'one confirmation');
    assert.deepEqual(confirmation[0]?.lines.slice(0, 2), [
      'Je verslag is geplaatst in het kanaal Reisverslagen van het team Internationale Zaken. Bedankt!',
      'Wijzigen',
    ]);

    const posts = connector.reportPosts(channel.id);
    assert.equal(posts.length, 1, 'exactly one new thread in the channel');
    const post = posts[0];
    assert.ok(post);
    assertChannelCard(messageOf(post.id, post.activity).lines, trip, user.name);

    const stored = await storedReport(user);
    assert.equal(stored.status, 'posted');
    assert.equal(threadOf(stored)?.activityId, post.id);
    assert.equal(threadOf(stored)?.conversationId, `${channel.id};messageid=${post.id}`);
    assert.equal(stored.post?.channelId, channel.id);
  }

  it('1. posts a report answered by card submits in the channel chosen when the team installed the app', async () => {
    const { tenantId, channel } = await installInTeam();
    const user = makeUser('Noor Bakker');
    const traveller = travellerIn(tenantId, user);

    const welcome = await traveller.open();
    assert.match(welcome[0]?.text ?? '', /nieuw verslag/, 'the personal chat opens with a welcome');
    const first = lastCard(await traveller.say('nieuw verslag'));

    const review = await answerByCard(traveller, lisbon, first);
    assert.equal(review.lines[0], 'Controleer je verslag');
    const purpose = shownLines(lisbon.purpose);
    for (const shown of [lisbon.title, lisbon.destination, shownPeriod(lisbon), ...purpose]) {
      assert.ok(review.lines.includes(shown), `the review shows ${shown}`);
    }
    assert.equal((await storedReport(user)).status, 'draft', 'nothing is posted before the press');
    assert.equal(connector.reportPosts(channel.id).length, 0);

    const confirmation = await traveller.press(review, 'Plaatsen in kanaal');
    await assertPosted(user, channel, lisbon, confirmation);

    const stored = await storedReport(user);
    assert.deepEqual(stored.answers.persons, { type: 'number', value: 3 });
    assert.deepEqual(stored.answers.followUp, {
      type: 'yesNoText',
      yes: true,
      text: lisbon.agreements,
    });
    assert.deepEqual(stored.answers.peopleMet, { type: 'people', people: lisbon.people });
  });

  it('2. takes a report typed as chat text (a phone) and posts it on a typed "plaatsen"', async () => {
    const { tenantId, channel } = await installInTeam();
    const user = makeUser('Daan Visser');
    const traveller = travellerIn(tenantId, user);

    const first = lastCard(await traveller.say('nieuw verslag'));
    const review = await answerByTyping(traveller, copenhagen, first);
    assert.equal(review.lines[0], 'Controleer je verslag');

    const confirmation = await traveller.say('plaatsen');
    await assertPosted(user, channel, copenhagen, confirmation);
    const stored = await storedReport(user);
    assert.deepEqual(stored.answers.duration, {
      type: 'dateRange',
      departure: copenhagen.departure,
      return: copenhagen.return,
      days: 3,
      nights: 2,
    });
  });

  it('3. replaces each answered card in place by a compact read-only line', async () => {
    const { tenantId } = await installInTeam();
    const traveller = travellerIn(tenantId, makeUser('Sem de Jong'));
    // Each compact line: "Vraag n van N · <short name>", then the answer as given, a line a
    // RichTextBlock: its first three lines, and "…" when there are more.
    const compact = (lines: string[]) => (lines.length > 3 ? [...lines.slice(0, 3), '…'] : lines);
    const header = (key: QuestionKey, name: string) => `${progressOf(catalogue, key)} · ${name}`;
    const expectedLines: Record<QuestionKey, string[]> = {
      title: [header('title', 'Titel'), riga.title],
      destination: [header('destination', 'Bestemming'), riga.destination],
      persons: [header('persons', 'Aantal personen'), String(riga.persons)],
      duration: [header('duration', 'Reisduur'), shownPeriod(riga)],
      purpose: [header('purpose', 'Doel van de reis'), ...compact(shownLines(riga.purpose))],
      locations: [header('locations', 'Bezochte locaties'), ...compact(shownLines(riga.locations))],
      peopleMet: [
        header('peopleMet', 'Ontmoete personen'),
        ...compact(['1 persoon', ...peopleLines(riga)]),
      ],
      outcome: [
        header('outcome', 'Opbrengst voor de gemeente'),
        ...compact(shownLines(riga.outcome)),
      ],
      followUp: [header('followUp', 'Vervolgafspraken'), ...shownLines(`Ja: ${riga.agreements}`)],
    };
    // A question the trip does not know: its answer type's sample.
    for (const question of catalogue.questions.filter((q) => !(q.key in expectedLines))) {
      expectedLines[question.key] = [
        header(question.key, question.name.nl),
        ...compact(sampleAnswer(question).shown.flatMap(shownLines)),
      ];
    }

    let card = lastCard(await traveller.say('nieuw verslag'));
    for (const [index, { key }] of QUESTIONS.entries()) {
      assertAsks(card, key);
      // Alternate the card and the chat: both answers must replace the card.
      const replies =
        index % 2 === 0
          ? await traveller.press(card, 'Volgende', cardInputs(riga, key))
          : await traveller.say(typedAnswer(riga, key));

      const updates = connector.updatesOf(card.id);
      assert.equal(updates.length, 1, `question ${index + 1}'s card is replaced once`);
      const [update] = updates;
      assert.ok(update);
      const compact = messageOf(card.id, update);
      assert.deepEqual(compact.lines, expectedLines[key]);
      assert.deepEqual(buttonsOf(cardOf(compact)), [], 'the compact line has no buttons');
      assert.equal(inputsOf(cardOf(compact)).size, 0, 'the compact line has no inputs');
      const nowShown = traveller.messages().find((message) => message.id === card.id);
      assert.deepEqual(nowShown?.lines, compact.lines, 'the chat shows the line in place');
      card = lastCard(replies);
    }
    assert.equal(card.lines[0], 'Controleer je verslag');
    assert.equal(connector.updatesOf(card.id).length, 0, 'the review card stays');
  });

  it('4. resumes the draft after the bot is killed (SIGKILL) and started again', async () => {
    const { tenantId, channel } = await installInTeam();
    const user = makeUser('Lotte Smit');
    const traveller = travellerIn(tenantId, user);

    const titleCard = lastCard(await traveller.say('nieuw verslag'));
    const reportId = reportIdOf(titleCard);
    await traveller.press(titleCard, 'Volgende', cardInputs(riga, 'title'));
    const colleaguesCard = lastCard(await traveller.say(typedAnswer(riga, 'destination')));
    assertAsks(colleaguesCard, 'coTravellers');
    const personsCard = lastCard(await traveller.say(typedAnswer(riga, 'coTravellers')));
    assertAsks(personsCard, 'persons');
    assertAsks(
      lastCard(await traveller.press(personsCard, 'Volgende', cardInputs(riga, 'persons'))),
      'duration',
    );

    await teams.bot.restart({ signal: 'SIGKILL' });

    const offer = lastCard(await traveller.say('nieuw verslag'));
    assert.deepEqual(offer.lines, [
      `Je hebt een onafgerond verslag: ${riga.title} (${answeredOf(catalogue, answeredBefore(catalogue, 'duration'))}). Wil je daarmee verdergaan?`,
      'Verdergaan',
      'Nieuw verslag',
    ]);
    const stored = await storedReport(user);
    assert.equal(stored.id, reportId);
    assert.deepEqual(stored.answers, {
      title: { type: 'shortText', text: riga.title },
      destination: { type: 'shortText', text: riga.destination },
      coTravellers: sampleAnswer(questionOf(catalogue, 'coTravellers')).stored,
      persons: { type: 'number', value: riga.persons },
    });

    const resumed = lastCard(await traveller.press(offer, 'Verdergaan'));
    assertAsks(resumed, 'duration');
    assert.equal(reportIdOf(resumed), reportId, 'the same report goes on');

    const review = await answerByCard(traveller, riga, resumed, 'duration');
    const confirmation = await traveller.press(review, 'Plaatsen in kanaal');
    await assertPosted(user, channel, riga, confirmation);
  });

  it('5. asks the same card again with one Dutch sentence after a bad answer, losing nothing', async () => {
    const { tenantId } = await installInTeam();
    const user = makeUser('Mila Jansen');
    const traveller = travellerIn(tenantId, user);
    assertAsks(lastCard(await traveller.say('nieuw verslag')), 'title');
    assertAsks(lastCard(await traveller.say(lisbon.title)), 'destination');
    assertAsks(lastCard(await traveller.say(lisbon.destination)), 'coTravellers');
    const personsCard = lastCard(await traveller.say(typedAnswer(lisbon, 'coTravellers')));
    assertAsks(personsCard, 'persons');

    const rejected = await traveller.say('0');
    assert.equal(rejected.length, 1, 'one message: the same question, with the reason on it');
    const again = lastCard(rejected);
    assertAsks(again, 'persons');
    assert.deepEqual(textsInColor(cardOf(again), 'Attention'), [
      '0 valt buiten de grenzen; vul een heel getal in van 1 tot en met 500.',
    ]);
    assert.equal(connector.updatesOf(personsCard.id).length, 0, 'no answer was taken');
    let stored = await storedReport(user);
    assert.deepEqual(
      Object.keys(stored.answers),
      questionsBefore('persons').map((question) => question.key),
    );
    assert.deepEqual(stored.answers.destination, { type: 'shortText', text: lisbon.destination });

    const durationCard = lastCard(await traveller.say('3'));
    assertAsks(durationCard, 'duration');
    await traveller.press(durationCard, 'Volgende', cardInputs(lisbon, 'duration'));
    await traveller.say(lisbon.purpose);
    const peopleCard = lastCard(await traveller.say(lisbon.locations));
    assertAsks(peopleCard, 'peopleMet');

    // A person without a role, submitted on the card.
    const withoutRole = `${peopleLines(lisbon)[0]}\nRui Almeida`;
    const peopleAgain = lastCard(
      await traveller.press(peopleCard, 'Volgende', { answer: withoutRole }),
    );
    assertAsks(peopleAgain, 'peopleMet');
    const [error, ...more] = textsInColor(cardOf(peopleAgain), 'Attention');
    assert.equal(more.length, 0, 'one sentence');
    assert.match(error ?? '', /^Bij ‘Rui Almeida’ ontbreekt de functie; [^.]+\.$/);
    assert.equal(
      inputsOf(cardOf(peopleAgain)).get('answer')?.value,
      withoutRole,
      'what was typed is shown again to be corrected',
    );
    stored = await storedReport(user);
    assert.deepEqual(
      Object.keys(stored.answers),
      questionsBefore('peopleMet').map((question) => question.key),
    );
    assert.equal(stored.answers.peopleMet, undefined);

    const accepted = await traveller.press(
      peopleAgain,
      'Volgende',
      cardInputs(lisbon, 'peopleMet'),
    );
    assertAsks(lastCard(accepted), 'outcome');
    assert.deepEqual((await storedReport(user)).answers.peopleMet, {
      type: 'people',
      people: lisbon.people,
    });
  });
});
