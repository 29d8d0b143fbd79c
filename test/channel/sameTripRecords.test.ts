// The same-trip records of a report's picked co-travellers: written once Teams has the post (not
// while it is on its way), kept current when the co-travellers, title, destination or dates are
// edited, removed for a colleague taken off the list, and never doubled by a second sync.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { publishTargetOf } from '../../src/channel/reportPublisher';
import { ReportSync } from '../../src/channel/reportSync';
import { SameTripRecorder } from '../../src/channel/sameTripRecorder';
import {
  markPosting,
  newDraft,
  withAnswer,
  withEdit,
  type Answer,
  type Report,
} from '../../src/report/report';
import { sameTripChanges } from '../../src/report/sameTrip';
import { CosmosSameTripStore } from '../../src/store/cosmosSameTripStore';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { InMemorySameTripStore } from '../../src/store/memorySameTripStore';
import type { SameTripStore } from '../../src/store/sameTripStore';
import { RecordingPublisher } from '../dialogs/chatTester';
import { reisverslagenChannel } from '../dialogs/script';
import { productCatalogue as catalogue } from '../support/catalogue';
import { sampleAnswer } from '../support/sampleAnswers';
import { useEmbeddedCosmos } from '../store/cosmosFixture';

const log = pino({ level: 'silent' });
const now = new Date('2026-11-20T10:00:00Z');
const AUTHOR = '0f0e0d0c-0000-4000-8000-00000000000a';
const BRAM = '1a2b3c4d-0000-4000-8000-00000000000b';
const FLEUR = '1a2b3c4d-0000-4000-8000-00000000000c';

function colleagues(...picked: [name: string, id?: string][]): Answer {
  return {
    type: 'colleagues',
    colleagues: picked.map(([name, aadObjectId]) =>
      aadObjectId ? { name, aadObjectId } : { name },
    ),
  };
}

/** A complete report by the author naming Bram (picked), Fleur (picked) and Kees (typed). */
function askedToPost(): Report {
  // A new id each time: the Cosmos DB tests share one database.
  let report = newDraft(
    `report-${randomUUID()}`,
    { id: AUTHOR, name: 'Sanne Visser', tenantId: reisverslagenChannel.tenantId },
    'nl',
    now,
  );
  for (const question of catalogue.questions) {
    report = withAnswer(report, question.key, sampleAnswer(question).stored, now);
  }
  report = withAnswer(
    report,
    'title',
    { type: 'shortText', text: 'UN-Habitat Assembly 2025' },
    now,
  );
  report = withAnswer(report, 'destination', { type: 'shortText', text: 'Genève' }, now);
  report = withAnswer(
    report,
    'duration',
    { type: 'dateRange', departure: '2026-10-12', return: '2026-10-14', days: 3, nights: 2 },
    now,
  );
  report = withAnswer(
    report,
    'coTravellers',
    colleagues(
      ['Bram de Boer', BRAM],
      ['Fleur Jansen', FLEUR.toUpperCase()],
      ['Kees Typ'],
      ['Zelf', AUTHOR],
    ),
    now,
  );
  return markPosting(report, publishTargetOf(reisverslagenChannel), now);
}

