import { CosmosSameTripStore } from '../../src/store/cosmosSameTripStore';
import { InMemorySameTripStore } from '../../src/store/memorySameTripStore';
import { useEmbeddedCosmos } from './cosmosFixture';
import { sameTripStoreContract } from './sameTripStore.contract';

describe('CosmosSameTripStore on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();
  sameTripStoreContract(() => new CosmosSameTripStore(cosmos().db.sameTrips));
});

describe('InMemorySameTripStore', () => {
  sameTripStoreContract(() => new InMemorySameTripStore());
});
