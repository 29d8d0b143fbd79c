import { join } from 'node:path';
import type { Logger } from 'pino';
import type * as restify from 'restify';
import { registerCsvHeader, registerCsvRows } from '../publication/register';
import { redactPeople } from '../publication/redaction';
import { reportDocument } from '../publication/reportDocument';
import type { Catalogue } from '../report/catalogue';
import { RECORD_LOCALE } from '../report/locale';
import { formatEuro } from '../report/money';
import type { Report } from '../report/report';
import { BadContinuationError, type RegisterFacets, type ReportStore } from '../store/reportStore';
import { readRegisterRequest, RegisterQueryError } from './registerFilter';
import { registerRow } from './registerRows';
import { sendFile, staticFiles } from './staticFiles';
import {
  RegisterAuthError,
  SigningKeysUnavailableError,
  type AuthenticateRegisterViewer,
  type RegisterViewer,
} from './registerAuth';

/** What the register page and its API need. */
export interface RegisterRoutesOptions {
  reports: ReportStore;
  catalogue: Catalogue;
  /** Who asks, from the Teams SSO token; rejects with RegisterAuthError (→ 401). */
  authenticate: AuthenticateRegisterViewer;
  /** The bot's app id, for the author's Wijzigen link; absent in local mode. */
  botAppId?: string;
  log: Logger;
  /** The page's files; default `public/` beside this module (dist/register/public once built). */
  publicDir?: string;
  /** Rows a page; default 25. */
  pageSize?: number;
}

/** How long the filters' years and teams are kept: a new team or year shows within a minute. */
const FACETS_TTL_MS = 60_000;
/** Reports read a query while writing register.csv. */
const CSV_PAGE_SIZE = 500;

/**
 * The register: the page at `/register` (and `/register/configure`, the configurable tab's
 * settings page), its files at `/register/<file>`, and its JSON API at `/register/api/…`.
 */
