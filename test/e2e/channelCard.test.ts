// The channel card end to end (issue 17, items 6 and 7): the real bot (`node dist/index.js`), a
// Cosmos DB-compatible server and the fake Bot Connector. A report written in an English Teams is
// posted, and changed, in Dutch, the form's language, while the chat speaks English; the card
// @mentions its traveller by their Teams id, so that replies in the thread reach them.
import assert from 'node:assert/strict';
import { makeUser, type TeamsUser } from '../support/activities';
import type { PostedActivity } from '../support/fakeConnector';
import { installInTeam, useBotInTeams } from '../support/teams';
import {
  buttonsOf,
  cardOf,
  lastCard,
  messageOf,
  TravellerClient,
  type BotMessage,
} from './travellerClient';
import {
  assertChannelCard,
  cardInputs,
  dutchDate,
  QUESTIONS,
  todayInAmsterdam,
  tripDates,
  type Trip,
} from './trips';

const vienna: Trip = {
  title: 'Host City Dialogue Wenen 2026',
  destination: 'Wenen, Oostenrijk',
  persons: 2,
  ...tripDates(8),
  purpose: 'Learning how Vienna hosts international organisations.\nMeeting the liaison office.',
  locations: 'Wiener Rathaus; Vienna International Centre',
  people: [
    { name: 'Michaela Kauer', role: 'director of the Vienna liaison office' },
    { name: 'Marina Hanke', role: 'member of the Vienna city council' },
  ],
  outcome: 'An invitation to the next Host City Dialogue.',
  agreements: 'a video call with the liaison office in the spring',
};

const NEW_PURPOSE = 'Learning how Vienna and The Hague can host organisations together.';

describe('e2e: the channel card is the Dutch record and mentions its traveller (issue 17, items 6 and 7)', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  const { connector } = teams;

  /** A traveller whose Teams client runs in `locale`. */
  function travellerIn(tenantId: string, user: TeamsUser, locale: string): TravellerClient {
    return new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId, locale });
  }

  /** Answers every question on its card with `Next` (English) or `Volgende` (Dutch). */
  async function answerAll(traveller: TravellerClient, first: BotMessage, next: string) {
    let card = first;
    for (const { key } of QUESTIONS) {
      const button = buttonsOf(cardOf(card)).find((b) => b.data.questionKey === key);
      assert.equal(button?.title, next, `question ${key} is asked, with ${next}`);
      card = lastCard(await traveller.press(card, next, cardInputs(vienna, key)));
    }
    return card;
  }

  /** The one report card in the channel. */
  function theReportPost(channelId: string): PostedActivity {
    const posts = connector.reportPosts(channelId);
    assert.equal(posts.length, 1, 'one report in the channel');
    return posts[0] as PostedActivity;
  }

  it('posts the report of an author whose Teams is English in Dutch, and its changes too; the chat stays English', async () => {
    const { tenantId, channel } = await installInTeam(teams.bot.url, connector);
    const user = makeUser('Emma Clarke');
    const traveller = travellerIn(tenantId, user, 'en-US');

    const first = lastCard(await traveller.say('new report'));
    const review = await answerAll(traveller, first, 'Next');
    assert.equal(review.lines[0], 'Check your report', review.lines.join('\n'));
    const confirmation = lastCard(await traveller.press(review, 'Post in channel'));
    assert.match(
      confirmation.lines[0] ?? '',
      /^Your report has been posted in the channel Reisverslagen/,
      'the chat speaks English',
    );

    const post = theReportPost(channel.id);
    assertChannelCard(messageOf(post.id, post.activity).lines, vienna, user.name);
    assert.equal(
      post.activity.summary,
      `Reisverslag: ${vienna.title} — ${user.name}`,
      'the notification names the trip and the traveller, in Dutch',
    );

    // A change in the English chat: the card, its notification and the note in its thread are Dutch.
    const asked = lastCard(await traveller.say('change purpose'));
    const confirm = lastCard(await traveller.press(asked, 'Next', { answer: NEW_PURPOSE }));
    const saved = await traveller.press(confirm, 'Confirm');
    assert.match(saved.at(-1)?.text ?? '', /^Saved as version 2/, 'the chat speaks English');
    const note = `${user.name} heeft doel van de reis gewijzigd (versie 2).`;
    await connector.waitFor(
      (c) => c.threadReplies(post.id).some((reply) => reply.activity.text === note),
      10_000,
      `the note "${note}" in the thread`,
    );
    const updated = theReportPost(channel.id);
    assertChannelCard(
      messageOf(updated.id, updated.activity).lines,
      { ...vienna, purpose: NEW_PURPOSE },
      user.name,
      `Bijgewerkt op ${dutchDate(todayInAmsterdam())} (versie 2)`,
    );
    assert.equal(updated.activity.summary, `Reisverslag: ${vienna.title} — ${user.name}`);
    assert.deepEqual(
      connector.threadReplies(post.id).map((reply) => reply.activity.text),
      [note],
      'one note, in Dutch',
    );
  });

  it('@mentions the traveller on the channel card with their Teams id, in a TextBlock', async () => {
    const { tenantId, channel } = await installInTeam(teams.bot.url, connector);
    const user = makeUser('Noor van den Berg');
    const traveller = travellerIn(tenantId, user, 'nl-NL');

    const review = await answerAll(
      traveller,
      lastCard(await traveller.say('nieuw verslag')),
      'Volgende',
    );
    await traveller.press(review, 'Plaatsen in kanaal');

    const card = theReportPost(channel.id).activity.attachments?.[0]?.content as {
      body: Record<string, unknown>[];
      msteams: { width: string; entities: Record<string, unknown>[] };
    };
    assert.equal(card.msteams.width, 'Full');
    assert.deepEqual(card.msteams.entities, [
      {
        type: 'mention',
        text: `<at>${user.name}</at>`,
        mentioned: { id: user.id, name: user.name },
      },
    ]);
    assert.match(user.id, /^29:/, "the traveller's Teams user id");
    const textBlocks = card.body.filter((element) => element.type === 'TextBlock');
    assert.ok(
      textBlocks.some((block) => String(block.text).includes(`<at>${user.name}</at>`)),
      `a TextBlock holds <at>${user.name}</at>: ${JSON.stringify(textBlocks)}`,
    );
  });
});
