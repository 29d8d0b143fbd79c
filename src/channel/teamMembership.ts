import { TeamsInfo, type TurnContext } from 'botbuilder';
import { statusOf } from './teamsRetry';

/** How long Teams' answer about someone's membership of a team is used before asking again. */
export const MEMBERSHIP_TTL_MS = 5 * 60_000;

/** At most this many answers are kept; the oldest go first. */
const MAX_ANSWERS = 10_000;

/**
 * Someone's place in a team, as Teams tells it: `userRole` is `user` for a member of the
 * organisation, `guest` for a guest, `anonymous` for an anonymous user.
 */
export interface TeamMember {
  userRole?: string;
  /** Their display name in Teams, when Teams gave it (to name a colleague picked in a card). */
  name?: string;
}

/** Asks Teams about one user in one team: the member, or undefined when they are not one. */
export type AskTeams = (
  context: TurnContext,
  teamId: string,
  userId: string,
) => Promise<TeamMember | undefined>;

/** Who belongs to which team, asked of Teams and kept for a few minutes. */
export interface TeamMembershipCheck {
  /**
   * The user of this turn (or `userId`) in the team, or undefined when they are not a member.
   * Throws when Teams cannot tell (unreachable, throttling): nobody is taken for a member then.
   */
  memberOf(context: TurnContext, teamId: string, userId?: string): Promise<TeamMember | undefined>;
}

/**
 * Teams' answer through the Bot Connector (`GET /v3/conversations/{team}/members/{user}`; the user
 * may be their Teams id `29:…` or their Entra object id, which Teams accepts too): a 404
 * (`MemberNotFoundInConversation`, or the team no longer knows the bot) means not a member.
 */
export const askTeams: AskTeams = async (context, teamId, userId) => {
  try {
    const member = await TeamsInfo.getTeamMember(context, teamId, userId);
    return {
      ...(member.userRole === undefined ? {} : { userRole: member.userRole }),
      ...(member.name ? { name: member.name } : {}),
    };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
};

/**
 * The membership check with a small cache: each (team, user) answer, member or not, is used for
 * `ttlMs` (five minutes), so offering a traveller their teams costs Teams one call a team now and
 * then, not one a turn. A failed question is not kept.
 */
export class TeamMembership implements TeamMembershipCheck {
  private readonly answers = new Map<string, { member: TeamMember | undefined; until: number }>();

  constructor(
    private readonly ask: AskTeams = askTeams,
    private readonly ttlMs: number = MEMBERSHIP_TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  async memberOf(
    context: TurnContext,
    teamId: string,
    userId: string = context.activity.from.id,
  ): Promise<TeamMember | undefined> {
    const key = `${teamId}\n${userId}`;
    const kept = this.answers.get(key);
    if (kept && kept.until > this.clock()) return kept.member;
    const member = await this.ask(context, teamId, userId);
    this.answers.delete(key);
    if (this.answers.size >= MAX_ANSWERS) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, { member, until: this.clock() + this.ttlMs });
    return member;
  }
}
