// deployment/register-app.sh, run against a stand-in `az` on the PATH that records each call and
// answers as Entra ID would: the app registration Teams single sign-on needs, checked offline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isRegisterAudience } from '../../src/register/registerAuth';

const root = join(__dirname, '..', '..');
const script = join(root, 'deployment', 'register-app.sh');
const HOST = 'app-reisverslag-abc.azurewebsites.net';
const CLIENT_ID = '6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b';
const OBJECT_ID = 'c4d5e6f7-0000-4000-8000-000000000001';
const EXISTING_SCOPE = 'd1e2f3a4-0000-4000-8000-000000000002';
/** Teams' own client ids, as Microsoft's Teams SSO documentation lists them. */
const TEAMS_CLIENTS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
];

/** A fake `az`: appends its arguments as a JSON line to AZ_LOG and prints what Entra would. */
const FAKE_AZ = `#!/usr/bin/env node
const args = process.argv.slice(2);
require('node:fs').appendFileSync(process.env.AZ_LOG, JSON.stringify(args) + '\\n');
const has = (...words) => words.every((word) => args.includes(word));
const query = args[args.indexOf('--query') + 1] ?? '';
const existing = process.env.AZ_EXISTING === '1';
let out = '';
if (has('ad', 'app', 'list')) out = existing ? '${CLIENT_ID}' : '';
else if (has('ad', 'app', 'create')) out = '${CLIENT_ID}';
else if (has('ad', 'app', 'show') && query === 'id') out = '${OBJECT_ID}';
else if (has('ad', 'app', 'show')) out = existing ? '${EXISTING_SCOPE}' : '';
else if (has('ad', 'sp', 'list')) out = existing ? 'sp-object-id' : '';
if (out) console.log(out);
`;

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[][];
}

describe('deployment: register-app.sh, the SSO app registration', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'reisverslag-register-app-'));
    writeFileSync(join(folder, 'az'), FAKE_AZ);
    chmodSync(join(folder, 'az'), 0o755);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function run(args: string[], env: NodeJS.ProcessEnv = {}): Result {
    const log = join(folder, 'az.log');
    writeFileSync(log, '');
    const result = spawnSync('bash', [script, ...args], {
      env: { PATH: `${folder}${delimiter}${process.env.PATH}`, AZ_LOG: log, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const calls = readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as string[]);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
  }

  const option = (call: string[], name: string) => call[call.indexOf(name) + 1];
  const bodies = (calls: string[][]) =>
    calls
      .filter((call) => call[0] === 'rest')
      .map((call) => {
        assert.equal(option(call, '--method'), 'PATCH');
        assert.equal(
          option(call, '--uri'),
          `https://graph.microsoft.com/v1.0/applications/${OBJECT_ID}`,
        );
        return JSON.parse(option(call, '--body') as string) as {
          api: {
            requestedAccessTokenVersion?: number;
            oauth2PermissionScopes?: {
              id: string;
              value: string;
              type: string;
              isEnabled: boolean;
            }[];
            preAuthorizedApplications?: { appId: string; delegatedPermissionIds: string[] }[];
          };
        };
      });

  it('registers a single-tenant app with api://<host>/<client id>, scope access_as_user, v2 tokens, Teams pre-authorised', () => {
    const result = run([HOST]);
    assert.equal(result.status, 0, result.stderr);
    const create = result.calls.find((call) => call.join(' ').startsWith('ad app create'));
    assert.ok(create, 'creates the app');
    assert.equal(option(create, '--sign-in-audience'), 'AzureADMyOrg');

    const update = result.calls.find((call) => call.join(' ').startsWith('ad app update'));
    const uri = option(update ?? [], '--identifier-uris') as string;
    assert.equal(uri, `api://${HOST}/${CLIENT_ID}`);
    // The audience of v1 tokens for that URI is what the register's check lets in.
    assert.ok(isRegisterAudience(uri, CLIENT_ID));

    const [scopes, preAuthorized] = bodies(result.calls);
    assert.equal(scopes?.api.requestedAccessTokenVersion, 2);
    const [scope] = scopes?.api.oauth2PermissionScopes ?? [];
    assert.equal(scope?.value, 'access_as_user');
    assert.equal(scope?.type, 'User');
    assert.equal(scope?.isEnabled, true);
    assert.match(scope?.id ?? '', /^[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}$/);
    assert.deepEqual(preAuthorized?.api.preAuthorizedApplications, [
      { appId: TEAMS_CLIENTS[0], delegatedPermissionIds: [scope?.id] },
      { appId: TEAMS_CLIENTS[1], delegatedPermissionIds: [scope?.id] },
    ]);
    assert.ok(
      result.calls.some(
        (call) => call.join(' ') === `ad sp create --id ${CLIENT_ID} --output none`,
      ),
      'creates the service principal, without which Entra issues no token',
    );
    assert.match(result.stdout, new RegExp(`REGISTER_CLIENT_ID=${CLIENT_ID}`));
    assert.match(
      result.stdout,
      new RegExp(`registerClientId = ${CLIENT_ID} in deployment/main.parameters.json`),
    );
  });

  it('run again, finds the app and keeps its scope id, creating nothing', () => {
    const result = run([HOST.toUpperCase()], { AZ_EXISTING: '1' });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!result.calls.some((call) => call.includes('create')), JSON.stringify(result.calls));
    const [scopes, preAuthorized] = bodies(result.calls);
    assert.equal(scopes?.api.oauth2PermissionScopes?.[0]?.id, EXISTING_SCOPE);
    assert.deepEqual(
      preAuthorized?.api.preAuthorizedApplications?.map((app) => app.delegatedPermissionIds),
      [[EXISTING_SCOPE], [EXISTING_SCOPE]],
    );
    const update = result.calls.find((call) => call.join(' ').startsWith('ad app update'));
    assert.equal(option(update ?? [], '--identifier-uris'), `api://${HOST}/${CLIENT_ID}`);
  });

  it('refuses a missing host or a URL for a host, calling nothing', () => {
    for (const args of [[], [`https://${HOST}/`], ['localhost']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /Usage: .*register-app\.sh <web app host>/);
      assert.deepEqual(result.calls, []);
    }
  });

  it('pre-authorises the Teams clients that deployment/README.md names', () => {
    const readme = readFileSync(join(root, 'deployment', 'README.md'), 'utf8');
    const text = readFileSync(script, 'utf8');
    for (const id of TEAMS_CLIENTS) {
      assert.ok(text.includes(id), `register-app.sh has ${id}`);
      assert.ok(readme.includes(id), `deployment/README.md has ${id}`);
    }
  });
});
