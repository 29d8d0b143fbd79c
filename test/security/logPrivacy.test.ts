// Logs and privacy: at LOG_LEVEL=info the bot logs structured JSON with conversation and activity
// ids and timings, and never the text of an answer or the name of a person: not on a normal
// turn, not in an edit, and not when a turn fails (Cosmos DB unreachable, a write refused) or
// Teams refuses to update the channel card. The bot's whole output (stdout and stderr) is read.
import assert from 'node:assert/strict';
import { makeUser, type TeamsUser } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { TcpProxy } from '../support/tcpProxy';
import { installInTeam } from '../support/teams';
import { assertAsks, completeTypedReport, reportIdOf, tripDates, type Trip } from '../e2e/trips';
import { lastCard, TravellerClient, type BotMessage } from '../e2e/travellerClient';
import { CosmosFaults } from './support/cosmosFaults';

/** The traveller's display name in Teams: a person's name too. */
const TRAVELLER_NAME = 'Quirijn Vlemmix';

/** A trip whose every answer is distinctive text, and whose people have distinctive names. */
const secretTrip: Trip = {
  title: 'Xq7titel Noordpoolconferentie',
  destination: 'Xq7bestemming Reykjavik',
  persons: 2,
  ...tripDates(5),
  purpose: 'Xq7geheim: onderhandelen over geothermie',
  locations: 'Xq7locatie Harpa',
  people: [
    { name: 'Zaphod Beeblebrox', role: 'Xq7functie president' },
    { name: 'Trillian Astra', role: 'Xq7functie wiskundige' },
  ],
  outcome: 'Xq7opbrengst contract',
  agreements: 'Xq7afspraak vervolgbezoek',
};

/** Text given in an edit, and in turns that fail. */
const NEW_PURPOSE = 'Xq7nieuwdoel samenwerking';
const UNSAVED_DESTINATION = 'Xq7onopgeslagen bestemming';
const UNSAVED_OUTCOME = 'Xq7mislukt opbrengst';
const UNSYNCED_LOCATIONS = 'Xq7ongesynchroniseerd locaties';
const OTHER_TRAVELLER = 'Ford Prefectus';
const OTHER_TITLE = 'Xq7tweede titel';

/** Every string that must never be in the log: answers, and names (also in parts). */
const SECRETS = [
  TRAVELLER_NAME,
  'Vlemmix',
  secretTrip.title,
  secretTrip.destination,
  secretTrip.purpose,
  secretTrip.locations,
  ...secretTrip.people.flatMap((p) => [p.name, ...p.name.split(' '), p.role]),
  secretTrip.outcome,
  secretTrip.agreements,
  NEW_PURPOSE,
  UNSAVED_DESTINATION,
  UNSAVED_OUTCOME,
  UNSYNCED_LOCATIONS,
  OTHER_TRAVELLER,
  'Prefectus',
  OTHER_TITLE,
];

/** One line of the bot's log. */
type LogLine = Record<string, unknown> & { level: number; msg: string };

const INFO = 30;
const ERROR = 50;

