import { CosmosPreferenceStore } from '../../src/store/cosmosPreferenceStore';
import { InMemoryPreferenceStore } from '../../src/store/memoryPreferenceStore';
import { useEmbeddedCosmos } from './cosmosFixture';
import { preferenceStoreContract } from './preferenceStore.contract';

describe('CosmosPreferenceStore on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();
  preferenceStoreContract(() => new CosmosPreferenceStore(cosmos().db.preferences));
});

describe('InMemoryPreferenceStore', () => {
  preferenceStoreContract(() => new InMemoryPreferenceStore());
});
