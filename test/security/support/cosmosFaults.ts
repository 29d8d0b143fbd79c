// An HTTP proxy in front of the Cosmos DB-compatible server that passes everything through
// unless told to fail the writes of report documents: a turn then fails in the middle, after
// its dialog state was read, where a cut TCP connection would fail it at the very start. It can
// also hold report writes back until several have arrived, to race them against each other.
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Diagnosable } from '../../support/processes';

export class CosmosFaults implements Diagnosable {
  readonly name = 'cosmos faults';
  /** Report writes failed so far. */
  failedWrites = 0;
  /** Every report write that reached Cosmos DB, with its answer's status. */
  readonly writes: { method: string; path: string; status: number }[] = [];
  private server: Server | undefined;
  private failing: number | undefined;
  private remaining: number | undefined;
  private retryAfterMs = 0;
  private readonly log: string[] = [];
  private holdFor = 0;
  private readonly held: (() => void)[] = [];
  private holdTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly target: URL) {}

  /** A pass-through proxy to `endpoint` on a free loopback port, listening. */
  static async start(endpoint: string): Promise<CosmosFaults> {
    const faults = new CosmosFaults(new URL(endpoint));
    const server = createServer((req, res) => {
      faults.handle(req, res).catch((error: unknown) => {
        res.writeHead(502);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    faults.server = server;
    return faults;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers every write (PUT, POST) of a report document with `status` until `passWrites`. */
  failReportWrites(status = 500): void {
    this.failing = status;
  }

  passWrites(): void {
    this.failing = undefined;
    this.remaining = undefined;
  }

  /** Answers the next `count` report writes with 429 (throttled), as Cosmos DB does when busy. */
  throttleNextReportWrites(count: number, retryAfterMs = 50): void {
    this.failing = 429;
    this.remaining = count;
    this.retryAfterMs = retryAfterMs;
  }

  /** Holds the next `count` report writes until all have arrived (at most `timeoutMs`). */
  holdNextReportWrites(count: number, timeoutMs = 5000): void {
    this.holdFor = count;
    this.holdTimer = setTimeout(() => this.releaseHeld(), timeoutMs);
  }

  output(): string {
    return this.log.join('\n');
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    // Queries are POSTs to the same path too, marked as queries.
    const isQuery = String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true';
    const isReportWrite =
      (req.method === 'PUT' || req.method === 'POST' || req.method === 'PATCH') &&
      !isQuery &&
      /\/colls\/reports\/docs/.test(path);
    if (isReportWrite && this.failing !== undefined) {
      this.failedWrites += 1;
      this.log.push(`${req.method} ${path} -> ${this.failing} (injected)`);
      const status = this.failing;
      if (this.remaining !== undefined && --this.remaining <= 0) this.passWrites();
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(status === 429 ? { 'x-ms-retry-after-ms': String(this.retryAfterMs) } : {}),
      });
      res.end(
        JSON.stringify({
          code: status === 429 ? 'TooManyRequests' : 'InternalServerError',
          message: 'Injected fault.',
        }),
      );
      return;
    }
    if (isReportWrite && this.holdFor > 0) {
      await new Promise<void>((resolve) => {
        this.held.push(resolve);
        if (this.held.length >= this.holdFor) this.releaseHeld();
      });
    }
    await new Promise<void>((resolve, reject) => {
      const upstream = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path,
          headers: { ...req.headers, host: this.target.host },
        },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (isReportWrite) {
            this.writes.push({ method: req.method ?? '', path, status });
            this.log.push(`${req.method} ${path} -> ${status}`);
          }
          res.writeHead(status, answer.headers);
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(Buffer.concat(chunks));
    });
  }

  private releaseHeld(): void {
    clearTimeout(this.holdTimer);
    this.holdFor = 0;
    for (const release of this.held.splice(0)) release();
  }
}
