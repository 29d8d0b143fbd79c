import * as restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReisverslagBot } from './bot';

/** Largest request body accepted on /api/messages; Teams' activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/** What the HTTP server serves: Teams' messages, and a health check on the store. */
export interface ServerParts {
  adapter: CloudAdapter;
  bot: ReisverslagBot;
  /** Resolves when the store answers; rejects when it does not. */
  checkHealth: () => Promise<void>;
  log: Logger;
}

/** The restify server with `POST /api/messages` and `GET /healthz`. */
export function createServer({ adapter, bot, checkHealth, log }: ServerParts): restify.Server {
  const server = restify.createServer({ name: 'reisverslag', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await checkHealth();
      res.send(200, { status: 'ok' });
    } catch (error) {
      log.warn({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable', reason: 'the store does not answer' });
    }
  });
  return server;
}
