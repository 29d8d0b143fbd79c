import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CachedChannelStore } from '../../src/store/cachedChannelStore';
import type { ReportChannel } from '../../src/store/channelStore';
import { CosmosChannelStore } from '../../src/store/cosmosChannelStore';
import { useEmbeddedCosmos } from './cosmosFixture';

function channel(tenantId: string, teamId: string, channelName: string): ReportChannel {
  return {
    tenantId,
    teamId,
    teamName: `Team ${channelName}`,
    channelId: `19:${channelName}@thread.tacv2`,
    channelName,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

describe('CachedChannelStore over the Cosmos channel store', () => {
  const cosmos = useEmbeddedCosmos();
  let tenant: string;
  let clock: number;
  let cached: CachedChannelStore;
  /** Another bot instance on the same database. */
  let elsewhere: CosmosChannelStore;
  beforeEach(() => {
    tenant = randomUUID();
    clock = 0;
    cached = new CachedChannelStore(new CosmosChannelStore(cosmos().db.channels), () => clock);
    elsewhere = new CosmosChannelStore(cosmos().db.channels);
  });

  it('sees a channel saved on this instance at once', async () => {
    assert.deepEqual(await cached.listByTenant(tenant), []);
    const saved = channel(tenant, '19:a@thread.tacv2', 'Reisverslagen');
    await cached.save(saved);
    assert.deepEqual(await cached.listByTenant(tenant), [saved]);
  });

  it('sees a first channel saved by another instance at once: an empty list is never kept', async () => {
    assert.deepEqual(await cached.listByTenant(tenant), []);
    const saved = channel(tenant, '19:a@thread.tacv2', 'Reisverslagen');
    await elsewhere.save(saved);
    assert.deepEqual(await cached.listByTenant(tenant), [saved]);
  });

  it('sees another instance’s move of the channel within a minute', async () => {
    const first = channel(tenant, '19:a@thread.tacv2', 'Reisverslagen');
    await cached.save(first);
    assert.deepEqual(await cached.listByTenant(tenant), [first]);

    const moved = channel(tenant, '19:a@thread.tacv2', 'Dienstreizen');
    await elsewhere.save(moved);
    clock += 30_000;
    assert.deepEqual(await cached.listByTenant(tenant), [first], 'kept for a minute');
    // One team's channel is read as it is now: a move starts from there.
    assert.deepEqual(await cached.get(tenant, '19:a@thread.tacv2'), moved);
    clock += 30_001;
    assert.deepEqual(await cached.listByTenant(tenant), [moved]);
  });

  it('forgets a removed team at once, and callers cannot change what it keeps', async () => {
    const team = channel(tenant, '19:a@thread.tacv2', 'Reisverslagen');
    await cached.save(team);
    const listed = await cached.listByTenant(tenant);
    listed[0]!.channelName = 'changed by a caller';
    assert.equal((await cached.listByTenant(tenant))[0]?.channelName, 'Reisverslagen');
    await cached.remove(tenant, team.teamId);
    assert.deepEqual(await cached.listByTenant(tenant), []);
  });
});
