import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { PreferenceStore } from '../../src/store/preferenceStore';

/** The PreferenceStore contract: any implementation must pass these. */
export function preferenceStoreContract(makeStore: () => PreferenceStore): void {
  let store: PreferenceStore;
  let traveller: string;
  beforeEach(() => {
    store = makeStore();
    traveller = `traveller-${randomUUID()}`;
  });

  it('has nothing for a traveller who never chose', async () => {
    assert.equal(await store.get(traveller), undefined);
  });

  it('keeps what a traveller chose, the last choice winning, apart from others', async () => {
    const other = `other-${randomUUID()}`;
    await store.save({
      travellerId: traveller,
      reminders: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    await store.save({
      travellerId: other,
      reminders: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    await store.save({
      travellerId: traveller,
      reminders: true,
      updatedAt: '2026-11-21T10:00:00.000Z',
    });

    assert.deepEqual(await store.get(traveller), {
      travellerId: traveller,
      reminders: true,
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    assert.equal((await store.get(other))?.reminders, false);
  });

  it('hands out copies: changing what was read or saved changes nothing stored', async () => {
    const saved = {
      travellerId: traveller,
      reminders: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    await store.save(saved);
    saved.reminders = true;
    const read = await store.get(traveller);
    assert.equal(read?.reminders, false);
    if (read) read.reminders = true;
    assert.equal((await store.get(traveller))?.reminders, false);
  });
}
