/** What a traveller chose for themselves, across their reports. */
export interface TravellerPreferences {
  travellerId: string;
  /** False after `geen herinneringen`; reminders are on unless switched off. */
  reminders: boolean;
  updatedAt: string;
}

/** Persistence of travellers' preferences, one document a traveller. */
export interface PreferenceStore {
  /** The traveller's preferences; undefined when they never chose anything. */
  get(travellerId: string): Promise<TravellerPreferences | undefined>;
  /** Stores the traveller's preferences, replacing what was there (last writer wins). */
  save(preferences: TravellerPreferences): Promise<void>;
}

/** True unless the traveller switched reminders off. */
export function wantsReminders(preferences: TravellerPreferences | undefined): boolean {
  return preferences?.reminders !== false;
}