export function mountRegister(server: restify.Server, options: RegisterRoutesOptions): void {
  const { reports, catalogue, log } = options;
  const pageSize = options.pageSize ?? 25;
  const files = staticFiles(options.publicDir ?? join(__dirname, 'public'));
  const facetsCache = new Map<string, { at: number; facets: RegisterFacets }>();

  /** A JSON route: the viewer authenticated, errors as 400/401/500 with a sentence. */
  const api =
    (
      handle: (
        viewer: RegisterViewer,
        req: restify.Request,
        res: restify.Response,
      ) => Promise<void>,
    ) =>
    async (req: restify.Request, res: restify.Response) => {
      res.setHeader('Cache-Control', 'no-store');
      let viewer: RegisterViewer;
      try {
        viewer = await options.authenticate(req.headers.authorization);
      } catch (error) {
        if (error instanceof SigningKeysUnavailableError) {
          // Entra ID's signing keys cannot be read: the server's problem, not the viewer's.
          log.warn({ err: error }, 'register: the signing keys are unavailable');
          res.send(503, { error: 'Het register is nu niet te openen; probeer het zo opnieuw.' });
          return;
        }
        // The authenticator logged why; the answer says only what to do.
        if (!(error instanceof RegisterAuthError)) throw error;
        res.setHeader('WWW-Authenticate', 'Bearer');
        res.send(401, {
          error: 'Open het register in Teams: zonder aanmelding is het niet te zien.',
        });
        return;
      }
      try {
        await handle(viewer, req, res);
      } catch (error) {
        if (error instanceof RegisterQueryError || error instanceof BadContinuationError) {
          res.send(400, { error: error.message });
          return;
        }
        log.error({ err: error }, 'register: request failed');
        res.send(500, {
          error: 'Het register is nu niet te lezen; probeer het over een minuut opnieuw.',
        });
      }
    };

  server.get('/register', sendFile(files.get('index.html')));
  server.get('/register/configure', sendFile(files.get('configure.html')));

  // One page of rows: `{ rows, continuation? }`.
  server.get(
    '/register/api/reports',
    api(async (viewer, req, res) => {
      const { filter, continuation } = readRegisterRequest(req.url ?? '', viewer.tenantId);
      const page = await reports.registerPage(filter, pageSize, continuation);
      res.send(200, {
        rows: page.reports.map((report) => rowOf(report, viewer)),
        ...(page.continuation ? { continuation: page.continuation } : {}),
      });
    }),
  );

  // The selection in figures: `{ reports, knownCents, costsOpen, knownCosts }`.
  server.get(
    '/register/api/summary',
    api(async (viewer, req, res) => {
      const { filter } = readRegisterRequest(req.url ?? '', viewer.tenantId);
      const summary = await reports.registerSummary(filter);
      res.send(200, { ...summary, knownCosts: formatEuro(summary.knownCents, RECORD_LOCALE) });
    }),
  );

  // What the filters offer: `{ years, teams: [{ id, name }] }`.
  server.get(
    '/register/api/filters',
    api(async (viewer, _req, res) => {
      const key = viewer.tenantId?.toLowerCase() ?? '';
      const cached = facetsCache.get(key);
      if (cached && Date.now() - cached.at < FACETS_TTL_MS) {
        res.send(200, cached.facets);
        return;
      }
      const facets = await reports.registerFacets(viewer.tenantId);
      facetsCache.set(key, { at: Date.now(), facets });
      res.send(200, facets);
    }),
  );

  // The selection as the register's CSV, `?redact=people` without the names of people met.
  server.get(
    '/register/api/register.csv',
    api(async (viewer, req, res) => {
      const { filter, redactPeople: redact } = readRegisterRequest(req.url ?? '', viewer.tenantId);
      // A page at a time, written as it is read: a year's register never sits in memory whole.
      let page = await reports.registerPage(filter, CSV_PAGE_SIZE);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="register.csv"',
        'Cache-Control': 'no-store',
      });
      res.write(registerCsvHeader(catalogue));
      for (;;) {
        const selected = redact ? page.reports.map(redactPeople) : page.reports;
        res.write(registerCsvRows(selected, catalogue));
        if (page.continuation === undefined) break;
        try {
          page = await reports.registerPage(filter, CSV_PAGE_SIZE, page.continuation);
        } catch (error) {
          // The header is sent, so no error status can follow: the connection is broken off, and
          // the browser reports a failed download rather than keeping a file cut short.
          log.error({ err: error }, 'register.csv: reading a page failed; download broken off');
          res.destroy();
          return;
        }
      }
      res.end();
    }),
  );

  // One report in full, as its Word document lays it out: `{ row, document }`.
  server.get(
    '/register/api/reports/:travellerId/:id',
    api(async (viewer, req, res) => {
      const { travellerId, id } = req.params as { travellerId: string; id: string };
      const report = await reports.get(travellerId, id);
      const sameTenant =
        viewer.tenantId === undefined ||
        (report?.tenantId ?? '').toLowerCase() === viewer.tenantId.toLowerCase();
      // A draft, or another tenant's report, is not there for the register.
      if (!report || report.status !== 'posted' || !sameTenant) {
        res.send(404, { error: 'Dit verslag staat niet in het register.' });
        return;
      }
      res.send(200, { row: rowOf(report, viewer), document: reportDocument(report, catalogue) });
    }),
  );

  server.get('/register/:file', (req, res, next) => {
    const path = files.get((req.params as { file: string }).file);
    if (!path) {
      res.send(404, { error: 'Not found.' });
      return next(false);
    }
    return sendFile(path)(req, res, next);
  });

  function rowOf(report: Report, viewer: RegisterViewer) {
    return registerRow(report, {
      catalogue,
      viewer,
      ...(options.botAppId ? { botAppId: options.botAppId } : {}),
    });
  }
}
