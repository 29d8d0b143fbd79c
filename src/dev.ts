import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run dev`: the built bot with its embedded store on :3978, and the Microsoft 365 Agents
 * Playground on :56150 pointed at it (telemetry off). Ctrl+C stops both.
 */
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const root = join(__dirname, '..');
const playgroundLog = join(tmpdir(), 'reisverslag-playground.log');
const children: ChildProcess[] = [];

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`,
      );
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The bot did not answer ${url} within ${timeoutMs / 1000} s; see its log above.`);
}

async function main(): Promise<void> {
  // The Playground sends no token: the bot must run without an app id, on loopback.
  const botEnv = { ...process.env, PORT: port, MicrosoftAppId: '', NODE_ENV: 'development' };
  start('The bot', [join(root, 'dist', 'index.js')], botEnv);
  await waitForHealthy(`http://127.0.0.1:${port}/healthz`, 30_000);

  const playground = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [root] });
  start(
    'The Agents Playground',
    [
      playground,
      '--app-endpoint',
      `http://127.0.0.1:${port}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      playgroundPort,
      '--disable-telemetry',
    ],
    {
      ...process.env,
      TEAMSFX_TELEMETRY_DISABLED: 'true',
      // No browser is opened from here (headless machines have none); the URL is printed below.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: playgroundLog,
    },
  );
  process.stdout.write(
    `\nReisverslag runs at http://127.0.0.1:${port}/api/messages.\n` +
      `Open the Agents Playground at http://localhost:${playgroundPort} and type "nieuw verslag".\n` +
      `The register of posted reports: http://127.0.0.1:${port}/register\n` +
      `(The Playground's own log: ${playgroundLog})\n\n`,
  );
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  stop(1);
});
