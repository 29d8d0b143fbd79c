// Names for colleagues picked in the co-travellers card. Teams' people picker (Input.ChoiceSet
// with Data.Query `graph.microsoft.com/users`) submits Entra object ids only; the bot has no
// Graph permission, so it asks the Bot Connector for the member of a team the bot is in, which
// accepts the Entra object id as the member id. A colleague who is in none of the teams asked
// stays unresolved, and the dialog asks for their name typed instead.
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { travellerOf } from '../dialogs/conversation';
import { isEntraObjectId } from '../report/sameTrip';
import type { ChannelStore } from '../store/channelStore';
import type { TeamMembershipCheck } from './teamMembership';

/** At most this many teams are asked about picked colleagues in one turn. */
export const MAX_TEAMS_ASKED = 3;

/** At most this many picked ids are looked up in one turn (the question allows 50). */
export const MAX_IDS_RESOLVED = 50;

/** How many questions to Teams run at once. */
const ASKED_AT_ONCE = 8;

/** What a lookup found: a name for each id Teams knows, and the ids it knows in no team asked. */
export interface ColleagueResolution {
  /** Entra object id (lower case) → display name in Teams. */
  names: Map<string, string>;
  /** Ids found in no team asked (or not an Entra object id), in the order given: ask for a name. */
  unresolved: string[];
}

/** What the lookup uses: the teams the bot is in, Teams' (cached) answer about members, a log. */
export interface ColleagueNameParts {
  channels: ChannelStore;
  /** Shared with the rest of the bot, so its five-minute cache serves every question. */
  membership: TeamMembershipCheck;
  log: Logger;
  /** At most this many teams asked; default MAX_TEAMS_ASKED. */
  maxTeams?: number;
}

/**
 * Finds the display names of picked colleagues by their Entra object ids: in the report's team
 * first (when known), then in the other teams with the app that the traveller belongs to, at most
 * `maxTeams` teams in all. Each (team, id) answer is cached five minutes by TeamMembership, so a
 * card sent again costs Teams nothing. Teams failing for one team (not a 404) only skips that team.
 */
export class ColleagueNames {
  private readonly maxTeams: number;

  constructor(private readonly parts: ColleagueNameParts) {
    this.maxTeams = parts.maxTeams ?? MAX_TEAMS_ASKED;
  }

  /**
   * The names of `ids` (Entra object ids as the picker submitted them). `teamId` is the report's
   * team when it has one (a posted report being edited); otherwise the traveller's teams are asked.
   */
  async resolve(
    context: TurnContext,
    ids: readonly string[],
    teamId?: string,
  ): Promise<ColleagueResolution> {
    const wanted = [...new Set(ids.map((id) => id.trim().toLowerCase()))];
    const names = new Map<string, string>();
    let open = wanted.filter((id) => isEntraObjectId(id)).slice(0, MAX_IDS_RESOLVED);
    const asked = new Set<string>();
    const ask = async (team: string): Promise<void> => {
      asked.add(team);
      open = await this.findIn(context, team, open, names);
    };
    if (teamId && open.length > 0) await ask(teamId);
    if (open.length > 0) {
      for (const team of await this.travellerTeams(context, asked)) {
        if (open.length === 0) break;
        await ask(team);
      }
    }
    return { names, unresolved: wanted.filter((id) => !names.has(id)) };
  }

  /** Asks one team about each open id; returns the ids still open. */
  private async findIn(
    context: TurnContext,
    teamId: string,
    open: readonly string[],
    names: Map<string, string>,
  ): Promise<string[]> {
    const still: string[] = [];
    for (let start = 0; start < open.length; start += ASKED_AT_ONCE) {
      const batch = open.slice(start, start + ASKED_AT_ONCE);
      const answers = await Promise.all(
        batch.map(async (id) => {
          try {
            return await this.parts.membership.memberOf(context, teamId, id);
          } catch (error) {
            this.parts.log.warn(
              { err: error, teamId },
              'could not ask Teams for a colleague’s name',
            );
            return undefined;
          }
        }),
      );
      batch.forEach((id, index) => {
        const name = answers[index]?.name;
        if (name) names.set(id, name);
        else still.push(id);
      });
    }
    return still;
  }

  /**
   * Teams with the app that the traveller belongs to, besides those asked already, at most
   * `maxTeams` in all; a team Teams cannot answer for is left out.
   */
  private async travellerTeams(context: TurnContext, asked: Set<string>): Promise<string[]> {
    const room = this.maxTeams - asked.size;
    if (room <= 0) return [];
    const tenantId = travellerOf(context).tenantId ?? '';
    let teams: string[];
    try {
      teams = (await this.parts.channels.listByTenant(tenantId))
        .map((channel) => channel.teamId)
        .filter((team) => !asked.has(team));
    } catch (error) {
      this.parts.log.warn({ err: error }, 'could not list the teams to look colleagues up in');
      return [];
    }
    // A few at a time, as posting does; answers are mostly cached from choosing the team.
    const mine: string[] = [];
    for (let start = 0; start < teams.length && mine.length < room; start += ASKED_AT_ONCE) {
      const batch = teams.slice(start, start + ASKED_AT_ONCE);
      const members = await Promise.all(
        batch.map((team) =>
          this.parts.membership.memberOf(context, team).catch((error: unknown) => {
            this.parts.log.warn(
              { err: error, teamId: team },
              'could not ask Teams about team membership',
            );
            return undefined;
          }),
        ),
      );
      mine.push(...batch.filter((_team, index) => members[index] !== undefined));
    }
    return mine.slice(0, room);
  }
}
