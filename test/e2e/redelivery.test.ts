// Each activity once, end to end over HTTP: the real bot, a Cosmos DB-compatible server and the
// fake Bot Connector. Teams sends an activity again when the bot has not answered it within about
// 15 s, with the same id (MicrosoftDocs/msteams-docs#6084), and later with a new one
// (microsoft/botbuilder-dotnet#5005); people press buttons twice. Nothing may happen twice. And
// a turn answers Teams before a slow channel or OneDrive does.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import {
  fileConsentInvoke,
  makeUser,
  newActivityId,
  type TeamsActivity,
  type TeamsUser,
} from '../support/activities';
import { FakeOneDrive } from '../support/fakeOneDrive';
import { postActivity } from '../support/processes';
import { threadOf } from '../support/reportPosts';
import { installInTeam, useBotInTeams, type TeamPlace } from '../support/teams';
import { lastCard, TravellerClient, type BotMessage } from './travellerClient';
import {
  answerByTyping,
  assertAsks,
  cardInputs,
  completeTypedReport,
  questionAfter,
  reportIdOf,
  tripDates,
  type Trip,
} from './trips';

const lisbon: Trip = {
  title: 'Smart Ports Lisboa 2026',
  destination: 'Lissabon, Portugal',
  persons: 2,
  ...tripDates(6),
  purpose: 'Leren hoe Lissabon de haven en de stad met één dataplatform bestuurt.',
  locations: 'Porto de Lisboa; Câmara Municipal',
  people: [{ name: 'Inês Carvalho', role: 'directeur digitale haven' }],
  outcome: 'Een voorstel voor een gedeeld dataplatform met de haven.',
  agreements: 'een werkbezoek van hun team aan onze haven in het voorjaar',
};

/** How long the slow Teams and OneDrive of these tests take to answer each call. */
const SLOW_MS = 20_000;

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const NEW_PURPOSE = 'Afspraken maken over een gezamenlijk dataplatform met de haven.';

