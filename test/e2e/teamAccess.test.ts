// Who may do what in a team, end to end over HTTP with the real bot, the Cosmos DB–compatible
// server and the fake Bot Connector answering team membership as Teams does (200 with the member
// and their userRole, or 404 MemberNotFoundInConversation):
// - a traveller is offered, and can use, only the teams they belong to; REPORT_CHANNEL_ID, one
//   channel for everyone set by the administrator, skips the check;
// - only a member of the organisation moves a team's report channel; the move is said in the old
//   and the new channel, naming who made it, and logged with ids only;
// - a team the app leaves is no longer offered, and its reports stay.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Report } from '../../src/report/report';
import {
  channelMention,
  DEFAULT_BOT,
  makeTeam,
  makeUser,
  teamInstallationUpdate,
  teamMembersRemoved,
  threadConversationId,
  type TeamsChannel,
  type TeamsTeam,
  type TeamsUser,
} from '../support/activities';
import type { TeamsUserRole } from '../support/fakeConnector';
import { postActivity } from '../support/processes';
import { installInTeam, useBotInTeams, type BotInTeams } from '../support/teams';
import { buttonsOf, cardOf, lastCard, TravellerClient, type BotMessage } from './travellerClient';
import { answerByTyping, completeTypedReport, reportIdOf, tripDates, type Trip } from './trips';
import { productCatalogue as catalogue } from '../support/catalogue';
import { threadOf } from '../support/reportPosts';

const gent: Trip = {
  title: 'Eurocities Werkconferentie Gent',
  destination: 'Gent, België',
  persons: 2,
  ...tripDates(6),
  purpose: 'Leren hoe Gent haar binnenstad autoluw maakte.',
  locations: 'Stadhuis Gent; De Krook',
  people: [{ name: 'Lieve Maes', role: 'schepen mobiliteit' }],
  outcome: 'Een opzet voor een proef met een autoluwe binnenstad.',
  agreements: 'een werkbezoek in het voorjaar',
};

const NOT_IN_ANY_TEAM =
  'Je bent geen lid van een team waarin de app Reisverslag staat, dus ik kan je verslag nog nergens plaatsen: vraag de eigenaar van je team om Reisverslag aan het team toe te voegen (je verslag blijft als concept bewaard).';
const MOVE_REFUSED =
  'Alleen leden van dit team kunnen het verslagenkanaal verplaatsen, gasten en anonieme deelnemers niet; er is niets veranderd.';

/** A channel of a team, by name (General has none). */
function channelNamed(team: TeamsTeam, name: string): TeamsChannel {
  const channel = team.channels.find((candidate) => candidate.name === name);
  assert.ok(channel, `${team.name} has a channel ${name}`);
  return channel;
}

