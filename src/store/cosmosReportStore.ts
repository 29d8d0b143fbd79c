import type { Container, ItemDefinition, PatchOperation, SqlParameter } from '@azure/cosmos';
import type { InterviewPosition, Report } from '../report/report';
import { cosmosStatus, storeError } from './cosmosErrors';
import { withoutSystemProperties } from './documents';
import {
  BadContinuationError,
  missingReport,
  notADraft,
  ReportConflictError,
  requirePositionTerms,
  requireSameReport,
} from './reportStore';
import { facetsOf, registerIndexOf, searchWords, type RegisterIndex } from './registerIndex';
import type {
  PositionedAnswer,
  RegisterFacets,
  RegisterFilter,
  RegisterPage,
  RegisterSummary,
  ReportStore,
  SetAnswerArgs,
  SetAnswersArgs,
} from './reportStore';

/** The property of a posted report's document that holds its RegisterIndex. */
const INDEX = 'registerIndex';

/** Options of the Cosmos DB report store. */
export interface CosmosReportStoreOptions {
  /** Read–change–write attempts of `update` before ReportConflictError; default 5. */
  maxAttempts?: number;
}

/** ReportStore on the `reports` container (partition key `/travellerId`), ETag-checked writes. */
export class CosmosReportStore implements ReportStore {
  private readonly maxAttempts: number;

  constructor(
    private readonly container: Container,
    options: CosmosReportStoreOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  async create(report: Report): Promise<Report> {
    try {
      const { resource } = await this.container.items.create(toDocument(report));
      return fromDocument(resource, `creating report ${report.id}`);
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        throw new Error(
          `Report ${report.id} already exists for traveller ${report.travellerId}; ` +
            'give a new report a fresh id, or use update() to change this one.',
          { cause: error },
        );
      }
      throw storeError(`creating report ${report.id}`, error);
    }
  }

  async get(travellerId: string, id: string): Promise<Report | undefined> {
    try {
      const { resource } = await this.container.item(id, travellerId).read<ItemDefinition>();
      return resource ? fromDocument(resource, `reading report ${id}`) : undefined;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw storeError(`reading report ${id} of traveller ${travellerId}`, error);
    }
  }

  async update(
    travellerId: string,
    id: string,
    change: (report: Report) => Report,
    read?: Report,
  ): Promise<Report> {
    let known = read?.id === id && read.travellerId === travellerId ? read : undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const current = known ?? (await this.get(travellerId, id));
      known = undefined;
      if (!current?.etag) throw missingReport(travellerId, id);
      const changed = change(current);
      requireSameReport(changed, travellerId, id);
      try {
        const { resource } = await this.container
          .item(id, travellerId)
          .replace(toDocument(changed), {
            accessCondition: { type: 'IfMatch', condition: current.etag },
          });
        return fromDocument(resource, `updating report ${id}`);
      } catch (error) {
        const status = cosmosStatus(error);
        if (status === 404) throw missingReport(travellerId, id);
        if (status !== 412) throw storeError(`updating report ${id}`, error);
      }
      // Somebody wrote in between: back off a little, at random, then read and reapply.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
    throw new ReportConflictError(id);
  }

