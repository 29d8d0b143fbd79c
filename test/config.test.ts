import assert from 'node:assert/strict';
import { ConfigError, readConfig } from '../src/config';

describe('config', () => {
  it('runs in local anonymous mode with the embedded store when nothing is set', () => {
    const config = readConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.bot, undefined);
    assert.equal(config.cosmos, undefined);
    assert.equal(config.cosmosDatabase, 'reisverslag');
    assert.deepEqual(config.allowedTenantIds, []);
    assert.equal(config.reminders.afterDays, 3);
    assert.deepEqual([...config.reminders.window.days].sort(), [1, 2, 3, 4, 5]);
    assert.equal(config.reminders.window.startMinute, 9 * 60);
    assert.equal(config.reminders.window.endMinute, 17 * 60);
    assert.equal(config.reminders.skipHolidays, true);
    assert.equal(config.reminders.sweepMinutes, 15);
  });

  it('reads the reminder settings, fractions and a whole-week window included', () => {
    const { reminders } = readConfig({
      REMINDER_AFTER_DAYS: '0.0003',
      REMINDER_WINDOW: 'ma-zo 00:00-24:00',
      REMINDER_SKIP_HOLIDAYS: 'false',
      REMINDER_SWEEP_MINUTES: '0.1',
    });
    assert.equal(reminders.afterDays, 0.0003);
    assert.equal(reminders.window.days.size, 7);
    assert.equal(reminders.window.endMinute, 24 * 60);
    assert.equal(reminders.skipHolidays, false);
    assert.equal(reminders.sweepMinutes, 0.1);
    assert.equal(readConfig({ REMINDER_SWEEP_MINUTES: '0' }).reminders.sweepMinutes, 0);
  });

  it('reads UPLOAD_HOST_SUFFIXES: .sharepoint.com by default, a comma-separated list of domain suffixes', () => {
    assert.deepEqual(readConfig({}).uploadHostSuffixes, ['.sharepoint.com']);
    assert.deepEqual(readConfig({ UPLOAD_HOST_SUFFIXES: ' ' }).uploadHostSuffixes, [
      '.sharepoint.com',
    ]);
    assert.deepEqual(
      readConfig({ UPLOAD_HOST_SUFFIXES: '.SharePoint.com, .sharepoint.us' }).uploadHostSuffixes,
      ['.sharepoint.com', '.sharepoint.us'],
    );
    // A suffix without its dot would let evilsharepoint.com through; a bare TLD, every host.
    for (const value of [
      'sharepoint.com',
      '.com',
      '.sharepoint.com,https://x.example',
      '*.sharepoint.com',
    ]) {
      assert.throws(
        () => readConfig({ UPLOAD_HOST_SUFFIXES: value }),
        (error: Error) =>
          error instanceof ConfigError &&
          /UPLOAD_HOST_SUFFIXES: each suffix must start with a dot/.test(error.message),
        value,
      );
    }
  });

  it('reads the bot identity, Cosmos DB, tenants and botbuilder settings', () => {
    const config = readConfig({
      PORT: '8080',
      MicrosoftAppId: 'a1b2',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      ALLOWED_TENANT_IDS:
        ' 11111111-2222-3333-4444-555555555555 ,66666666-7777-8888-9999-000000000000',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
    });
    assert.equal(config.port, 8080);
    assert.deepEqual(config.bot, { appId: 'a1b2', appType: 'UserAssignedMSI', tenantId: 'tenant' });
    assert.deepEqual(config.cosmos, { endpoint: 'https://acct.documents.azure.com:443/' });
    assert.equal(config.allowedTenantIds.length, 2);
    assert.equal(
      config.botFrameworkAuthentication.ToBotFromChannelTokenIssuer,
      'https://api.botframework.us',
    );
  });

  const rejects = (env: NodeJS.ProcessEnv, variable: string) => {
    assert.throws(
      () => readConfig(env),
      (error: unknown) => error instanceof ConfigError && error.message.includes(`${variable}:`),
      `a bad ${variable} is named`,
    );
  };

  it('names each bad variable', () => {
    rejects({ PORT: 'http' }, 'PORT');
    rejects({ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT');
    rejects({ COSMOS_KEY: 'abc' }, 'COSMOS_KEY');
    rejects({ ALLOWED_TENANT_IDS: 'contoso' }, 'ALLOWED_TENANT_IDS');
    rejects({ MicrosoftAppType: 'Anonymous' }, 'MicrosoftAppType');
    rejects({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
    rejects({ REMINDER_AFTER_DAYS: '0' }, 'REMINDER_AFTER_DAYS');
    rejects({ REMINDER_AFTER_DAYS: 'drie' }, 'REMINDER_AFTER_DAYS');
    rejects({ REMINDER_WINDOW: 'werkdagen' }, 'REMINDER_WINDOW');
    rejects({ REMINDER_WINDOW: 'ma-vr 17:00-09:00' }, 'REMINDER_WINDOW');
    rejects({ REMINDER_SKIP_HOLIDAYS: 'ja' }, 'REMINDER_SKIP_HOLIDAYS');
    rejects({ REMINDER_SWEEP_MINUTES: '-1' }, 'REMINDER_SWEEP_MINUTES');
  });

  /** What Azure gives the bot: a managed identity and a Cosmos DB account over https. */
  const production: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    MicrosoftAppId: 'a1b2',
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
  };

  it('refuses anonymous mode in production', () => {
    rejects({ NODE_ENV: 'production' }, 'MicrosoftAppId');
    rejects({ ...production, MicrosoftAppId: '' }, 'MicrosoftAppId');
    assert.doesNotThrow(() => readConfig(production));
  });

  it('refuses the embedded in-memory store in production, naming COSMOS_ENDPOINT', () => {
    rejects({ ...production, COSMOS_ENDPOINT: undefined }, 'COSMOS_ENDPOINT');
    rejects({ ...production, COSMOS_ENDPOINT: '' }, 'COSMOS_ENDPOINT');
    // Outside production the embedded store is what local development runs on.
    assert.equal(
      readConfig({ ...production, NODE_ENV: 'development', COSMOS_ENDPOINT: '' }).cosmos,
      undefined,
    );
  });

  it('takes Cosmos DB over http on this machine only', () => {
    rejects({ COSMOS_ENDPOINT: 'http://acct.documents.azure.com:443/' }, 'COSMOS_ENDPOINT');
    rejects({ COSMOS_ENDPOINT: 'http://10.0.0.4:8081/' }, 'COSMOS_ENDPOINT');
    rejects({ COSMOS_ENDPOINT: 'http://127.0.0.1.nip.io:8081/' }, 'COSMOS_ENDPOINT');
    rejects({ COSMOS_ENDPOINT: 'ftp://127.0.0.1:8081/' }, 'COSMOS_ENDPOINT');
    for (const endpoint of [
      'http://127.0.0.1:8081/',
      'http://localhost:8081/',
      'http://[::1]:8081/',
      'https://acct.documents.azure.com:443/',
    ]) {
      assert.equal(readConfig({ COSMOS_ENDPOINT: endpoint }).cosmos?.endpoint, endpoint);
    }
  });

  it('checks the bot identity as botbuilder needs it, naming the variable instead of a stack trace', () => {
    const tenant = { MicrosoftAppTenantId: production.MicrosoftAppTenantId };
    // A tenant for a single-tenant app and a managed identity.
    rejects(
      { MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p' },
      'MicrosoftAppTenantId',
    );
    rejects({ MicrosoftAppId: 'x', MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppTenantId');
    // A secret for an app registration: a password, or a whole certificate.
    for (const appType of ['SingleTenant', 'MultiTenant', undefined]) {
      const app = { MicrosoftAppId: 'x', MicrosoftAppType: appType, ...tenant };
      rejects(app, 'MicrosoftAppPassword');
      rejects({ ...app, CertificateThumbprint: 'AB12' }, 'CertificatePrivateKey');
      rejects(
        { ...app, CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----' },
        'CertificateThumbprint',
      );
      assert.equal(readConfig({ ...app, MicrosoftAppPassword: 'p' }).bot?.appPassword, 'p');
      const withCertificate = readConfig({
        ...app,
        CertificateThumbprint: 'AB12',
        CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----',
      });
      assert.equal(withCertificate.botFrameworkAuthentication.CertificateThumbprint, 'AB12');
    }
    // No secret for a managed identity.
    const identity = { MicrosoftAppId: 'x', MicrosoftAppType: 'UserAssignedMSI', ...tenant };
    rejects({ ...identity, MicrosoftAppPassword: 'p' }, 'MicrosoftAppPassword');
    rejects({ ...identity, CertificateThumbprint: 'AB12' }, 'CertificateThumbprint');
    assert.equal(readConfig(identity).bot?.appType, 'UserAssignedMSI');
  });

  it("reads the register's single sign-on: REGISTER_CLIENT_ID a GUID, the metadata URL https but for loopback", () => {
    // Unset: no client id (the register is closed with an app id, anonymous without), Entra's metadata.
    assert.deepEqual(readConfig({}).register, {
      openIdMetadataUrl:
        'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    });
    const register = readConfig({
      REGISTER_CLIENT_ID: ' 6A3A1C7E-2F4B-4D6E-9A8B-1C2D3E4F5A6B ',
      REGISTER_OPENID_METADATA_URL:
        'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/.well-known/openid-configuration',
    }).register;
    assert.equal(register.clientId, '6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b');
    assert.match(register.openIdMetadataUrl, /^https:\/\/login\.microsoftonline\.com\/72f988bf-/);
    assert.equal(readConfig({ REGISTER_CLIENT_ID: '' }).register.clientId, undefined);
    // Tests point it at a metadata server on this machine.
    for (const url of [
      'http://127.0.0.1:8123/meta',
      'http://localhost:8123/meta',
      'http://[::1]:8123/m',
    ]) {
      assert.equal(
        readConfig({ REGISTER_OPENID_METADATA_URL: url }).register.openIdMetadataUrl,
        url,
      );
    }

    rejects({ REGISTER_CLIENT_ID: 'reisverslag-register' }, 'REGISTER_CLIENT_ID');
    rejects(
      { REGISTER_CLIENT_ID: 'api://host/6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b' },
      'REGISTER_CLIENT_ID',
    );
    // Plain http elsewhere would let whoever sits between hand the register false signing keys.
    rejects(
      {
        REGISTER_OPENID_METADATA_URL:
          'http://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      },
      'REGISTER_OPENID_METADATA_URL',
    );
    rejects(
      { REGISTER_OPENID_METADATA_URL: 'http://127.0.0.1.nip.io/meta' },
      'REGISTER_OPENID_METADATA_URL',
    );
    rejects(
      { REGISTER_OPENID_METADATA_URL: 'login.microsoftonline.com' },
      'REGISTER_OPENID_METADATA_URL',
    );
    rejects(
      { REGISTER_OPENID_METADATA_URL: 'ftp://127.0.0.1/meta' },
      'REGISTER_OPENID_METADATA_URL',
    );
  });
});
