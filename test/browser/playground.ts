// The browser test's harness: the built bot with its embedded store and the Microsoft 365 Agents
// Playground on free ports (as `npm run dev` starts them, telemetry off), Debian's Chromium driven
// by playwright-core, and the Playground's page as a person uses it: the chat list, the compose
// box, the cards. Screenshots and logs go to test-output/browser/.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { configVariableNames } from '../../src/config';
import { freePort, ManagedProcess, PROJECT_ROOT } from '../support/processes';

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, and nothing reaches out to the network on its own (CI has a closed network). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the screenshots and logs of a run are kept (CI keeps this folder as an artefact). */
export const OUTPUT_DIR = join(PROJECT_ROOT, 'test-output', 'browser');

/** `UPDATE_DOCS=1 npm run test:browser` also writes the README's pictures to docs/. */
export const UPDATE_DOCS = process.env.UPDATE_DOCS === '1';
const DOCS_DIR = join(PROJECT_ROOT, 'docs');

/** The bot's name in the Playground (.m365agentsplayground.yml): the sender of its messages. */
const BOT_NAME = 'Reisverslag';

/** How long the bot may take to answer in the page (Teams gives a turn 15 s). */
export const ANSWER_TIMEOUT_MS = 15_000;

/** The bot (`node dist/index.js`, embedded store) and the Playground pointed at it. */
export class PlaygroundServers {
  private constructor(
    readonly bot: ManagedProcess,
    readonly playground: ManagedProcess,
    /** `http://localhost:<port>`: the Playground's page. */
    readonly url: string,
    private readonly tempDir: string,
  ) {}

  /**
   * Starts both on free ports (never 3978 or 56150, so a developer's `npm run dev` may run);
   * `env` adds to the bot's environment (e.g. quick reminders).
   */
  static async start(env: Record<string, string> = {}): Promise<PlaygroundServers> {
    const entry = join(PROJECT_ROOT, 'dist', 'index.js');
    if (!existsSync(entry)) throw new Error('dist/index.js does not exist: run `npm run build`');
    const tempDir = mkdtempSync(join(tmpdir(), 'reisverslag-browser-'));

    const botPort = await freePort();
    const botEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const key of configVariableNames) delete botEnv[key];
    // No COSMOS_ENDPOINT: the embedded in-memory store. The Playground sends no token, so the
    // bot runs without an app id, on loopback, as under `npm run dev`.
    Object.assign(botEnv, {
      PORT: String(botPort),
      MicrosoftAppId: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...env,
    });
    const bot = new ManagedProcess('bot', [entry], botEnv);
    await waitForHealthy(bot, `http://127.0.0.1:${botPort}/healthz`, 30_000);

    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', {
      paths: [PROJECT_ROOT],
    });
    // Run from the project root: the Playground reads .m365agentsplayground.yml from its cwd.
    const playground = new ManagedProcess(
      'Agents Playground',
      [
        cli,
        '--app-endpoint',
        `http://127.0.0.1:${botPort}/api/messages`,
        '--channel-id',
        'msteams',
        '--port',
        String(await freePort()),
        '--disable-telemetry',
      ],
      {
        ...process.env,
        TEAMSFX_TELEMETRY_DISABLED: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: join(tempDir, 'playground.log'),
      },
    );
    await playground.waitForOutput('Listening on ', 30_000);
    // It takes another port when the one given was taken meanwhile; it says which.
    const port = /Listening on (\d+)/.exec(playground.output())?.[1];
    if (!port) throw new Error(`The Playground did not say its port:\n${playground.output()}`);
    return new PlaygroundServers(bot, playground, `http://localhost:${port}`, tempDir);
  }

  /** The bot's log lines at level error or fatal (a failed turn, a crash), from `from` on. */
  botErrors(from = 0): string[] {
    return this.bot
      .output()
      .slice(from)
      .split('\n')
      .filter((line) => /"level":(?:50|60)\b/.test(line));
  }

  /** Stops both and writes their output to `logDir`: bot.log, playground.log. */
  async stop(logDir: string): Promise<void> {
    await Promise.all([this.playground.kill('SIGTERM', 3000), this.bot.kill('SIGTERM', 5000)]);
    writeFileSync(join(logDir, 'bot.log'), this.bot.output());
    const logFile = join(this.tempDir, 'playground.log');
    writeFileSync(
      join(logDir, 'playground.log'),
      existsSync(logFile) ? readFileSync(logFile, 'utf8') : this.playground.output(),
    );
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}

