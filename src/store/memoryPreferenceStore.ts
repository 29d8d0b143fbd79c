import type { PreferenceStore, TravellerPreferences } from './preferenceStore';

/**
 * Travellers' preferences in this process's memory: for tests whose subject is not the store,
 * passing the same contract as CosmosPreferenceStore. Gone at exit.
 */
export class InMemoryPreferenceStore implements PreferenceStore {
  private readonly preferences = new Map<string, TravellerPreferences>();

  async get(travellerId: string): Promise<TravellerPreferences | undefined> {
    const stored = this.preferences.get(travellerId);
    return stored && { ...stored };
  }

  async save(preferences: TravellerPreferences): Promise<void> {
    this.preferences.set(preferences.travellerId, { ...preferences });
  }
}