describe('e2e: each activity once, and turns that answer before a slow Teams', function () {
  this.timeout(90_000);
  const oneDrive = new FakeOneDrive();
  const teams = useBotInTeams({ alongside: [oneDrive] });
  const { connector } = teams;

  afterEach(() => {
    connector.answerChannelCallsAfter(0);
    oneDrive.answerAfter(0);
  });

  async function travellerInTeam(name: string): Promise<{
    place: TeamPlace;
    user: TeamsUser;
    traveller: TravellerClient;
  }> {
    const place = await installInTeam(teams.bot.url, connector);
    const user = makeUser(name);
    const traveller = new TravellerClient(user, {
      botUrl: teams.bot.url,
      connector,
      tenantId: place.tenantId,
    });
    return { place, user, traveller };
  }

  /** The report as stored in Cosmos DB, read directly (not through the bot). */
  async function stored(user: TeamsUser, reportId: string): Promise<Report> {
    const { resource } = await teams.reports.item(reportId, user.aadObjectId).read<Report>();
    assert.ok(resource, `report ${reportId} of ${user.name} is stored`);
    return resource;
  }

  /**
   * Delivers an activity again as Teams does, and asserts the bot took it (200) and said nothing
   * in the chat: the bot answers Teams' POST only once the turn is over.
   */
  async function resendSilently(traveller: TravellerClient, activity: TeamsActivity) {
    const before = traveller.messages().length;
    assert.equal(await postActivity(teams.bot.url, activity), 200);
    assert.deepEqual(
      traveller
        .messages()
        .slice(before)
        .map((message) => message.text),
      [],
      'nothing said in the chat',
    );
  }

  /** The review card of a whole trip typed in the chat. */
  async function reviewOf(traveller: TravellerClient): Promise<BotMessage> {
    const first = lastCard(await traveller.say('nieuw verslag'));
    return answerByTyping(traveller, lisbon, first);
  }

  /** Changes the purpose of the traveller's one posted report, up to its confirmation card. */
  async function purposeChangeToConfirm(traveller: TravellerClient): Promise<BotMessage> {
    await traveller.say('wijzig doel');
    return lastCard(await traveller.say(NEW_PURPOSE));
  }

  describe('the same activity delivered twice', () => {
    it('an answer on a card: stored once, the next question asked once, none skipped', async () => {
      const { user, traveller } = await travellerInTeam('Ruben Koster');
      const title = lastCard(await traveller.say('nieuw verslag'));
      const answer = traveller.pressActivity(title, 'Volgende', cardInputs(lisbon, 'title'));
      const destination = lastCard(await traveller.send(answer));
      assertAsks(destination, 'destination');

      await resendSilently(traveller, answer);
      // Teams' later retry carries a new id: the card's own data tells it is answered.
      await resendSilently(traveller, { ...answer, id: newActivityId() });

      // The question after the destination in the catalogue: none skipped.
      const next = lastCard(
        await traveller.press(destination, 'Volgende', cardInputs(lisbon, 'destination')),
      );
      assertAsks(next, questionAfter('destination'));
      const report = await stored(user, reportIdOf(next));
      assert.deepEqual(report.answers.title, { type: 'shortText', text: lisbon.title });
      assert.deepEqual(report.answers.destination, {
        type: 'shortText',
        text: lisbon.destination,
      });
    });

    it('a typed answer: taken once, not again as the answer to the next question', async () => {
      const { user, traveller } = await travellerInTeam('Fenna Smit');
      await traveller.say('nieuw verslag');
      const typed = traveller.typedActivity(lisbon.title);
      const destination = lastCard(await traveller.send(typed));
      assertAsks(destination, 'destination');

      await resendSilently(traveller, typed);

      const report = await stored(user, reportIdOf(destination));
      assert.deepEqual(Object.keys(report.answers), ['title']);
    });

    it('Plaatsen in kanaal: one post in the channel, one confirmation', async () => {
      const { place, user, traveller } = await travellerInTeam('Daan Mulder');
      const review = await reviewOf(traveller);
      const press = traveller.pressActivity(review, 'Plaatsen in kanaal');
      const confirmation = lastCard(await traveller.send(press));
      assert.match(confirmation.lines[0] ?? '', /^Je verslag is geplaatst in het kanaal /);

      await resendSilently(traveller, press);
      // A retry with a new id, or a second press, finds the report posted: the same confirmation.
      const again = await traveller.send({ ...press, id: newActivityId() });
      assert.deepEqual(
        again.map((message) => message.lines[0]),
        [confirmation.lines[0]],
      );

      assert.equal(connector.reportPosts(place.channel.id).length, 1, 'one post in the channel');
      const report = await stored(user, reportIdOf(confirmation));
      assert.equal(report.version, 1);
      assert.equal(threadOf(report)?.activityId, connector.reportPosts(place.channel.id)[0]?.id);
    });

    it('Bevestigen of an edit: one new version, one history entry, one note in the thread', async () => {
      const { place, user, traveller } = await travellerInTeam('Lotte Hendriks');
      const confirmation = await completeTypedReport(traveller, lisbon);
      const rootId = connector.reportPosts(place.channel.id)[0]?.id ?? '';
      const confirm = await purposeChangeToConfirm(traveller);
      const press = traveller.pressActivity(confirm, 'Bevestigen');
      assert.deepEqual(
        (await traveller.send(press)).map((message) => message.text),
        ['Opgeslagen als versie 2; het verslag in het kanaal is bijgewerkt.'],
      );

      await resendSilently(traveller, press);
      const again = await traveller.send({ ...press, id: newActivityId() });
      assert.deepEqual(
        again.map((message) => message.text),
        ['Deze wijziging is al opgeslagen als versie 2; er is niets dubbel gewijzigd.'],
      );

      const report = await stored(user, reportIdOf(confirmation));
      assert.equal(report.version, 2);
      assert.equal(report.history.length, 1);
      assert.equal(connector.updatesOf(rootId).length, 1, 'the card updated once');
      assert.equal(connector.threadReplies(rootId).length, 1, 'one note in the thread');
    });
  });

  describe(`a Teams and a OneDrive that take ${SLOW_MS / 1000} s to answer`, () => {
    it('posting: the turn answers first, with the report marked in Cosmos DB; the post and the confirmation follow', async () => {
      const { place, user, traveller } = await travellerInTeam('Sara Jansen');
      const review = await reviewOf(traveller);
      connector.answerChannelCallsAfter(SLOW_MS);

      const replies = await traveller.press(review, 'Plaatsen in kanaal');
      assert.equal(connector.channelCallsInFlight, 1, 'answered while Teams still holds the post');
      assert.deepEqual(
        replies.map((message) => message.text),
        [
          'Je verslag wordt geplaatst in het kanaal Reisverslagen van het team Internationale Zaken; ik laat het je hier weten zodra het er staat.',
        ],
      );
      const reportId = reportIdOf(review);
      const marked = await stored(user, reportId);
      assert.equal(marked.status, 'posted', 'no longer a draft: a second press posts nothing');
      assert.equal(threadOf(marked), undefined, 'not in the channel yet');
      assert.equal(marked.post?.channelId, place.channel.id);
      assert.ok(
        marked.post?.syncClaimedAt,
        'claimed by this instance; the sweep takes over if it dies',
      );

      const before = traveller.messages().length;
      await connector.waitFor(
        () => traveller.messages().length > before,
        SLOW_MS + 15_000,
        'the confirmation once the post is in the channel',
      );
      const [confirmation] = traveller.messages().slice(before);
      assert.match(confirmation?.lines[0] ?? '', /^Je verslag is geplaatst in het kanaal /);
      assert.equal(connector.reportPosts(place.channel.id).length, 1);
      const posted = await stored(user, reportId);
      assert.equal(threadOf(posted)?.activityId, connector.reportPosts(place.channel.id)[0]?.id);
      assert.equal(posted.post?.syncClaimedAt, undefined);
    });

    it('an edit: the turn answers first; the card in the channel is updated after', async () => {
      const { place, user, traveller } = await travellerInTeam('Bram Visser');
      const confirmation = await completeTypedReport(traveller, lisbon);
      const rootId = connector.reportPosts(place.channel.id)[0]?.id ?? '';
      const confirm = await purposeChangeToConfirm(traveller);
      connector.answerChannelCallsAfter(SLOW_MS);

      const saved = await traveller.press(confirm, 'Bevestigen');
      assert.equal(
        connector.channelCallsInFlight,
        1,
        'answered while Teams still holds the update',
      );
      assert.deepEqual(
        saved.map((message) => message.text),
        ['Opgeslagen als versie 2; het verslag in het kanaal wordt zo bijgewerkt.'],
      );
      const reportId = reportIdOf(confirmation);
      assert.equal((await stored(user, reportId)).version, 2, 'stored before the turn answered');

      await connector.waitFor(
        (c) => c.threadReplies(rootId).length === 1,
        2 * SLOW_MS + 15_000,
        'the card updated and the note in the thread',
      );
      assert.equal(connector.updatesOf(rootId).length, 1);
      assert.equal((await stored(user, reportId)).post?.syncedVersion, 2);
    });

    it('the Word file: the invoke answers before OneDrive does; the file card follows', async () => {
      const { place, traveller } = await travellerInTeam('Noah de Groot');
      await completeTypedReport(traveller, lisbon);
      const sent = connector.activitiesIn(traveller.chatId).length;
      await traveller.say('exporteer');
      const consent = connector
        .activitiesIn(traveller.chatId)
        .slice(sent)
        .find((posted) => posted.activity.attachments?.some((a) => a.contentType === FILE_CONSENT));
      const attachment = consent?.activity.attachments?.find((a) => a.contentType === FILE_CONSENT);
      assert.ok(consent && attachment, 'a file consent card');
      const content = attachment.content as { acceptContext: Record<string, unknown> };
      oneDrive.answerAfter(SLOW_MS);

      const before = traveller.messages().length;
      const allow = fileConsentInvoke({
        serviceUrl: connector.url,
        tenantId: place.tenantId,
        user: traveller.user,
        action: 'accept',
        context: content.acceptContext,
        uploadInfo: oneDrive.uploadInfo(String(attachment.name)),
        replyToId: consent.id,
      });
      assert.equal(await postActivity(teams.bot.url, allow), 200);
      assert.equal(oneDrive.uploadsInFlight, 1, 'answered while OneDrive still holds the file');
      assert.deepEqual(
        traveller
          .messages()
          .slice(before)
          .map((message) => message.text),
        ['Ik zet het Word-bestand in je OneDrive; het verschijnt hier zodra het klaar is.'],
      );
      // Teams resends the invoke: the consent is answered already, nothing is uploaded again.
      assert.equal(await postActivity(teams.bot.url, { ...allow, id: newActivityId() }), 200);

      await connector.waitFor(
        (c) =>
          c
            .activitiesIn(traveller.chatId)
            .some((posted) =>
              posted.activity.attachments?.some((a) => a.contentType === FILE_INFO),
            ),
        SLOW_MS + 15_000,
        'the file card once the upload is done',
      );
      assert.equal(oneDrive.uploads.length, 1, 'one upload');
    });
  });
});
