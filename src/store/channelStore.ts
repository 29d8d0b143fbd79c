/** A team's report channel, as learnt from Teams' installationUpdate or `gebruik dit kanaal`. */
export interface ReportChannel {
  tenantId: string;
  teamId: string;
  teamName?: string;
  channelId: string;
  channelName?: string;
  serviceUrl: string;
  updatedAt: string;
}

/** Persistence of report channels, one document a team, partitioned by tenant. */
export interface ChannelStore {
  /** Remembers (or moves) the team's report channel. */
  save(channel: ReportChannel): Promise<void>;
  /** The report channels of every team in the tenant that has the app, by team name. */
  listByTenant(tenantId: string): Promise<ReportChannel[]>;
  /** Forgets the team's report channel (the app was removed from the team). */
  remove(tenantId: string, teamId: string): Promise<void>;
}
