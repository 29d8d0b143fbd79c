// Teams may move a traveller's personal chat to another serviceUrl (another region); the bot
// must then reach them at the serviceUrl of their latest activity, not the one of the draft's
// first turn. Two fake Bot Connectors stand for the old and the new region.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import pino from 'pino';
import { createAdapter } from '../../src/adapter';
import { ChatServiceUrl } from '../../src/channel/chatServiceUrl';
import { personalChatOpener } from '../../src/channel/personalChat';
import { reminderSender } from '../../src/channel/reminderSender';
import { readConfig } from '../../src/config';
import { withReminderScheduled, type ReminderPolicy } from '../../src/reminders/reminderSchedule';
import { ReminderSweep } from '../../src/reminders/reminderSweep';
import { parseWorkingWindow } from '../../src/reminders/workingCalendar';
import { newDraft, withAnswer, type Report } from '../../src/report/report';
import { CosmosPreferenceStore } from '../../src/store/cosmosPreferenceStore';
import { CosmosReportStore } from '../../src/store/cosmosReportStore';
import { FakeConnector } from '../support/fakeConnector';
import { productCatalogue } from '../support/catalogue';
import { useEmbeddedCosmos } from '../store/cosmosFixture';

const policy: ReminderPolicy = {
  afterDays: 3,
  calendar: { window: parseWorkingWindow('ma-vr 09:00-17:00'), skipHolidays: true },
};
const log = pino({ level: 'silent' });

describe("the personal chat's serviceUrl, kept current from the traveller's activities", () => {
  const cosmos = useEmbeddedCosmos();
  const oldRegion = new FakeConnector({ pathPrefix: 'emea' });
  const newRegion = new FakeConnector({ pathPrefix: 'amer' });
  let reports: CosmosReportStore;

  before(async () => {
    await oldRegion.start();
    await newRegion.start();
  });
  after(async () => {
    await oldRegion.stop();
    await newRegion.stop();
  });
  beforeEach(() => {
    reports = new CosmosReportStore(cosmos().db.reports);
  });

  /** A draft left alone since `touched`, begun in a chat reached through the old region. */
  async function abandonedDraft(touched: Date): Promise<Report> {
    const travellerId = `aad-${randomUUID()}`;
    let draft: Report = {
      ...newDraft(randomUUID(), { id: travellerId, name: 'Sanne de Vries' }, 'nl', touched),
      chat: {
        conversationId: `a:personal-${travellerId}`,
        serviceUrl: oldRegion.url,
        userId: `29:${travellerId}`,
        userName: 'Sanne de Vries',
        aadObjectId: travellerId,
      },
    };
    draft = withAnswer(draft, 'title', { type: 'shortText', text: 'Eurocities Porto' }, touched);
    return reports.create(withReminderScheduled(draft, policy, touched));
  }

  /** A turn of the traveller's personal chat that arrives through `serviceUrl`. */
  function personalTurn(draft: Report, serviceUrl: string): TurnContext {
    return new TurnContext(new TestAdapter(), {
      type: 'message',
      text: 'help',
      serviceUrl,
      channelId: 'msteams',
      from: { id: draft.chat!.userId, name: 'Sanne de Vries', aadObjectId: draft.travellerId },
      recipient: { id: '28:reisverslag', name: 'Reisverslag' },
      conversation: {
        id: draft.chat!.conversationId,
        conversationType: 'personal',
        isGroup: false,
        name: '',
      },
    });
  }

  it('sends the later reminder through the serviceUrl of the latest activity', async () => {
    const touched = new Date('2026-11-18T15:30:00.000Z');
    const draft = await abandonedDraft(touched);
    const conversationState = new ConversationState(new MemoryStorage());
    const chatServiceUrl = new ChatServiceUrl({ conversationState, reports, log });
    let listed = 0;
    const counting = Object.create(reports) as CosmosReportStore;
    counting.listByTraveller = (id) => {
      listed += 1;
      return reports.listByTraveller(id);
    };
    const counted = new ChatServiceUrl({ conversationState, reports: counting, log });

    // The traveller writes again; Teams now sends their chat's activities from the new region.
    const moved = personalTurn(draft, newRegion.url);
    await chatServiceUrl.refresh(moved);
    await conversationState.saveChanges(moved);
    const stored = await reports.get(draft.travellerId, draft.id);
    assert.equal(stored?.chat?.serviceUrl, newRegion.url);
    assert.equal(stored?.updatedAt, draft.updatedAt, 'not a change by the traveller');

    // Later activities from the same place read no report and write nothing.
    const again = personalTurn(draft, newRegion.url);
    await counted.refresh(again);
    assert.equal(listed, 0);

    const sweep = new ReminderSweep({
      reports,
      preferences: new CosmosPreferenceStore(cosmos().db.preferences),
      policy,
      send: reminderSender(
        personalChatOpener(createAdapter(readConfig({}), log), ''),
        productCatalogue,
        log,
      ),
      now: () => new Date('2026-11-23T15:30:00.000Z'),
      log,
      retryMs: 60 * 60_000,
      maxFailures: 2,
    });
    await sweep.run();
    assert.equal(newRegion.activitiesIn(draft.chat!.conversationId).length, 1);
    assert.equal(oldRegion.activitiesIn(draft.chat!.conversationId).length, 0);
  });
});
