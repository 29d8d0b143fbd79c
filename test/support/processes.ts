// Child processes for the HTTP end-to-end tests: the Cosmos DB-compatible server and the bot
// (`node dist/index.js`), with captured output; every child is killed when mocha exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { configVariableNames } from '../../src/config';

/** The project root (where package.json, dist/ and node_modules/ are). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** The well-known Cosmos DB emulator key; the compatible server accepts any key. */
export const COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const MAX_OUTPUT_CHARS = 256 * 1024;

/** How a child process ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Anything that can explain itself after a failed test. */
export interface Diagnosable {
  readonly name: string;
  output(): string;
}

const live = new Set<ManagedProcess>();

/** A free TCP port on 127.0.0.1 (bound once, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  await new Promise<void>((ok) => server.close(() => ok()));
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

/** A child process whose stdout and stderr are kept (the last 256 KB) for diagnostics. */
export class ManagedProcess implements Diagnosable {
  /** Resolves when the child has exited. */
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private text = '';
  private exitInfo: ExitInfo | undefined;

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    // Never keep mocha alive: a forgotten child is killed by the exit handler below.
    this.child.unref();
    for (const stream of [this.child.stdout, this.child.stderr]) (stream as Socket | null)?.unref();
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.append(chunk));
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.append(chunk));
    this.exited = new Promise((resolveExit) => {
      const done = (info: ExitInfo) => {
        if (this.exitInfo) return;
        this.exitInfo = info;
        live.delete(this);
        resolveExit(info);
      };
      this.child.once('exit', (code, signal) => done({ code, signal }));
      this.child.once('error', (err) => {
        this.append(`\n[spawn error] ${err.message}\n`);
        done({ code: null, signal: null });
      });
    });
  }

  /** The child's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** How it ended, or undefined while it runs. */
  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** Everything it wrote to stdout and stderr (interleaved, tail only). */
  output(): string {
    return this.text;
  }

  /** Sends `signal`; unless it is SIGKILL, escalates to SIGKILL after `graceMs`. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<ExitInfo> {
    if (this.exitInfo) return this.exitInfo;
    this.child.kill(signal);
    if (signal === 'SIGKILL') return this.exited;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills with SIGKILL without waiting (for process exit handlers). */
  killNow(): void {
    if (!this.exitInfo) this.child.kill('SIGKILL');
  }

  /** Resolves when the output contains `text`; rejects on exit or after `timeoutMs`. */
  async waitForOutput(text: string, timeoutMs: number): Promise<void> {
    await until(
      () => this.text.includes(text),
      this,
      timeoutMs,
      `${this.name} did not print "${text}"`,
    );
  }

  private append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > MAX_OUTPUT_CHARS) this.text = this.text.slice(-MAX_OUTPUT_CHARS);
  }
}

