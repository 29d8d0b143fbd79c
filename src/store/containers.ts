/** The Cosmos DB containers the bot uses, with their partition key paths (the Bicep must match). */
export const CONTAINERS = {
  /** One document a report, partitioned by the traveller's Entra object id. */
  reports: { id: 'reports', partitionKeyPath: '/travellerId' },
  /** botbuilder's conversation and user state, one document a storage key. */
  state: { id: 'state', partitionKeyPath: '/id' },
  /** One document a team's report channel, partitioned by tenant. */
  channels: { id: 'channels', partitionKeyPath: '/tenantId' },
  /** One document a traveller's preferences (reminders on or off), partitioned by traveller. */
  preferences: { id: 'preferences', partitionKeyPath: '/travellerId' },
} as const;

/** The name of one of the bot's containers: `reports`, `state`, `channels` or `preferences`. */
export type ContainerName = keyof typeof CONTAINERS;

/** Container names in the order they are created and checked at start. */
export const CONTAINER_NAMES: readonly ContainerName[] = [
  'reports',
  'state',
  'channels',
  'preferences',
];
