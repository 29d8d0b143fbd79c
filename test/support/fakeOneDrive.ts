// OneDrive as a bot sees it in Teams' file consent flow: an upload URL that takes one PUT of the
// file. Records every upload; can refuse the next one, as an expired upload session would, or
// answer it with a redirect elsewhere, as a hostile upload URL would.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Diagnosable } from './processes';

/** One PUT the bot made to an upload URL. */
export interface Upload {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A loopback stand-in for the OneDrive upload sessions Teams hands out on consent. */
export class FakeOneDrive implements Diagnosable {
  readonly name = 'fake OneDrive';
  readonly uploads: Upload[] = [];
  private server: Server | undefined;
  private port = 0;
  private refuseNext: number | undefined;
  private redirectNext: { status: number; location: string } | undefined;
  private delayMs = 0;
  private waiting = 0;
  /** Every request that reached this server, uploads or not. */
  readonly requests: { method: string; path: string; bytes: number; status: number }[] = [];

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (this.delayMs === 0) {
          this.answer(req, res, chunks);
          return;
        }
        this.waiting += 1;
        setTimeout(() => {
          this.waiting -= 1;
          this.answer(req, res, chunks);
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Answers every upload only after `ms`, as a slow OneDrive would; 0 answers at once. */
  answerAfter(ms: number): void {
    this.delayMs = ms;
  }

  /** How many uploads are waiting for their (slow) answer right now. */
  get uploadsInFlight(): number {
    return this.waiting;
  }

  /** Takes (or refuses, or redirects) one upload, as told. */
  private answer(req: IncomingMessage, res: ServerResponse, chunks: Buffer[]): void {
    const body = Buffer.concat(chunks);
    const request = { method: req.method ?? '', path: req.url ?? '/', bytes: body.length };
    this.requests.push({ ...request, status: 201 });
    const answered = this.requests.at(-1)!;
    if (this.redirectNext !== undefined) {
      const { status, location } = this.redirectNext;
      this.redirectNext = undefined;
      answered.status = status;
      res.writeHead(status, { location }).end();
      return;
    }
    if (this.refuseNext !== undefined) {
      answered.status = this.refuseNext;
      res.writeHead(this.refuseNext).end();
      this.refuseNext = undefined;
      return;
    }
    this.uploads.push({
      path: req.url ?? '/',
      headers: req.headers,
      body,
    });
    res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"uploaded"}');
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the next upload with `status` instead of taking it. */
  refuseNextUpload(status: number): void {
    this.refuseNext = status;
  }

  /** Answers the next upload with a redirect (`status`, e.g. 303 or 307) to `location`. */
  redirectNextUpload(status: number, location: string): void {
    this.redirectNext = { status, location };
  }

  /** The base URL of this server, e.g. to redirect another one here. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The `uploadInfo` Teams sends with an accept, for a file of this name. */
  uploadInfo(fileName: string): Record<string, string> {
    const uniqueId = randomUUID();
    return {
      contentUrl: `https://contoso-my.sharepoint.com/personal/u/Documents/Applications/Reisverslag/${fileName}`,
      name: fileName,
      uploadUrl: `${this.url}/upload/${uniqueId}`,
      uniqueId,
      fileType: 'docx',
    };
  }

  output(): string {
    return this.requests
      .map((r) => `${r.method} ${r.path} ${r.bytes} bytes -> ${r.status}`)
      .join('\n');
  }
}