  async setAnswer(
    ...[travellerId, id, key, answer, at, reminderDueAt, position]: SetAnswerArgs
  ): Promise<Report> {
    try {
      const { resource } = await this.container.item(id, travellerId).patch<ItemDefinition>({
        // Only a draft: a posted report's answers change by an edit, which keeps the history.
        condition: "FROM c WHERE c.status = 'draft'",
        operations: answerOperations(key, answer, at, reminderDueAt, position),
      });
      return fromDocument(resource, `storing answer ${key} of report ${id}`);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 404) throw missingReport(travellerId, id);
      if (status === 412) throw notADraft(travellerId, id, key, error);
      throw storeError(`storing answer ${key} of report ${id}`, error);
    }
  }

  async answerAtPosition(positioned: PositionedAnswer): Promise<Report | undefined> {
    const { travellerId, id, key, answer, at, reminderDueAt, seq, etag, next } = positioned;
    requirePositionTerms(seq, key);
    try {
      // The draft as the card saw it, checked by the request that writes: no read before. An
      // ETag rather than a filter predicate (`c.interview.seq = n`): Azure checks either on the
      // one document, but the compatible server scans the container for a predicate
      // (`npm run bench:conditions`), and it lower-cases a predicate's strings.
      const { resource } = await this.container
        .item(id, travellerId)
        .patch<ItemDefinition>(
          answerOperations(key, answer, at, reminderDueAt, { seq: seq + 1, key: next }),
          { accessCondition: { type: 'IfMatch', condition: etag } },
        );
      return fromDocument(resource, `storing answer ${key} of report ${id}`);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 404 || status === 412) return undefined;
      throw storeError(`storing answer ${key} of report ${id}`, error);
    }
  }

  async moveInterview(
    travellerId: string,
    id: string,
    position: InterviewPosition,
  ): Promise<Report> {
    const action = `moving the interview of report ${id} to ${position.key ?? 'no question'}`;
    try {
      const { resource } = await this.container.item(id, travellerId).patch<ItemDefinition>({
        condition: "FROM c WHERE c.status = 'draft'",
        operations: [{ op: 'set', path: '/interview', value: position }],
      });
      return fromDocument(resource, action);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 404) throw missingReport(travellerId, id);
      if (status === 412) throw notADraft(travellerId, id, position.key ?? 'interview', error);
      throw storeError(action, error);
    }
  }

  async closeInterview(travellerId: string, id: string): Promise<void> {
    try {
      await this.container.item(id, travellerId).patch({
        condition:
          "FROM c WHERE c.status = 'draft' AND IS_DEFINED(c.interview) " +
          'AND NOT IS_NULL(c.interview.key)',
        // The number grows, so that the closed question's card stays stale if it is asked again.
        operations: [
          { op: 'incr', path: '/interview/seq', value: 1 },
          { op: 'set', path: '/interview/key', value: null },
        ],
      });
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 404 || status === 412) return;
      throw storeError(`closing the interview of report ${id}`, error);
    }
  }

  async setAnswers(
    ...[travellerId, id, answers, at, reminderDueAt]: SetAnswersArgs
  ): Promise<Report> {
    // A replace under the document's ETag, not a patch: a patch takes at most 10 operations, and
    // a catalogue has more questions than that. A write in between (an answer typed in the chat
    // on another device) makes `update` read again and reapply these answers over it.
    return this.update(travellerId, id, (current) => {
      if (current.status !== 'draft') {
        throw notADraft(travellerId, id, Object.keys(answers).join(', '));
      }
      return {
        ...current,
        answers: { ...current.answers, ...answers },
        updatedAt: at.toISOString(),
        ...(reminderDueAt ? { reminderDueAt } : {}),
      };
    });
  }

  async listByTraveller(travellerId: string): Promise<Report[]> {
    return this.query(
      travellerId,
      'SELECT * FROM c WHERE c.travellerId = @travellerId ORDER BY c.updatedAt DESC',
      [],
    );
  }

  async findLatestDraft(travellerId: string): Promise<Report | undefined> {
    const [latest] = await this.query(
      travellerId,
      'SELECT TOP 1 * FROM c WHERE c.travellerId = @travellerId AND c.status = @status ' +
        'ORDER BY c.updatedAt DESC',
      [{ name: '@status', value: 'draft' }],
    );
    return latest;
  }

  async findNeedingSync(): Promise<Report[]> {
    try {
      const { resources } = await this.container.items
        .query<ItemDefinition>({
          query:
            'SELECT * FROM c WHERE c.status = @posted AND c.post.syncedVersion < c.version ' +
            'AND (NOT IS_DEFINED(c.post.stopped) OR c.post.stopped.version < c.version)',
          parameters: [{ name: '@posted', value: 'posted' }],
        })
        .fetchAll();
      return resources.map((resource) => fromDocument(resource, 'listing unsynchronised reports'));
    } catch (error) {
      throw storeError('listing the reports whose channel post is behind', error);
    }
  }

  async findDueReminders(now: Date, limit: number): Promise<Report[]> {
    try {
      // Cross-partition, ordered by the due date: Cosmos DB's default (consistent, all paths)
      // indexing serves both the filter and the ORDER BY; the page is bounded by TOP.
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query:
              'SELECT TOP @limit * FROM c WHERE c.status = @draft AND c.reminderDueAt <= @now ' +
              'ORDER BY c.reminderDueAt',
            parameters: [
              { name: '@limit', value: Math.max(1, Math.floor(limit)) },
              { name: '@draft', value: 'draft' },
              { name: '@now', value: now.toISOString() },
            ],
          },
          { maxItemCount: limit },
        )
        .fetchAll();
      return resources.map((resource) => fromDocument(resource, 'listing due reminders'));
    } catch (error) {
      throw storeError('listing the drafts whose reminder is due', error);
    }
  }

  async *postedReports(pageSize = 100): AsyncGenerator<Report[]> {
    const pages = this.container.items.query<ItemDefinition>(
      {
        query: 'SELECT * FROM c WHERE c.status = @posted',
        parameters: [{ name: '@posted', value: 'posted' }],
      },
      { maxItemCount: pageSize },
    );
    while (pages.hasMoreResults()) {
      let resources: ItemDefinition[];
      try {
        ({ resources } = await pages.fetchNext());
      } catch (error) {
        throw storeError('reading the posted reports', error);
      }
      const page = resources
        .map((resource) => fromDocument(resource, 'reading the posted reports'))
        // The compatible server may not filter as asked; a draft must never be published.
        .filter((report) => report.status === 'posted');
      if (page.length > 0) yield page;
    }
  }

  async registerPage(
    filter: RegisterFilter,
    pageSize: number,
    continuation?: string,
  ): Promise<RegisterPage> {
    if (continuation !== undefined && !isContinuation(continuation)) {
      throw new BadContinuationError();
    }
    const { where, parameters } = registerWhere(filter);
    // The filter's status leads the ORDER BY, so that Azure serves it from the composite index
    // (status ASC, registerIndex.date DESC) of the reports container (CONTAINERS, the Bicep).
    const query = `SELECT * FROM c WHERE ${where} ORDER BY c.status ASC, c.${INDEX}.date DESC`;
    try {
      const { resources, continuationToken } = await this.container.items
        .query<ItemDefinition>(
          { query, parameters },
          {
            maxItemCount: Math.max(1, pageSize),
            ...(continuation ? { continuationToken: continuation } : {}),
          },
        )
        .fetchNext();
      const reports = resources
        .map((resource) => fromDocument(resource, 'reading the register'))
        // The compatible server may not filter as asked; a draft must never be published.
        .filter((report) => report.status === 'posted');
      return { reports, ...(continuationToken ? { continuation: continuationToken } : {}) };
    } catch (error) {
      const status = cosmosStatus(error);
      if (continuation && (status === 400 || error instanceof SyntaxError)) {
        throw new BadContinuationError(error);
      }
      throw storeError('reading a page of the register', error);
    }
  }

  async registerSummary(filter: RegisterFilter): Promise<RegisterSummary> {
    const { where, parameters } = registerWhere(filter);
    try {
      const { resources } = await this.container.items
        .query<Partial<RegisterSummary>>({
          query:
            `SELECT COUNT(1) AS reports, SUM(c.${INDEX}.knownCents) AS knownCents, ` +
            `SUM(c.${INDEX}.costsOpen) AS costsOpen FROM c WHERE ${where}`,
          parameters,
        })
        .fetchAll();
      // Cross-partition, the SDK adds the partitions' partial aggregates into one row; an
      // empty selection may give no row, or SUMs that are undefined.
      const row = resources[0] ?? {};
      return {
        reports: row.reports ?? 0,
        knownCents: row.knownCents ?? 0,
        costsOpen: row.costsOpen ?? 0,
      };
    } catch (error) {
      throw storeError('adding up the register', error);
    }
  }

  async indexForRegister(): Promise<number> {
    const pages = this.container.items.query<ItemDefinition>(
      {
        query: `SELECT * FROM c WHERE c.status = @posted AND NOT IS_DEFINED(c.${INDEX})`,
        parameters: [{ name: '@posted', value: 'posted' }],
      },
      { maxItemCount: 100 },
    );
    let changed = 0;
    try {
      while (pages.hasMoreResults()) {
        const { resources } = await pages.fetchNext();
        for (const resource of resources) {
          const report = fromDocument(resource, 'indexing the register');
          // Written as it was read, which adds the index; one changed meanwhile got it then.
          if (report.status === 'posted' && (await this.replaceIfUnchanged(report))) changed += 1;
        }
      }
    } catch (error) {
      throw storeError('indexing the posted reports for the register', error);
    }
    return changed;
  }

  async registerFacets(tenantId?: string): Promise<RegisterFacets> {
    const { where, parameters } = registerWhere(tenantId === undefined ? {} : { tenantId });
    try {
      // No DISTINCT or GROUP BY on the compatible server: the three small fields of every
      // posted report, pages of a thousand. The register caches the answer.
      const { resources } = await this.container.items
        .query<Pick<RegisterIndex, 'year' | 'teamId' | 'teamName'>>(
          {
            query: `SELECT c.${INDEX}.year, c.${INDEX}.teamId, c.${INDEX}.teamName FROM c WHERE ${where}`,
            parameters,
          },
          { maxItemCount: 1000 },
        )
        .fetchAll();
      return facetsOf(resources);
    } catch (error) {
      throw storeError("listing the register's years and teams", error);
    }
  }

  async replaceIfUnchanged(report: Report): Promise<Report | undefined> {
    if (!report.etag) {
      throw new Error(
        `Report ${report.id} has no ETag, so it cannot be written conditionally; read it from ` +
          'the store first.',
      );
    }
    try {
      const { resource } = await this.container
        .item(report.id, report.travellerId)
        .replace(toDocument(report), {
          accessCondition: { type: 'IfMatch', condition: report.etag },
        });
      return fromDocument(resource, `replacing report ${report.id}`);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) return undefined;
      throw storeError(`replacing report ${report.id}`, error);
    }
  }

  async delete(travellerId: string, id: string): Promise<boolean> {
    try {
      await this.container.item(id, travellerId).delete();
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 404) return false;
      throw storeError(`deleting report ${id} of traveller ${travellerId}`, error);
    }
  }

  /** A query within the traveller's partition; the WHERE on travellerId keeps it there too. */
  private async query(
    travellerId: string,
    query: string,
    parameters: { name: string; value: string }[],
  ): Promise<Report[]> {
    try {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          { query, parameters: [{ name: '@travellerId', value: travellerId }, ...parameters] },
          { partitionKey: travellerId },
        )
        .fetchAll();
      return resources.map((resource) => fromDocument(resource, 'listing reports'));
    } catch (error) {
      throw storeError(`listing the reports of traveller ${travellerId}`, error);
    }
  }
}

