// Who gets in, without an app id: nobody checks tokens then, so the bot must be reachable from
// this machine only (local anonymous mode, said so in its log), must refuse to run that way in
// production, and must refuse a bad configuration instead of starting half right.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  freePort,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { runUntilExit } from './support/probes';

/** A non-loopback address of this machine. */
interface HostAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
}

/** This machine's addresses other machines could reach (IPv6 link-local ones left out). */
function externalAddresses(): HostAddress[] {
  return Object.values(networkInterfaces())
    .flatMap((infos) => infos ?? [])
    .filter((info) => !info.internal && !/^fe80:/i.test(info.address))
    .map((info) => ({ address: info.address, family: info.family }));
}

/** Resolves with 'connected' or the connection error's code, within 3 s. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Skips the running test, with the reason in its title (mocha's skip takes none). */
function skipBecause(context: Mocha.Context, reason: string): never {
  if (context.test) context.test.title += ` (skipped: ${reason})`;
  context.skip();
}

function urlHost({ address, family }: HostAddress): string {
  return family === 'IPv6' ? `[${address}]` : address;
}

/** The pino log records the bot printed (one JSON object a line; other lines skipped). */
function logRecords(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

describe('security: without an app id the bot is for this machine only', function () {
  this.timeout(60_000);
  let cosmos: CosmosServer;
  let bot: BotProcess | undefined;

  before(async () => {
    cosmos = await startCosmosServer();
  });

  afterEach(async function () {
    if (bot) reportOnFailure(this.currentTest, bot, cosmos);
    await bot?.stop();
    bot = undefined;
  });

  after(async () => {
    await cosmos?.stop();
  });

  it('listens on loopback only and says in its log that it runs in local anonymous mode', async function () {
    const addresses = externalAddresses();
    if (addresses.length === 0) {
      skipBecause(this, 'this machine has no network address but loopback');
    }
    bot = await startBot({ cosmos, env: { LOG_LEVEL: 'info' } });

    const announced = logRecords(bot.output()).find(
      (record) => typeof record.msg === 'string' && record.msg.includes('local anonymous mode'),
    );
    assert.ok(announced, `the log says local anonymous mode:\n${bot.output()}`);
    assert.equal(announced.anonymous, true);
    assert.equal(new URL(String(announced.url)).hostname, '127.0.0.1');

    assert.equal(await tryConnect('127.0.0.1', bot.port), 'connected', 'loopback reaches it');
    for (const host of addresses) {
      assert.equal(
        await tryConnect(host.address, bot.port),
        'ECONNREFUSED',
        `a connection to ${host.address}:${bot.port} (${host.family}) is refused`,
      );
    }
  });

  it('with an app id (and NODE_ENV=production) it does serve on the machine’s address', async function () {
    // The control for the test above: the refusal there is the bot's doing, not the network's.
    const ipv4 = externalAddresses().find((host) => host.family === 'IPv4');
    if (!ipv4) {
      // The bot with an app id listens on 0.0.0.0, which IPv6 addresses do not reach.
      skipBecause(this, 'this machine has no IPv4 address but loopback');
    }
    bot = await startBot({
      cosmos,
      env: {
        NODE_ENV: 'production',
        MicrosoftAppId: randomUUID(),
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppPassword: 'not-used-offline',
      },
    });
    const res = await fetch(`http://${urlHost(ipv4)}:${bot.port}/healthz`, {
      signal: AbortSignal.timeout(5000),
    });
    assert.equal(res.status, 200);
  });

  it('refuses to start with NODE_ENV=production and no app id: exit code 1, naming MicrosoftAppId', async () => {
    const { code, output } = await runUntilExit({
      NODE_ENV: 'production',
      MicrosoftAppId: '',
      PORT: String(await freePort()),
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_DATABASE: `security-${process.pid}-production`,
    });
    assert.equal(code, 1, output);
    assert.match(output, /^[ \t]*- MicrosoftAppId: /m, output);
    assert.doesNotMatch(output, /listens/, 'it never listened');
  });

  it('refuses to start in production without COSMOS_ENDPOINT (reports would live in memory): exit code 1, naming it', async () => {
    const { code, output } = await runUntilExit({
      NODE_ENV: 'production',
      MicrosoftAppId: randomUUID(),
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppPassword: 'not-used-offline',
      PORT: String(await freePort()),
      COSMOS_ENDPOINT: '',
    });
    assert.equal(code, 1, output);
    assert.match(output, /^[ \t]*- COSMOS_ENDPOINT: is required when NODE_ENV=production/m, output);
    assert.doesNotMatch(output, /embedded|listens/, 'it never opened a store or listened');
  });

  it('refuses a bot identity botbuilder cannot use with a message naming the variable, not a stack trace', async () => {
    const { code, output } = await runUntilExit({
      MicrosoftAppId: randomUUID(),
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppPassword: 'a-secret-a-managed-identity-has-not',
      PORT: String(await freePort()),
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
    });
    assert.equal(code, 1, output);
    assert.match(output, /^[ \t]*- MicrosoftAppTenantId: /m, output);
    assert.match(output, /^[ \t]*- MicrosoftAppPassword: must be empty/m, output);
    assert.doesNotMatch(output, /^[ \t]+at /m, 'no stack trace');
  });

  it('refuses to start with a bad variable (PORT=abc): exit code 1, naming PORT', async () => {
    const { code, output } = await runUntilExit({
      PORT: 'abc',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_DATABASE: `security-${process.pid}-port`,
    });
    assert.equal(code, 1, output);
    assert.match(output, /^[ \t]*- PORT: /m, output);
    assert.doesNotMatch(output, /listens/, 'it never listened');
  });
});
