// Posting only in the traveller's own teams, through botbuilder's TestAdapter: Teams' answers
// about membership are given per team (the HTTP tests play them through the fake Bot Connector).
import assert from 'node:assert/strict';
import type { TeamMembershipCheck } from '../../src/channel/teamMembership';
import type { ReportChannel } from '../../src/store/channelStore';
import { actionData, cardOf, visibleText, type ChatTester } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';

type Answer = 'member' | 'not' | Error;

/** Teams' answers about membership, by team id; an Error stands for Teams being unreachable. */
function teamsAnswering(answers: Record<string, Answer>): TeamMembershipCheck {
  return {
    memberOf: async (_context, teamId) => {
      const answer = answers[teamId] ?? 'not';
      if (answer instanceof Error) throw answer;
      return answer === 'member' ? { userRole: 'user' } : undefined;
    },
  };
}

const economie: ReportChannel = {
  ...reisverslagenChannel,
  teamId: 'team-economie',
  teamName: 'Economie',
  channelId: '19:economie@thread.tacv2',
};

const unavailable = () => Object.assign(new Error('Service Unavailable'), { statusCode: 503 });

describe("PostReportDialog: only the traveller's own teams", function () {
  postReportDialogTests(productCatalogue);
});

/** The posting tests on a catalogue: the product's above, others in extraQuestion.test.ts. */
export function postReportDialogTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);
  const typedTrip = stores.trip.all;
  /** The typed trip, answered on a client in English (whose texts the script does not check). */
  const typedInEnglish = typedTrip.map((turn) => ({ ...turn, botShows: [] }));

  /** Plays the typed trip and presses the review's post button; the bot's replies to it. */
  async function post(chat: ChatTester, english = false) {
    const review = await play(chat, english ? typedInEnglish : typedTrip);
    const title = english ? 'Post in channel' : 'Plaatsen in kanaal';
    return chat.submit(actionData(cardOf(review.at(-1)!)!, title));
  }

  async function status(): Promise<string | undefined> {
    return (await stores.reports.get('aad-traveller-1', 'report-1'))?.status;
  }

  it('says in English that the traveller is in none of the teams, and what to do; the draft stays', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat({ locale: 'en-US', membership: teamsAnswering({}) });
    const replies = await post(chat, true);
    assert.deepEqual(replies.map(visibleText), [
      "You are not a member of any team that has the Reisverslag app, so I cannot post your report anywhere yet: ask your team's owner to add Reisverslag to the team (your report is kept as a draft).",
    ]);
    assert.equal(chat.publisher.posts.length, 0);
    assert.equal(await status(), 'draft');
  });

  it('says Teams cannot be asked now when no team can be checked; nothing is posted, the draft stays', async () => {
    await stores.channels.save(reisverslagenChannel);
    await stores.channels.save(economie);
    const chat = stores.newChat({
      membership: teamsAnswering({ 'team-iz': unavailable(), 'team-economie': 'not' }),
    });
    const replies = await post(chat);
    assert.deepEqual(replies.map(visibleText), [
      'Ik kon Teams nu niet vragen in welke teams je zit; je verslag blijft als concept bewaard, dus probeer het over een paar minuten opnieuw met **verder**.',
    ]);
    assert.equal(chat.publisher.posts.length, 0);
    assert.equal(await status(), 'draft');
  });

  it('posts in the team Teams confirms when it cannot answer for another', async () => {
    await stores.channels.save(reisverslagenChannel);
    await stores.channels.save(economie);
    const chat = stores.newChat({
      membership: teamsAnswering({ 'team-iz': 'member', 'team-economie': unavailable() }),
    });
    const replies = await post(chat);
    assert.match(
      visibleText(replies[0]!),
      /geplaatst in het kanaal Reisverslagen van het team Internationale Zaken/,
    );
    assert.deepEqual(
      chat.publisher.posts.map((posted) => posted.target.teamId),
      ['team-iz'],
    );
  });

  it('offers the choice again, without the team, when the traveller left it before pressing it', async () => {
    await stores.channels.save(reisverslagenChannel);
    await stores.channels.save(economie);
    const answers: Record<string, Answer> = { 'team-iz': 'member', 'team-economie': 'member' };
    const chat = stores.newChat({ membership: teamsAnswering(answers) });
    const [choice] = await post(chat);
    const choiceCard = cardOf(choice!)!;
    assert.match(visibleText(choice!), /Economie › Reisverslagen/);

    answers['team-economie'] = 'not';
    const replies = await chat.submit(actionData(choiceCard, 'Economie › Reisverslagen'));
    assert.equal(chat.publisher.posts.length, 0, 'nothing posted in the team left');
    assert.equal(
      visibleText(replies[0]!),
      'Je bent geen lid meer van dat team; kies een van je eigen teams.',
    );
    const again = cardOf(replies[1]!)!;
    assert.doesNotMatch(visibleText(replies[1]!), /Economie/);
    await chat.submit(actionData(again, 'Internationale Zaken › Reisverslagen'));
    assert.deepEqual(
      chat.publisher.posts.map((posted) => posted.target.teamId),
      ['team-iz'],
    );
    assert.equal(await status(), 'posted');
  });

  it('posts nothing when Teams cannot be asked at the press of a choice, and says so', async () => {
    await stores.channels.save(reisverslagenChannel);
    await stores.channels.save(economie);
    const answers: Record<string, Answer> = { 'team-iz': 'member', 'team-economie': 'member' };
    const chat = stores.newChat({ membership: teamsAnswering(answers) });
    const [choice] = await post(chat);
    answers['team-economie'] = unavailable();
    const replies = await chat.submit(actionData(cardOf(choice!)!, 'Economie › Reisverslagen'));
    assert.deepEqual(replies.map(visibleText), [
      'Ik kon Teams nu niet vragen in welke teams je zit; je verslag blijft als concept bewaard, dus probeer het over een paar minuten opnieuw met **verder**.',
    ]);
    assert.equal(chat.publisher.posts.length, 0);
    assert.equal(await status(), 'draft');
  });

  it("finds the traveller's one team among many, asking Teams about a few at a time", async () => {
    const teams = Array.from({ length: 12 }, (_, n) => ({
      ...reisverslagenChannel,
      teamId: `team-${String(n).padStart(2, '0')}`,
      teamName: `Afdeling ${String(n).padStart(2, '0')}`,
      channelId: `19:afdeling-${n}@thread.tacv2`,
    }));
    for (const team of teams) await stores.channels.save(team);
    let asking = 0;
    let most = 0;
    const asked: string[] = [];
    const membership: TeamMembershipCheck = {
      memberOf: async (_context, teamId) => {
        asked.push(teamId);
        most = Math.max(most, ++asking);
        await new Promise((resolve) => setTimeout(resolve, 5));
        asking -= 1;
        return teamId === 'team-11' ? { userRole: 'user' } : undefined;
      },
    };
    const chat = stores.newChat({ membership });
    const replies = await post(chat);
    assert.match(visibleText(replies[0]!), /van het team Afdeling 11/);
    assert.deepEqual(
      chat.publisher.posts.map((posted) => posted.target.teamId),
      ['team-11'],
    );
    assert.deepEqual(new Set(asked).size, 12, 'every team was asked about');
    assert.ok(most <= 8, `at most 8 questions at once, not ${most}`);
  });
}
