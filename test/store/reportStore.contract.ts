import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { newDraft, withAnswer, type Answer, type Report } from '../../src/report/report';
import type { ReportStore } from '../../src/store/reportStore';

/** A draft for a traveller, updated at the given moment. */
export function draft(travellerId: string, updatedAt = '2025-03-01T10:00:00.000Z'): Report {
  const report = newDraft(
    randomUUID(),
    { id: travellerId, name: 'Anna de Vries', tenantId: 'tenant-1' },
    'nl',
    new Date('2025-03-01T09:00:00.000Z'),
  );
  return { ...report, updatedAt };
}

/** The report without its store ETag, for comparing content. */
export function content(report: Report | undefined): Omit<Report, 'etag'> | undefined {
  if (!report) return undefined;
  const copy: Partial<Report> = { ...report };
  delete copy.etag;
  return copy as Omit<Report, 'etag'>;
}

const now = new Date('2025-03-02T12:00:00.000Z');

/** The ReportStore contract: any implementation must pass these (see ReportStore's doc comments). */
export function reportStoreContract(makeStore: () => ReportStore): void {
  let store: ReportStore;
  let traveller: string;
  beforeEach(() => {
    store = makeStore();
    traveller = `traveller-${randomUUID()}`;
  });

  it('creates a report, reads it back and updates it, each time with a new ETag', async () => {
    const report = draft(traveller);
    const created = await store.create(report);
    assert.ok(created.etag, 'create returns the ETag');
    assert.deepEqual(content(created), report);

    const read = await store.get(traveller, report.id);
    assert.deepEqual(read, created);

    const updated = await store.update(traveller, report.id, (current) =>
      withAnswer(current, 'persons', { type: 'number', value: 2 }, now),
    );
    assert.deepEqual(updated.answers, { persons: { type: 'number', value: 2 } });
    assert.equal(updated.updatedAt, now.toISOString());
    assert.ok(updated.etag);
    assert.notEqual(updated.etag, created.etag);
    assert.deepEqual(await store.get(traveller, report.id), updated);
  });

  it('returns plain domain objects, without Cosmos system properties', async () => {
    const created = await store.create(draft(traveller));
    const read = await store.get(traveller, created.id);
    for (const report of [created, read]) {
      const systemNames = Object.keys(report ?? {}).filter((name) => name.startsWith('_'));
      assert.deepEqual(systemNames, []);
    }
  });

  it('refuses to create a report whose id exists', async () => {
    const report = draft(traveller);
    await store.create(report);
    await assert.rejects(
      store.create({ ...report, travellerName: 'Someone else' }),
      /already exists/,
    );
    assert.equal((await store.get(traveller, report.id))?.travellerName, 'Anna de Vries');
  });

  it('gets undefined for a missing id, or for another traveller’s report', async () => {
    assert.equal(await store.get(traveller, randomUUID()), undefined);
    const report = await store.create(draft(traveller));
    assert.equal(await store.get(`other-${randomUUID()}`, report.id), undefined);
  });

  it('keeps both of two concurrent updates of different answers', async () => {
    const report = await store.create(draft(traveller));
    await Promise.all([
      store.update(traveller, report.id, (current) =>
        withAnswer(current, 'purpose', { type: 'longText', text: 'Handelsmissie' }, now),
      ),
      store.update(traveller, report.id, (current) =>
        withAnswer(current, 'locations', { type: 'longText', text: 'Brussel' }, now),
      ),
    ]);
    const stored = await store.get(traveller, report.id);
    assert.deepEqual(stored?.answers, {
      purpose: { type: 'longText', text: 'Handelsmissie' },
      locations: { type: 'longText', text: 'Brussel' },
    });
  });

  it('keeps all of five concurrent updates', async () => {
    const report = await store.create(draft(traveller));
    const keys = ['persons', 'purpose', 'locations', 'outcome', 'followUp'];
    await Promise.all(
      keys.map((key) =>
        store.update(traveller, report.id, (current) =>
          withAnswer(current, key, { type: 'shortText', text: key }, now),
        ),
      ),
    );
    const stored = await store.get(traveller, report.id);
    assert.deepEqual(Object.keys(stored?.answers ?? {}).sort(), [...keys].sort());
  });

  it('updates from the report the caller read, and still reapplies after a write in between', async () => {
    const created = await store.create(draft(traveller));
    const fromRead = await store.update(
      traveller,
      created.id,
      (current) => withAnswer(current, 'persons', { type: 'number', value: 3 }, now),
      created,
    );
    assert.deepEqual(fromRead.answers, { persons: { type: 'number', value: 3 } });

    // `created` is stale now: the change is applied to the stored report, nothing is lost.
    const afterStale = await store.update(
      traveller,
      created.id,
      (current) => withAnswer(current, 'purpose', { type: 'longText', text: 'Congres' }, now),
      created,
    );
    assert.deepEqual(afterStale.answers, {
      persons: { type: 'number', value: 3 },
      purpose: { type: 'longText', text: 'Congres' },
    });
    assert.deepEqual(await store.get(traveller, created.id), afterStale);
  });

  it('sets an answer of a draft without losing answers set meanwhile', async () => {
    const created = await store.create(draft(traveller));
    const later = new Date('2025-03-03T08:30:00.000Z');
    const answers: [string, Answer][] = [
      ['persons', { type: 'number', value: 4 }],
      ['purpose', { type: 'longText', text: 'Werkbezoek "haven" & markt' }],
      ['locations', { type: 'longText', text: 'Rotterdam ↔ 東京' }],
    ];
    await Promise.all(
      answers.map(([key, answer]) => store.setAnswer(traveller, created.id, key, answer, later)),
    );
    const stored = await store.get(traveller, created.id);
    assert.deepEqual(stored?.answers, Object.fromEntries(answers));
    assert.equal(stored?.updatedAt, later.toISOString());

    const returned = await store.setAnswer(
      traveller,
      created.id,
      'persons',
      { type: 'number', value: 5 },
      later,
    );
    assert.ok(returned.etag && returned.etag !== stored?.etag, 'a new ETag is returned');
    assert.deepEqual(await store.get(traveller, created.id), returned);
  });

  it('sets the next reminder with an answer, in the same request, keeping the reminders sent', async () => {
    // A draft from before reminders existed, and one that had a reminder already.
    const old = await store.create(draft(traveller));
    const reminded = await store.create({
      ...draft(traveller),
      reminder: { sentAt: ['2025-03-02T09:00:00.000Z'] },
    });
    const due = '2025-03-06T09:30:00.000Z';
    for (const report of [old, reminded]) {
      const stored = await store.setAnswer(
        traveller,
        report.id,
        'persons',
        { type: 'number', value: 3 },
        now,
        due,
      );
      assert.equal(stored.reminderDueAt, due);
      assert.deepEqual(stored.reminder, report.reminder);
    }
    const without = await store.setAnswer(
      traveller,
      old.id,
      'purpose',
      {
        type: 'longText',
        text: 'Werkbezoek',
      },
      now,
    );
    assert.equal(without.reminderDueAt, due, 'an answer without a due date leaves it');
  });

  it('refuses to set an answer of a posted report or of a missing one', async () => {
    const posted = await store.create({ ...draft(traveller), status: 'posted' });
    await assert.rejects(
      store.setAnswer(traveller, posted.id, 'persons', { type: 'number', value: 2 }, now),
      /no longer a draft/,
    );
    assert.deepEqual((await store.get(traveller, posted.id))?.answers, {});
    await assert.rejects(
      store.setAnswer(traveller, randomUUID(), 'persons', { type: 'number', value: 2 }, now),
      /does not exist/,
    );
  });

  describe('the interview position (one conditional write a card answer)', () => {
    const persons: Answer = { type: 'number', value: 3 };
    const at = (seq: number, key: string | null) => ({ seq, key });
    /** The answer of a card sent when the draft was `sent` (its ETag), at position `seq`. */
    const cardAnswer = (sent: Report, seq: number, next: string | null = 'costs') => ({
      travellerId: traveller,
      id: sent.id,
      key: 'peopleMet',
      answer: persons,
      at: now,
      reminderDueAt: '2025-03-05T08:00:00.000Z',
      seq,
      etag: sent.etag ?? '',
      next,
    });

    it('stores a card answer while the draft is as the card saw it, moving on in the same write', async () => {
      const created = await store.create(draft(traveller));
      const sent = await store.moveInterview(traveller, created.id, at(4, 'peopleMet'));
      const stored = await store.answerAtPosition(cardAnswer(sent, 4));
      assert.deepEqual(stored?.answers, { peopleMet: persons });
      assert.deepEqual(stored?.interview, at(5, 'costs'));
      assert.equal(stored?.reminderDueAt, '2025-03-05T08:00:00.000Z');
      assert.equal(stored?.updatedAt, now.toISOString());
      assert.notEqual(stored?.etag, sent.etag);
      assert.deepEqual(await store.get(traveller, created.id), stored);
    });

    it('refuses a card of a draft changed since, of another traveller, posted, or gone', async () => {
      const created = await store.create(draft(traveller));
      const before = await store.moveInterview(traveller, created.id, at(3, 'peopleMet'));
      const sent = await store.moveInterview(traveller, created.id, at(4, 'peopleMet'));
      const other = await store.create(draft(traveller));
      const beforePost = await store.moveInterview(traveller, other.id, at(4, 'peopleMet'));
      await store.update(traveller, other.id, (report) => ({ ...report, status: 'posted' }));
      const refused = [
        cardAnswer(before, 3),
        cardAnswer(created, 4),
        { ...cardAnswer(sent, 4), travellerId: `traveller-${randomUUID()}` },
        cardAnswer(beforePost, 4),
        { ...cardAnswer(sent, 4), id: randomUUID() },
      ];
      for (const answer of refused) assert.equal(await store.answerAtPosition(answer), undefined);
      assert.deepEqual(await store.get(traveller, created.id), sent, 'nothing written');
      assert.deepEqual((await store.get(traveller, other.id))?.answers, {});
    });

    it('takes a card answer once: the same card again finds the draft changed', async () => {
      const created = await store.create(draft(traveller));
      const sent = await store.moveInterview(traveller, created.id, at(1, 'peopleMet'));
      const both = await Promise.all([
        store.answerAtPosition(cardAnswer(sent, 1)),
        store.answerAtPosition(cardAnswer(sent, 1)),
      ]);
      assert.equal(both.filter((stored) => stored !== undefined).length, 1);
      assert.deepEqual((await store.get(traveller, created.id))?.interview, at(2, 'costs'));
    });

    it('closes the open question with a higher number, which makes its card stale', async () => {
      const created = await store.create(draft(traveller));
      const sent = await store.moveInterview(traveller, created.id, at(7, 'peopleMet'));
      await store.closeInterview(traveller, created.id);
      assert.deepEqual((await store.get(traveller, created.id))?.interview, at(8, null));
      await store.closeInterview(traveller, created.id);
      assert.deepEqual((await store.get(traveller, created.id))?.interview, at(8, null));
      assert.equal(await store.answerAtPosition(cardAnswer(sent, 7)), undefined);
      // Nothing to close: no position, posted, gone.
      const fresh = await store.create(draft(traveller));
      await store.closeInterview(traveller, fresh.id);
      assert.equal((await store.get(traveller, fresh.id))?.interview, undefined);
      await store.closeInterview(traveller, randomUUID());
    });

    it('moves the position with an answer, and refuses to move a posted report', async () => {
      const created = await store.create(draft(traveller));
      const stored = await store.setAnswer(
        traveller,
        created.id,
        'peopleMet',
        persons,
        now,
        undefined,
        at(2, 'costs'),
      );
      assert.deepEqual(stored.interview, at(2, 'costs'));
      const posted = await store.create({ ...draft(traveller), status: 'posted' });
      await assert.rejects(
        store.moveInterview(traveller, posted.id, at(1, 'title')),
        /no longer a draft/,
      );
      await assert.rejects(
        store.moveInterview(traveller, randomUUID(), at(1, 'title')),
        /does not exist/,
      );
    });

    it('refuses a position that is no whole number and question key', async () => {
      const created = await store.create(draft(traveller));
      await assert.rejects(
        store.answerAtPosition({ ...cardAnswer(created, 1), key: "persons' OR 1=1 --" }),
        /not a whole number and a question key/,
      );
      await assert.rejects(store.answerAtPosition(cardAnswer(created, 1.5)), /whole number/);
    });
  });

  it('sets many answers in one write, keeping the others, with the next reminder', async () => {
    const created = await store.create(draft(traveller));
    await store.setAnswer(traveller, created.id, 'title', { type: 'shortText', text: 'Oud' }, now);
    const kept: [string, Answer] = ['locations', { type: 'longText', text: 'Rotterdam ↔ 東京' }];
    await store.setAnswer(traveller, created.id, ...kept, now);
    const later = new Date('2025-03-03T08:00:00.000Z');
    // More answers than a Cosmos DB patch takes operations (10): one write all the same.
    const answers: Record<string, Answer> = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`q${i}`, { type: 'number', value: i } as Answer]),
    );
    answers.title = { type: 'shortText', text: 'Nieuw' };
    const due = '2025-03-06T09:30:00.000Z';
    const returned = await store.setAnswers(traveller, created.id, answers, later, due);
    assert.deepEqual(returned.answers, { ...answers, [kept[0]]: kept[1] });
    assert.equal(returned.updatedAt, later.toISOString());
    assert.equal(returned.reminderDueAt, due);
    assert.ok(returned.etag);
    assert.deepEqual(await store.get(traveller, created.id), returned);
    const without = await store.setAnswers(traveller, created.id, { title: answers.title }, now);
    assert.equal(without.reminderDueAt, due, 'answers without a due date leave it');
  });

  it('refuses to set answers of a posted report or of a missing one, storing none', async () => {
    const posted = await store.create({ ...draft(traveller), status: 'posted' });
    const answers: Record<string, Answer> = {
      persons: { type: 'number', value: 2 },
      title: { type: 'shortText', text: 'Titel' },
    };
    await assert.rejects(store.setAnswers(traveller, posted.id, answers, now), /no longer a draft/);
    assert.deepEqual((await store.get(traveller, posted.id))?.answers, {});
    await assert.rejects(store.setAnswers(traveller, randomUUID(), answers, now), /does not exist/);
  });

  it('refuses to update a report that does not exist', async () => {
    await assert.rejects(
      store.update(traveller, randomUUID(), (current) => current),
      /does not exist/,
    );
  });

  it('lists only the traveller’s reports, newest updatedAt first', async () => {
    const older = await store.create(draft(traveller, '2025-01-01T08:00:00.000Z'));
    const newest = await store.create(draft(traveller, '2025-03-01T08:00:00.000Z'));
    const middle = await store.create(draft(traveller, '2025-02-01T08:00:00.000Z'));
    await store.create(draft(`other-${randomUUID()}`, '2025-04-01T08:00:00.000Z'));

    const listed = await store.listByTraveller(traveller);
    assert.deepEqual(
      listed.map((report) => report.id),
      [newest.id, middle.id, older.id],
    );
    assert.ok(listed.every((report) => report.etag));
    assert.deepEqual(await store.listByTraveller(`nobody-${randomUUID()}`), []);
  });

  it('finds the latest draft and ignores posted reports', async () => {
    await store.create(draft(traveller, '2025-01-01T08:00:00.000Z'));
    const latestDraft = await store.create(draft(traveller, '2025-02-01T08:00:00.000Z'));
    await store.create({ ...draft(traveller, '2025-03-01T08:00:00.000Z'), status: 'posted' });

    assert.equal((await store.findLatestDraft(traveller))?.id, latestDraft.id);

    const onlyPosted = `traveller-${randomUUID()}`;
    await store.create({ ...draft(onlyPosted), status: 'posted' });
    assert.equal(await store.findLatestDraft(onlyPosted), undefined);
  });

  /** A draft of this traveller whose reminder is due at `dueAt`. */
  function dueDraft(dueAt: string, status: Report['status'] = 'draft'): Report {
    return { ...draft(traveller), status, reminderDueAt: dueAt, reminder: { sentAt: [] } };
  }

  it('finds the drafts whose reminder is due, earliest first, at most the limit', async () => {
    const other = `other-${randomUUID()}`;
    // Due dates far in the past, so that other tests' drafts sort after these.
    const second = await store.create(dueDraft('1990-01-02T09:00:00.000Z'));
    const first = await store.create({
      ...draft(other),
      reminderDueAt: '1990-01-01T09:00:00.000Z',
    });
    const third = await store.create(dueDraft('1990-01-03T09:00:00.000Z'));
    await store.create(dueDraft('1990-01-01T08:00:00.000Z', 'posted'));
    const notYet = await store.create(dueDraft('2999-01-01T00:00:00.000Z'));
    await store.create(draft(traveller));

    const due = await store.findDueReminders(new Date('1990-01-05T00:00:00.000Z'), 2);
    assert.deepEqual(
      due.map((report) => report.id),
      [first.id, second.id],
    );
    assert.ok(due.every((report) => report.etag));
    const later = await store.findDueReminders(new Date('1990-01-05T00:00:00.000Z'), 10);
    assert.deepEqual(
      later.map((report) => report.id),
      [first.id, second.id, third.id],
    );
    const all = await store.findDueReminders(new Date('2500-01-01T00:00:00.000Z'), 1000);
    assert.ok(!all.some((report) => report.id === notYet.id), 'a reminder not yet due is left');
  });

  it('replaces a report only while it is unchanged since it was read', async () => {
    const created = await store.create(draft(traveller));
    const claimed = await store.replaceIfUnchanged({ ...created, travellerName: 'Eerste' });
    assert.equal(claimed?.travellerName, 'Eerste');
    assert.notEqual(claimed?.etag, created.etag);
    assert.equal(
      await store.replaceIfUnchanged({ ...created, travellerName: 'Tweede' }),
      undefined,
    );
    assert.equal((await store.get(traveller, created.id))?.travellerName, 'Eerste');
  });

  it('reads every posted report a page at a time, never a draft', async () => {
    const other = `other-${randomUUID()}`;
    const posted = await Promise.all(
      [traveller, traveller, other].map((id) => store.create({ ...draft(id), status: 'posted' })),
    );
    const unposted = await store.create(draft(traveller));
    const pages: Report[][] = [];
    for await (const page of store.postedReports(2)) pages.push(page);

    assert.ok(
      pages.every((page) => page.length <= 2),
      'pages of at most 2',
    );
    const read = pages.flat();
    for (const report of posted)
      assert.ok(
        read.some((r) => r.id === report.id),
        'each posted',
      );
    assert.ok(
      read.every((report) => report.status === 'posted'),
      'posted reports only',
    );
    assert.ok(!read.some((report) => report.id === unposted.id), 'never the draft');
  });

  it('finds the posted reports whose channel card is behind, except those given up at their version', async () => {
    const post = {
      conversationId: '19:kanaal@thread.tacv2;messageid=1',
      activityId: '1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: '19:kanaal@thread.tacv2',
      postedAt: now.toISOString(),
      syncedVersion: 1,
    };
    const stopped = (reason: 'failed' | 'channelUnavailable', version: number) => ({
      reason,
      version,
      at: now.toISOString(),
    });
    const posted = (version: number, extra: object = {}): Report => ({
      ...draft(traveller),
      status: 'posted',
      version,
      post: { ...post, ...extra },
    });
    const behind = await store.create(posted(2));
    const upToDate = await store.create(posted(1));
    const gaveUp = await store.create(posted(2, { stopped: stopped('failed', 2) }));
    const removed = await store.create(posted(3, { stopped: stopped('channelUnavailable', 3) }));
    const editedSince = await store.create(posted(3, { stopped: stopped('failed', 2) }));

    const found = new Set((await store.findNeedingSync()).map((report) => report.id));
    assert.ok(found.has(behind.id), 'a card behind is retried');
    assert.ok(found.has(editedSince.id), 'an edit after giving up is tried again');
    for (const report of [upToDate, gaveUp, removed]) {
      assert.ok(!found.has(report.id), `not ${report.version}/${report.post?.stopped?.reason}`);
    }
  });

  it('deletes a report of the traveller, once', async () => {
    const created = await store.create(draft(traveller));
    assert.equal(await store.delete(`other-${randomUUID()}`, created.id), false);
    assert.ok(await store.get(traveller, created.id), 'another traveller cannot delete it');
    assert.equal(await store.delete(traveller, created.id), true);
    assert.equal(await store.get(traveller, created.id), undefined);
    assert.equal(await store.delete(traveller, created.id), false);
  });
}
