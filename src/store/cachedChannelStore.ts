import type { ChannelStore, PostReference, ReportChannel } from './channelStore';

/** How long a tenant's list of report channels is used before it is read again. */
const LIST_TTL_MS = 60_000;

/**
 * A ChannelStore that keeps each tenant's report channels in memory for a minute: every posted
 * report needs the list, which changes only when a team installs the app. Saves and removes on
 * this instance refresh it at once; another instance's take at most a minute. An empty list is
 * never kept, so a team that has just installed the app is found at once.
 */
export class CachedChannelStore implements ChannelStore {
  private readonly lists = new Map<string, { channels: ReportChannel[]; until: number }>();

  constructor(
    private readonly store: ChannelStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async save(channel: ReportChannel): Promise<void> {
    this.lists.delete(channel.tenantId);
    await this.store.save(channel);
    this.lists.delete(channel.tenantId);
  }

  /** Always read from the store: a move must start from the channel as it is now. */
  get(tenantId: string, teamId: string): Promise<ReportChannel | undefined> {
    return this.store.get(tenantId, teamId);
  }

  async listByTenant(tenantId: string): Promise<ReportChannel[]> {
    const kept = this.lists.get(tenantId);
    if (kept && kept.until > this.clock()) return kept.channels.map((channel) => ({ ...channel }));
    const channels = await this.store.listByTenant(tenantId);
    if (channels.length > 0) {
      this.lists.set(tenantId, { channels, until: this.clock() + LIST_TTL_MS });
    } else {
      this.lists.delete(tenantId);
    }
    return channels.map((channel) => ({ ...channel }));
  }

  async remove(tenantId: string, teamId: string): Promise<void> {
    this.lists.delete(tenantId);
    await this.store.remove(tenantId, teamId);
    this.lists.delete(tenantId);
  }

  savePost(post: PostReference): Promise<void> {
    return this.store.savePost(post);
  }

  findPost(tenantId: string, activityId: string): Promise<PostReference | undefined> {
    return this.store.findPost(tenantId, activityId);
  }
}
