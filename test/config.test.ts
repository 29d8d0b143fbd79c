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
    rejects({ MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId');
    rejects({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
    rejects({ REMINDER_AFTER_DAYS: '0' }, 'REMINDER_AFTER_DAYS');
    rejects({ REMINDER_AFTER_DAYS: 'drie' }, 'REMINDER_AFTER_DAYS');
    rejects({ REMINDER_WINDOW: 'werkdagen' }, 'REMINDER_WINDOW');
    rejects({ REMINDER_WINDOW: 'ma-vr 17:00-09:00' }, 'REMINDER_WINDOW');
    rejects({ REMINDER_SKIP_HOLIDAYS: 'ja' }, 'REMINDER_SKIP_HOLIDAYS');
    rejects({ REMINDER_SWEEP_MINUTES: '-1' }, 'REMINDER_SWEEP_MINUTES');
  });

  it('refuses anonymous mode in production', () => {
    rejects({ NODE_ENV: 'production' }, 'MicrosoftAppId');
    assert.doesNotThrow(() => readConfig({ NODE_ENV: 'production', MicrosoftAppId: 'a1b2' }));
  });
});
