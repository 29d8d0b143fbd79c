import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue } from '../report/catalogue';
import type { Report } from '../report/report';
import { reportFileName } from './fileName';
import { redactPeople } from './redaction';
import { renderRegisterCsv } from './register';
import { renderRegisterXlsx } from './registerXlsx';
import { reportDocument } from './reportDocument';
import { renderReportDocx } from './reportDocx';
import { renderReportMarkdown } from './reportMarkdown';
import { tripDate } from './tripDate';

/** What an export writes: Word or Markdown documents with the register, or the register only. */
export type ExportFormat = 'docx' | 'md' | 'csv';

/** The register's file name in the export folder: for machines, comma-separated. */
export const REGISTER_FILE = 'register.csv';
/** The same register as an Excel workbook, for people: a Dutch Excel opens the CSV as one column. */
export const REGISTER_XLSX_FILE = 'register.xlsx';
/** The register's files, written with every export. */
export const REGISTER_FILES = [REGISTER_FILE, REGISTER_XLSX_FILE] as const;

/** How to write an export. */
export interface ExportFilesOptions {
  format: ExportFormat;
  /** The questions the documents and the register show. */
  catalogue: Catalogue;
  /** The folder to write into; created when missing. */
  outDir: string;
  /** Replace the names of the people met by their roles, in documents and register alike. */
  redactPeople: boolean;
  /** Called after each document written, and after each register file. */
  onProgress?: (done: number, total: number) => void;
}

/** The export folder cannot be created or written; nothing of the export is left in it. */
export class ExportFolderError extends Error {
  constructor(outDir: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Cannot write the export to '${outDir}': ${reason}. ` +
        'Choose a folder you can write to with --out (it is created when missing).',
      { cause },
    );
    this.name = 'ExportFolderError';
  }
}

/**
 * Writes one document a report (sorted by trip date) and the register (register.csv and
 * register.xlsx) into `outDir`, all or nothing: every file goes into a temporary folder inside
 * `outDir` first and is moved into place only when all are written; on a failure nothing new is
 * left behind. Returns the names of the files written.
 */
export async function writeExportFiles(
  reports: readonly Report[],
  options: ExportFilesOptions,
): Promise<string[]> {
  const { format, outDir } = options;
  const published = [...reports]
    .sort((a, b) => tripDate(a).localeCompare(tripDate(b)) || a.id.localeCompare(b.id))
    .map((report) => (options.redactPeople ? redactPeople(report) : report));
  const documents = format === 'csv' ? [] : published;
  const total = documents.length + REGISTER_FILES.length;
  const staging = join(outDir, `.reisverslag-export-${randomBytes(6).toString('hex')}`);
  const written: string[] = [];
  const moved: string[] = [];
  try {
    await mkdir(staging, { recursive: true });
    const names = new Set<string>();
    for (const report of documents) {
      const name = uniqueName(reportFileName(report, format === 'docx' ? 'docx' : 'md'), names);
      const document = reportDocument(report, options.catalogue);
      const content =
        format === 'docx' ? await renderReportDocx(document) : renderReportMarkdown(document);
      await writeFile(join(staging, name), content);
      written.push(name);
      options.onProgress?.(written.length, total);
    }
    const registers: Record<(typeof REGISTER_FILES)[number], () => Promise<string | Buffer>> = {
      [REGISTER_FILE]: async () => renderRegisterCsv(published, options.catalogue),
      [REGISTER_XLSX_FILE]: () => renderRegisterXlsx(published, options.catalogue),
    };
    for (const name of REGISTER_FILES) {
      await writeFile(join(staging, name), await registers[name]());
      written.push(name);
      options.onProgress?.(written.length, total);
    }
    for (const name of written) {
      await rename(join(staging, name), join(outDir, name));
      moved.push(name);
    }
  } catch (error) {
    // All or nothing: what was moved already goes too, so no export is left half done.
    await Promise.all(moved.map((name) => unlink(join(outDir, name)).catch(() => undefined)));
    const fileSystemError = typeof (error as { code?: unknown }).code === 'string';
    throw fileSystemError ? new ExportFolderError(outDir, error) : error;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
  return written;
}

// Two reports with the same date, title and id start (unlikely, but never overwrite one).
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/(\.\w+)$/, `-${n}$1`);
  taken.add(candidate);
  return candidate;
}
