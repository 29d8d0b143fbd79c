// The register's door: Teams SSO tokens checked against a local Entra ID stand-in (OpenID
// metadata + JWKS on 127.0.0.1), and a tiny restify route that answers 401 without a token.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import {
  type AuthenticateRegisterViewer,
  isRegisterAudience,
  registerAuthenticator,
  RegisterAuthError,
  type RegisterAuthOptions,
  SigningKeysUnavailableError,
} from '../../src/register/registerAuth';
import {
  type JwtClaims,
  LocalIdentityProvider,
  newSigningKey,
  signHs256,
  signRs256,
  unsignedJwt,
} from '../security/support/identityProvider';

const CLIENT_ID = '6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const WEB_APP_HOST = 'app-reisverslag-abc.azurewebsites.net';
const now = () => Math.floor(Date.now() / 1000);

/** The log lines an authenticator writes, parsed. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('register: who may see it (Teams SSO token)', () => {
  // Entra's common metadata names its issuer with a {tenantid} placeholder, as this one does.
  const provider = new LocalIdentityProvider('https://login.microsoftonline.com/{tenantid}/v2.0');
  const key = newSigningKey('entra-key-1');
  const strangerKey = newSigningKey('entra-key-1'); // same kid, other key: a forged signature
  const unknownKey = newSigningKey('not-published');

  before(async () => {
    provider.publish(key);
    await provider.start();
  });
  after(() => provider.stop());

  /** What Teams hands the page for a person of TENANT (a v2 token for the register's app). */
  const claims = (overrides: JwtClaims = {}): JwtClaims => ({
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now() - 60,
    nbf: now() - 60,
    exp: now() + 3600,
    tid: TENANT,
    oid: '9b6e8b54-1d3c-4f1a-8a53-7f3c2e1d0a9b',
    name: 'Sanne Visser',
    preferred_username: 'sanne.visser@voorbeeld.nl',
    scp: 'access_as_user',
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ver: '2.0',
    ...overrides,
  });
  const bearer = (token: string) => `Bearer ${token}`;

  let logged: ReturnType<typeof capturingLogger>;
  function authenticator(options: Partial<RegisterAuthOptions> = {}): AuthenticateRegisterViewer {
    logged = capturingLogger();
    return registerAuthenticator({
      clientId: CLIENT_ID,
      botAppId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      openIdMetadataUrl: provider.metadataUrl,
      allowedTenantIds: [TENANT],
      logger: logged.logger,
      ...options,
    });
  }

  /** The request is refused with a reason for the log that matches `reason`. */
  async function refused(header: string | undefined, reason: RegExp, options = {}) {
    const authenticate = authenticator(options);
    await assert.rejects(
      authenticate(header),
      (error: unknown) => error instanceof RegisterAuthError && reason.test(error.message),
    );
    assert.ok(
      logged.lines.some((line) => reason.test(line.msg)),
      `the log says why: ${JSON.stringify(logged.lines)}`,
    );
  }

  it('lets a person of an allowed tenant in, named by tid, oid and name from the token', async () => {
    const viewer = await authenticator()(bearer(signRs256(key, claims())));
    assert.deepEqual(viewer, {
      tenantId: TENANT,
      aadObjectId: '9b6e8b54-1d3c-4f1a-8a53-7f3c2e1d0a9b',
      name: 'Sanne Visser',
      anonymous: false,
    });
  });

  it('takes v1 tokens too: issuer sts.windows.net, audience api://<host>/<client id>', async () => {
    const v1 = claims({
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: `api://${WEB_APP_HOST}/${CLIENT_ID}`,
      ver: '1.0',
    });
    const viewer = await authenticator()(bearer(signRs256(key, v1)));
    assert.equal(viewer.tenantId, TENANT);
    assert.equal(viewer.anonymous, false);
  });

  it('refuses a person of a tenant not in ALLOWED_TENANT_IDS', async () => {
    const stranger = claims({
      tid: OTHER_TENANT,
      iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    });
    await refused(bearer(signRs256(key, stranger)), /tenant 11111111-.* not in ALLOWED_TENANT_IDS/);
    // Without a list, as for the bot, every tenant may.
    const viewer = await authenticator({ allowedTenantIds: [] })(bearer(signRs256(key, stranger)));
    assert.equal(viewer.tenantId, OTHER_TENANT);
  });

  it('refuses a token for another app (audience)', async () => {
    const otherApp = 'b0e2c1d4-0000-4000-8000-000000000000';
    for (const aud of [
      otherApp,
      `api://${WEB_APP_HOST}/${otherApp}`,
      'https://graph.microsoft.com',
    ]) {
      await refused(bearer(signRs256(key, claims({ aud }))), /not for REGISTER_CLIENT_ID/);
    }
    assert.equal(isRegisterAudience(`api://${WEB_APP_HOST}/${CLIENT_ID}/extra`, CLIENT_ID), false);
    assert.equal(isRegisterAudience(`api:///${CLIENT_ID}`, CLIENT_ID), false);
    assert.equal(isRegisterAudience(`https://${WEB_APP_HOST}/${CLIENT_ID}`, CLIENT_ID), false);
  });

  it('refuses an expired token, beyond a minute of clock skew', async () => {
    await refused(bearer(signRs256(key, claims({ exp: now() - 120 }))), /expired/);
    // Thirty seconds over is within the skew Entra's and this server's clocks may have.
    await authenticator()(bearer(signRs256(key, claims({ exp: now() - 30 }))));
  });

  it('refuses a token that is not valid yet (nbf)', async () => {
    await refused(bearer(signRs256(key, claims({ nbf: now() + 600 }))), /not valid yet/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    await refused(bearer(unsignedJwt(claims(), { kid: key.kid })), /not signed with RS256/);
  });

  it('refuses HS256 "signed" with the public key as secret (algorithm confusion)', async () => {
    const publicPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await refused(
      bearer(signHs256(publicPem, claims(), { kid: key.kid })),
      /not signed with RS256/,
    );
  });

  it('refuses a token signed by a key the metadata does not publish', async () => {
    await refused(bearer(signRs256(unknownKey, claims())), /key that .* does not publish/);
    // The published kid with another key's signature.
    await refused(bearer(signRs256(strangerKey, claims())), /signature is wrong/);
  });

  it('refuses a token from another issuer, or from Entra for another tenant than its tid', async () => {
    await refused(
      bearer(signRs256(key, claims({ iss: `https://evil.example/${TENANT}/v2.0` }))),
      /issuer .* is not Entra ID/,
    );
    await refused(
      bearer(
        signRs256(key, claims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
      ),
      /issuer .* is not Entra ID for its tenant/,
    );
  });

  it("refuses an application's own token (no scope): the register is for people", async () => {
    await refused(bearer(signRs256(key, claims({ scp: undefined, roles: ['x'] }))), /no scope/);
  });

  it('refuses a request without Authorization header, saying to open the register in Teams', async () => {
    await refused(undefined, /no Authorization header.*open the register in Teams/);
    await refused('', /no Authorization header/);
  });

  it('refuses a garbage header or token', async () => {
    await refused('Basic c2FubmU6Z2VoZWlt', /not "Bearer <token>"/);
    await refused('Bearer', /not "Bearer <token>"/);
    await refused('Bearer a b', /not "Bearer <token>"/);
    await refused(bearer('not-a-jwt'), /malformed/);
    await refused(bearer('eyJhbGciOiJSUzI1NiJ9.eyJ4Ijox.!!!'), /malformed|signature/);
  });

  it('locally (no REGISTER_CLIENT_ID, no bot app id) lets everyone in as anonymous, as the bot does', async () => {
    const local = authenticator({ clientId: undefined, botAppId: undefined });
    assert.deepEqual(await local(undefined), { anonymous: true });
    assert.deepEqual(await local('Bearer whatever'), { anonymous: true });
  });

  it('with a bot app id but no REGISTER_CLIENT_ID refuses everyone, and logs once how to fix it', async () => {
    const closed = authenticator({ clientId: undefined });
    assert.equal(logged.lines.length, 1);
    assert.match(
      logged.lines[0]?.msg ?? '',
      /REGISTER_CLIENT_ID is not set.*set REGISTER_CLIENT_ID/,
    );
    for (const header of [undefined, bearer(signRs256(key, claims()))]) {
      await assert.rejects(closed(header), RegisterAuthError);
    }
    assert.equal(logged.lines.length, 1, 'logged once, not per request');
  });

  it('reads the metadata and keys once for many requests', async () => {
    const authenticate = authenticator();
    const before = provider.requests.length;
    for (let index = 0; index < 5; index++) {
      await authenticate(bearer(signRs256(key, claims())));
    }
    assert.equal(provider.requests.length - before, 2, provider.output());
  });

  it("fails as the server's problem, not the viewer's, when the metadata cannot be read", async () => {
    const authenticate = authenticator({ openIdMetadataUrl: `${provider.url}/no-such-metadata` });
    await assert.rejects(
      authenticate(bearer(signRs256(key, claims()))),
      (error: unknown) =>
        error instanceof SigningKeysUnavailableError &&
        /HTTP 404.*REGISTER_OPENID_METADATA_URL/.test(error.message),
    );
  });

  describe('on a restify route (in its own process, configured as the bot is)', () => {
    /** Starts test/register/support/registerRoute.ts with `env`; its route's URL. */
    const routes: ChildProcess[] = [];
    async function startRoute(env: NodeJS.ProcessEnv): Promise<string> {
      const child = spawn(
        process.execPath,
        ['-r', 'tsx/cjs', join(__dirname, 'support', 'registerRoute.ts')],
        {
          env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      routes.push(child);
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const { port } = JSON.parse(line) as { port: number };
      return `http://127.0.0.1:${port}/register/api/reports`;
    }
    after(() => {
      for (const child of routes) child.kill();
    });

    /** The bot in Azure: a managed identity, the register's app registration, one tenant. */
    const azure = {
      MicrosoftAppId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANT_IDS: TENANT,
      REGISTER_CLIENT_ID: CLIENT_ID,
    };
    let url: string;
    before(async () => {
      url = await startRoute({ ...azure, REGISTER_OPENID_METADATA_URL: provider.metadataUrl });
    });

    it('answers 401 without a token, with a body that tells nothing', async () => {
      const response = await fetch(url);
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { error: 'unauthorized' });
    });

    it('answers 401 to a forged token, with the same body', async () => {
      const response = await fetch(url, {
        headers: { authorization: bearer(signRs256(unknownKey, claims())) },
      });
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { error: 'unauthorized' });
    });

    it('answers 200 with the viewer to a valid Teams token', async () => {
      const response = await fetch(url, {
        headers: { authorization: bearer(signRs256(key, claims())) },
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { viewer: { name: string; tenantId: string } };
      assert.equal(body.viewer.name, 'Sanne Visser');
      assert.equal(body.viewer.tenantId, TENANT);
    });

    it('without REGISTER_CLIENT_ID in Azure, answers 401 even to a valid token', async () => {
      const closed = await startRoute({
        ...azure,
        REGISTER_CLIENT_ID: '',
        REGISTER_OPENID_METADATA_URL: provider.metadataUrl,
      });
      const response = await fetch(closed, {
        headers: { authorization: bearer(signRs256(key, claims())) },
      });
      assert.equal(response.status, 401);
    });
  });
});