/** Polls `check` every 100 ms until true; fails with the process's output on exit or timeout. */
async function until(
  check: () => boolean | Promise<boolean>,
  proc: ManagedProcess,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const explain = () => (typeof what === 'string' ? what : what());
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (proc.exit) {
      const { code, signal } = proc.exit;
      throw new Error(
        `${explain()}: it exited (code ${code}, signal ${signal})\n${describe(proc)}`,
      );
    }
    if (Date.now() >= deadline) {
      await proc.kill('SIGKILL');
      throw new Error(`${explain()} within ${timeoutMs} ms\n${describe(proc)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function describe(source: Diagnosable): string {
  const out = source.output().trimEnd();
  return `--- ${source.name} output ---\n${out || '(no output)'}\n--- end of ${source.name} ---`;
}

/** A running `@vercel/cosmosdb-server` (in memory; its data lives as long as the process). */
export interface CosmosServer extends Diagnosable {
  readonly endpoint: string;
  readonly key: string;
  readonly port: number;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts the Cosmos DB-compatible server over plain HTTP on 127.0.0.1 in its own process. */
export async function startCosmosServer(
  options: { readyTimeoutMs?: number } = {},
): Promise<CosmosServer> {
  const port = await freePort();
  const cli = join(PROJECT_ROOT, 'node_modules', '@vercel', 'cosmosdb-server', 'lib', 'cli.js');
  const proc = new ManagedProcess(
    'cosmosdb-server',
    [cli, '--no-ssl', '--host', '127.0.0.1', '-p', String(port)],
    { ...process.env },
  );
  await proc.waitForOutput('Ready to accept HTTP connections', options.readyTimeoutMs ?? 15_000);
  return {
    name: proc.name,
    endpoint: `http://127.0.0.1:${port}`,
    key: COSMOS_KEY,
    port,
    process: proc,
    output: () => proc.output(),
    stop: async () => {
      await proc.kill('SIGTERM', 2000);
    },
  };
}

/** Variables the bot (or botbuilder) reads; stripped from the inherited environment. */
const BOT_ENV_KEYS = configVariableNames;

/** How to start the bot; `env` entries set to undefined are removed. */
export interface BotOptions {
  cosmos: { endpoint: string; key: string };
  env?: Record<string, string | undefined>;
  /** Default: a free port. */
  port?: number;
  /** Default: a fresh database name per started bot (kept across restarts). */
  database?: string;
  /** How long to wait for `GET /healthz` to answer 200; default 20 s. */
  readyTimeoutMs?: number;
  /** Script to run, relative to the project root; default `dist/index.js`. */
  entry?: string;
}

let databaseCounter = 0;

/** The bot running as `node dist/index.js`; restartable on the same port and store. */
export class BotProcess implements Diagnosable {
  readonly name = 'bot';
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  private current: ManagedProcess;
  private readonly earlierOutput: string[] = [];

  private constructor(
    readonly port: number,
    env: NodeJS.ProcessEnv,
    private readonly entry: string,
    private readonly readyTimeoutMs: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.env = env;
    this.current = new ManagedProcess('bot', [entry], env);
  }

  /** Starts the bot and waits until `GET /healthz` answers 200. */
  static async start(options: BotOptions): Promise<BotProcess> {
    const entry = options.entry ?? join('dist', 'index.js');
    if (!existsSync(resolve(PROJECT_ROOT, entry))) {
      throw new Error(`${entry} does not exist: run \`npm run build\` first`);
    }
    const port = options.port ?? (await freePort());
    databaseCounter += 1;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of BOT_ENV_KEYS) delete env[key];
    Object.assign(env, {
      PORT: String(port),
      COSMOS_ENDPOINT: options.cosmos.endpoint,
      COSMOS_KEY: options.cosmos.key,
      COSMOS_DATABASE: options.database ?? `e2e-${process.pid}-${databaseCounter}`,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      LOG_LEVEL: 'warn',
    });
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const bot = new BotProcess(port, env, entry, options.readyTimeoutMs ?? 20_000);
    await bot.waitHealthy();
    return bot;
  }

  /** `http://127.0.0.1:<port>/api/messages` */
  get messagesUrl(): string {
    return `${this.url}/api/messages`;
  }

  /** The current child process. */
  get process(): ManagedProcess {
    return this.current;
  }

  /** Output of this run, preceded by that of earlier runs (before restarts). */
  output(): string {
    return [...this.earlierOutput, this.current.output()].join('\n--- restarted ---\n');
  }

  /**
   * The output since `start` (an earlier `output().length`) once it contains `text`: the bot's
   * log reaches this process through a pipe, often after the HTTP answer of the same turn.
   */
  async outputSince(start: number, text: string, timeoutMs = 10_000): Promise<string> {
    await until(
      () => this.output().slice(start).includes(text),
      this.current,
      timeoutMs,
      `bot did not print "${text}"`,
    );
    return this.output().slice(start);
  }

  /** Sends `signal` (SIGKILL included) and waits for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitInfo> {
    return this.current.kill(signal);
  }

  /** Stops the bot (if running) with `signal` and starts it again with the same env and store. */
  async restart(
    options: { signal?: NodeJS.Signals; env?: Record<string, string | undefined> } = {},
  ): Promise<void> {
    await this.current.kill(options.signal ?? 'SIGTERM');
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete this.env[key];
      else this.env[key] = value;
    }
    this.earlierOutput.push(this.current.output());
    this.current = new ManagedProcess('bot', [this.entry], this.env);
    await this.waitHealthy();
  }

  /** Stops the bot gracefully (SIGKILL after 5 s). */
  async stop(): Promise<void> {
    await this.current.kill('SIGTERM');
  }

  private async waitHealthy(): Promise<void> {
    let last = 'no answer yet';
    await until(
      async () => {
        try {
          const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) });
          await res.arrayBuffer();
          last = `last answer: ${res.status}`;
          return res.status === 200;
        } catch (err) {
          last = `last error: ${(err as Error).cause ?? (err as Error).message}`;
          return false;
        }
      },
      this.current,
      this.readyTimeoutMs,
      () => `bot did not answer 200 on GET /healthz (${last})`,
    );
  }
}

/** Starts the bot (`node dist/index.js`) against `options.cosmos`; see {@link BotProcess.start}. */
export function startBot(options: BotOptions): Promise<BotProcess> {
  return BotProcess.start(options);
}

/** POSTs an activity to the bot's `/api/messages` and returns the HTTP status. */
export async function postActivity(
  botUrl: string,
  activity: object,
  headers: Record<string, string> = {},
): Promise<number> {
  const base = botUrl.replace(/(?<!\/)\/+$/, '').replace(/\/api\/messages$/, '');
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Kills every child the harness started and waits for them (use in a root `after`). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill('SIGTERM', 2000)));
}

/**
 * In `afterEach`: when the test failed, writes each source's output to stderr (tail) and in
 * full to `test-output/e2e/<test title>.log`.
 */
export function reportOnFailure(test: Mocha.Runnable | undefined, ...sources: Diagnosable[]): void {
  if (!test || test.state !== 'failed') return;
  const title = test.fullTitle();
  const full = sources.map(describe).join('\n');
  const dir = join(PROJECT_ROOT, 'test-output', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${title.replace(/[^\w.-]+/g, '_').slice(0, 120)}.log`);
  writeFileSync(file, `${title}\n${full}\n`);
  const tails = sources.map((s) =>
    describe({ name: s.name, output: () => s.output().slice(-4000) }),
  );
  process.stderr.write(`\n[e2e] "${title}" failed; full log: ${file}\n${tails.join('\n')}\n`);
}

function killAllNow(): void {
  for (const proc of live) proc.killNow();
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllNow();
    // Let the default behaviour (or other listeners) follow.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
