// A tiny restify app with one register route behind the authenticator, configured from the
// environment as the bot is (readConfig), in a process of its own: restify patches Node's
// http.ServerResponse for the whole process (writeHead no longer returns the response), which
// would change the other tests' plain HTTP servers. Prints {"port": N} once it listens.
import pino from 'pino';
import restify from 'restify';
import { readConfig } from '../../../src/config';
import {
  registerAuthenticator,
  RegisterAuthError,
  REGISTER_UNAUTHORIZED_BODY,
} from '../../../src/register/registerAuth';

const config = readConfig(process.env);
const logger = pino({ level: 'info' }, process.stderr);
const authenticate = registerAuthenticator({
  clientId: config.register.clientId,
  botAppId: config.bot?.appId,
  openIdMetadataUrl: config.register.openIdMetadataUrl,
  allowedTenantIds: config.allowedTenantIds,
  logger,
});

const server = restify.createServer();
server.get('/register/api/reports', async (req, res) => {
  try {
    const viewer = await authenticate(req.header('authorization') || undefined);
    res.send(200, { viewer });
  } catch (error) {
    if (!(error instanceof RegisterAuthError)) {
      res.send(503, { error: 'unavailable' });
      return;
    }
    res.send(401, REGISTER_UNAUTHORIZED_BODY);
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`,
  );
});
