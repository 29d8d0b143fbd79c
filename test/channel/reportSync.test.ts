// The channel sync finishes what a turn started: a report marked as on its way to the channel is
// posted by the sweep once the instance that claimed it is taken to have died, exactly once.
import assert from 'node:assert/strict';
import pino from 'pino';
import { ReportSync } from '../../src/channel/reportSync';
import type { PersonalChat, Report } from '../../src/report/report';
import { markPosting, newDraft, SYNC_CLAIM_MS, withAnswer } from '../../src/report/report';
import { publishTargetOf } from '../../src/channel/reportPublisher';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { RecordingPublisher } from '../dialogs/chatTester';
import { reisverslagenChannel } from '../dialogs/script';
import { productCatalogue as catalogue } from '../support/catalogue';
import { sampleAnswer } from '../support/sampleAnswers';
import { threadOf } from '../support/reportPosts';

const chat: PersonalChat = {
  conversationId: 'a:personal-1',
  serviceUrl: 'https://smba.example/emea/',
  userId: '29:traveller-1',
  userName: 'Sanne de Vries',
  aadObjectId: 'aad-traveller-1',
};

const requested = new Date('2026-11-20T10:00:00Z');

/** A complete report the traveller asked to post at `requested`, whose instance then died. */
function askedToPost(): Report {
  let report: Report = {
    ...newDraft(
      'report-1',
      { id: chat.aadObjectId, name: chat.userName, tenantId: reisverslagenChannel.tenantId },
      'nl',
      requested,
    ),
    chat,
  };
  for (const question of catalogue.questions) {
    report = withAnswer(report, question.key, sampleAnswer(question).stored, requested);
  }
  return markPosting(report, publishTargetOf(reisverslagenChannel), requested);
}

describe('ReportSync: a report on its way to the channel', () => {
  let reports: InMemoryReportStore;
  let channels: InMemoryChannelStore;
  let publisher: RecordingPublisher;
  let told: PersonalChat[];

  function syncAt(now: Date): ReportSync {
    return new ReportSync(reports, channels, publisher, pino({ level: 'silent' }), catalogue, {
      now: () => now,
      openPersonalChat: async (to, logic) => {
        told.push(to);
        await logic({ sendActivity: async () => undefined } as never);
      },
    });
  }

  beforeEach(async () => {
    reports = new InMemoryReportStore();
    channels = new InMemoryChannelStore();
    publisher = new RecordingPublisher();
    told = [];
    await channels.save(reisverslagenChannel);
    await reports.create(askedToPost());
  });

  it('is left to the turn that claimed it while its claim holds', async () => {
    const early = new Date(requested.getTime() + SYNC_CLAIM_MS - 60_000);
    assert.equal(await syncAt(early).syncAllPending(), 0);
    assert.equal(publisher.posts.length, 0);
    assert.equal(threadOf(await reports.get(chat.aadObjectId, 'report-1')), undefined);
  });

  it('is posted by the sweep once the claim has lapsed (its instance died), and its author told', async () => {
    const later = new Date(requested.getTime() + SYNC_CLAIM_MS + 60_000);
    assert.equal(await syncAt(later).syncAllPending(), 1);
    assert.equal(publisher.posts.length, 1);
    assert.equal(publisher.posts[0]?.target.channelId, reisverslagenChannel.channelId);
    const stored = await reports.get(chat.aadObjectId, 'report-1');
    assert.equal(threadOf(stored)?.activityId, '1');
    assert.equal(stored?.post?.syncedVersion, 1);
    assert.equal(stored?.post?.syncClaimedAt, undefined);
    assert.deepEqual(publisher.replies, [], 'a first post gets no "updated" note');
    assert.deepEqual(told, [chat], 'the author hears it is posted');
    assert.equal(
      await channels.findPost(reisverslagenChannel.tenantId, '1').then((p) => p?.reportId),
      'report-1',
    );
  });

  it('is posted once when two instances sweep at the same moment', async () => {
    const later = new Date(requested.getTime() + SYNC_CLAIM_MS + 60_000);
    const results = await Promise.all([
      syncAt(later).syncAllPending(),
      syncAt(later).syncAllPending(),
    ]);
    assert.deepEqual(results.sort(), [0, 1]);
    assert.equal(publisher.posts.length, 1);
    assert.equal(told.length, 1);
  });

  it('is counted as failed and released to the next sweep when Teams cannot be reached', async () => {
    const later = new Date(requested.getTime() + SYNC_CLAIM_MS + 60_000);
    publisher.failPublishes = 1;
    assert.equal(await syncAt(later).syncAllPending(), 0);
    let stored = await reports.get(chat.aadObjectId, 'report-1');
    assert.equal(stored?.post?.failedAttempts, 1);
    assert.equal(stored?.post?.syncClaimedAt, undefined);
    assert.equal(await syncAt(later).syncAllPending(), 1);
    stored = await reports.get(chat.aadObjectId, 'report-1');
    assert.equal(threadOf(stored)?.activityId, '1');
    assert.equal(stored?.post?.failedAttempts, undefined);
  });
});
