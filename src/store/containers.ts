/** A container: its id, partition key path, and a default time to live when its documents expire. */
export interface ContainerSpec {
  id: string;
  partitionKeyPath: string;
  /** Seconds after its last write that a document expires; absent: never. */
  defaultTtlSeconds?: number;
  /** Composite indexes besides the default policy's range index on every path. */
  compositeIndexes?: readonly (readonly CompositePath[])[];
}

/** One path of a composite index, as Cosmos DB's indexing policy writes it. */
export interface CompositePath {
  path: string;
  order: 'ascending' | 'descending';
}

/** The Cosmos DB containers the bot uses, with their partition key paths (the Bicep must match). */
export const CONTAINERS = {
  /** One document a report, partitioned by the traveller's Entra object id. */
  reports: {
    id: 'reports',
    partitionKeyPath: '/travellerId',
    // The register's page query: posted reports, newest trip first (CosmosReportStore.registerPage).
    compositeIndexes: [
      [
        { path: '/status', order: 'ascending' },
        { path: '/registerIndex/date', order: 'descending' },
      ],
    ],
  },
  /**
   * botbuilder's conversation state, one document a storage key: only where a dialog stands, no
   * answers, so it may expire after a month untouched (the draft lives on in `reports`).
   */
  state: { id: 'state', partitionKeyPath: '/id', defaultTtlSeconds: 30 * 24 * 60 * 60 },
  /** One document a team's report channel, partitioned by tenant. */
  channels: { id: 'channels', partitionKeyPath: '/tenantId' },
  /** One document a traveller's preferences (reminders on or off), partitioned by traveller. */
  preferences: { id: 'preferences', partitionKeyPath: '/travellerId' },
  /**
   * One document a colleague named as co-traveller in a posted report (id the report's id),
   * partitioned by the colleague's Entra object id: the same-trip notice reads one partition.
   * Kept 180 days after its last write: the notice looks back 120 days from the trip's end, and a
   * trip is posted after it ended, so a record is never needed longer.
   */
  sameTrips: {
    id: 'sameTrips',
    partitionKeyPath: '/colleagueId',
    defaultTtlSeconds: 180 * 24 * 60 * 60,
  },
} as const satisfies Record<string, ContainerSpec>;

/** The name of one of the bot's containers: `reports`, `state`, `channels`, `preferences`, `sameTrips`. */
export type ContainerName = keyof typeof CONTAINERS;

/** Container names in the order they are created and checked at start. */
export const CONTAINER_NAMES: readonly ContainerName[] = [
  'reports',
  'state',
  'channels',
  'preferences',
  'sameTrips',
];
