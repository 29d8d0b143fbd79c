import type { Container, ItemDefinition } from '@azure/cosmos';
import { cosmosStatus, storeError } from './cosmosErrors';
import { encodeCosmosId } from './cosmosId';
import { withoutSystemProperties } from './documents';
import type { SameTripRecord, SameTripStore } from './sameTripStore';

/** Writes that lost a race (another instance wrote the record in between) are tried this often. */
const MAX_ATTEMPTS = 3;

/**
 * SameTripStore on the `sameTrips` container: partition key `/colleagueId`, id the report's id.
 * Every read and write stays in the colleague's partition; a save is a point read and an
 * ETag-checked write, so that the version check and the kept `seenAt` hold under races.
 */
export class CosmosSameTripStore implements SameTripStore {
  constructor(private readonly container: Container) {}

  async save(record: SameTripRecord): Promise<void> {
    const { colleagueId, reportId } = record;
    const id = encodeCosmosId(reportId);
    const { seenAt: _ignored, ...fresh } = record;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.read(colleagueId, reportId);
      if (stored && stored.record.reportVersion > record.reportVersion) return;
      const document = {
        id,
        ...fresh,
        ...(stored?.record.seenAt ? { seenAt: stored.record.seenAt } : {}),
      };
      try {
        if (stored) {
          await this.container.item(id, colleagueId).replace(document, {
            accessCondition: { type: 'IfMatch', condition: stored.etag },
          });
        } else {
          await this.container.items.create(document);
        }
        return;
      } catch (error) {
        const status = cosmosStatus(error);
        // 409: created in between; 412: changed in between; 404: removed in between.
        if (status !== 409 && status !== 412 && status !== 404) {
          throw storeError(`saving the same-trip record of report ${reportId}`, error);
        }
      }
    }
    throw new Error(
      `Cosmos DB kept changing the same-trip record of report ${reportId} while it was saved ` +
        `(${MAX_ATTEMPTS} tries); it is written again at the report's next channel update.`,
    );
  }

  async remove(colleagueId: string, reportId: string, version: number): Promise<void> {
    const stored = await this.read(colleagueId, reportId);
    if (!stored || stored.record.reportVersion > version) return;
    try {
      await this.container.item(encodeCosmosId(reportId), colleagueId).delete({
        accessCondition: { type: 'IfMatch', condition: stored.etag },
      });
    } catch (error) {
      const status = cosmosStatus(error);
      // Gone already, or rewritten in between by a newer version: either way not ours to remove.
      if (status === 404 || status === 412) return;
      throw storeError(`removing the same-trip record of report ${reportId}`, error);
    }
  }

  async findRecent(colleagueId: string, since: string, limit: number): Promise<SameTripRecord[]> {
    const top = Math.max(1, Math.floor(limit));
    try {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query:
              'SELECT TOP @limit * FROM c WHERE c.colleagueId = @colleagueId AND ' +
              'c.endsOn >= @since AND NOT IS_DEFINED(c.seenAt) ORDER BY c.postedAt DESC',
            parameters: [
              { name: '@limit', value: top },
              { name: '@colleagueId', value: colleagueId },
              { name: '@since', value: since },
            ],
          },
          { partitionKey: colleagueId, maxItemCount: top },
        )
        .fetchAll();
      // The compatible server may not filter or order as asked: the same rules again here.
      return resources
        .map(recordOf)
        .filter(
          (record) =>
            record.colleagueId === colleagueId && record.endsOn >= since && !record.seenAt,
        )
        .sort((a, b) => b.postedAt.localeCompare(a.postedAt))
        .slice(0, top);
    } catch (error) {
      throw storeError(`looking up the same-trip records of colleague ${colleagueId}`, error);
    }
  }

  async markSeen(colleagueId: string, reportId: string, at: string): Promise<void> {
    try {
      await this.container
        .item(encodeCosmosId(reportId), colleagueId)
        .patch({ operations: [{ op: 'set', path: '/seenAt', value: at }] });
    } catch (error) {
      if (cosmosStatus(error) === 404) return;
      throw storeError(`marking the same-trip record of report ${reportId} seen`, error);
    }
  }

  /** The stored record with its ETag; undefined when there is none. */
  private async read(
    colleagueId: string,
    reportId: string,
  ): Promise<{ record: SameTripRecord; etag: string } | undefined> {
    try {
      const { resource } = await this.container
        .item(encodeCosmosId(reportId), colleagueId)
        .read<ItemDefinition>();
      if (!resource) return undefined;
      return { record: recordOf(resource), etag: String(resource._etag) };
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw storeError(`reading the same-trip record of report ${reportId}`, error);
    }
  }
}

function recordOf(resource: ItemDefinition): SameTripRecord {
  const { id: _id, ...record } = withoutSystemProperties(resource);
  return record as unknown as SameTripRecord;
}
