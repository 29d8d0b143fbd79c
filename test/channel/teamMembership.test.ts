// The membership check keeps Teams' answer for a few minutes: offering a traveller their teams
// must not cost Teams a call for every team on every turn, and must notice a change soon enough.
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import {
  MEMBERSHIP_TTL_MS,
  TeamMembership,
  type AskTeams,
  type TeamMember,
} from '../../src/channel/teamMembership';

/** A turn of the user `29:traveller`, as far as the check reads it. */
const turn = { activity: { from: { id: '29:traveller' } } } as unknown as TurnContext;

describe('TeamMembership: who belongs to which team, kept for a few minutes', () => {
  let now = 0;
  let asked: string[] = [];
  let answers: Record<string, TeamMember | undefined | Error> = {};
  const ask: AskTeams = async (_context, teamId, userId) => {
    asked.push(`${teamId} ${userId}`);
    const answer = answers[teamId];
    if (answer instanceof Error) throw answer;
    return answer;
  };

  beforeEach(() => {
    now = 0;
    asked = [];
    answers = { 'team-a': { userRole: 'user' }, 'team-b': undefined };
  });

  it('asks Teams once per team and user within five minutes, for members and non-members alike', async () => {
    const membership = new TeamMembership(ask, MEMBERSHIP_TTL_MS, () => now);
    assert.deepEqual(await membership.memberOf(turn, 'team-a'), { userRole: 'user' });
    assert.equal(await membership.memberOf(turn, 'team-b'), undefined);
    now += MEMBERSHIP_TTL_MS - 1;
    assert.deepEqual(await membership.memberOf(turn, 'team-a'), { userRole: 'user' });
    assert.equal(await membership.memberOf(turn, 'team-b'), undefined);
    assert.deepEqual(asked, ['team-a 29:traveller', 'team-b 29:traveller']);
    // Another user of the same team is asked about on their own.
    await membership.memberOf(turn, 'team-a', '29:colleague');
    assert.equal(asked.length, 3);
  });

  it('asks again after five minutes, so joining or leaving a team shows', async () => {
    const membership = new TeamMembership(ask, MEMBERSHIP_TTL_MS, () => now);
    assert.equal(await membership.memberOf(turn, 'team-b'), undefined);
    answers['team-b'] = { userRole: 'user' };
    now += MEMBERSHIP_TTL_MS;
    assert.deepEqual(await membership.memberOf(turn, 'team-b'), { userRole: 'user' });
    assert.equal(asked.length, 2);
  });

  it('keeps no answer when Teams cannot tell: the next turn asks again', async () => {
    const membership = new TeamMembership(ask, MEMBERSHIP_TTL_MS, () => now);
    answers['team-a'] = Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
    await assert.rejects(membership.memberOf(turn, 'team-a'), /Service Unavailable/);
    answers['team-a'] = { userRole: 'guest' };
    assert.deepEqual(await membership.memberOf(turn, 'team-a'), { userRole: 'guest' });
    assert.equal(asked.length, 2);
  });
});
