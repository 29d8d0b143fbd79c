// The Register tab's configuration page (src/register/public/configure.html + configure.js), run
// in a sandbox with a stand-in for @microsoft/teams-js: what Teams is told when a team adds the tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const folder = join(__dirname, '..', '..', 'src', 'register', 'public');
const html = readFileSync(join(folder, 'configure.html'), 'utf8');
const script = readFileSync(join(folder, 'configure.js'), 'utf8');
const ORIGIN = 'https://app-reisverslag-abc.azurewebsites.net';

/** What the page asked of Teams, and the text it shows. */
interface Run {
  valid: boolean[];
  configs: Record<string, unknown>[];
  saved: string[];
  status: string;
  save?: () => Promise<void>;
}

/** Runs configure.js as the browser would, inside Teams (`initialize` resolves) or outside. */
async function runPage(inTeams: boolean, setConfigFails = false): Promise<Run> {
  const run: Run = { valid: [], configs: [], saved: [], status: '' };
  const microsoftTeams = {
    app: {
      initialize: () => (inTeams ? Promise.resolve() : Promise.reject(new Error('not in Teams'))),
    },
    pages: {
      config: {
        setValidityState: (valid: boolean) => run.valid.push(valid),
        setConfig: async (config: Record<string, unknown>) => {
          // A copy made in this realm: the sandbox's objects have their own prototypes.
          run.configs.push(JSON.parse(JSON.stringify(config)));
          if (setConfigFails) throw new Error('tab limit reached');
        },
        registerOnSaveHandler: (
          handler: (event: { notifySuccess(): void; notifyFailure(reason: string): void }) => void,
        ) => {
          run.save = () =>
            new Promise<void>((resolve) =>
              handler({
                notifySuccess: () => resolve(void run.saved.push('success')),
                notifyFailure: (reason) => resolve(void run.saved.push(`failure: ${reason}`)),
              }),
            );
        },
      },
    },
  };
  const document = {
    getElementById: (id: string) =>
      id === 'status'
        ? {
            set textContent(text: string) {
              run.status = text;
            },
          }
        : null,
  };
  runInNewContext(script, { microsoftTeams, document, window: { location: { origin: ORIGIN } } });
  await new Promise((resolve) => setImmediate(resolve));
  return run;
}

describe('register: the configuration page of the channel tab', () => {
  it('loads teams-js from /register/teams-js.js before its own script, with no inline script', () => {
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(sources, ['/register/teams-js.js', '/register/configure.js']);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'every script has a src');
  });

  it('lets the team save at once, and pins the register of the organisation as "Register"', async () => {
    const run = await runPage(true);
    assert.deepEqual(run.valid, [true]);
    assert.ok(run.save, 'a save handler is registered');
    await run.save();
    assert.deepEqual(run.configs, [
      {
        entityId: 'register',
        contentUrl: `${ORIGIN}/register?context=team`,
        websiteUrl: `${ORIGIN}/register`,
        suggestedDisplayName: 'Register',
      },
    ]);
    assert.deepEqual(run.saved, ['success']);
  });

  it('tells Teams when saving failed, so the dialog says so instead of hanging', async () => {
    const run = await runPage(true, true);
    await run.save?.();
    assert.deepEqual(run.saved, ['failure: tab limit reached']);
  });

  it('opened outside Teams, says to open it in Teams', async () => {
    const run = await runPage(false);
    assert.deepEqual(run.valid, []);
    assert.match(run.status, /Open deze pagina in Microsoft Teams/);
  });

  it('the teams-js the register serves is the browser bundle with the calls the page makes', () => {
    const bundle = require.resolve('@microsoft/teams-js');
    assert.match(bundle, /dist[\\/]umd[\\/]MicrosoftTeams\.min\.js$/);
    const text = readFileSync(bundle, 'utf8');
    assert.match(text, /e\.microsoftTeams=/, 'a UMD bundle that defines the global microsoftTeams');
    for (const call of ['registerOnSaveHandler', 'setValidityState', 'getAuthToken']) {
      assert.ok(text.includes(call), call);
    }
  });
});
