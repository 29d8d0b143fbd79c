import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ConversationState, TestAdapter } from 'botbuilder';
import { CosmosStateStorage } from '../../src/store/cosmosStateStorage';
import { useEmbeddedCosmos } from './cosmosFixture';

describe('CosmosStateStorage on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();
  let storage: CosmosStateStorage;
  let key: string;
  beforeEach(() => {
    storage = new CosmosStateStorage(cosmos().db.state);
    key = `msteams/conversations/a:${randomUUID()}/`;
  });

  it('writes, reads with an eTag, and deletes', async () => {
    await storage.write({ [key]: { dialogStack: [{ id: 'interview' }], count: 1 } });
    const items = await storage.read([key, `${key}missing`]);
    assert.deepEqual(Object.keys(items), [key]);
    const item = items[key] as Record<string, unknown>;
    assert.equal(typeof item.eTag, 'string');
    assert.deepEqual(
      { ...item, eTag: undefined },
      {
        dialogStack: [{ id: 'interview' }],
        count: 1,
        eTag: undefined,
      },
    );

    await storage.delete([key]);
    assert.deepEqual(await storage.read([key]), {});
    await storage.delete([key]);
  });

  it('replaces an item written back with its current eTag', async () => {
    await storage.write({ [key]: { count: 1 } });
    const first = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...first, count: 2 } });
    const second = (await storage.read([key]))[key];
    assert.equal(second.count, 2);
    assert.notEqual(second.eTag, first.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer item', async () => {
    await storage.write({ [key]: { count: 1 } });
    const stale = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...stale, count: 2 } });
    await assert.rejects(storage.write({ [key]: { ...stale, count: 3 } }), /eTag/);
    assert.equal((await storage.read([key]))[key].count, 2);
  });

  it('overwrites with eTag "*" or without an eTag', async () => {
    await storage.write({ [key]: { count: 1 } });
    await storage.write({ [key]: { count: 2, eTag: '*' } });
    assert.equal((await storage.read([key]))[key].count, 2);
    await storage.write({ [key]: { count: 3 } });
    assert.equal((await storage.read([key]))[key].count, 3);
  });

  it('writes an item with an eTag when nothing is stored under its key', async () => {
    await storage.write({ [key]: { count: 1, eTag: 'from-an-earlier-read' } });
    assert.equal((await storage.read([key]))[key].count, 1);
  });

  it('round-trips keys with characters Cosmos ids forbid, and long keys', async () => {
    const keys = [
      'msteams/conversations/19:abc@thread.tacv2;messageid=1/',
      'what?#now',
      'back\\slash',
      'a/b',
      'a*2Fb',
      'ümlaut:@ and spaces',
      `long/${'x'.repeat(600)}`,
      `long/${'x'.repeat(599)}y`,
    ];
    await storage.write(Object.fromEntries(keys.map((name, index) => [name, { index }])));
    const items = await storage.read(keys);
    assert.deepEqual(
      keys.map((name) => items[name]?.index),
      keys.map((_name, index) => index),
    );
    await storage.delete(keys);
    assert.deepEqual(await storage.read(keys), {});
  });

  it('keeps the item apart from Cosmos’ system properties, even fields named like them', async () => {
    await storage.write({ [key]: { id: 'mine', _rid: 'not-cosmos', nested: { a: 1 } } });
    const item = (await storage.read([key]))[key];
    assert.equal(item.id, 'mine');
    assert.equal(item._rid, 'not-cosmos');
    assert.deepEqual(Object.keys(item).sort(), ['_rid', 'eTag', 'id', 'nested']);
  });

  it('carries botbuilder ConversationState across turns', async () => {
    const state = new ConversationState(storage);
    const turns = state.createProperty<number>('turns');
    const adapter = new TestAdapter(async (context) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`beurt ${count}`);
      await state.saveChanges(context);
    });
    await adapter.send('hallo').assertReply('beurt 1').send('nog eens').assertReply('beurt 2');
  });
});
