// Colleagues picked in Teams' people picker arrive as Entra object ids; their names come from
// the Bot Connector's member lookup in the teams the bot is in (the fake connector's rosters).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import pino from 'pino';
import { ColleagueNames } from '../../src/channel/colleagueNames';
import { TeamMembership, type AskTeams } from '../../src/channel/teamMembership';
import { askTeams } from '../../src/channel/teamMembership';
import type { ReportChannel } from '../../src/store/channelStore';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { makeTeam, makeUser, type TeamsTeam, type TeamsUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';

const log = pino({ level: 'silent' });

describe('ColleagueNames: names of colleagues picked in the card, from the teams’ rosters', () => {
  const connector = new FakeConnector();
  before(() => connector.start());
  after(() => connector.stop());

  let tenantId: string;
  let channels: InMemoryChannelStore;
  let traveller: TeamsUser;
  let asked: string[];

  beforeEach(() => {
    tenantId = randomUUID();
    channels = new InMemoryChannelStore();
    traveller = makeUser('Sanne Visser');
    asked = [];
  });

  /** A turn of the traveller in their personal chat, reaching the fake connector. */
  function turn(): TurnContext {
    const key = Symbol('ConnectorClient');
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
      baseUri: connector.url,
    });
    return {
      activity: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: traveller.id, name: traveller.name, aadObjectId: traveller.aadObjectId },
        conversation: { id: 'a:personal', tenantId },
      },
      adapter: { ConnectorClientKey: key },
      turnState: new Map([[key, client]]),
    } as unknown as TurnContext;
  }

  /** The real question to Teams, counted. */
  const counting: AskTeams = async (context, teamId, userId) => {
    asked.push(`${teamId} ${userId}`);
    return askTeams(context, teamId, userId);
  };

  async function teamWithApp(team: TeamsTeam, ...members: TeamsUser[]): Promise<void> {
    connector.addTeam(team);
    for (const member of members) connector.addTeamMember(team.id, member);
    const channel: ReportChannel = {
      tenantId,
      teamId: team.id,
      ...(team.name ? { teamName: team.name } : {}),
      channelId: team.id,
      serviceUrl: connector.url,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    await channels.save(channel);
  }

  it('names colleagues of the report’s team by their Entra id, and leaves the unknown unresolved', async () => {
    const bram = makeUser('Bram de Boer');
    const outsider = makeUser('Iemand Anders');
    const team = makeTeam('Internationale Zaken');
    await teamWithApp(team, traveller, bram);
    const names = new ColleagueNames({ channels, membership: new TeamMembership(counting), log });

    const found = await names.resolve(
      turn(),
      [bram.aadObjectId.toUpperCase(), outsider.aadObjectId, 'not-an-id'],
      team.id,
    );
    assert.deepEqual([...found.names], [[bram.aadObjectId, 'Bram de Boer']]);
    assert.deepEqual(found.unresolved, [outsider.aadObjectId, 'not-an-id']);
    // An id that is no Entra object id is never sent to Teams.
    assert.ok(asked.every((call) => !call.includes('not-an-id')));
  });

  it('looks in the traveller’s other teams, not in teams they are not in, and caches the answers', async () => {
    const bram = makeUser('Bram de Boer');
    const fleur = makeUser('Fleur Jansen');
    const own = makeTeam('Internationale Zaken');
    const other = makeTeam('Economie');
    const foreign = makeTeam('Griffie');
    await teamWithApp(own, traveller, bram);
    await teamWithApp(other, traveller, fleur);
    await teamWithApp(foreign, makeUser('Niet Ik'), makeUser('Kees Griffier'));
    const names = new ColleagueNames({ channels, membership: new TeamMembership(counting), log });

    const found = await names.resolve(turn(), [bram.aadObjectId, fleur.aadObjectId]);
    assert.deepEqual(
      new Map(found.names),
      new Map([
        [bram.aadObjectId, 'Bram de Boer'],
        [fleur.aadObjectId, 'Fleur Jansen'],
      ]),
    );
    assert.deepEqual(found.unresolved, []);
    assert.ok(
      asked.every((call) => !call.startsWith(`${foreign.id} `) || call.endsWith(traveller.id)),
      'only the traveller’s own membership is asked of a team they are not in',
    );
    const calls = asked.length;
    await names.resolve(turn(), [bram.aadObjectId, fleur.aadObjectId]);
    assert.equal(asked.length, calls, 'a second lookup within five minutes asks Teams nothing');
  });

  it('asks at most the configured number of teams', async () => {
    const teams = [makeTeam('Een'), makeTeam('Twee'), makeTeam('Drie')];
    for (const team of teams) await teamWithApp(team, traveller);
    const stranger = makeUser('Niemand Bekend');
    const names = new ColleagueNames({
      channels,
      membership: new TeamMembership(counting),
      log,
      maxTeams: 2,
    });
    const found = await names.resolve(turn(), [stranger.aadObjectId]);
    assert.deepEqual(found.unresolved, [stranger.aadObjectId]);
    const colleagueCalls = asked.filter((call) => call.endsWith(stranger.aadObjectId));
    assert.equal(colleagueCalls.length, 2);
  });

  it('skips a team Teams cannot answer for, and still names colleagues found elsewhere', async () => {
    const bram = makeUser('Bram de Boer');
    const broken = makeTeam('Kapot');
    const own = makeTeam('Internationale Zaken');
    await teamWithApp(own, traveller, bram);
    const failing: AskTeams = async (context, teamId, userId) => {
      if (teamId === broken.id) throw Object.assign(new Error('Bad gateway'), { statusCode: 502 });
      return askTeams(context, teamId, userId);
    };
    const names = new ColleagueNames({ channels, membership: new TeamMembership(failing), log });
    const found = await names.resolve(turn(), [bram.aadObjectId], broken.id);
    assert.deepEqual([...found.names], [[bram.aadObjectId, 'Bram de Boer']]);
  });
});