describe('security: answer text and names of people never in the logs (LOG_LEVEL=info)', function () {
  this.timeout(60_000);
  const connector = new FakeConnector();
  let cosmos: CosmosServer;
  let faults: CosmosFaults;
  let proxy: TcpProxy;
  let bot: BotProcess;
  let tenantId: string;
  let author: TeamsUser;
  let traveller: TravellerClient;
  let reportId: string;
  /** Where the bot's output stood when the current test began. */
  let outputStart = 0;

  before(async () => {
    await connector.start();
    cosmos = await startCosmosServer();
    // bot → TCP proxy (cut on demand) → HTTP proxy (fails report writes on demand) → Cosmos DB
    faults = await CosmosFaults.start(cosmos.endpoint);
    proxy = await TcpProxy.start(faults.port);
    bot = await startBot({
      cosmos: { endpoint: `http://127.0.0.1:${proxy.port}`, key: cosmos.key },
      env: { LOG_LEVEL: 'info' },
    });
    ({ tenantId } = await installInTeam(bot.url, connector));
    author = makeUser(TRAVELLER_NAME);
    traveller = new TravellerClient(author, { botUrl: bot.url, connector, tenantId });
  });

  after(async () => {
    await bot?.stop();
    await proxy?.cut();
    await faults?.stop();
    await cosmos?.stop();
    await connector.stop();
  });

  beforeEach(() => {
    outputStart = bot.output().length;
  });

  afterEach(async function () {
    faults.passWrites();
    await proxy.restore();
    reportOnFailure(this.currentTest, bot, cosmos, connector, faults);
  });

  /** The bot's output since the current test began. */
  function outputOfTest(): string {
    return bot.output().slice(outputStart);
  }

  /**
   * The output's lines as JSON; fails on any line that is not a JSON log object, except Node's
   * own warnings on stderr (restify's use of a deprecated API).
   */
  function logLines(output: string): LogLine[] {
    const lines = output
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^\((?:node:\d+\)|Use `node --trace)/.test(line));
    const notJson: string[] = [];
    const parsed: LogLine[] = [];
    for (const line of lines) {
      try {
        const value = JSON.parse(line) as LogLine;
        if (typeof value.level === 'number' && typeof value.msg === 'string') parsed.push(value);
        else notJson.push(line);
      } catch {
        notJson.push(line);
      }
    }
    assert.deepEqual(
      notJson.map((line) => shorten(line)),
      [],
      'every line of output is a structured JSON log',
    );
    return parsed;
  }

  /** Asserts no secret occurs anywhere in `output`, naming the lines where one does. */
  function assertNoSecrets(output: string): void {
    const offending = output
      .split('\n')
      .map((line) => ({ line, found: SECRETS.filter((secret) => line.includes(secret)) }))
      .filter(({ found }) => found.length > 0)
      .map(({ line, found }) => {
        const at = line.indexOf(found[0] ?? '');
        const message = /"msg":"([^"]*)"/.exec(line)?.[1] ?? '?';
        return `${found.join(', ')} in the log line "${message}": …${line.slice(Math.max(0, at - 400), at + 200)}…`;
      });
    assert.deepEqual(offending, [], 'no answer text and no name of a person in the log');
  }

  /** The ids of the activities the bot answered in a chat (its replies' replyToId). */
  function answeredActivityIds(chatId: string): string[] {
    return [
      ...new Set(
        connector
          .activitiesIn(chatId)
          .map((posted) => posted.activity.replyToId)
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
  }

  /**
   * Waits until every activity the bot answered in these chats has its `turn` (or `turn failed`)
   * line in the output: the log reaches the test through a pipe, after the HTTP answer.
   */
  async function turnsLogged(...chatIds: string[]): Promise<void> {
    const ids = chatIds.flatMap(answeredActivityIds);
    const deadline = Date.now() + 5000;
    for (;;) {
      const logged = new Set(
        logLines(bot.output())
          .filter((line) => line.msg === 'turn' || line.msg === 'turn failed')
          .map((line) => line.activityId),
      );
      const missing = ids.filter((id) => !logged.has(id));
      if (missing.length === 0) return;
      if (Date.now() > deadline) {
        assert.fail(`no turn line logged for the activities ${missing.join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** `wijzig <part>`, the new answer on the card, and the confirmation card that follows. */
  async function editUpToConfirm(
    part: string,
    question: string,
    answer: string,
  ): Promise<BotMessage> {
    // A turn that failed earlier may have left an edit open: start from nothing.
    await traveller.say('stop');
    const card = lastCard(await traveller.say(`wijzig ${part}`));
    assertAsks(card, question);
    const confirm = lastCard(await traveller.press(card, 'Volgende', { answer }));
    assert.equal(confirm.lines.at(-2), 'Bevestigen', confirm.lines.join('\n'));
    return confirm;
  }

  it('a report written, posted and edited: ids and timings in the log, no answer text or name', async () => {
    const confirmation = await completeTypedReport(traveller, secretTrip);
    reportId = reportIdOf(confirmation);
    const confirm = await editUpToConfirm('doel', 'purpose', NEW_PURPOSE);
    const saved = await traveller.press(confirm, 'Bevestigen');
    assert.match(saved.at(-1)?.text ?? '', /^Opgeslagen als versie 2/);
    await traveller.say('mijn verslagen');
    await turnsLogged(traveller.chatId);

    const output = outputOfTest();
    assertNoSecrets(output);

    // Each turn is logged at info with its conversation id, activity id and duration.
    const turns = logLines(output).filter((line) => line.msg === 'turn');
    assert.ok(
      turns.every((line) => line.level === INFO),
      'turns are logged at info',
    );
    const answered = answeredActivityIds(traveller.chatId);
    assert.ok(answered.length >= 14, `the bot answered ${answered.length} activities`);
    const unlogged = answered.filter(
      (activityId) =>
        !turns.some(
          (line) =>
            line.activityId === activityId &&
            line.conversationId === traveller.chatId &&
            line.type === 'message' &&
            typeof line.durationMs === 'number' &&
            line.durationMs >= 0,
        ),
    );
    assert.deepEqual(unlogged, [], 'a turn line with conversation id, activity id and duration');
    const reportIds = new Set(
      turns
        .filter((line) => line.conversationId === traveller.chatId)
        .map((line) => line.reportId)
        .filter((id) => typeof id === 'string'),
    );
    assert.equal(reportIds.size, 1, 'the turns of the interview and the edit name their report');
  });

  it('a turn that fails because Cosmos DB is unreachable logs the failure with ids, not the answer', async () => {
    const other = new TravellerClient(makeUser(OTHER_TRAVELLER), {
      botUrl: bot.url,
      connector,
      tenantId,
    });
    await other.say('nieuw verslag');
    await other.say(OTHER_TITLE);

    await proxy.cut();
    const failed = await other.say(UNSAVED_DESTINATION).then(
      () => 'the turn succeeded',
      (error: Error) => error.message,
    );
    await proxy.restore();
    assert.match(failed, /je laatste bericht is niet verwerkt/, 'the traveller is told');
    await turnsLogged(other.chatId);

    const output = outputOfTest();
    assertNoSecrets(output);
    const failures = logLines(output).filter((line) => line.msg === 'turn failed');
    assert.ok(
      failures.some(
        (line) =>
          line.level === ERROR &&
          line.conversationId === other.chatId &&
          typeof line.activityId === 'string',
      ),
      'the failed turn is logged as an error with its conversation and activity id',
    );
  });

  it('a turn that fails while storing a confirmed edit logs the failure, not the edit', async () => {
    assert.ok(reportId, 'the report of the first test');
    const confirm = await editUpToConfirm('opbrengst', 'outcome', UNSAVED_OUTCOME);

    faults.failReportWrites(500);
    const failed = await traveller.press(confirm, 'Bevestigen').then(
      () => 'the turn succeeded',
      (error: Error) => error.message,
    );
    faults.passWrites();
    assert.ok(faults.failedWrites > 0, 'the write of the edit was refused');
    assert.match(failed, /je laatste bericht is niet verwerkt/, 'the traveller is told');
    await turnsLogged(traveller.chatId);

    const output = outputOfTest();
    assert.ok(
      logLines(output).some(
        (line) => line.msg === 'turn failed' && line.conversationId === traveller.chatId,
      ),
      'the failed turn is logged',
    );
    assertNoSecrets(output);
  });

  it('a channel card Teams refuses to update logs the failure, not the edit', async () => {
    assert.ok(reportId, 'the report of the first test');
    const confirm = await editUpToConfirm('locaties', 'locations', UNSYNCED_LOCATIONS);

    connector.failNext(1, 400, { when: (call) => call.kind === 'updateActivity' });
    const saved = await traveller.press(confirm, 'Bevestigen');
    assert.match(saved.at(-1)?.text ?? '', /het kanaal is nu niet bereikbaar/);
    await turnsLogged(traveller.chatId);

    const output = outputOfTest();
    assert.ok(
      logLines(output).some((line) => line.msg === 'edit saved; channel post not updated yet'),
      'the refused update is logged',
    );
    assertNoSecrets(output);
  });
});

function shorten(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
