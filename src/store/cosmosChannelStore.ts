import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ChannelStore, ReportChannel } from './channelStore';
import { cosmosStatus, storeError } from './cosmosErrors';
import { encodeCosmosId } from './cosmosId';
import { withoutSystemProperties } from './documents';

/** ChannelStore on the `channels` container: one document a team (id = team id), by tenant. */
export class CosmosChannelStore implements ChannelStore {
  constructor(private readonly container: Container) {}

  async save(channel: ReportChannel): Promise<void> {
    requireIds(channel.tenantId, channel.teamId);
    try {
      await this.container.items.upsert({ ...channel, id: encodeCosmosId(channel.teamId) });
    } catch (error) {
      throw storeError(`saving the report channel of team ${channel.teamId}`, error);
    }
  }

  async listByTenant(tenantId: string): Promise<ReportChannel[]> {
    let resources: ItemDefinition[];
    try {
      ({ resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: 'SELECT * FROM c WHERE c.tenantId = @tenantId',
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
      .sort((a, b) => sortName(a).localeCompare(sortName(b), 'nl', { sensitivity: 'base' }));
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
}

/** A team sorts by its name, or its id when Teams gave no name. */
function sortName(channel: ReportChannel): string {
  return channel.teamName ?? channel.teamId;
}

function requireIds(tenantId: string, teamId: string): void {
  if (!tenantId || !teamId) {
    throw new Error(
      "A report channel needs both a tenant id and a team id (from the activity's " +
        `channelData); got tenant '${tenantId}' and team '${teamId}'.`,
    );
  }
}
