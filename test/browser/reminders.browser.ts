import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  expectTexts,
  expectVisible,
  launchChromium,
  OUTPUT_DIR,
  PlaygroundPage,
  PlaygroundServers,
} from './playground';
import { productCatalogue as catalogue } from '../support/catalogue';
import { answeredOf, progressOf } from '../support/sampleAnswers';

/** A reminder after 0.0003 working days (26 s), at any hour, swept every 6 s: as in the README. */
const QUICK_REMINDERS = {
  REMINDER_AFTER_DAYS: '0.0003',
  REMINDER_WINDOW: 'ma-zo 00:00-24:00',
  REMINDER_SKIP_HOLIDAYS: 'false',
  REMINDER_SWEEP_MINUTES: '0.1',
};

describe('A reminder of an abandoned draft in the Agents Playground (Chromium)', function () {
  this.timeout(180_000);
  const logDir = join(OUTPUT_DIR, 'reminders');
  let servers: PlaygroundServers | undefined;
  let browser: Browser | undefined;
  let playground: PlaygroundPage;

  before(async function () {
    this.timeout(180_000);
    mkdirSync(logDir, { recursive: true });
    browser = await launchChromium();
    servers = await PlaygroundServers.start(QUICK_REMINDERS);
    playground = await PlaygroundPage.open(browser, servers.url);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await playground.screenshot('FAILED-reminder').catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(30_000);
    await browser?.close();
    await servers?.stop(logDir);
  });

  it('sends one reminder for a draft left alone, whose button resumes the interview', async () => {
    await playground.open('Personal Chat');
    await playground.say('nieuw verslag');
    const first = await playground.cardWithButton(
      'The first question',
      'Next',
      progressOf(catalogue, 'title', 'en'),
    );
    await first.getByLabel('Title').fill('Eurocities Forum 2026');
    await first.getByRole('button', { name: 'Next', exact: true }).click();
    const secondQuestion = progressOf(catalogue, 'destination', 'en');
    await playground.cardWithButton('The second question', 'Next', secondQuestion);
    // The traveller stops answering; half a minute later the reminder arrives.
    const reminder = playground
      .cards('Your travel report is not finished yet')
      .filter({ has: playground.page.getByRole('button', { name: 'Continue', exact: true }) });
    await expectVisible(reminder.last(), 'The reminder of the draft', 90_000);
    await expectTexts(reminder.last(), 'The reminder', [
      'Eurocities Forum 2026',
      answeredOf(catalogue, 1, 'en'),
    ]);
    await playground.screenshot('reminder');
    if ((await reminder.count()) !== 1) throw new Error('More than one reminder arrived at once');

    const asked = await playground.cards(secondQuestion).count();
    await reminder.last().getByRole('button', { name: 'Continue', exact: true }).click();
    const resumed = await playground.newCard('The draft, resumed', asked, secondQuestion);
    await expectTexts(resumed, 'The draft, resumed', ['What was the destination (city, country)?']);
    await playground.screenshot('reminder-resumed');
    const errors = servers!.botErrors();
    if (errors.length > 0) throw new Error(`The bot logged errors:\n${errors.join('\n')}`);
  });
});
