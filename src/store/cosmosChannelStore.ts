import type { Container, ItemDefinition } from '@azure/cosmos';
import { byTeamName, mergeChannel, requireIds } from './channelStore';
import type { ChannelStore, PostReference, ReportChannel } from './channelStore';
import { cosmosStatus, storeError } from './cosmosErrors';
import { encodeCosmosId } from './cosmosId';
import { withoutSystemProperties } from './documents';

/**
 * ChannelStore on the `channels` container, by tenant: one document a team (id = team id), and
 * one a posted report's thread (`kind: 'post'`, id = `post:<activity id>`).
 */
export class CosmosChannelStore implements ChannelStore {
  constructor(private readonly container: Container) {}

  async save(channel: ReportChannel): Promise<void> {
    requireIds(channel.tenantId, channel.teamId);
    const previous = await this.get(channel.tenantId, channel.teamId);
    try {
      await this.container.items.upsert({
        ...mergeChannel(previous, channel),
        id: encodeCosmosId(channel.teamId),
      });
    } catch (error) {
      throw storeError(`saving the report channel of team ${channel.teamId}`, error);
    }
  }

  async get(tenantId: string, teamId: string): Promise<ReportChannel | undefined> {
    if (!tenantId || !teamId) return undefined;
    try {
      const { resource } = await this.container
        .item(encodeCosmosId(teamId), tenantId)
        .read<ItemDefinition>();
      if (!resource || resource.kind !== undefined) return undefined;
      return withoutSystemProperties(resource, ['id']) as unknown as ReportChannel;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw storeError(`reading the report channel of team ${teamId}`, error);
    }
  }

  async listByTenant(tenantId: string): Promise<ReportChannel[]> {
    let resources: ItemDefinition[];
    try {
      ({ resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND NOT IS_DEFINED(c.kind)',
            parameters: [{ name: '@tenantId', value: tenantId }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll());
    } catch (error) {
      throw storeError(`listing the report channels of tenant ${tenantId}`, error);
    }
    return resources
      .map((resource) => withoutSystemProperties(resource, ['id']) as unknown as ReportChannel)
      .sort(byTeamName);
  }

  async remove(tenantId: string, teamId: string): Promise<void> {
    requireIds(tenantId, teamId);
    try {
      await this.container.item(encodeCosmosId(teamId), tenantId).delete();
    } catch (error) {
      if (cosmosStatus(error) === 404) return;
      throw storeError(`removing the report channel of team ${teamId}`, error);
    }
  }

  async savePost(post: PostReference): Promise<void> {
    requireIds(post.tenantId, post.activityId);
    try {
      await this.container.items.upsert({ ...post, kind: 'post', id: postId(post.activityId) });
    } catch (error) {
      throw storeError(`saving the thread of report ${post.reportId}`, error);
    }
  }

  async findPost(tenantId: string, activityId: string): Promise<PostReference | undefined> {
    if (!tenantId || !activityId) return undefined;
    try {
      const { resource } = await this.container
        .item(postId(activityId), tenantId)
        .read<ItemDefinition>();
      if (!resource) return undefined;
      const { kind: _kind, ...post } = withoutSystemProperties(resource, ['id']) as Record<
        string,
        unknown
      >;
      return post as unknown as PostReference;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw storeError(`reading the thread ${activityId}`, error);
    }
  }
}

/** The document id of a posted report's thread; `post:` never starts a Teams team id. */
function postId(activityId: string): string {
  return encodeCosmosId(`post:${activityId}`);
}
