import { CosmosChannelStore } from '../../src/store/cosmosChannelStore';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { channelStoreContract } from './channelStore.contract';
import { useEmbeddedCosmos } from './cosmosFixture';

describe('CosmosChannelStore on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();
  channelStoreContract(() => new CosmosChannelStore(cosmos().db.channels));
});

describe('InMemoryChannelStore', () => {
  channelStoreContract(() => new InMemoryChannelStore());
});
