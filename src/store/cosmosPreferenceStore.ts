import type { Container, ItemDefinition } from '@azure/cosmos';
import { cosmosStatus, storeError } from './cosmosErrors';
import { withoutSystemProperties } from './documents';
import type { PreferenceStore, TravellerPreferences } from './preferenceStore';

/** PreferenceStore on the `preferences` container (partition key `/travellerId`, id = traveller). */
export class CosmosPreferenceStore implements PreferenceStore {
  constructor(private readonly container: Container) {}

  async get(travellerId: string): Promise<TravellerPreferences | undefined> {
    try {
      const { resource } = await this.container
        .item(travellerId, travellerId)
        .read<ItemDefinition>();
      if (!resource) return undefined;
      const { id: _id, ...preferences } = withoutSystemProperties(resource);
      return preferences as unknown as TravellerPreferences;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw storeError(`reading the preferences of traveller ${travellerId}`, error);
    }
  }

  async save(preferences: TravellerPreferences): Promise<void> {
    try {
      await this.container.items.upsert({ id: preferences.travellerId, ...preferences });
    } catch (error) {
      throw storeError(`saving the preferences of traveller ${preferences.travellerId}`, error);
    }
  }
}
