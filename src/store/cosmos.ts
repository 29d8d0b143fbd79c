import {
  CosmosClient,
  type Container,
  type ContainerDefinition,
  type Database,
} from '@azure/cosmos';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { CONTAINER_NAMES, CONTAINERS, type ContainerName, type ContainerSpec } from './containers';
import { cosmosConnectionError, cosmosStatus } from './cosmosErrors';

/** Where and how to open the bot's Cosmos DB database. */
export interface OpenCosmosOptions {
  /** Account endpoint (COSMOS_ENDPOINT), e.g. `https://<account>.documents.azure.com:443/`. */
  endpoint: string;
  /** Account key (COSMOS_KEY); without one the client uses Entra ID (DefaultAzureCredential). */
  key?: string;
  /** Database name (COSMOS_DATABASE). */
  databaseName: string;
  /**
   * Create the database and containers when missing. Only with a key: under Entra ID the data
   * plane cannot create them, so without a key they are only checked (deploy them with Bicep).
   */
  createIfMissing: boolean;
  /** Time limit of one request in ms; default 10 000 (a Teams turn times out after 10–15 s). */
  requestTimeoutMs?: number;
  /** Retries of a throttled (429) request; default 5, within at most 5 s. */
  maxThrottleRetries?: number;
}

/** The bot's open database: its containers, a health check and the client's disposal. */
export interface CosmosDatabase {
  readonly endpoint: string;
  readonly databaseName: string;
  /** Reports, partitioned by `/travellerId`. */
  readonly reports: Container;
  /** botbuilder state, partitioned by `/id`. */
  readonly state: Container;
  /** Report channels, partitioned by `/tenantId`. */
  readonly channels: Container;
  /** Travellers' preferences, partitioned by `/travellerId`. */
  readonly preferences: Container;
  /** Same-trip records, partitioned by `/colleagueId`. */
  readonly sameTrips: Container;
  /** A cheap point read (1 RU); rejects with a readable Error when Cosmos DB is not usable. */
  ping(): Promise<void>;
  /** Releases the client; the containers must not be used afterwards. */
  dispose(): void;
}

/** The bot's database before it is known to be usable: containers referenced, nothing read. */
export interface CosmosConnection extends CosmosDatabase {
  /** Creates (with a key) or checks the database and containers; a readable Error if unusable. */
  prepare(): Promise<void>;
}

/**
 * A client for the bot's database without any I/O yet, so that the bot can start while Cosmos
 * DB is unreachable and `prepare` it (again and again) in the background.
 */
export function connectCosmos(options: OpenCosmosOptions): CosmosConnection {
  const endpoint = checkedEndpoint(options.endpoint);
  const usesKey = Boolean(options.key);
  const client = new CosmosClient({
    endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: new EntraIdCredential() }),
    userAgentSuffix: 'reisverslag',
    connectionPolicy: {
      // The compatible server advertises https locations; discovery would move an http loopback
      // endpoint to TLS. A single-region account needs no discovery either.
      enableEndpointDiscovery: false,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      retryOptions: {
        maxRetryAttemptCount: options.maxThrottleRetries ?? 5,
        maxWaitTimeInSeconds: 5,
      },
    },
  });
  const fail = (error: unknown, action: string): Error =>
    cosmosConnectionError(error, endpoint, action, usesKey);
  const database = client.database(options.databaseName);
  const containers = Object.fromEntries(
    CONTAINER_NAMES.map((name) => [name, database.container(CONTAINERS[name].id)]),
  ) as Record<ContainerName, Container>;

  return {
    endpoint,
    databaseName: options.databaseName,
    ...containers,
    async prepare() {
      const create = options.createIfMissing && usesKey;
      const prepared = create
        ? await createDatabase(client, options.databaseName, fail)
        : await checkDatabase(client, options.databaseName, endpoint, fail);
      for (const name of CONTAINER_NAMES) {
        await openContainer(prepared, name, create, endpoint, fail);
      }
    },
    async ping() {
      try {
        await containers.state.item('healthz', 'healthz').read();
      } catch (error) {
        throw fail(error, 'checking health');
      }
    },
    dispose() {
      client.dispose();
    },
  };
}

