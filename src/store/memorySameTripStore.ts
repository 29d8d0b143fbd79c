import type { SameTripRecord, SameTripStore } from './sameTripStore';

/**
 * Same-trip records in this process's memory: for tests whose subject is not the store, passing
 * the same contract as CosmosSameTripStore. Gone at exit.
 */
export class InMemorySameTripStore implements SameTripStore {
  private readonly records = new Map<string, SameTripRecord>();

  async save(record: SameTripRecord): Promise<void> {
    const key = keyOf(record.colleagueId, record.reportId);
    const stored = this.records.get(key);
    if (stored && stored.reportVersion > record.reportVersion) return;
    const { seenAt: _ignored, ...fresh } = record;
    this.records.set(key, copy({ ...fresh, ...(stored?.seenAt ? { seenAt: stored.seenAt } : {}) }));
  }

  async remove(colleagueId: string, reportId: string, version: number): Promise<void> {
    const key = keyOf(colleagueId, reportId);
    const stored = this.records.get(key);
    if (stored && stored.reportVersion <= version) this.records.delete(key);
  }

  async findRecent(colleagueId: string, since: string, limit: number): Promise<SameTripRecord[]> {
    return [...this.records.values()]
      .filter(
        (record) => record.colleagueId === colleagueId && record.endsOn >= since && !record.seenAt,
      )
      .sort((a, b) => b.postedAt.localeCompare(a.postedAt))
      .slice(0, limit)
      .map(copy);
  }

  async markSeen(colleagueId: string, reportId: string, at: string): Promise<void> {
    const key = keyOf(colleagueId, reportId);
    const stored = this.records.get(key);
    if (stored) this.records.set(key, { ...stored, seenAt: at });
  }

  /** Every record kept, for tests. */
  all(): SameTripRecord[] {
    return [...this.records.values()].map(copy);
  }
}

function keyOf(colleagueId: string, reportId: string): string {
  return `${colleagueId}\n${reportId}`;
}

function copy(record: SameTripRecord): SameTripRecord {
  return structuredClone(record);
}
