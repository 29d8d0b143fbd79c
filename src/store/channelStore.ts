/** A team's report channel, as learnt from Teams' installationUpdate or `gebruik dit kanaal`. */
export interface ReportChannel {
  tenantId: string;
  teamId: string;
  teamName?: string;
  channelId: string;
  channelName?: string;
  /** The team's Microsoft 365 group id, for deep links to posts. */
  teamAadGroupId?: string;
  serviceUrl: string;
  updatedAt: string;
}

/** Which report a channel thread shows, so a mention in the thread finds its report and author. */
export interface PostReference {
  tenantId: string;
  /** The id of the thread's root activity: the report card. */
  activityId: string;
  travellerId: string;
  reportId: string;
}

/** Persistence of report channels, one document a team, partitioned by tenant. */
export interface ChannelStore {
  /** Remembers (or moves) the team's report channel. */
  save(channel: ReportChannel): Promise<void>;
  /** The team's report channel, or undefined when the team has none (read from the store). */
  get(tenantId: string, teamId: string): Promise<ReportChannel | undefined>;
  /** The report channels of every team in the tenant that has the app, by team name. */
  listByTenant(tenantId: string): Promise<ReportChannel[]>;
  /** Forgets the team's report channel (the app was removed from the team). */
  remove(tenantId: string, teamId: string): Promise<void>;
  /** Remembers which report a channel thread shows. */
  savePost(post: PostReference): Promise<void>;
  /** The report shown by the thread whose root is this activity, or undefined. */
  findPost(tenantId: string, activityId: string): Promise<PostReference | undefined>;
}

/** Orders teams by name (their id when Teams gave none), as a Dutch reader sorts them. */
export function byTeamName(a: ReportChannel, b: ReportChannel): number {
  return (a.teamName ?? a.teamId).localeCompare(b.teamName ?? b.teamId, 'nl', {
    sensitivity: 'base',
  });
}

/** Throws, saying where the ids come from, unless both the tenant and the team id are there. */
export function requireIds(tenantId: string, teamId: string): void {
  if (!tenantId || !teamId) {
    throw new Error(
      "A report channel needs both a tenant id and a team id (from the activity's " +
        `channelData); got tenant '${tenantId}' and team '${teamId}'.`,
    );
  }
}