/** The endpoint if it is an http(s) URL; else an Error naming COSMOS_ENDPOINT. */
function checkedEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `COSMOS_ENDPOINT '${endpoint}' is not an http(s) URL; ` +
        'use the account endpoint, e.g. https://<account>.documents.azure.com:443/.',
    );
  }
  return endpoint;
}

type Fail = (error: unknown, action: string) => Error;

async function createDatabase(client: CosmosClient, name: string, fail: Fail): Promise<Database> {
  try {
    return (await client.databases.createIfNotExists({ id: name })).database;
  } catch (error) {
    throw fail(error, `creating database '${name}'`);
  }
}

async function checkDatabase(
  client: CosmosClient,
  name: string,
  endpoint: string,
  fail: Fail,
): Promise<Database> {
  const database = client.database(name);
  try {
    await database.read();
  } catch (error) {
    if (cosmosStatus(error) === 404) {
      throw new Error(
        `Cosmos DB database '${name}' does not exist at ${endpoint}. Deploy it with the Bicep in ` +
          'deployment/ (under Entra ID the bot cannot create it), or set COSMOS_DATABASE to an ' +
          'existing database.',
        { cause: error },
      );
    }
    throw fail(error, `reading database '${name}'`);
  }
  return database;
}

async function openContainer(
  database: Database,
  name: ContainerName,
  create: boolean,
  endpoint: string,
  fail: Fail,
): Promise<Container> {
  const { id, partitionKeyPath, defaultTtlSeconds, compositeIndexes }: ContainerSpec =
    CONTAINERS[name];
  let definition: ContainerDefinition | undefined;
  try {
    definition = create
      ? (
          await database.containers.createIfNotExists({
            id,
            partitionKey: { paths: [partitionKeyPath] },
            ...(defaultTtlSeconds ? { defaultTtl: defaultTtlSeconds } : {}),
            ...(compositeIndexes
              ? {
                  indexingPolicy: {
                    indexingMode: 'consistent' as const,
                    automatic: true,
                    includedPaths: [{ path: '/*' }],
                    excludedPaths: [{ path: '/"_etag"/?' }],
                    compositeIndexes: compositeIndexes.map((paths) => [...paths]),
                  },
                }
              : {}),
          })
        ).resource
      : (await database.container(id).read()).resource;
  } catch (error) {
    if (cosmosStatus(error) === 404) {
      throw new Error(
        `Cosmos DB container '${id}' does not exist in database '${database.id}' at ${endpoint}. ` +
          `Deploy it (partition key ${partitionKeyPath}) with the Bicep in deployment/; under ` +
          'Entra ID the bot cannot create containers.',
        { cause: error },
      );
    }
    throw fail(error, `${create ? 'creating' : 'reading'} container '${id}'`);
  }
  const actual = definition?.partitionKey?.paths?.[0];
  if (actual !== undefined && actual !== partitionKeyPath) {
    throw new Error(
      `Cosmos DB container '${id}' in database '${database.id}' at ${endpoint} is partitioned by ` +
        `${actual}, but the bot needs ${partitionKeyPath}. A partition key cannot be changed: ` +
        'create the container anew (or use another COSMOS_DATABASE) and copy the data over.',
    );
  }
  return database.container(id);
}

/**
 * DefaultAzureCredential, loaded at the first token: `@azure/identity` takes time and memory at
 * start that a bot with an account key (or the embedded store) never needs.
 */
class EntraIdCredential implements TokenCredential {
  private credential: Promise<TokenCredential> | undefined;

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    this.credential ??= import('@azure/identity').then(
      ({ DefaultAzureCredential }) => new DefaultAzureCredential(),
    );
    const token = await (await this.credential).getToken(scopes, options);
    if (!token) {
      throw new Error(
        'Entra ID gave no token for Cosmos DB: give the managed identity (or your `az login` ' +
          'account) the Cosmos DB data-plane role, or set COSMOS_KEY.',
      );
    }
    return token;
  }
}
