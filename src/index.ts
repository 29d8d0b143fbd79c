import { randomUUID } from 'node:crypto';
import { ConversationState } from 'botbuilder';
import { createAdapter } from './adapter';
import { ReisverslagBot } from './bot';
import { uploadPolicyOf } from './channel/fileUpload';
import { personalChatOpener } from './channel/personalChat';
import { TeamsChannelPublisher } from './channel/reportPublisher';
import { reminderSender } from './channel/reminderSender';
import { AfterTurnWork } from './turn/afterTurn';
import { ReportSync } from './channel/reportSync';
import { ColleagueNames } from './channel/colleagueNames';
import { SameTripRecorder } from './channel/sameTripRecorder';
import { TeamMembership } from './channel/teamMembership';
import { ConfigError, readConfig } from './config';
import { MainDialog } from './dialogs/mainDialog';
import { createLogger } from './logger';
import { createServer } from './server';
import { ReminderSweep } from './reminders/reminderSweep';
import type { ReminderPolicy } from './reminders/reminderSchedule';
import { loadDefaultCatalogue } from './report/defaultCatalogue';
import { DEFAULT_TIME_ZONE } from './report/zonedTime';
import { openStore } from './store/openStore';
import { registerAuthenticator } from './register/registerAuth';

/** How often channel posts that are behind (Teams was unreachable) are tried again. */
const SYNC_RETRY_MS = 5 * 60 * 1000;

/** How long turns in flight may take to finish at shutdown; a Teams turn times out after 15 s. */
const SHUTDOWN_GRACE_MS = 15_000;

/** Composition root: configuration → store → adapter → bot → HTTP server. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const log = createLogger(config.logLevel);
  const now = () => new Date();
  // The questions, read once from src/report/questions.json and handed to all that use them.
  const catalogue = loadDefaultCatalogue();

  const store = await openStore(config, log);
  const conversationState = new ConversationState(store.stateStorage);
  const adapter = createAdapter(config, log);
  const appId = config.bot?.appId ?? '';
  const publisher = new TeamsChannelPublisher(adapter, appId, now);
  const openPersonalChat = personalChatOpener(adapter, appId);
  // Co-travellers' same-trip records, written after each post and update of a report.
  const sameTripRecorder = new SameTripRecorder(store.sameTrips, log);
  const sync = new ReportSync(store.reports, store.channels, publisher, log, catalogue, {
    openPersonalChat,
    now,
    sameTrips: sameTripRecorder,
  });
  // Posting, channel updates and Word uploads that outlast their turn; awaited at shutdown.
  const afterTurn = new AfterTurnWork(log);
  const reminderPolicy: ReminderPolicy = {
    afterDays: config.reminders.afterDays,
    calendar: { window: config.reminders.window, skipHolidays: config.reminders.skipHolidays },
  };
  const membership = new TeamMembership();
  const mainDialog = new MainDialog({
    catalogue,
    reports: store.reports,
    channels: store.channels,
    preferences: store.preferences,
    reminderPolicy,
    sync,
    afterTurn,
    membership,
    sameTrips: store.sameTrips,
    colleagueNames: new ColleagueNames({ channels: store.channels, membership, log }),
    log,
    ...(config.reportChannelId ? { reportChannelId: config.reportChannelId } : {}),
    timeZone: DEFAULT_TIME_ZONE,
    now,
    newId: randomUUID,
  });
  const bot = new ReisverslagBot({
    conversationState,
    mainDialog,
    reports: store.reports,
    catalogue,
    channels: store.channels,
    openPersonalChat,
    sync,
    afterTurn,
    allowedTenantIds: config.allowedTenantIds,
    membership,
    upload: uploadPolicyOf(config),
    log,
  });
  // The register page: Teams single sign-on; without an app id (loopback only) no sign-in.
  const authenticateRegister = registerAuthenticator({
    clientId: config.register.clientId,
    botAppId: config.bot?.appId,
    openIdMetadataUrl: config.register.openIdMetadataUrl,
    allowedTenantIds: config.allowedTenantIds,
    logger: log,
  });
  const server = createServer({
    adapter,
    bot,
    checkHealth: store.ping,
    log,
    register: {
      reports: store.reports,
      catalogue,
      authenticate: authenticateRegister,
      ...(config.bot?.appId ? { botAppId: config.bot.appId } : {}),
      log,
    },
  });

  // Without a bot identity nothing checks who calls: only this machine may.
  const host = config.bot ? '0.0.0.0' : '127.0.0.1';
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal(
      { err: error },
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is in use by another program; stop it or set PORT to a free port.`
        : `Cannot listen on ${host}:${config.port}: ${error.message}`,
    );
    process.exit(1);
  });
  server.listen(config.port, host, () => {
    log.info(
      {
        url: `http://${host}:${config.port}/api/messages`,
        register: `http://${host}:${config.port}/register`,
        anonymous: !config.bot,
      },
      config.bot
        ? 'Reisverslag listens for Teams'
        : 'Reisverslag listens in local anonymous mode (no app id): loopback only, no token checks',
    );
  });

  // Channel cards left behind while Teams was unreachable: now, and every few minutes.
  const retrySync = () =>
    void store.ready
      .then(() => sync.syncAllPending())
      .catch((error: unknown) => log.warn({ err: error }, 'retrying channel posts failed'));
  retrySync();
  // Reports posted before the register existed: indexed once so that it lists them too.
  void store.ready
    .then(() => store.reports.indexForRegister())
    .then((count) => count > 0 && log.info({ count }, 'register: older posted reports indexed'))
    .catch((error: unknown) =>
      log.warn({ err: error }, 'indexing reports for the register failed'),
    );
  const syncTimer = setInterval(retrySync, SYNC_RETRY_MS);
  syncTimer.unref();

  // Reminders of untouched drafts: every instance sweeps; the claim in Cosmos DB keeps it once.
  const sweep = new ReminderSweep({
    reports: store.reports,
    preferences: store.preferences,
    policy: reminderPolicy,
    send: reminderSender(openPersonalChat, catalogue, log),
    now,
    log,
  });
  const sweepMs = config.reminders.sweepMinutes * 60_000;
  const runSweep = () =>
    void store.ready
      .then(() => sweep.run())
      .catch((error: unknown) => log.warn({ err: error }, 'reminder sweep failed'));
  const sweepTimer = sweepMs > 0 ? setInterval(runSweep, sweepMs) : undefined;
  sweepTimer?.unref();

  // SIGTERM (App Service, a deploy): finish the turns in flight, then stop; never hang.
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing the turns in flight');
    clearInterval(syncTimer);
    clearInterval(sweepTimer);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      void afterTurn
        .drain(SHUTDOWN_GRACE_MS / 2)
        .then(() => sameTripRecorder.idle())
        .then(() => store.close())
        .finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Before the logger exists (bad configuration) the message goes to stderr as is.
  process.stderr.write(
    `Reisverslag could not start. ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`,
  );
  process.exit(1);
});
