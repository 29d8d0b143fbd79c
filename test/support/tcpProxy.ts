import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from './processes';

/** A loopback TCP proxy that can be cut and restored, to make a server unreachable on demand. */
export class TcpProxy {
  readonly port: number;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Added to every answer from the target: a slow network, to catch a turn in flight. */
  delayMs = 0;

  private constructor(
    port: number,
    private readonly targetPort: number,
  ) {
    this.port = port;
  }

  /** A proxy on a free port to `targetPort`, listening. */
  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(await freePort(), targetPort);
    await proxy.restore();
    return proxy;
  }

  /** Refuses new connections and drops the open ones, as an outage does. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  /** Accepts connections again, on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream);
      // The answer goes back `delayMs` late, its end too, so nothing is cut off by the delay.
      const later = (work: () => void) =>
        this.delayMs === 0 ? work() : setTimeout(work, this.delayMs);
      upstream.on('data', (chunk: Buffer) => later(() => client.writable && client.write(chunk)));
      upstream.on('close', () => later(() => client.end()));
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => done());
    });
    this.server = server;
  }
}
