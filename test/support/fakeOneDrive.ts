// OneDrive as a bot sees it in Teams' file consent flow: an upload URL that takes one PUT of the
// file. Records every upload; can refuse the next one, as an expired upload session would.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
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

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (this.refuseNext !== undefined) {
          res.writeHead(this.refuseNext).end();
          this.refuseNext = undefined;
          return;
        }
        this.uploads.push({
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"uploaded"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
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

  /** The `uploadInfo` Teams sends with an accept, for a file of this name. */
  uploadInfo(fileName: string): Record<string, string> {
    const uniqueId = randomUUID();
    return {
      contentUrl: `https://contoso-my.sharepoint.com/personal/u/Documents/Applications/Reisverslag/${fileName}`,
      name: fileName,
      uploadUrl: `http://127.0.0.1:${this.port}/upload/${uniqueId}`,
      uniqueId,
      fileType: 'docx',
    };
  }

  output(): string {
    return this.uploads
      .map((upload) => `PUT ${upload.path} ${upload.body.length} bytes`)
      .join('\n');
  }
}
