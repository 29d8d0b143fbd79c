// The floor the interview is held against: the least a bot on the same stack can do in a turn.
// CloudAdapter (anonymous, as the bench runs the real bot), restify with a JSON body parser, and
// botbuilder's ConversationState on the bot's own Cosmos DB Storage (src/store), so one state read
// and one state write a turn; every message is answered with the same question-sized card.
//
// Environment: PORT; COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE (without an endpoint: the
// embedded in-memory server, as the bot does). GET /healthz answers 200 once the store is ready.
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MessageFactory,
} from 'botbuilder';
import * as restify from 'restify';
import { connectCosmos } from '../src/store/cosmos';
import { CosmosStateStorage } from '../src/store/cosmosStateStorage';
import { startEmbeddedCosmos } from '../src/store/embeddedCosmos';
import { FLOOR_CARD } from './floorCard';

async function main(): Promise<void> {
  const endpoint = process.env.COSMOS_ENDPOINT;
  const embedded = endpoint ? undefined : await startEmbeddedCosmos();
  const database = connectCosmos({
    endpoint: embedded?.endpoint ?? (endpoint as string),
    key: embedded?.key ?? process.env.COSMOS_KEY ?? '',
    databaseName: process.env.COSMOS_DATABASE ?? 'bench-floor',
    createIfMissing: true,
  });
  let ready = false;
  const preparing = database.prepare().then(() => {
    ready = true;
  });

  const conversationState = new ConversationState(new CosmosStateStorage(database.state));
  const turns = conversationState.createProperty<number>('turns');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_context, error) => {
    process.stderr.write(`floor turn failed: ${error.stack ?? String(error)}\n`);
  };

  const server = restify.createServer({ name: 'floor', handleUncaughtExceptions: false });
  server.post(
    '/api/messages',
    restify.plugins.bodyReader({ maxBodySize: 256 * 1024 }),
    restify.plugins.jsonBodyParser({ mapParams: false }),
    async (req, res) => {
      await adapter.process(req, res, async (context) => {
        // One state read (the first get loads it) and one write (saveChanges) a turn.
        const count = await turns.get(context, 0);
        if (context.activity.type === 'message') {
          await turns.set(context, count + 1);
          await context.sendActivity(
            MessageFactory.attachment(CardFactory.adaptiveCard(FLOOR_CARD)),
          );
        }
        await conversationState.saveChanges(context);
      });
    },
  );
  server.get('/healthz', async (_req, res) => {
    if (!ready) {
      res.send(503, { status: 'unavailable' });
      return;
    }
    try {
      await database.ping();
      res.send(200, { status: 'ok' });
    } catch {
      res.send(503, { status: 'unavailable' });
    }
  });
  server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
  await preparing;

  process.once('SIGTERM', () => {
    server.close(() => {
      database.dispose();
      void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`floor bot could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
