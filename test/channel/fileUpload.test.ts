// Where a Word file may go: the checks on the upload URL Teams hands over with a file consent,
// played against real HTTP servers on loopback (what each server received is what counts).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  allowedUploadUrl,
  MAX_UPLOAD_RESPONSE_BYTES,
  uploadToOneDrive,
  uploadPolicyOf,
  UploadUrlRefusedError,
  type UploadPolicy,
} from '../../src/channel/fileUpload';
import { readConfig } from '../../src/config';

const anonymous: UploadPolicy = { hostSuffixes: ['.sharepoint.com'], allowLoopbackHttp: true };
const production: UploadPolicy = { hostSuffixes: ['.sharepoint.com'], allowLoopbackHttp: false };
const file = Buffer.from('PK\u0003\u0004 a Word file');

/** A loopback HTTP server that records the requests it got and answers with `handler`. */
class Recorder {
  readonly requests: { method: string; path: string; bytes: number }[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly handler: (req: IncomingMessage, res: ServerResponse) => void) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', bytes });
        this.handler(req, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

describe('file upload: where a Word file may go', () => {
  const servers: Recorder[] = [];
  async function server(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const started = await new Recorder(handler).start();
    servers.push(started);
    return started;
  }
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('allows https only to hosts ending in UPLOAD_HOST_SUFFIXES, matched as a domain suffix', () => {
    const ok = 'https://contoso-my.sharepoint.com/personal/u/_api/v2.0/drive/upload?x=1';
    assert.equal(allowedUploadUrl(ok, production).hostname, 'contoso-my.sharepoint.com');
    assert.equal(
      allowedUploadUrl('https://CONTOSO-MY.SharePoint.com/u', production).hostname,
      'contoso-my.sharepoint.com',
    );
    for (const url of [
      'https://evil.example/upload',
      'https://evilsharepoint.com/upload',
      'https://sharepoint.com/upload',
      'https://contoso-my.sharepoint.com.evil.example/upload',
      'https://contoso-my.sharepoint.com@evil.example/upload',
      'ftp://contoso-my.sharepoint.com/upload',
    ]) {
      assert.throws(() => allowedUploadUrl(url, production), UploadUrlRefusedError, url);
    }
    const sovereign: UploadPolicy = { hostSuffixes: ['.sharepoint.us'], allowLoopbackHttp: false };
    assert.ok(allowedUploadUrl('https://agency-my.sharepoint.us/u', sovereign));
    assert.throws(() => allowedUploadUrl(ok, sovereign), /add its domain to UPLOAD_HOST_SUFFIXES/);
  });

  it('takes the policy from the configuration: http to loopback only without an app id', () => {
    assert.deepEqual(uploadPolicyOf(readConfig({})), anonymous);
    assert.deepEqual(
      uploadPolicyOf(
        readConfig({
          MicrosoftAppId: 'a1b2',
          MicrosoftAppPassword: 'secret',
          UPLOAD_HOST_SUFFIXES: '.sharepoint.us',
        }),
      ),
      { hostSuffixes: ['.sharepoint.us'], allowLoopbackHttp: false },
    );
  });

  it('sends plain http only to loopback and only in local anonymous mode', async () => {
    const oneDrive = await server((_req, res) => res.writeHead(201).end('{}'));
    await assert.rejects(
      uploadToOneDrive(`${oneDrive.url}/upload/1`, file, production),
      /plain http is allowed only on loopback, in local anonymous mode/,
    );
    assert.equal(oneDrive.requests.length, 0, 'nothing sent with an app id');
    assert.throws(
      () => allowedUploadUrl('http://contoso-my.sharepoint.com/upload', anonymous),
      UploadUrlRefusedError,
    );
    await uploadToOneDrive(`${oneDrive.url}/upload/2`, file, anonymous);
    assert.deepEqual(oneDrive.requests, [{ method: 'PUT', path: '/upload/2', bytes: file.length }]);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`refuses a ${status} redirect: the server it points at receives nothing`, async () => {
      const elsewhere = await server((_req, res) => res.writeHead(201).end('{}'));
      const redirecting = await server((_req, res) =>
        res.writeHead(status, { location: `${elsewhere.url}/stolen` }).end(),
      );
      await assert.rejects(
        uploadToOneDrive(`${redirecting.url}/upload`, file, anonymous),
        /answered with a redirect, which is not followed/,
      );
      assert.equal(redirecting.requests.length, 1);
      assert.deepEqual(elsewhere.requests, [], 'the redirect target got nothing');
    });
  }

  it('reads at most 64 KB of the answer, even when the server would send without end', async () => {
    // 8 KB every 10 ms, without end: what was written when the bot let go is about what it read.
    let sent = 0;
    let clientClosed = false;
    const endless = await server((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(8 * 1024, 'x');
      const timer = setInterval(() => {
        sent += chunk.length;
        res.write(chunk);
      }, 10);
      res.on('close', () => {
        clientClosed = true;
        clearInterval(timer);
      });
    });
    await uploadToOneDrive(`${endless.url}/upload`, file, anonymous);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(clientClosed, 'the bot stopped reading and let the connection go');
    assert.ok(sent >= MAX_UPLOAD_RESPONSE_BYTES, `it read the first 64 KB (${sent} bytes sent)`);
    assert.ok(sent < 4 * MAX_UPLOAD_RESPONSE_BYTES, `${sent} bytes were sent before it let go`);
  });

  it('says which status OneDrive answered when it refuses the upload', async () => {
    const refusing = await server((_req, res) => res.writeHead(410).end('gone'));
    await assert.rejects(
      uploadToOneDrive(`${refusing.url}/upload`, file, anonymous),
      /OneDrive answered 410/,
    );
  });
});
