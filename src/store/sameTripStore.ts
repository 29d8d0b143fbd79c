import type { SameTripRecord } from '../report/sameTrip';

export type { SameTripRecord };

/**
 * Persistence of same-trip records (src/report/sameTrip.ts): one document a (colleague, report),
 * partitioned by the colleague's Entra object id, so that a colleague's lookup is one
 * single-partition query. Ids are compared as given: callers pass Entra ids in lower case.
 */
export interface SameTripStore {
  /**
   * Keeps the record: creates it, or replaces one made from an older (or the same) report
   * version, keeping its `seenAt`. A record made from a newer version is left alone, so that
   * writes finishing out of order never bring back an older title or list.
   */
  save(record: SameTripRecord): Promise<void>;
  /**
   * Removes the colleague's record of the report (they are no longer named), unless it was made
   * from a version newer than `version`. Nothing there is no error.
   */
  remove(colleagueId: string, reportId: string, version: number): Promise<void>;
  /**
   * The colleague's records of trips that ended on or after `since` (ISO date) and that they have
   * not marked seen, newest post first, at most `limit`. One query in the colleague's partition.
   */
  findRecent(colleagueId: string, since: string, limit: number): Promise<SameTripRecord[]>;
  /** Marks the colleague's record of the report seen at `at`; nothing there is no error. */
  markSeen(colleagueId: string, reportId: string, at: string): Promise<void>;
}
