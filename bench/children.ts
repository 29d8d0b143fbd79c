// The bench's child processes (Cosmos DB–compatible server, fake connector, the bot, the floor),
// what /proc says about them, and a small keep-alive HTTP client for the load driver.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The project root (package.json, dist/, node_modules/). */
export const PROJECT_ROOT = resolve(__dirname, '..');

const MAX_OUTPUT_CHARS = 64 * 1024;
const live = new Set<Child>();

/** A child `node` process whose output is kept (its tail) for diagnostics. */
export class Child {
  readonly process: ChildProcess;
  readonly spawnedAt: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private text = '';
  private done = false;
  private readonly lineWaiters: ((line: string) => boolean)[] = [];
  /** The first stdout lines, for waiters that come after the line. */
  private readonly firstLines: string[] = [];
  private partial = '';

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    /** A file that receives all of its output, besides the tail kept here. */
    logFile?: string,
  ) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    if (logFile) {
      const log = createWriteStream(logFile);
      this.process.stdout?.pipe(log, { end: false });
      this.process.stderr?.pipe(log, { end: false });
      this.process.once('exit', () => log.end());
    }
    this.process.stdout
      ?.setEncoding('utf8')
      .on('data', (chunk: string) => this.append(chunk, true));
    this.process.stderr
      ?.setEncoding('utf8')
      .on('data', (chunk: string) => this.append(chunk, false));
    this.exited = new Promise((resolveExit) => {
      this.process.once('exit', (code, signal) => {
        this.done = true;
        live.delete(this);
        resolveExit({ code, signal });
      });
      this.process.once('error', (error) => {
        this.append(`[spawn error] ${error.message}\n`, false);
        this.done = true;
        live.delete(this);
        resolveExit({ code: null, signal: null });
      });
    });
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error(`${this.name} has no process id`);
    return this.process.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  /** The tail of what it wrote to stdout and stderr. */
  output(): string {
    return this.text;
  }

  /** Resolves with the first stdout line `match` accepts; rejects on exit or after `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string> {
    const earlier = this.firstLines.find(match);
    if (earlier !== undefined) return Promise.resolve(earlier);
    return new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `${this.name} printed no ready line within ${timeoutMs} ms\n${this.describe()}`,
          ),
        );
      }, timeoutMs);
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(`${this.name} exited (code ${code}, signal ${signal})\n${this.describe()}`),
        );
      });
      this.lineWaiters.push((line) => {
        if (!match(line)) return false;
        clearTimeout(timer);
        resolveLine(line);
        return true;
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.done) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  describe(): string {
    return `--- ${this.name} output (tail) ---\n${this.text.slice(-4000) || '(none)'}\n--- end ---`;
  }

  private append(chunk: string, stdout: boolean): void {
    this.text += chunk;
    if (this.text.length > MAX_OUTPUT_CHARS) this.text = this.text.slice(-MAX_OUTPUT_CHARS);
    if (!stdout || this.firstLines.length >= 100) return;
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (this.firstLines.length < 100) this.firstLines.push(line);
      const index = this.lineWaiters.findIndex((waiter) => waiter(line));
      if (index >= 0) this.lineWaiters.splice(index, 1);
    }
  }
}

/** Kills every child still running (the bench failed or was interrupted). */
export function killAll(): void {
  for (const child of live) child.process.kill('SIGKILL');
}
process.once('exit', killAll);

/** A free TCP port on 127.0.0.1. */
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

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** What Linux says about a process: its peak and current resident memory, and its CPU time. */
export interface ProcessStatus {
  /** VmHWM: the peak resident set size so far, bytes. */
  peakRssBytes: number;
  /** VmRSS: the resident set size now, bytes. */
  rssBytes: number;
  /** User plus system CPU time so far, ms. */
  cpuMs: number;
}

/** Reads /proc/<pid>/status and /proc/<pid>/stat (Linux only). */
export function processStatus(pid: number): ProcessStatus {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  // The command name in parentheses may hold spaces; the fields after it are positional.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return {
    peakRssBytes: kb('VmHWM'),
    rssBytes: kb('VmRSS'),
    cpuMs: (ticks * 1000) / CLOCK_TICKS,
  };
}

/** Keep-alive connections for the load: one per concurrent traveller and target, all kept. */
const agent = new Agent({
  keepAlive: true,
  maxSockets: Infinity,
  maxFreeSockets: 100_000,
  keepAliveMsecs: 30_000,
});

/**
 * Opens `count` keep-alive connections to `baseUrl` (a GET of `path` each, at once) so that the
 * next requests find them open. A Node server whose event loop is saturated serves requests on
 * open connections long before it gets to new ones: without this, the first turns of a round
 * wait for seconds behind the turns of travellers who are already under way.
 */
export async function openConnections(baseUrl: string, path: string, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => httpRequest(`${baseUrl}${path}`)));
}

/** An HTTP answer: status and body text. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * One HTTP request over the keep-alive agent; rejects after `timeoutMs`. A request that finds its
 * kept-alive connection closed by the server (idle longer than the server's keep-alive timeout,
 * 5 s in Node) never reached the server, and is sent again once, as Node's documentation advises.
 */
export async function httpRequest(
  url: string,
  options: {
    method?: string;
    body?: string;
    timeoutMs?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  try {
    return await httpRequestOnce(url, options);
  } catch (error) {
    if ((error as { reusedSocketReset?: boolean }).reusedSocketReset) {
      return httpRequestOnce(url, options);
    }
    throw error;
  }
}

function httpRequestOnce(
  url: string,
  options: { method?: string; body?: string; timeoutMs?: number; headers?: Record<string, string> },
): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const body = options.body;
    const req = request(
      url,
      {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        agent,
        headers: {
          ...options.headers,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolveAnswer({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} in time`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && error.code === 'ECONNRESET') {
        Object.assign(error, { reusedSocketReset: true });
      }
      reject(error);
    });
    req.end(body);
  });
}

/** GETs JSON. */
export async function getJson<T>(url: string): Promise<T> {
  const answer = await httpRequest(url);
  if (answer.status !== 200)
    throw new Error(`GET ${url} answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as T;
}

/**
 * Polls `GET <url>/healthz` every `intervalMs` until it answers 200; resolves with the ms since
 * `child` was spawned.
 */
export async function waitHealthy(
  child: Child,
  baseUrl: string,
  timeoutMs = 30_000,
  intervalMs = 10,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last: string;
  for (;;) {
    if (!child.running)
      throw new Error(`${child.name} exited before it was healthy\n${child.describe()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - child.spawnedAt;
      last = `last answer ${res.status}`;
    } catch (error) {
      last = `last error: ${String((error as Error).cause ?? (error as Error).message)}`;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `${child.name} was not healthy within ${timeoutMs} ms (${last})\n${child.describe()}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
