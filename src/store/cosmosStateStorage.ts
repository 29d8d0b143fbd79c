import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { cosmosStatus, storeError } from './cosmosErrors';
import { encodeCosmosId } from './cosmosId';

/** A state document: the encoded id, the original key, and the item (without its eTag). */
interface StateDocument extends ItemDefinition {
  id: string;
  key: string;
  document: Record<string, unknown>;
}

/**
 * botbuilder Storage on the `state` container (partition key `/id`). Keys are encoded into valid
 * ids; writes honour eTags: none or `*` overwrites, any other must match the stored one.
 */
export class CosmosStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) {
      throw new TypeError('CosmosStateStorage.read needs an array of keys.');
    }
    const items: StoreItems = {};
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const id = encodeCosmosId(key);
        let resource: StateDocument | undefined;
        try {
          ({ resource } = await this.container.item(id, id).read<StateDocument>());
        } catch (error) {
          if (cosmosStatus(error) === 404) return;
          throw storeError(`reading state "${key}"`, error);
        }
        if (resource) items[key] = { ...resource.document, eTag: resource._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (typeof changes !== 'object' || changes === null) {
      throw new TypeError('CosmosStateStorage.write needs an object of items by key.');
    }
    await Promise.all(
      Object.entries(changes).map(([key, item]) => this.writeItem(key, item as StoreItem)),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) {
      throw new TypeError('CosmosStateStorage.delete needs an array of keys.');
    }
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const id = encodeCosmosId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (error) {
          if (cosmosStatus(error) !== 404) throw storeError(`deleting state "${key}"`, error);
        }
      }),
    );
  }

  /** Upserts without or with `*` eTag; else replaces only on a matching eTag (or creates anew). */
  private async writeItem(key: string, item: StoreItem): Promise<void> {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new TypeError(`State "${key}" must be an object to be stored, not ${typeof item}.`);
    }
    const { eTag } = item;
    const id = encodeCosmosId(key);
    const document: Record<string, unknown> = { ...item };
    delete document.eTag;
    const body: StateDocument = { id, key, document };
    try {
      if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
        await this.container.items.upsert(body);
        return;
      }
      try {
        await this.container
          .item(id, id)
          .replace(body, { accessCondition: { type: 'IfMatch', condition: String(eTag) } });
      } catch (error) {
        // Deleted since it was read: write it anew, as botbuilder's MemoryStorage does.
        if (cosmosStatus(error) !== 404) throw error;
        await this.container.items.create(body);
      }
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 409) {
        throw new Error(
          `Storage: cannot write "${key}": another turn changed it since it was read ` +
            `(eTag ${String(eTag)} no longer matches). Read the state again and reapply the change.`,
          { cause: error },
        );
      }
      throw storeError(`writing state "${key}"`, error);
    }
  }
}
