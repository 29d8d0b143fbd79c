#!/usr/bin/env node
// `npm run export`: the posted reports of a period from Cosmos DB as documents and a register.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Catalogue } from '../report/catalogue';
import { parseDate } from '../report/dates';
import { loadDefaultCatalogue } from '../report/defaultCatalogue';
import type { Report } from '../report/report';
import { connectCosmos } from '../store/cosmos';
import { cosmosStatus, messageOf } from '../store/cosmosErrors';
import {
  ExportFolderError,
  REGISTER_FILES,
  writeExportFiles,
  type ExportFormat,
} from './exportFiles';
import { CosmosReportStore } from '../store/cosmosReportStore';
import { progressReporter } from './progress';
import { inDateRange } from './tripDate';

/** The CLI's exit codes, as `--help` lists them. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, store: 3, folder: 4 } as const;

const HELP = `Usage: npm run export -- [options]

Writes the posted reports of a period as documents (one file a report) and the trip register
(register.csv for machines, register.xlsx for people) into a folder. Drafts are never exported:
they are no public record.

Options:
  --from <date>       First trip date to include, e.g. 2025-01-01 (or 01-01-2025).
  --to <date>         Last trip date to include, e.g. 2025-12-31.
                      A report's trip date is its departure date; for a trip given as a
                      duration only, the day it was posted. Without --from/--to: all reports.
  --format <format>   docx (Word documents + the register, the default), md (Markdown
                      documents + the register) or csv (the register only: register.csv
                      and register.xlsx).
  --out <folder>      Folder to write into; created when missing. Required.
  --redact-people     For publication: the people met are named by their role only, and their
                      names in the answers are replaced by their role (AVG), in the documents
                      and the register alike. The traveller's own name stays, and so do the
                      fellow travellers (colleagues), the costs and who paid.
  --endpoint <url>    Cosmos DB account endpoint; default COSMOS_ENDPOINT.
  --key <key>         Cosmos DB account key; default COSMOS_KEY; without a key, Entra ID
                      (az login or a managed identity) is used. Prefer the variable: a key on
                      the command line shows in the process list.
  --database <name>   Database name; default COSMOS_DATABASE, else "reisverslag".
  --help              This text.

Register columns: Reiziger, Titel, Bestemming, Vertrek, Terugkeer, Duur, Aantal personen,
Reisgenoten, Doel, Reiskosten, Verblijfkosten, Overige kosten, Totaal, Betaald door, Geplaatst
op, Versie (the colleague, cost and payer columns as the question catalogue asks them).
register.csv: UTF-8 with BOM, comma-separated, RFC 4180; amounts with a decimal point (412.80),
dates YYYY-MM-DD; an amount not known yet is empty, and so is Totaal then.
register.xlsx: the same columns, amounts as euros, dates as dates, a filter on each column.

The export is all or nothing: files are written to a temporary folder inside --out and moved into
place when all are written.

Exit codes:
  0  the export was written
  1  an unexpected error
  2  wrong usage: an unknown option, a bad date or format, no --out, or no Cosmos DB endpoint
  3  Cosmos DB could not be read (unreachable, refused, or no such database)
  4  the --out folder could not be created or written
`;

/** A problem the operator fixes; `code` is the exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** What the command line asks for, checked. */
interface ExportRequest {
  from?: string;
  to?: string;
  format: ExportFormat;
  outDir: string;
  redactPeople: boolean;
  endpoint: string;
  key?: string;
  database: string;
}

