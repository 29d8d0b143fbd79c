import * as restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ReisverslagBot } from './bot';
import { mountRegister, type RegisterRoutesOptions } from './register/registerRoutes';

/** Largest request body accepted on /api/messages; Teams' activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/** What every activity from Teams has; anything else is refused before botbuilder sees it. */
const activityShape = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    from: z.object({ id: z.string().min(1), name: z.string().nullish() }).loose(),
    recipient: z.object({ id: z.string(), name: z.string().nullish() }).loose().optional(),
    conversation: z
      .object({
        id: z.string().min(1),
        conversationType: z.string().nullish(),
        tenantId: z.string().nullish(),
      })
      .loose(),
    text: z.string().nullish(),
    locale: z.string().nullish(),
    membersAdded: z.array(z.object({ id: z.string() }).loose()).optional(),
  })
  .loose();

/**
 * Refuses a compressed body before it is read. restify's body reader inflates gzip
 * in memory and caps only the compressed bytes, so 80 KB on the wire could grow to hundreds of
 * megabytes before any token is checked. Teams sends activities uncompressed.
 */
const refuseContentEncoding: restify.RequestHandler = (req, res, next) => {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    res.send(415, { error: 'Send the activity uncompressed (no Content-Encoding).' });
    return next(false);
  }
  // restify's reader knows only gzip; identity is no encoding at all.
  delete req.headers['content-encoding'];
  return next();
};

/** What the HTTP server serves: Teams' messages, and a health check on the store. */
export interface ServerParts {
  adapter: CloudAdapter;
  bot: ReisverslagBot;
  /** Resolves when the store answers; rejects when it does not. */
  checkHealth: () => Promise<void>;
  log: Logger;
  /** The register page and its API at /register; absent: not served. */
  register?: RegisterRoutesOptions;
}

/** The restify server with `POST /api/messages`, `GET /healthz` and the register at `/register`. */
export function createServer({
  adapter,
  bot,
  checkHealth,
  log,
  register,
}: ServerParts): restify.Server {
  const server = restify.createServer({ name: 'reisverslag', handleUncaughtExceptions: false });

  server.post(
    '/api/messages',
    refuseContentEncoding,
    // Only JSON, as Teams sends: a form posted from a web page must not drive the bot.
    (req, res, next) => {
      if (!req.is('json')) {
        res.send(415, { error: 'Send the activity as application/json.' });
        return next(false);
      }
      return next();
    },
    restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }),
    restify.plugins.jsonBodyParser({ mapParams: false }),
    async (req, res) => {
      const shape = activityShape.safeParse(req.body);
      if (!shape.success) {
        log.warn({ issues: shape.error.issues.length }, 'request refused: not an activity');
        res.send(400, {
          error:
            'The body is not a Bot Framework activity (type, channelId, serviceUrl, from.id, conversation.id).',
        });
        return;
      }
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );

  server.get('/healthz', async (_req, res) => {
    try {
      await checkHealth();
      res.send(200, { status: 'ok' });
    } catch (error) {
      log.warn({ err: error }, 'health check failed');
      res.send(503, { status: 'unavailable', reason: 'the store does not answer' });
    }
  });
  if (register) mountRegister(server, register);
  return server;
}
