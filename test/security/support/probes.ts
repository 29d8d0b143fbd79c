// What the security tests look at from outside the bot: every document in its Cosmos DB
// database, a bot process that is expected to refuse to start, and raw HTTP requests.
import { request } from 'node:http';
import { CosmosClient, type Database, type ItemDefinition } from '@azure/cosmos';
import { configVariableNames } from '../../../src/config';
import { ManagedProcess, type CosmosServer, type ExitInfo } from '../../support/processes';

/** A stored document and the container it is in. */
export interface StoredDocument {
  container: string;
  document: ItemDefinition;
}

/** Reads the bot's database directly, as the test's own Cosmos DB client. */
export class StoreProbe {
  private readonly client: CosmosClient;
  private readonly database: Database;

  constructor(cosmos: CosmosServer, databaseName: string) {
    this.client = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    this.database = this.client.database(databaseName);
  }

  /** Every document in every container of the database. */
  async all(): Promise<StoredDocument[]> {
    const { resources: containers } = await this.database.containers.readAll().fetchAll();
    const found: StoredDocument[] = [];
    for (const { id } of containers) {
      const { resources } = await this.database.container(id).items.readAll().fetchAll();
      for (const document of resources) found.push({ container: id, document });
    }
    return found;
  }

  /** The documents, in any container, whose JSON contains any of `needles` (ids, names). */
  async mentioning(...needles: string[]): Promise<StoredDocument[]> {
    return (await this.all()).filter(({ document }) => {
      const json = JSON.stringify(document);
      return needles.some((needle) => json.includes(needle));
    });
  }

  /** The reports stored for a traveller (Entra object id). */
  async reportsOf(travellerId: string): Promise<ItemDefinition[]> {
    const { resources } = await this.database.container('reports').items.readAll().fetchAll();
    return resources.filter((r) => (r as { travellerId?: string }).travellerId === travellerId);
  }

  /** The bot state documents whose storage key names the conversation. */
  async statesOf(conversationId: string): Promise<ItemDefinition[]> {
    const { resources } = await this.database.container('state').items.readAll().fetchAll();
    return resources.filter((s) => String((s as { key?: string }).key).includes(conversationId));
  }

  /** The report channels stored for a tenant. */
  async channelsOf(tenantId: string): Promise<ItemDefinition[]> {
    const { resources } = await this.database.container('channels').items.readAll().fetchAll();
    return resources.filter((c) => (c as { tenantId?: string }).tenantId === tenantId);
  }

  dispose(): void {
    this.client.dispose();
  }
}

/** Describes stored documents for an assertion message. */
export function describeDocuments(found: StoredDocument[]): string {
  return found.map(({ container, document }) => `${container}/${document.id}`).join(', ');
}

/** The environment `node dist/index.js` gets: the test runner's, without any bot setting. */
export function cleanBotEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env };
  for (const name of configVariableNames) delete result[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}

/**
 * Runs `node dist/index.js` with `env` (on top of a clean environment) and waits for it to exit;
 * fails with its output when it is still running after `timeoutMs` (it is killed then).
 */
export async function runUntilExit(
  env: Record<string, string | undefined>,
  timeoutMs = 15_000,
): Promise<ExitInfo & { output: string }> {
  const proc = new ManagedProcess('bot', ['dist/index.js'], cleanBotEnv(env));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([proc.exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    await proc.kill('SIGKILL');
    throw new Error(
      `the bot was still running after ${timeoutMs} ms; it should have refused to start\n${proc.output()}`,
    );
  }
  return { ...result, output: proc.output() };
}

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number;
  body: string;
}

/** POSTs `body` as is, with `contentType` (none when undefined), and reads the answer. */
export async function postRaw(
  url: string,
  body: string | Buffer,
  contentType: string | undefined,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...headers },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: await res.text() };
}

/** POSTs `body` in 16 KB chunks with `Transfer-Encoding: chunked` (no Content-Length). */
export async function postChunked(url: string, body: string, contentType: string) {
  return new Promise<RawAnswer>((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': contentType, 'transfer-encoding': 'chunked' },
        timeout: 30_000,
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    // A server that refuses early may close the connection while the body is still going out.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.slice(at, at + 16 * 1024));
    req.end();
  });
}