/** Reads the options and the COSMOS_* variables; undefined for --help. */
export function parseRequest(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): ExportRequest | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'docx' },
        out: { type: 'string' },
        'redact-people': { type: 'boolean', default: false },
        endpoint: { type: 'string' },
        key: { type: 'string' },
        database: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw usage(`${(error as Error).message}.`);
  }
  if (values.help) return undefined;
  const from = values.from === undefined ? undefined : dateOption('--from', values.from);
  const to = values.to === undefined ? undefined : dateOption('--to', values.to);
  if (from && to && from > to) {
    throw usage(`--from ${from} is after --to ${to}; give the earlier date as --from.`);
  }
  const format = values.format;
  if (format !== 'docx' && format !== 'md' && format !== 'csv') {
    throw usage(`--format '${format}' is not known; use docx, md or csv.`);
  }
  if (!values.out) throw usage('--out is missing; name the folder to write the export into.');
  const endpoint = values.endpoint ?? env.COSMOS_ENDPOINT?.trim();
  if (!endpoint) {
    throw usage(
      'There is no store to export from: set COSMOS_ENDPOINT (and COSMOS_KEY, or sign in for ' +
        'Entra ID) or pass --endpoint.',
    );
  }
  const key = values.key ?? (env.COSMOS_KEY?.trim() || undefined);
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    format,
    outDir: resolve(values.out),
    redactPeople: values['redact-people'],
    endpoint,
    ...(key ? { key } : {}),
    database: values.database ?? (env.COSMOS_DATABASE?.trim() || 'reisverslag'),
  };
}

/** Runs the export; returns the exit code. Messages go to stderr, the summary to stdout. */
export async function runExport(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
  catalogue: Catalogue,
): Promise<number> {
  try {
    const request = parseRequest(argv, env);
    if (!request) {
      io.stdout.write(HELP);
      return ExitCode.ok;
    }
    const reports = await readReports(request, io.stderr);
    const progress = progressReporter(io.stderr, 'Writing');
    const files = await writeExportFiles(reports, {
      format: request.format,
      catalogue,
      outDir: request.outDir,
      redactPeople: request.redactPeople,
      onProgress: progress.update,
    });
    progress.done();
    const documents = files.length - REGISTER_FILES.length;
    io.stdout.write(
      `Exported ${reports.length} report(s)${request.format === 'csv' ? '' : ` as ${documents} ${request.format} file(s)`} ` +
        `and ${REGISTER_FILES.join(' and ')} to ${request.outDir}${request.redactPeople ? ' (names of people met redacted)' : ''}.\n`,
    );
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      if (error.code === ExitCode.usage) io.stderr.write('Run with --help for the options.\n');
      return error.code;
    }
    if (error instanceof ExportFolderError) {
      io.stderr.write(`${error.message}\n`);
      return ExitCode.folder;
    }
    io.stderr.write(`The export failed: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.failed;
  }
}

/** The posted reports in the date range, read a page at a time. */
async function readReports(request: ExportRequest, stderr: NodeJS.WriteStream): Promise<Report[]> {
  let database;
  try {
    database = connectCosmos({
      endpoint: request.endpoint,
      ...(request.key ? { key: request.key } : {}),
      databaseName: request.database,
      createIfMissing: false,
      requestTimeoutMs: 30_000,
    });
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.usage);
  }
  const reports: Report[] = [];
  try {
    await database.prepare();
    let read = 0;
    for await (const page of new CosmosReportStore(database.reports).postedReports()) {
      read += page.length;
      reports.push(...page.filter((report) => inDateRange(report, request.from, request.to)));
      if (stderr.isTTY) stderr.write(`\rRead ${read} posted report(s)…`);
    }
    if (stderr.isTTY) stderr.write('\n');
  } catch (error) {
    throw new CliError(storeProblem(error, request.endpoint), ExitCode.store);
  } finally {
    database.dispose();
  }
  return reports;
}

/** What went wrong reading Cosmos DB, and what to check; the bot's hints fit the bot only. */
function storeProblem(error: unknown, endpoint: string): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (cosmosStatus(cause) === undefined && !/Entra ID token/.test(messageOf(error))) {
    return (
      `Could not read the reports from Cosmos DB: cannot reach ${endpoint} (${messageOf(cause)}). ` +
      'Check --endpoint (or COSMOS_ENDPOINT) and that the network allows it.'
    );
  }
  return `Could not read the reports from Cosmos DB: ${messageOf(error)}`;
}

function dateOption(name: string, text: string): string {
  const date = parseDate(text);
  if (!date) {
    throw usage(`${name} '${text}' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31.`);
  }
  return date;
}

function usage(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}

if (require.main === module) {
  void runExport(process.argv.slice(2), process.env, process, loadDefaultCatalogue()).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
