import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ChannelStore, ReportChannel } from '../../src/store/channelStore';

function channel(tenantId: string, teamId: string, overrides: Partial<ReportChannel> = {}) {
  return {
    tenantId,
    teamId,
    teamName: 'Internationale Zaken',
    channelId: '19:verslagen@thread.tacv2',
    channelName: 'Verslagen',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  } satisfies ReportChannel;
}

/** The ChannelStore contract: any implementation must pass these. */
export function channelStoreContract(makeStore: () => ChannelStore): void {
  let store: ChannelStore;
  let tenant: string;
  beforeEach(() => {
    store = makeStore();
    tenant = randomUUID();
  });

  it('saves a team’s report channel and lists it for the tenant only', async () => {
    const saved = channel(tenant, '19:team-a@thread.tacv2');
    await store.save(saved);
    await store.save(channel(randomUUID(), '19:team-elsewhere@thread.tacv2'));
    assert.deepEqual(await store.listByTenant(tenant), [saved]);
    assert.deepEqual(await store.listByTenant(randomUUID()), []);
  });

  it('moves the report channel when the team saves another one', async () => {
    await store.save(channel(tenant, '19:team-a@thread.tacv2'));
    const moved = channel(tenant, '19:team-a@thread.tacv2', {
      channelId: '19:elders@thread.tacv2',
      channelName: 'Elders',
      updatedAt: '2025-03-02T10:00:00.000Z',
    });
    await store.save(moved);
    assert.deepEqual(await store.listByTenant(tenant), [moved]);
  });

  it('keeps the team’s name and group id when a later save lacks them, and the channel’s name for the same channel only', async () => {
    const teamId = '19:team-a@thread.tacv2';
    await store.save(
      channel(tenant, teamId, { teamAadGroupId: 'b1c2d3e4-0000-4000-8000-00000000000a' }),
    );
    // A channel message names the team by id only, and not always the channel.
    const {
      teamName: _name,
      channelName: _channel,
      ...bare
    } = channel(tenant, teamId, {
      updatedAt: '2025-03-03T10:00:00.000Z',
    });
    await store.save(bare);
    assert.deepEqual(await store.get(tenant, teamId), {
      ...bare,
      teamName: 'Internationale Zaken',
      teamAadGroupId: 'b1c2d3e4-0000-4000-8000-00000000000a',
      channelName: 'Verslagen',
    });

    const { channelName: _old, ...elsewhere } = channel(tenant, teamId, {
      channelId: '19:elders@thread.tacv2',
    });
    await store.save(elsewhere);
    const moved = await store.get(tenant, teamId);
    assert.equal(moved?.channelId, '19:elders@thread.tacv2');
    assert.equal(moved?.channelName, undefined, 'not the old channel’s name');
    assert.equal(moved?.teamAadGroupId, 'b1c2d3e4-0000-4000-8000-00000000000a');
  });

  it('lists the tenant’s teams by name', async () => {
    const zaken = channel(tenant, '19:z@thread.tacv2', { teamName: 'Zuidas' });
    const alpha = channel(tenant, '19:a@thread.tacv2', { teamName: 'afdeling Europa' });
    const beta = channel(tenant, '19:b@thread.tacv2', { teamName: 'Bestuur' });
    for (const saved of [zaken, alpha, beta]) await store.save(saved);
    assert.deepEqual(
      (await store.listByTenant(tenant)).map((listed) => listed.teamName),
      ['afdeling Europa', 'Bestuur', 'Zuidas'],
    );
  });

  it('removes a team’s report channel, and removing a missing one is harmless', async () => {
    const kept = channel(tenant, '19:kept@thread.tacv2');
    await store.save(channel(tenant, '19:gone@thread.tacv2'));
    await store.save(kept);
    await store.remove(tenant, '19:gone@thread.tacv2');
    await store.remove(tenant, '19:gone@thread.tacv2');
    await store.remove(randomUUID(), '19:kept@thread.tacv2');
    assert.deepEqual(await store.listByTenant(tenant), [kept]);
  });

  it('reads one team’s report channel by tenant and team, and nothing for another team or tenant', async () => {
    const saved = channel(tenant, '19:team-a@thread.tacv2');
    await store.save(saved);
    assert.deepEqual(await store.get(tenant, '19:team-a@thread.tacv2'), saved);
    assert.equal(await store.get(tenant, '19:team-b@thread.tacv2'), undefined);
    assert.equal(await store.get(randomUUID(), '19:team-a@thread.tacv2'), undefined);
    await store.remove(tenant, '19:team-a@thread.tacv2');
    assert.equal(await store.get(tenant, '19:team-a@thread.tacv2'), undefined);
  });

  it('refuses a channel without tenant or team id', async () => {
    await assert.rejects(store.save(channel('', '19:x@thread.tacv2')), /tenant id and a team id/);
  });
  it('finds which report a thread shows, by tenant and root activity only', async () => {
    const post = { tenantId: tenant, activityId: '1701', travellerId: 'aad-1', reportId: 'r-1' };
    await store.savePost(post);
    assert.deepEqual(await store.findPost(tenant, '1701'), post);
    assert.equal(await store.findPost(tenant, '1702'), undefined);
    assert.equal(await store.findPost(randomUUID(), '1701'), undefined);
    assert.deepEqual(await store.listByTenant(tenant), [], 'a thread is no report channel');
  });
}
