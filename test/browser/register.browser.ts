// The register page in headless Chromium, as a colleague or the records officer uses it: the posted
// reports, the search and filters with their totals, register.csv, a report in full, the link to
// the channel post, phone width, Teams' themes under axe-core, and the 401 of a signed-in bot
// asked without a token.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { postDeepLink } from '../../src/channel/deepLink';
import type { Report } from '../../src/report/report';
import {
  PROJECT_ROOT,
  startBot,
  startCosmosServer,
  stopAll,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import { launchChromium, OUTPUT_DIR, UPDATE_DOCS } from './playground';
import { seedRegister, SEED_TENANT } from './registerSeed';

// The page's globals inside page.evaluate: the tests compile without the DOM library.
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  scrollWidth: number;
  clientWidth: number;
}
declare const document: {
  documentElement: PageElement;
  activeElement: PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: {
  axe: {
    run(
      context: unknown,
      options: object,
    ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
  };
};

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('The register page in Chromium', function () {
  this.timeout(120_000);
  const logDir = join(OUTPUT_DIR, 'register');
  let cosmos: CosmosServer;
  let bot: BotProcess;
  let signedIn: BotProcess;
  let browser: Browser;
  let page: Page;
  let seeded: Report[];
  const pageErrors: string[] = [];

  before(async function () {
    this.timeout(120_000);
    mkdirSync(logDir, { recursive: true });
    cosmos = await startCosmosServer();
    // Local mode (no app id, loopback), as `npm run dev`: the page needs no sign-in.
    bot = await startBot({ cosmos, database: 'register-local' });
    seeded = await seedRegister({ ...cosmos, database: 'register-local' });
    // Signed-in mode (an app id): the register's API wants a Teams SSO token.
    signedIn = await startBot({
      cosmos,
      database: 'register-local',
      env: {
        MicrosoftAppId: '6a2bd0c1-7f2e-4c8e-9d1a-3b4c5d6e7f80',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: SEED_TENANT,
        MicrosoftAppPassword: undefined,
      },
    });
    browser = await launchChromium();
  });

  beforeEach(async function () {
    const title = this.currentTest?.title ?? '';
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(`${title}: ${error.stack ?? error.message}`));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const name = this.currentTest.title.replace(/\W+/g, '-').slice(0, 60);
      await page.screenshot({ path: join(logDir, `FAILED-${name}.png`), fullPage: true });
    }
    await page.close();
  });

  after(async function () {
    this.timeout(30_000);
    await browser?.close();
    await stopAll();
    await cosmos?.stop();
  });

  async function openRegister(query = ''): Promise<void> {
    await page.goto(`${bot.url}/register${query}`);
    await page.locator('#rows tr').first().waitFor();
  }

  const titles = () => page.locator('#rows tr td:first-child').allInnerTexts();
  const summary = () => page.locator('#summary').innerText();

  /** Waits until the table shows exactly these titles (the page reloads as one types). */
  async function expectTitles(expected: string[]): Promise<void> {
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('#rows tr td:first-child')].map((td) => td.textContent),
        ) === JSON.stringify(want),
      expected,
      { timeout: 10_000 },
    );
  }

  async function axeViolations(): Promise<string[]> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      AXE_TAGS,
    );
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }

  it('lists every posted report newest trip first, never a draft, with count and costs', async () => {
    await openRegister();
    assert.deepEqual(await titles(), [
      'Wiener Städtedialog 2026',
      'Eurocities Mobility Forum',
      'Smart City Expo',
    ]);
    assert.equal(
      await summary(),
      '3 verslagen · kosten € 2.801,80 (1 verslag met kosten nog niet (alle) bekend)',
    );
    const first = page.locator('#rows tr').first();
    for (const text of [
      'Sanne Visser',
      'Wenen, Oostenrijk',
      '3 november 2026',
      'Kennis uitwisselen over betaalbaar wonen.',
      'derde partij: UN-Habitat',
    ]) {
      assert.ok((await first.innerText()).includes(text), `the first row shows ${text}`);
    }
    assert.ok(!(await first.innerText()).includes('Wohnfonds'), 'the purpose’s first line only');
    await page.screenshot({ path: join(logDir, 'register.png') });
    if (UPDATE_DOCS)
      copyFileSync(join(logDir, 'register.png'), join(PROJECT_ROOT, 'docs', 'register.png'));
  });

  it('searches title, destination, traveller and purpose, and adds up what it finds', async () => {
    await openRegister();
    await page
      .getByRole('searchbox', { name: 'Zoek op titel, bestemming, reiziger of doel' })
      .fill('gent');
    await expectTitles(['Eurocities Mobility Forum']);
    assert.equal(await summary(), '1 verslag · kosten € 400,00');
    await page
      .getByRole('searchbox', { name: 'Zoek op titel, bestemming, reiziger of doel' })
      .fill('ANNA digitale');
    await expectTitles(['Smart City Expo']);
    await page
      .getByRole('searchbox', { name: 'Zoek op titel, bestemming, reiziger of doel' })
      .fill('niets dergelijks');
    await expectTitles([]);
    assert.equal(await page.getByText('Geen verslagen gevonden.').isVisible(), true);
    assert.equal(await summary(), '0 verslagen');
  });

  it('filters by year, by team and by payment by a third party', async () => {
    await openRegister();
    await page.getByLabel('Jaar').selectOption('2025');
    await expectTitles(['Smart City Expo']);
    await page.getByLabel('Jaar').selectOption('');
    await page.getByLabel('Team').selectOption({ label: 'Mobiliteit' });
    await expectTitles(['Eurocities Mobility Forum']);
    await page.getByLabel('Team').selectOption('');
    await page.getByLabel('Alleen betaald door derde partij').check();
    await expectTitles(['Wiener Städtedialog 2026']);
    assert.equal(
      await summary(),
      '1 verslag · kosten € 1.501,80 (1 verslag met kosten nog niet (alle) bekend)',
    );
  });

  it('downloads the selection as register.csv, and for publication without the people met', async () => {
    await openRegister();
    await page.getByLabel('Alleen betaald door derde partij').check();
    await expectTitles(['Wiener Städtedialog 2026']);
    const full = await downloaded('csv');
    assert.equal(full.name, 'register.csv');
    const lines = full.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^Reiziger,Titel,Bestemming,Vertrek,Terugkeer/);
    assert.equal(lines.length, 2, 'the header and the one report selected');
    assert.match(lines[1] ?? '', /^Sanne Visser,Wiener Städtedialog 2026,/);
    assert.ok(full.text.includes('Met Eva Huber over het Wohnfonds.'));

    const redacted = await downloaded('csv-redacted');
    assert.ok(!redacted.text.includes('Eva Huber'), 'no name of a person met');
    assert.ok(redacted.text.includes('Met [wethouder wonen] over het Wohnfonds.'));
  });

  async function downloaded(buttonId: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      // Fluent's button has its role in ElementInternals, which Playwright's role query skips.
      page.locator(`#${buttonId}`).click(),
    ]);
    const path = join(logDir, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  it('opens a report in full, as its Word document, and links the title to its channel post', async () => {
    await openRegister();
    const wien = seeded.find(
      (report) =>
        report.answers.title?.type === 'shortText' &&
        report.answers.title.text === 'Wiener Städtedialog 2026',
    );
    assert.ok(wien);
    const link = page.getByRole('link', { name: 'Wiener Städtedialog 2026' });
    assert.equal(await link.getAttribute('href'), postDeepLink(wien.post, wien.tenantId));
    assert.match(
      (await link.getAttribute('href')) ?? '',
      /^https:\/\/teams\.microsoft\.com\/l\/message\//,
    );

    await page.getByRole('button', { name: 'Lezen: Wiener Städtedialog 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wiener Städtedialog 2026' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const expected of [
      'VERSLAG BUITENLANDSE DIENSTREIS',
      'Sanne Visser',
      'WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)',
      'Eva Huber (wethouder wonen)',
      'Eva Huber nodigt ons uit voor een werkbezoek.',
    ]) {
      assert.ok(text.includes(expected), `the report shows ${expected}`);
    }
    assert.deepEqual(await axeViolations(), [], 'the open report meets WCAG 2.1 AA');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  for (const theme of ['', 'dark', 'contrast']) {
    it(`meets WCAG 2.1 AA under axe-core in Teams' ${theme || 'light'} theme`, async () => {
      await openRegister(theme ? `?theme=${theme}` : '');
      assert.equal(
        await page.evaluate(() => document.documentElement.dataset.theme),
        theme || 'default',
      );
      assert.deepEqual(await axeViolations(), []);
      await page.screenshot({ path: join(logDir, `register-${theme || 'light'}.png`) });
    });
  }

  it('is usable by keyboard at phone width, without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openRegister();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no horizontal scroll of the page');
    // From the top, Tab reaches the search, the filters, the downloads and each report's link.
    const reached: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          return `${active?.id || active?.tagName.toLowerCase()}:${active?.textContent?.trim().slice(0, 40) ?? ''}`;
        }),
      );
    }
    for (const id of ['search', 'year', 'team', 'thirdParty', 'csv', 'csv-redacted']) {
      assert.ok(
        reached.some((entry) => entry.startsWith(`${id}:`)),
        `Tab reaches #${id}: ${reached.join(' | ')}`,
      );
    }
    assert.ok(
      reached.some((entry) => entry === 'a:Wiener Städtedialog 2026'),
      reached.join(' | '),
    );
    await page.screenshot({ path: join(logDir, 'register-phone.png'), fullPage: true });
  });

  it('answers 401 without a Teams token in signed-in mode, and the page says to open it in Teams', async () => {
    for (const path of [
      '/register/api/reports',
      '/register/api/summary',
      '/register/api/register.csv',
    ]) {
      const response = await fetch(`${signedIn.url}${path}`);
      assert.equal(response.status, 401, path);
    }
    await page.goto(`${signedIn.url}/register`);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), /^Open het register in Microsoft Teams\./);
    assert.equal(await page.locator('#rows tr').count(), 0, 'no report shown');
    assert.deepEqual(await axeViolations(), []);
  });

  it('threw no script error in any of it', () => {
    assert.deepEqual(pageErrors, []);
  });
});
