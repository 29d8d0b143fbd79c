import { needsSync, withAnswer, type InterviewPosition, type Report } from '../report/report';
import {
  BadContinuationError,
  missingReport,
  notADraft,
  requirePositionTerms,
  requireSameReport,
} from './reportStore';
import { facetsOf, matchesRegister, registerIndexOf, type RegisterIndex } from './registerIndex';
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

/**
 * Reports in this process's memory, with ETags as Cosmos DB gives them: for tests whose subject
 * is not the store, and passing the same contract as CosmosReportStore. Gone at exit.
 */
export class InMemoryReportStore implements ReportStore {
  private readonly reports = new Map<string, Report>();
  private writes = 0;

  async create(report: Report): Promise<Report> {
    const key = keyOf(report.travellerId, report.id);
    if (this.reports.has(key)) {
      throw new Error(`Report ${report.id} already exists; create a report with a new id.`);
    }
    return this.write(report);
  }

  async get(travellerId: string, id: string): Promise<Report | undefined> {
    const stored = this.reports.get(keyOf(travellerId, id));
    return stored && structuredClone(stored);
  }

  async update(
    travellerId: string,
    id: string,
    change: (report: Report) => Report,
    read?: Report,
  ): Promise<Report> {
    const current = this.reports.get(keyOf(travellerId, id));
    if (!current) throw missingReport(travellerId, id);
    // The caller's copy serves when it is still current; else the change is reapplied.
    const base = read && read.etag === current.etag ? read : current;
    const changed = change(structuredClone(base));
    requireSameReport(changed, travellerId, id);
    // `change` is synchronous, so nobody can have written in between: no conflict to retry.
    return this.write(changed);
  }

  async setAnswer(
    ...[travellerId, id, key, answer, at, reminderDueAt, position]: SetAnswerArgs
  ): Promise<Report> {
    const current = this.reports.get(keyOf(travellerId, id));
    if (!current) throw missingReport(travellerId, id);
    if (current.status !== 'draft') throw notADraft(travellerId, id, key);
    const answered = withAnswer(structuredClone(current), key, structuredClone(answer), at);
    return this.write({
      ...answered,
      ...(reminderDueAt ? { reminderDueAt } : {}),
      ...(position ? { interview: { ...position } } : {}),
    });
  }

  async answerAtPosition(positioned: PositionedAnswer): Promise<Report | undefined> {
    const { travellerId, id, key, answer, at, reminderDueAt, seq, etag, next } = positioned;
    requirePositionTerms(seq, key);
    const current = this.reports.get(keyOf(travellerId, id));
    if (current?.status !== 'draft' || current.etag !== etag) return undefined;
    return this.setAnswer(travellerId, id, key, answer, at, reminderDueAt, {
      seq: seq + 1,
      key: next,
    });
  }

  async moveInterview(
    travellerId: string,
    id: string,
    position: InterviewPosition,
  ): Promise<Report> {
    const current = this.reports.get(keyOf(travellerId, id));
    if (!current) throw missingReport(travellerId, id);
    if (current.status !== 'draft') throw notADraft(travellerId, id, position.key ?? 'interview');
    return this.write({ ...structuredClone(current), interview: { ...position } });
  }

  async closeInterview(travellerId: string, id: string): Promise<void> {
    const current = this.reports.get(keyOf(travellerId, id));
    if (current?.status !== 'draft' || !current.interview || current.interview.key === null) return;
    const { seq } = current.interview;
    await this.write({ ...structuredClone(current), interview: { seq: seq + 1, key: null } });
  }

  async setAnswers(
    ...[travellerId, id, answers, at, reminderDueAt]: SetAnswersArgs
  ): Promise<Report> {
    const current = this.reports.get(keyOf(travellerId, id));
    if (!current) throw missingReport(travellerId, id);
    const keys = Object.keys(answers);
    if (current.status !== 'draft') throw notADraft(travellerId, id, keys.join(', '));
    const answered: Report = {
      ...structuredClone(current),
      answers: { ...current.answers, ...structuredClone(answers) },
      updatedAt: at.toISOString(),
    };
    return this.write(reminderDueAt ? { ...answered, reminderDueAt } : answered);
  }

