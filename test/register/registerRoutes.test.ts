import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RegisterViewer } from '../../src/register/registerAuth';
import { BOT_APP_ID, viewerHeader, type RegisterServerReady } from './support/registerWorld';

describe('The register’s routes over HTTP', function () {
  // The worker compiles the routes with tsx first.
  this.timeout(60_000);
  let worker: Worker;
  let base: string;
  let seeded: RegisterServerReady['posted'];
  let unposted: RegisterServerReady['draft'];
  let viewer: RegisterViewer | undefined;

  before(async () => {
    worker = new Worker(join(__dirname, 'support', 'registerServer.ts'), {
      execArgv: ['--require', 'tsx/cjs'],
    });
    const ready = await new Promise<RegisterServerReady>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    base = `http://127.0.0.1:${ready.port}`;
    seeded = ready.posted;
    unposted = ready.draft;
  });
  beforeEach(() => {
    viewer = { anonymous: false, tenantId: 'TENANT-A', aadObjectId: seeded[1]?.travellerId };
  });
  after(() => worker.terminate());

  /** A request as the page makes it, with the test's viewer (none: no token). */
  const get = (path: string) =>
    fetch(base + path, viewer ? { headers: { Authorization: viewerHeader(viewer) } } : {});

  const json = async (path: string) => {
    const response = await get(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('serves the page and teams-js with a policy that lets only Teams frame it', async () => {
    const page = await get('/register');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /Register buitenlandse dienstreizen/);
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.match(policy, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    assert.match(policy, /script-src 'self'(;|$)/);
    const teamsJs = await get('/register/teams-js.js');
    assert.equal(teamsJs.status, 200);
    assert.match(await teamsJs.text(), /microsoftTeams/);
    assert.equal((await get('/register/..%2Fpackage.json')).status, 404);
  });

  it('pages through the viewer’s tenant, newest trip first, with the author’s Wijzigen link', async () => {
    const first = await json('/register/api/reports');
    assert.equal(first.status, 200);
    const rows = first.body.rows as { title: string; editUrl?: string; postUrl: string }[];
    assert.deepEqual(
      rows.map((row) => row.title),
      ['Oslo Forum', 'Gent Forum'],
    );
    assert.equal(rows[0]?.editUrl, undefined, 'not the viewer’s report');
    assert.equal(
      rows[1]?.editUrl,
      `https://teams.microsoft.com/l/chat/0/0?users=28%3A${BOT_APP_ID}&message=wijzig`,
    );
    assert.match(rows[0]?.postUrl ?? '', /^https:\/\/teams\.microsoft\.com\/l\/message\//);
    const continuation = encodeURIComponent(String(first.body.continuation));
    const second = await json(`/register/api/reports?continuation=${continuation}`);
    assert.deepEqual(
      (second.body.rows as { title: string }[]).map((row) => row.title),
      ['Lyon Forum'],
    );
    assert.equal(second.body.continuation, undefined);
  });

  it('sums the selection and lists the filters’ years and teams', async () => {
    assert.deepEqual((await json('/register/api/summary?year=2026')).body, {
      reports: 2,
      knownCents: 0,
      costsOpen: 2,
      knownCosts: '€ 0,00',
    });
    assert.deepEqual((await json('/register/api/filters')).body, {
      years: [2026, 2025],
      teams: [{ id: 'team-a', name: 'Internationale Zaken' }],
    });
  });

  it('opens a posted report of the tenant in full, but no draft and no other tenant’s', async () => {
    const [oslo] = seeded;
    const full = await json(`/register/api/reports/${oslo?.travellerId}/${oslo?.id}`);
    assert.equal(full.status, 200);
    const document = full.body.document as { heading: string; title: string };
    assert.equal(document.heading, 'VERSLAG BUITENLANDSE DIENSTREIS');
    assert.equal(document.title, 'Oslo Forum');
    const other = seeded[3];
    assert.equal(
      (await json(`/register/api/reports/${other?.travellerId}/${other?.id}`)).status,
      404,
    );
    assert.equal(
      (await json(`/register/api/reports/${unposted.travellerId}/${unposted.id}`)).status,
      404,
    );
  });

  it('sends the selection as register.csv', async () => {
    const response = await get('/register/api/register.csv?q=forum&year=2026');
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-disposition'),
      'attachment; filename="register.csv"',
    );
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /,Oslo Forum,/);
    assert.match(lines[2] ?? '', /,Gent Forum,/);
  });

  it('answers 401 without a valid token, and 400 to a query the page never sends', async () => {
    viewer = undefined;
    for (const path of [
      '/register/api/reports',
      '/register/api/summary',
      '/register/api/filters',
      '/register/api/register.csv',
      `/register/api/reports/${seeded[0]?.travellerId}/${seeded[0]?.id}`,
    ]) {
      const response = await get(path);
      assert.equal(response.status, 401, path);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.match(
        ((await response.json()) as { error: string }).error,
        /^Open het register in Teams/,
      );
    }
    viewer = { anonymous: true };
    assert.equal((await json('/register/api/reports?year=twenty')).status, 400);
    assert.equal((await json('/register/api/reports?continuation=999999x')).status, 400);
  });
});