/** What a describe block's tests share: the bot's world and a few helpers on it. */
function helpers(world: BotInTeams) {
  const { connector } = world;

  /** A new tenant in which each team installed the app in its first named channel. */
  async function tenantWith(...teams: TeamsTeam[]): Promise<string> {
    const tenantId = randomUUID();
    for (const team of teams) {
      connector.addTeam(team);
      await installInTeam(world.bot.url, connector, { tenantId, team });
    }
    return tenantId;
  }

  function travellerIn(tenantId: string, user: TeamsUser): TravellerClient {
    return new TravellerClient(user, { botUrl: world.bot.url, connector, tenantId });
  }

  /** Writes a whole report by chat; resolves with the review card. */
  async function review(traveller: TravellerClient): Promise<BotMessage> {
    const first = lastCard(await traveller.say('nieuw verslag'));
    const card = await answerByTyping(traveller, gent, first);
    assert.equal(card.lines[0], 'Controleer je verslag');
    return card;
  }

  async function storedReports(user: TeamsUser): Promise<Report[]> {
    const { resources } = await world.reports.items
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

  /** Every line the bot showed the traveller in their chat. */
  function everythingShown(traveller: TravellerClient): string {
    return traveller
      .messages()
      .flatMap((message) => message.lines)
      .join('\n');
  }

  /** The team's report channel as the bot keeps it, or undefined when it keeps none. */
  async function keptChannel(tenantId: string, team: TeamsTeam): Promise<string | undefined> {
    const { resources } = await world.channels.items
      .query<{ channelId: string }>(
        {
          query: 'SELECT c.channelId FROM c WHERE c.teamId = @teamId AND NOT IS_DEFINED(c.kind)',
          parameters: [{ name: '@teamId', value: team.id }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    assert.ok(resources.length <= 1);
    return resources[0]?.channelId;
  }

  return { tenantWith, travellerIn, review, storedReports, everythingShown, keptChannel };
}

describe('e2e: who may do what in a team', function () {
  this.timeout(60_000);
  const world = useBotInTeams({ env: { LOG_LEVEL: 'info' } });
  const { connector } = world;
  const { tenantWith, travellerIn, review, storedReports, everythingShown, keptChannel } =
    helpers(world);

  describe("only the traveller's own teams", () => {
    it('posts straight into the one team of two the traveller is in, never naming the other', async () => {
      const zaken = makeTeam('Internationale Zaken', ['Reisverslagen']);
      const directie = makeTeam('Directie Vertrouwelijk', ['Verslagen']);
      const tenantId = await tenantWith(zaken, directie);
      const user = makeUser('Noor Bakker');
      connector.addTeamMember(zaken.id, user);
      connector.addTeamMember(directie.id, makeUser('Directeur Dirk'));
      const traveller = travellerIn(tenantId, user);

      const confirmation = await completeTypedReport(traveller, gent);
      assert.equal(
        confirmation.lines[0],
        'Je verslag is geplaatst in het kanaal Reisverslagen van het team Internationale Zaken. Bedankt!',
      );
      assert.equal(connector.reportPosts(channelNamed(zaken, 'Reisverslagen').id).length, 1);
      assert.equal(connector.reportPosts(channelNamed(directie, 'Verslagen').id).length, 0);
      assert.doesNotMatch(everythingShown(traveller), /Directie|Vertrouwelijk/);
      // Teams was asked about both teams, and answered 404 for the one the traveller is not in.
      const asked = connector
        .callsOf('getConversationMember')
        .filter((call) => call.memberId === user.id)
        .map((call) => `${call.conversationId} ${call.status}`);
      assert.deepEqual(asked.sort(), [`${directie.id} 404`, `${zaken.id} 200`].sort());
    });

    it("offers exactly the traveller's teams, and a forged choice of another team posts nothing there", async () => {
      const economie = makeTeam('Economie', ['Reisverslagen']);
      const directie = makeTeam('Directie Vertrouwelijk', ['Verslagen']);
      const zaken = makeTeam('Internationale Zaken', ['Reisverslagen']);
      const tenantId = await tenantWith(economie, directie, zaken);
      const user = makeUser('Daan Visser');
      connector.addTeamMember(economie.id, user);
      connector.addTeamMember(zaken.id, user);
      connector.addTeamMember(directie.id, makeUser('Directeur Dirk'));
      const traveller = travellerIn(tenantId, user);

      await review(traveller);
      const choice = lastCard(await traveller.say('plaatsen'));
      assert.deepEqual(
        buttonsOf(cardOf(choice)).map((button) => button.title),
        ['Economie › Reisverslagen', 'Internationale Zaken › Reisverslagen'],
      );

      // A card action naming the other team, as a curious colleague could send it.
      const forged = await traveller.submit({
        action: 'chooseTeam',
        reportId: reportIdOf(choice),
        teamId: directie.id,
      });
      assert.equal(connector.reportPosts(channelNamed(directie, 'Verslagen').id).length, 0);
      assert.equal((await storedReports(user))[0]?.status, 'draft');
      const again = lastCard(forged);
      assert.deepEqual(
        buttonsOf(cardOf(again)).map((button) => button.title),
        ['Economie › Reisverslagen', 'Internationale Zaken › Reisverslagen'],
        'the choice is offered again',
      );
      assert.doesNotMatch(everythingShown(traveller), /Directie|Vertrouwelijk/);

      const posted = await traveller.press(again, 'Internationale Zaken › Reisverslagen');
      assert.equal(
        lastCard(posted).lines[0],
        'Je verslag is geplaatst in het kanaal Reisverslagen van het team Internationale Zaken. Bedankt!',
      );
      assert.equal(connector.reportPosts(channelNamed(zaken, 'Reisverslagen').id).length, 1);
    });

    it('tells a traveller in none of the teams what to do, in one sentence, and keeps the draft', async () => {
      const economie = makeTeam('Economie', ['Reisverslagen']);
      const directie = makeTeam('Directie Vertrouwelijk', ['Verslagen']);
      const tenantId = await tenantWith(economie, directie);
      connector.addTeamMember(economie.id, makeUser('Econoom Eva'));
      connector.addTeamMember(directie.id, makeUser('Directeur Dirk'));
      const user = makeUser('Sem de Jong');
      const traveller = travellerIn(tenantId, user);

      await review(traveller);
      const replies = await traveller.say('plaatsen');
      assert.deepEqual(
        replies.map((reply) => reply.text),
        [NOT_IN_ANY_TEAM],
      );
      for (const team of [economie, directie]) {
        assert.equal(connector.reportPosts(team.channels[1]!.id).length, 0);
      }
      const [stored] = await storedReports(user);
      assert.equal(stored?.status, 'draft');
      assert.equal(Object.keys(stored?.answers ?? {}).length, catalogue.size, 'every answer kept');
      const offer = lastCard(await traveller.say('nieuw verslag'));
      assert.match(
        offer.lines[0] ?? '',
        /^Je hebt een onafgerond verslag: Eurocities Werkconferentie Gent/,
      );
    });
  });

  describe('installing the app in a team', () => {
    const REPORTS_POSTED_HERE =
      'Reisverslag is aan dit team toegevoegd: de reisverslagen van dit team worden in dit kanaal geplaatst (typ in een ander kanaal **@Reisverslag gebruik dit kanaal** om dat te veranderen).';

    /** Installs the app in a new tenant's team as `install` describes; the tenant's id. */
    async function install(
      team: TeamsTeam,
      install: Partial<Parameters<typeof teamInstallationUpdate>[0]>,
    ): Promise<string> {
      const tenantId = randomUUID();
      connector.addTeam(team);
      const activity = teamInstallationUpdate({
        serviceUrl: connector.url,
        tenantId,
        user: makeUser('Teameigenaar Iris Vos'),
        team,
        ...install,
      });
      assert.equal(await postActivity(world.bot.url, activity), 200);
      return tenantId;
    }

    /** The texts the bot posted as new threads in a channel. */
    function saidIn(channel: TeamsChannel): string[] {
      return connector.channelPosts(channel.id).map((posted) => String(posted.activity.text));
    }

    it('takes the channel chosen in the install dialog (settings.selectedChannel), says so there, and posts reports there', async () => {
      const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
      const general = team.channels[0] as TeamsChannel;
      const chosen = channelNamed(team, 'Reisverslagen');
      // Teams sends the install in General, naming the chosen channel in settings only.
      const tenantId = await install(team, { channel: general, selectedChannel: chosen });

      assert.equal(await keptChannel(tenantId, team), chosen.id);
      assert.deepEqual(saidIn(chosen), [REPORTS_POSTED_HERE]);
      assert.deepEqual(saidIn(general), [], 'nothing said in General');

      const traveller = travellerIn(tenantId, makeUser('Eva Smit'));
      const confirmation = await completeTypedReport(traveller, gent);
      assert.equal(
        confirmation.lines[0],
        'Je verslag is geplaatst in het kanaal Reisverslagen van het team Internationale Zaken. Bedankt!',
      );
      assert.equal(connector.channelPosts(chosen.id).length, 2, 'the announcement and the report');
    });

    it('takes channelData.channel without a selected channel, and the conversation without either', async () => {
      const team = makeTeam('Directie', ['Verslagen']);
      const verslagen = channelNamed(team, 'Verslagen');
      const tenantId = await install(team, { channel: verslagen, omit: ['selectedChannel'] });
      assert.equal(await keptChannel(tenantId, team), verslagen.id);
      assert.deepEqual(saidIn(verslagen), [REPORTS_POSTED_HERE]);

      const other = makeTeam('Economie', ['Dienstreizen']);
      const dienstreizen = channelNamed(other, 'Dienstreizen');
      const otherTenant = await install(other, {
        channel: dienstreizen,
        omit: ['selectedChannel', 'channel'],
      });
      assert.equal(await keptChannel(otherTenant, other), dienstreizen.id);
      assert.deepEqual(saidIn(dienstreizen), [REPORTS_POSTED_HERE]);
    });

    it('says it in English to a team whose owner’s client is en-US', async () => {
      const team = makeTeam('International Affairs', ['Reports']);
      const reports = channelNamed(team, 'Reports');
      await install(team, { channel: reports, locale: 'en-US' });
      assert.deepEqual(saidIn(reports), [
        "Reisverslag was added to this team: this team's travel reports will be posted in this channel (type **@Reisverslag gebruik dit kanaal** in another channel to change that).",
      ]);
    });
  });

  describe("moving a team's report channel", () => {
    /** A tenant whose team has the app in Reisverslagen and also a channel Dienstreizen. */
    async function teamWithTwoChannels(): Promise<{
      tenantId: string;
      team: TeamsTeam;
      old: TeamsChannel;
      next: TeamsChannel;
    }> {
      const team = makeTeam('Internationale Zaken', ['Reisverslagen', 'Dienstreizen']);
      const tenantId = await tenantWith(team);
      return {
        tenantId,
        team,
        old: channelNamed(team, 'Reisverslagen'),
        next: channelNamed(team, 'Dienstreizen'),
      };
    }

    /** What the bot posted in a channel after its note at install that reports go there. */
    function afterInstall(channel: TeamsChannel) {
      const [note, ...rest] = connector.channelPosts(channel.id);
      assert.match(String(note?.activity.text), /^Reisverslag is aan dit team toegevoegd/);
      return rest;
    }

    /** `@Reisverslag gebruik dit kanaal` by `user` in `channel`; the bot's replies in that thread. */
    async function useThisChannel(
      tenantId: string,
      team: TeamsTeam,
      channel: TeamsChannel,
      user: TeamsUser,
    ): Promise<string[]> {
      const mention = channelMention({
        serviceUrl: connector.url,
        tenantId,
        user,
        team,
        channel,
        text: 'gebruik dit kanaal',
      });
      const before = connector.activities.length;
      assert.equal(await postActivity(world.bot.url, mention), 200);
      const thread = threadConversationId(channel.id, mention.id);
      return connector.activities
        .slice(before)
        .filter((posted) => posted.conversationId === thread)
        .map((posted) => String(posted.activity.text));
    }

    it('lets a member move it: said in the old and the new channel naming who, logged with ids only, and reports go there', async () => {
      const { tenantId, team, old, next } = await teamWithTwoChannels();
      const member = makeUser('Fleur Jansen');
      connector.addTeamMember(team.id, member, 'user');
      const outputBefore = world.bot.output().length;

      const said = await useThisChannel(tenantId, team, next, member);
      assert.deepEqual(said, [
        'Fleur Jansen heeft het kanaal Dienstreizen gekozen: reisverslagen van dit team worden voortaan hier geplaatst.',
      ]);
      const inOld = afterInstall(old).map((posted) => posted.activity.text);
      assert.deepEqual(inOld, [
        'Fleur Jansen heeft het verslagenkanaal van dit team verplaatst naar het kanaal Dienstreizen; nieuwe reisverslagen verschijnen voortaan daar.',
      ]);
      assert.equal(await keptChannel(tenantId, team), next.id);

      const logged = (await world.bot.outputSince(outputBefore, '"report channel moved"'))
        .split('\n')
        .filter((line) => line.includes('"report channel moved"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(logged.length, 1, 'one log line for the move');
      assert.deepEqual(
        {
          tenantId: logged[0]?.tenantId,
          teamId: logged[0]?.teamId,
          fromChannelId: logged[0]?.fromChannelId,
          toChannelId: logged[0]?.toChannelId,
          movedBy: logged[0]?.movedBy,
        },
        {
          tenantId,
          teamId: team.id,
          fromChannelId: old.id,
          toChannelId: next.id,
          movedBy: member.aadObjectId,
        },
      );
      assert.doesNotMatch(world.bot.output().slice(outputBefore), /Fleur|Jansen/, 'no name logged');

      // A traveller's next report lands in the new channel.
      const colleague = makeUser('Priya Ramdin');
      connector.addTeamMember(team.id, colleague);
      const traveller = travellerIn(tenantId, colleague);
      const confirmation = await completeTypedReport(traveller, gent);
      assert.equal(
        confirmation.lines[0],
        'Je verslag is geplaatst in het kanaal Dienstreizen van het team Internationale Zaken. Bedankt!',
      );
      assert.equal(connector.reportPosts(next.id).length, 1);
    });

    it('moves nothing when Teams cannot say who is asking, and says so', async () => {
      const { tenantId, team, old, next } = await teamWithTwoChannels();
      const member = makeUser('Joris Bakker');
      connector.addTeamMember(team.id, member);
      connector.failNext(20, 503, {
        when: (call) => call.kind === 'getConversationMember' && call.conversationId === team.id,
      });
      const said = await useThisChannel(tenantId, team, next, member);
      assert.deepEqual(said, [
        'Ik kon Teams nu niet vragen of je lid bent van dit team, dus het verslagenkanaal is niet verplaatst; probeer het over een paar minuten opnieuw.',
      ]);
      assert.equal(await keptChannel(tenantId, team), old.id, 'the report channel stays');
      assert.deepEqual(afterInstall(old), []);
    });

    const refused: { who: string; role?: TeamsUserRole }[] = [
      { who: 'a guest', role: 'guest' },
      { who: 'an anonymous user', role: 'anonymous' },
      { who: 'someone Teams does not know as a member of the team' },
    ];
    for (const { who, role } of refused) {
      it(`refuses ${who}: nothing moves, nothing is announced, the refusal is logged`, async () => {
        const { tenantId, team, old, next } = await teamWithTwoChannels();
        connector.addTeamMember(team.id, makeUser('Teameigenaar Iris Vos'));
        const user = makeUser('Gast Gerrit');
        if (role) connector.addTeamMember(team.id, user, role);
        const outputBefore = world.bot.output().length;

        const said = await useThisChannel(tenantId, team, next, user);
        assert.deepEqual(said, [MOVE_REFUSED]);
        assert.equal(await keptChannel(tenantId, team), old.id, 'the report channel stays');
        assert.deepEqual(afterInstall(old), [], 'nothing said in the old channel');
        const lines = await world.bot.outputSince(outputBefore, 'report channel move refused');
        const refusal = lines
          .split('\n')
          .filter((line) => line.includes('report channel move refused'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        assert.equal(refusal.length, 1);
        assert.equal(refusal[0]?.actingUserId, user.aadObjectId);
        assert.equal(refusal[0]?.userRole, role ?? 'none');
        assert.doesNotMatch(lines, /"report channel moved"/);
      });
    }
  });

  describe('the app removed from a team', () => {
    it('on installationUpdate remove: the team is no longer offered, and its reports stay', async () => {
      const zaken = makeTeam('Internationale Zaken', ['Reisverslagen']);
      const economie = makeTeam('Economie', ['Reisverslagen']);
      const tenantId = await tenantWith(zaken, economie);
      const user = makeUser('Willem Visser');
      connector.addTeamMember(zaken.id, user);
      connector.addTeamMember(economie.id, user);
      const traveller = travellerIn(tenantId, user);

      // A first report goes to Economie.
      await review(traveller);
      const choice = lastCard(await traveller.say('plaatsen'));
      await traveller.press(choice, 'Economie › Reisverslagen');
      const economiePosts = connector.reportPosts(channelNamed(economie, 'Reisverslagen').id);
      assert.equal(economiePosts.length, 1);

      // Economie's owner removes the app.
      const removal = teamInstallationUpdate({
        serviceUrl: connector.url,
        tenantId,
        user: makeUser('Teameigenaar Iris Vos'),
        team: economie,
        channel: channelNamed(economie, 'Reisverslagen'),
        action: 'remove',
      });
      assert.equal(await postActivity(world.bot.url, removal), 200);
      assert.equal(await keptChannel(tenantId, economie), undefined, 'the record is deleted');
      assert.equal(await keptChannel(tenantId, zaken), channelNamed(zaken, 'Reisverslagen').id);

      // The next report goes straight to the one team left: Economie is not offered.
      const before = traveller.messages().length;
      const confirmation = await completeTypedReport(traveller, { ...gent, title: 'Tweede reis' });
      assert.equal(
        confirmation.lines[0],
        'Je verslag is geplaatst in het kanaal Reisverslagen van het team Internationale Zaken. Bedankt!',
      );
      const shownSince = traveller
        .messages()
        .slice(before)
        .flatMap((message) => message.lines)
        .join('\n');
      assert.doesNotMatch(shownSince, /Economie/);

      // The report posted in Economie stays, with its post.
      const stored = await storedReports(user);
      const first = stored.find((report) => report.post?.teamName === 'Economie');
      assert.equal(first?.status, 'posted');
      assert.equal(threadOf(first)?.activityId, economiePosts[0]?.id);
      assert.equal(connector.activity(economiePosts[0]!.id)?.deleted, false);
      const list = lastCard(await traveller.say('mijn verslagen'));
      assert.ok(
        list.lines.some((line) => line.includes(gent.title)),
        'listed in mijn verslagen',
      );
    });

    it('when the bot is removed from the team members: the team is no longer offered; another member leaving changes nothing', async () => {
      const zaken = makeTeam('Internationale Zaken', ['Reisverslagen']);
      const tenantId = await tenantWith(zaken);
      const user = makeUser('Ahmed El Amrani');
      connector.addTeamMember(zaken.id, user);
      const owner = makeUser('Teameigenaar Iris Vos');
      const removed = (who: { id: string }) =>
        teamMembersRemoved({
          serviceUrl: connector.url,
          tenantId,
          user: owner,
          team: zaken,
          removed: [who],
        });

      // A colleague leaves the team: the report channel stays.
      assert.equal(await postActivity(world.bot.url, removed(makeUser('Vertrokken Vera'))), 200);
      assert.equal(await keptChannel(tenantId, zaken), channelNamed(zaken, 'Reisverslagen').id);

      // The bot is taken out of the team.
      assert.equal(await postActivity(world.bot.url, removed({ id: DEFAULT_BOT.id })), 200);
      assert.equal(await keptChannel(tenantId, zaken), undefined);

      const traveller = travellerIn(tenantId, user);
      await review(traveller);
      const replies = await traveller.say('plaatsen');
      assert.match(
        replies.at(-1)?.text ?? '',
        /^Ik weet nog niet in welk kanaal ik het verslag moet plaatsen/,
      );
      assert.equal(connector.reportPosts(channelNamed(zaken, 'Reisverslagen').id).length, 0);
      assert.equal((await storedReports(user))[0]?.status, 'draft');
    });
  });
});

describe('e2e: REPORT_CHANNEL_ID, one channel for everyone, skips the membership check', function () {
  this.timeout(60_000);
  const bestuur = makeTeam('Bestuursdienst', ['Alle reisverslagen']);
  const configured = channelNamed(bestuur, 'Alle reisverslagen');
  const world = useBotInTeams({ env: { REPORT_CHANNEL_ID: configured.id } });
  const { connector } = world;
  const { tenantWith, travellerIn } = helpers(world);

  it("posts in the configured channel for a traveller who is in none of the app's teams", async () => {
    const economie = makeTeam('Economie', ['Reisverslagen']);
    const tenantId = await tenantWith(bestuur, economie);
    connector.addTeamMember(bestuur.id, makeUser('Bestuurder Bas'));
    connector.addTeamMember(economie.id, makeUser('Econoom Eva'));
    const user = makeUser('Lotte Smit');
    const traveller = travellerIn(tenantId, user);

    const confirmation = await completeTypedReport(traveller, gent);
    assert.equal(
      confirmation.lines[0],
      'Je verslag is geplaatst in het kanaal Alle reisverslagen van het team Bestuursdienst. Bedankt!',
    );
    assert.equal(connector.reportPosts(configured.id).length, 1);
    assert.equal(connector.reportPosts(channelNamed(economie, 'Reisverslagen').id).length, 0);
    assert.deepEqual(
      connector.callsOf('getConversationMember').filter((call) => call.memberId === user.id),
      [],
      'Teams was not asked',
    );
  });
});