/**
 * The stored document of a report: the report without its `etag` (Cosmos keeps `_etag`), and,
 * once posted, its RegisterIndex, which every write keeps current.
 */
function toDocument(report: Report): ItemDefinition {
  const index = registerIndexOf(report);
  return {
    ...withoutSystemProperties({ ...report }, ['etag', INDEX]),
    ...(index ? { [INDEX]: index } : {}),
  };
}

/**
 * True for what the SDK hands out as a cross-partition continuation: a JSON object. Checked
 * here because the compatible server reads any other text as "from the start".
 */
function isContinuation(token: string): boolean {
  try {
    const parsed: unknown = JSON.parse(token);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** The WHERE clause (posted only) and its parameters for the register's filter. */
function registerWhere(filter: RegisterFilter): { where: string; parameters: SqlParameter[] } {
  const clauses = ['c.status = @posted'];
  const parameters: SqlParameter[] = [{ name: '@posted', value: 'posted' }];
  const add = (clause: string, name: string, value: string | number | boolean) => {
    clauses.push(clause.replace('?', name));
    parameters.push({ name, value });
  };
  if (filter.tenantId !== undefined)
    add(`c.${INDEX}.tenant = ?`, '@tenant', filter.tenantId.toLowerCase());
  if (filter.year !== undefined) add(`c.${INDEX}.year = ?`, '@year', filter.year);
  if (filter.teamId !== undefined) add(`c.${INDEX}.teamId = ?`, '@team', filter.teamId);
  if (filter.thirdParty !== undefined)
    add(`c.${INDEX}.thirdParty = ?`, '@thirdParty', filter.thirdParty);
  searchWords(filter.search).forEach((word, at) =>
    add(`CONTAINS(c.${INDEX}.search, ?)`, `@word${at}`, word),
  );
  return { where: clauses.join(' AND '), parameters };
}

/** The domain report of a stored document: `_etag` becomes `etag`, system properties go. */
function fromDocument(resource: ItemDefinition | undefined, action: string): Report {
  if (!resource) throw new Error(`Cosmos DB returned no document while ${action}.`);
  const etag: unknown = resource._etag;
  return {
    ...(withoutSystemProperties(resource, [INDEX]) as unknown as Report),
    ...(typeof etag === 'string' ? { etag } : {}),
  };
}

/** The patch operations that store an answer, and what changes with it. */
function answerOperations(
  key: string,
  answer: unknown,
  at: Date,
  reminderDueAt: string | undefined,
  position: InterviewPosition | undefined,
): PatchOperation[] {
  return [
    { op: 'set', path: `/answers/${jsonPointerSegment(key)}`, value: answer },
    { op: 'set', path: '/updatedAt', value: at.toISOString() },
    ...(reminderDueAt
      ? [{ op: 'set' as const, path: '/reminderDueAt', value: reminderDueAt }]
      : []),
    ...(position ? [{ op: 'set' as const, path: '/interview', value: position }] : []),
  ];
}

/** A key as one segment of a JSON Pointer (RFC 6901), the path syntax of a Cosmos DB patch. */
function jsonPointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
