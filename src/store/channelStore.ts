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
  /**
   * Remembers (or moves) the team's report channel, merged with the stored record
   * (`mergeChannel`): a team name, group id or channel name missing from `channel` is kept.
   */
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

/**
 * The channel record to store when `next` replaces `previous`: what Teams did not send this time
 * is kept, as a later activity (a channel message, an install without the team's details) often
 * lacks the team's name and group id. The channel's name is kept only for the same channel.
 */
export function mergeChannel(
  previous: ReportChannel | undefined,
  next: ReportChannel,
): ReportChannel {
  if (!previous) return next;
  const teamName = next.teamName ?? previous.teamName;
  const teamAadGroupId = next.teamAadGroupId ?? previous.teamAadGroupId;
  const channelName =
    next.channelName ?? (previous.channelId === next.channelId ? previous.channelName : undefined);
  return {
    ...next,
    ...(teamName ? { teamName } : {}),
    ...(teamAadGroupId ? { teamAadGroupId } : {}),
    ...(channelName ? { channelName } : {}),
  };
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