async function waitForHealthy(bot: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (bot.exit || Date.now() > deadline) {
      throw new Error(`The bot did not answer ${url}:\n${bot.output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts Debian's Chromium, headless; says how to get it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install chromium) or set ` +
        'CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** A rectangle on the page, in CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The Playground's page in a browser tab, used as a person would. */
export class PlaygroundPage {
  private shots = 0;

  private constructor(readonly page: Page) {}

  /** Opens the Playground in a new tab (US English and Amsterdam time, loopback only). */
  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1500 },
      locale: 'en-US',
      timezoneId: 'Europe/Amsterdam',
    });
    // The page asks a CDN for fonts and animations; nothing may leave this machine.
    await context.route(
      (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    // Loading its 9 MB script takes a while on a busy machine.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const playground = new PlaygroundPage(page);
    await expectVisible(playground.chatListEntry('Personal Chat'), 'The Playground', 60_000);
    return playground;
  }

  /**
   * The options of the card's drop-down (a compact Input.ChoiceSet: a `select`, or a combobox
   * with a list of options); with `choose`, picks that option, else closes the list again.
   */
  async dropDown(card: Locator, choose?: string): Promise<string[]> {
    const select = card.locator('select');
    if ((await select.count()) > 0) {
      const options = await select.first().locator('option').allInnerTexts();
      if (choose) await select.first().selectOption({ label: choose });
      return options.map((option) => option.trim());
    }
    await card.getByRole('combobox').first().click();
    const listed = this.page.getByRole('option');
    await expectVisible(listed.first(), "The drop-down's options");
    const options = (await listed.allInnerTexts()).map((option) => option.trim());
    if (choose) await this.page.getByRole('option', { name: choose, exact: true }).click();
    else await this.page.keyboard.press('Escape');
    return options;
  }

  /** An entry of the chat list on the left: a chat, or a team's channel. */
  chatListEntry(name: string): Locator {
    return this.page.getByText(name, { exact: true }).first();
  }

  /** Opens a chat or channel from the list on the left. */
  async open(name: string): Promise<void> {
    await this.chatListEntry(name).click();
  }

  /** Types a message in the compose box and sends it with Enter. */
  async say(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]').first();
    await box.click();
    await box.pressSequentially(text);
    await box.press('Enter');
  }

  /** Every Adaptive Card on the page containing all of `texts`; the newest is last. */
  cards(...texts: string[]): Locator {
    let cards = this.page.locator('.ac-adaptiveCard');
    for (const text of texts) cards = cards.filter({ hasText: text });
    return cards;
  }

  /** The newest card containing all of `texts`, once it is shown. */
  async card(what: string, ...texts: string[]): Promise<Locator> {
    const card = this.cards(...texts).last();
    await expectVisible(card, `${what} (a card with ${texts.map((t) => `"${t}"`).join(', ')})`);
    return card;
  }

  /** The newest card with a `buttonName` button that contains all of `texts`, once shown. */
  async cardWithButton(what: string, buttonName: string, ...texts: string[]): Promise<Locator> {
    const card = this.cards(...texts)
      .filter({ has: this.page.getByRole('button', { name: buttonName, exact: true }) })
      .last();
    await expectVisible(
      card,
      `${what} (a card with a ${buttonName} button and ${texts.join(', ')})`,
    );
    return card;
  }

  /** Waits until more than `count` cards contain all of `texts` (a new one, not an old one). */
  async newCard(what: string, count: number, ...texts: string[]): Promise<Locator> {
    const cards = this.cards(...texts);
    await expectVisible(cards.nth(count), `${what} (a new card with ${texts.join(', ')})`);
    return cards.last();
  }

  /** Waits for a text anywhere on the page (e.g. the bot's plain-text answer). */
  async expectMessage(text: string, what: string): Promise<void> {
    await expectVisible(this.page.getByText(text).last(), `${what}: "${text}"`);
  }

  /** A screenshot of the whole page, numbered in the order taken, in test-output/browser/. */
  async screenshot(name: string): Promise<string> {
    this.shots += 1;
    const file = join(OUTPUT_DIR, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * A picture for the README: the chat messages holding `cards`, cropped to the chat column.
   * Kept in test-output/browser/docs/, and written to docs/ with UPDATE_DOCS=1.
   */
  async picture(name: string, ...cards: Locator[]): Promise<void> {
    await cards[cards.length - 1]!.scrollIntoViewIfNeeded();
    const boxes = await Promise.all(cards.map(messageBox));
    const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - 8);
    const top = Math.max(0, Math.min(...boxes.map((box) => box.y)));
    const right = Math.max(...boxes.map((box) => box.x + box.width)) + 8;
    const bottom = Math.max(...boxes.map((box) => box.y + box.height));
    const clip = { x: left, y: top, width: right - left, height: bottom - top };
    const dir = join(OUTPUT_DIR, 'docs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.png`);
    await this.page.screenshot({ path: file, clip });
    if (UPDATE_DOCS) {
      mkdirSync(DOCS_DIR, { recursive: true });
      copyFileSync(file, join(DOCS_DIR, `${name}.png`));
    }
  }
}

/**
 * The chat message around a card: the sender's name and time above it, the avatar beside it, and
 * the card's bubble (not the replies and reply box under a channel post).
 */
function messageBox(card: Locator): Promise<Box> {
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  return card.evaluate((element, sender) => {
    let message = element;
    while (
      message.parentElement &&
      ![...message.querySelectorAll('*')].some(
        (e) => !element.contains(e) && e.children.length === 0 && e.textContent?.trim() === sender,
      )
    ) {
      message = message.parentElement;
    }
    // The part of the message that holds the card: its bubble (without a thread's replies).
    let bubble = element;
    while (bubble.parentElement && bubble.parentElement !== message) bubble = bubble.parentElement;
    const outer = message.getBoundingClientRect();
    const bottom = bubble.getBoundingClientRect().bottom + 6;
    return { x: outer.x, y: outer.y, width: outer.width, height: bottom - outer.y };
  }, BOT_NAME);
}

/** Waits until `locator` is visible; fails naming `what` when it is not within `timeoutMs`. */
export async function expectVisible(
  locator: Locator,
  what: string,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what} did not appear within ${timeoutMs / 1000} s`);
  }
}

/** Checks that `scope` shows each of `texts` (whitespace-normalised, case-insensitive). */
export async function expectTexts(scope: Locator, what: string, texts: string[]): Promise<void> {
  const missing: string[] = [];
  for (const text of texts) {
    if ((await scope.getByText(text).count()) === 0) missing.push(text);
  }
  if (missing.length > 0) {
    throw new Error(
      `${what} does not show ${missing.map((text) => `"${text}"`).join(', ')}; it shows:\n` +
        (await scope.innerText()),
    );
  }
}

/** Checks that `scope` shows none of `texts`. */
export async function expectNoTexts(scope: Locator, what: string, texts: string[]): Promise<void> {
  for (const text of texts) {
    if ((await scope.getByText(text).count()) > 0) {
      throw new Error(`${what} still shows "${text}"; it shows:\n${await scope.innerText()}`);
    }
  }
}

/** Empties test-output/browser/ (a run's screenshots only) and says where they go. */
export function prepareOutputDir(): void {
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  process.stdout.write(`  Screenshots and logs: ${OUTPUT_DIR}\n`);
  if (UPDATE_DOCS) process.stdout.write(`  Pictures for the README: ${DOCS_DIR}\n`);
}
