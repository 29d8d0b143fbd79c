// A trip announced before it is made, end to end over HTTP: the real bot (`node dist/index.js`)
// sweeping reminders every 60 ms at any hour, the Cosmos DB-compatible server, the fake Bot
// Connector. The bot's clock is the machine's: a trip that ended days ago gets its nudge at the
// next sweep, one that lies ahead gets none.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import { makeUser } from '../support/activities';
import { installInTeam, useBotInTeams } from '../support/teams';
import { lastCard, messageOf, TravellerClient, type BotMessage } from './travellerClient';
import {
  assertAsks,
  assertChannelCard,
  cardInputs,
  dutchDate,
  QUESTIONS,
  todayInAmsterdam,
  tripDates,
  typedAnswer,
  type Trip,
} from './trips';

/** Sweeps every 60 ms, any day at any hour: the nudge comes as soon as it is due. */
const QUICK_NUDGES = {
  REMINDER_WINDOW: 'ma-zo 00:00-24:00',
  REMINDER_SKIP_HOLIDAYS: 'false',
  REMINDER_SWEEP_MINUTES: '0.001',
};

const geneva: Trip = {
  title: 'UN-Habitat Assembly 2025',
  destination: 'Genève',
  persons: 2,
  ...tripDates(3),
  purpose: 'Het standpunt van de gemeente over betaalbaar wonen inbrengen.',
  locations: 'Palais des Nations',
  people: [{ name: 'Anacláudia Rossbach', role: 'uitvoerend directeur UN-Habitat' }],
  outcome: 'Contacten met drie steden over wonen en klimaat.',
  agreements: 'in het voorjaar een online sessie met Wenen',
};

const ANNOUNCED_KEYS = ['title', 'destination', 'duration'];

describe('e2e: ik ga op reis, and the nudge the day after', function () {
  this.timeout(60_000);
  const teams = useBotInTeams({ env: QUICK_NUDGES });
  const { connector } = teams;

  const isNudge = (message: BotMessage) => message.lines.join(' ').includes('Welkom terug uit');

  it('announces a trip, nudges after the return, and Nu beginnen leads to the posted report', async () => {
    const { tenantId, channel } = await installInTeam(teams.bot.url, connector);
    const user = makeUser('Fleur Jansen');
    const traveller = new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });

    // A colleague announces a trip a month ahead: the sweeps send them nothing.
    const ahead = new TravellerClient(makeUser('Daan Visser'), {
      botUrl: teams.bot.url,
      connector,
      tenantId,
    });
    const later = new Date(`${todayInAmsterdam()}T12:00:00Z`);
    const isoIn = (days: number) =>
      new Date(later.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    assertAsks(lastCard(await ahead.say('ik ga op reis')), 'title');
    await ahead.say('Eurocities Porto');
    await ahead.say('Porto');
    const noted = await ahead.say(`${dutchDate(isoIn(30))} t/m ${dutchDate(isoIn(32))}`);
    assert.match(noted.at(-1)?.text ?? '', /^Genoteerd: Eurocities Porto in Porto\. Op /);

    // The traveller announces a trip that ended three days ago (as if announced before it).
    const first = lastCard(await traveller.say('ik ga op reis'));
    assertAsks(first, 'title');
    let card = first;
    for (const key of ANNOUNCED_KEYS.slice(0, 2)) {
      assertAsks(card, key);
      card = lastCard(await traveller.press(card, 'Volgende', cardInputs(geneva, key)));
    }
    assertAsks(card, 'duration');
    const announced = await traveller.say(typedAnswer(geneva, 'duration'));
    assert.match(announced.at(-1)?.text ?? '', /^Genoteerd: UN-Habitat Assembly 2025 in Genève/);

    const nudge = messageOf(
      ...(await connector.waitFor(
        (c) => {
          const found = c
            .activitiesIn(traveller.chatId)
            .find((posted) => isNudge(messageOf(posted.id, posted.activity)));
          return found && ([found.id, found.activity] as const);
        },
        10_000,
        'the nudge',
      )),
    );
    assert.ok(
      nudge.lines
        .join(' ')
        .includes(
          'Welkom terug uit Genève! Zullen we het verslag van UN-Habitat Assembly 2025 maken?',
        ),
      nudge.lines.join('\n'),
    );

    // Many sweeps later: still one nudge, and nothing for the trip that lies ahead.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(traveller.messages().filter(isNudge).length, 1, 'the nudge is sent once');
    assert.equal(ahead.messages().filter(isNudge).length, 0, 'no nudge before the return');
    const stored = (
      await teams.reports.items
        .query<Report>({
          query: 'SELECT * FROM c WHERE c.travellerId = @id',
          parameters: [{ name: '@id', value: user.aadObjectId }],
        })
        .fetchAll()
    ).resources;
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.announced?.nudge.sentAt.length, 1);

    // Nu beginnen: the first question not asked when announcing.
    card = lastCard(await traveller.press(nudge, 'Nu beginnen'));
    for (const { key } of QUESTIONS.filter((question) => !ANNOUNCED_KEYS.includes(question.key))) {
      assertAsks(card, key);
      card = lastCard(await traveller.press(card, 'Volgende', cardInputs(geneva, key)));
    }
    assert.equal(card.lines[0], 'Controleer je verslag');
    const confirmation = lastCard(await traveller.press(card, 'Plaatsen in kanaal'));
    assert.match(
      confirmation.lines[0] ?? '',
      /^Je verslag is geplaatst in het kanaal Reisverslagen/,
    );
    const posts = connector.reportPosts(channel.id);
    assert.equal(posts.length, 1, 'one new thread in the channel');
    assertChannelCard(messageOf(posts[0]!.id, posts[0]!.activity).lines, geneva, user.name);
  });
});