  async listByTraveller(travellerId: string): Promise<Report[]> {
    return this.matching((report) => report.travellerId === travellerId).sort((a, b) =>
      b.updatedAt.localeCompare(a.updatedAt),
    );
  }

  async findLatestDraft(travellerId: string): Promise<Report | undefined> {
    return (await this.listByTraveller(travellerId)).find((report) => report.status === 'draft');
  }

  async findNeedingSync(): Promise<Report[]> {
    return this.matching(needsSync);
  }

  async findDueReminders(now: Date, limit: number): Promise<Report[]> {
    const at = now.toISOString();
    return this.matching(
      (report) =>
        report.status === 'draft' &&
        report.reminderDueAt !== undefined &&
        report.reminderDueAt <= at,
    )
      .sort((a, b) => (a.reminderDueAt as string).localeCompare(b.reminderDueAt as string))
      .slice(0, Math.max(1, Math.floor(limit)));
  }

  async *postedReports(pageSize = 100): AsyncGenerator<Report[]> {
    const posted = this.matching((report) => report.status === 'posted');
    for (let at = 0; at < posted.length; at += pageSize) yield posted.slice(at, at + pageSize);
  }

  async registerPage(
    filter: RegisterFilter,
    pageSize: number,
    continuation?: string,
  ): Promise<RegisterPage> {
    // The continuation is the offset of the next page, as the Cosmos one is opaque to callers.
    const start = continuation === undefined ? 0 : Number(continuation);
    if (!Number.isInteger(start) || start < 0) throw new BadContinuationError();
    const selected = this.registered(filter).sort(
      ([a, ai], [b, bi]) => bi.date.localeCompare(ai.date) || b.id.localeCompare(a.id),
    );
    const end = start + Math.max(1, pageSize);
    return {
      reports: selected.slice(start, end).map(([report]) => report),
      ...(end < selected.length ? { continuation: String(end) } : {}),
    };
  }

  async registerSummary(filter: RegisterFilter): Promise<RegisterSummary> {
    const summary: RegisterSummary = { reports: 0, knownCents: 0, costsOpen: 0 };
    for (const [, index] of this.registered(filter)) {
      summary.reports += 1;
      summary.knownCents += index.knownCents;
      summary.costsOpen += index.costsOpen;
    }
    return summary;
  }

  async indexForRegister(): Promise<number> {
    // The index is worked out at each query here: nothing is ever without it.
    return 0;
  }

  async registerFacets(tenantId?: string): Promise<RegisterFacets> {
    return facetsOf(this.registered(tenantId === undefined ? {} : { tenantId }).map(([, i]) => i));
  }

  async replaceIfUnchanged(report: Report): Promise<Report | undefined> {
    if (!report.etag) {
      throw new Error(
        `Report ${report.id} has no ETag, so it cannot be written conditionally; read it from ` +
          'the store first.',
      );
    }
    const current = this.reports.get(keyOf(report.travellerId, report.id));
    if (current?.etag !== report.etag) return undefined;
    return this.write(report);
  }

  async delete(travellerId: string, id: string): Promise<boolean> {
    return this.reports.delete(keyOf(travellerId, id));
  }

  /** Stores a copy under a new ETag and returns another copy. */
  private write(report: Report): Report {
    const { etag: _old, ...content } = report;
    const stored: Report = { ...structuredClone(content), etag: `"${++this.writes}"` };
    this.reports.set(keyOf(report.travellerId, report.id), stored);
    return structuredClone(stored);
  }

  /** The posted reports the filter selects, each with its register index. */
  private registered(filter: RegisterFilter): [Report, RegisterIndex][] {
    const selected: [Report, RegisterIndex][] = [];
    for (const report of this.reports.values()) {
      const index = registerIndexOf(report);
      if (index && matchesRegister(index, filter)) selected.push([structuredClone(report), index]);
    }
    return selected;
  }

  private matching(test: (report: Report) => boolean): Report[] {
    return [...this.reports.values()].filter(test).map((report) => structuredClone(report));
  }
}

function keyOf(travellerId: string, id: string): string {
  return JSON.stringify([travellerId, id]);
}