function recordTests(makeStore: () => SameTripStore): void {
  let reports: InMemoryReportStore;
  let store: SameTripStore;
  let recorder: SameTripRecorder;
  let sync: ReportSync;
  let publisher: RecordingPublisher;

  beforeEach(() => {
    reports = new InMemoryReportStore();
    store = makeStore();
    recorder = new SameTripRecorder(store, log);
    publisher = new RecordingPublisher();
    const channels = new InMemoryChannelStore();
    sync = new ReportSync(reports, channels, publisher, log, catalogue, {
      now: () => now,
      sameTrips: recorder,
    });
  });

  /** The report of this test: the Cosmos DB tests share a database, so others' records are there. */
  let reportId = '';

  async function posted(): Promise<Report> {
    const created = await reports.create(askedToPost());
    reportId = created.id;
    const stored = await sync.sync(created);
    await recorder.idle();
    return stored;
  }

  async function edit(report: Report, key: string, answer: Answer): Promise<Report> {
    const edited = await reports.update(report.travellerId, report.id, (latest) =>
      withEdit(latest, key, answer, 'Sanne Visser', now),
    );
    const stored = await sync.sync(edited);
    await recorder.idle();
    return stored;
  }

  const found = async (colleagueId: string) =>
    (await store.findRecent(colleagueId, '2026-07-01', 100)).filter(
      (record) => record.reportId === reportId,
    );

  it('writes nothing while the post is on its way, and a record for each picked colleague once Teams has it', async () => {
    const pending = askedToPost();
    assert.deepEqual(sameTripChanges(pending).keep, [], 'no record before the post landed');
    const report = await posted();
    const [bram] = await found(BRAM);
    assert.ok(bram, 'Bram has a record');
    assert.deepEqual(
      { ...bram, post: { ...bram.post } },
      {
        colleagueId: BRAM,
        reportId: report.id,
        reportVersion: 1,
        travellerId: AUTHOR,
        travellerName: 'Sanne Visser',
        tenantId: reisverslagenChannel.tenantId,
        title: 'UN-Habitat Assembly 2025',
        destination: 'Genève',
        departure: '2026-10-12',
        return: '2026-10-14',
        endsOn: '2026-10-14',
        post: {
          channelId: reisverslagenChannel.channelId,
          activityId: '1',
          postedAt: bram.post.postedAt,
          teamName: 'Internationale Zaken',
          channelName: 'Reisverslagen',
        },
        postedAt: bram.post.postedAt,
      },
    );
    assert.equal((await found(FLEUR)).length, 1, 'an id in capitals is kept in lower case');
    assert.deepEqual(await found(AUTHOR), [], 'the author picking themselves gets no record');
  });

  it('updates the records when the title or dates change, and removes a colleague taken off the list', async () => {
    let report = await posted();
    report = await edit(report, 'title', { type: 'shortText', text: 'UN-Habitat Assembly' });
    assert.equal((await found(BRAM))[0]?.title, 'UN-Habitat Assembly');
    assert.equal((await found(BRAM))[0]?.reportVersion, 2);
    report = await edit(report, 'duration', {
      type: 'dateRange',
      departure: '2026-10-11',
      return: '2026-10-13',
      days: 3,
      nights: 2,
    });
    assert.equal((await found(FLEUR))[0]?.endsOn, '2026-10-13');
    report = await edit(report, 'coTravellers', colleagues(['Bram de Boer', BRAM]));
    assert.equal((await found(BRAM)).length, 1);
    assert.deepEqual(await found(FLEUR), [], 'Fleur, taken off the list, loses the record');
    // Put back in a later version: the record comes back.
    await edit(report, 'coTravellers', colleagues(['Bram de Boer', BRAM], ['Fleur', FLEUR]));
    assert.equal((await found(FLEUR)).length, 1);
  });

  it('keeps one record a colleague when the same report is synced and recorded again (redelivery)', async () => {
    const report = await posted();
    recorder.recordLater(report);
    recorder.recordLater(report);
    await recorder.idle();
    assert.equal((await found(BRAM)).length, 1);
  });

  it('keeps a record seen when the report is edited later', async () => {
    const report = await posted();
    await store.markSeen(BRAM, report.id, now.toISOString());
    await edit(report, 'destination', { type: 'shortText', text: 'Genève, Zwitserland' });
    assert.deepEqual(await found(BRAM), []);
    assert.equal((await found(FLEUR))[0]?.destination, 'Genève, Zwitserland');
  });

  it('does not fail the channel update when the records cannot be written', async () => {
    const failing: SameTripStore = {
      save: async () => {
        throw new Error('Cosmos DB is down');
      },
      remove: async () => {
        throw new Error('Cosmos DB is down');
      },
      findRecent: async () => [],
      markSeen: async () => undefined,
    };
    recorder = new SameTripRecorder(failing, log);
    sync = new ReportSync(reports, new InMemoryChannelStore(), publisher, log, catalogue, {
      now: () => now,
      sameTrips: recorder,
    });
    const stored = await sync.sync(await reports.create(askedToPost()));
    await recorder.idle();
    assert.equal(publisher.posts.length, 1);
    assert.equal(stored.post?.syncedVersion, 1);
  });
}

describe('Same-trip records of a posted report, in memory', () => {
  recordTests(() => new InMemorySameTripStore());
});

describe('Same-trip records of a posted report, on the Cosmos DB–compatible server', () => {
  const cosmos = useEmbeddedCosmos();
  recordTests(() => new CosmosSameTripStore(cosmos().db.sameTrips));
});
