// Reisverslag in a real client: the Microsoft 365 Agents Playground (Microsoft's local Teams
// emulator, which renders Adaptive Cards as Teams does and mocks the team "Internationale Zaken")
// in headless Chromium. A traveller writes a report on the cards, posts it in the channel,
// corrects it by follow-up message, and meets every other card the bot sends. Each step fails when
// its expected text is missing (never on pixels) and leaves a screenshot in test-output/browser/.
//
// `npm run test:browser` (builds first); `UPDATE_DOCS=1 npm run test:browser` also renews the
// README's pictures in docs/. The Playground's client is en-US, so the bot answers in English.
import type { Browser, Locator } from 'playwright-core';
import type { Question } from '../../src/report/catalogue';
import { tripDates, writtenPeriod } from '../e2e/trips';
import { productCatalogue as catalogue } from '../support/catalogue';
import { answeredOf, progressOf, sampleAnswer } from '../support/sampleAnswers';
import {
  expectNoTexts,
  expectTexts,
  launchChromium,
  OUTPUT_DIR,
  PlaygroundPage,
  PlaygroundServers,
  prepareOutputDir,
} from './playground';

const { departure, return: returnDate } = tripDates(10);

/** An ISO date as the bot shows it to an English client: `3 November 2026`. */
function shownDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

const trip = {
  title: 'Wiener Städtedialog 2026',
  destination: 'Wenen, Oostenrijk',
  persons: '2',
  period: `${shownDate(departure)} to ${shownDate(returnDate)} · 3 days (2 nights)`,
  purpose: [
    'Leren hoe Wenen betaalbare woningen bouwt en beheert.',
    'Contacten leggen met de afdeling Wohnbau.',
  ],
  locations: ['Rathaus Wien', 'Seestadt Aspern'],
  people: ['Eva Huber (wethouder wonen)', 'Lukas Gruber (directeur Wohnfonds)'],
  outcome: 'Twee voorbeelden van gemengde wijken voor onze woonvisie.',
  agreements: 'Werkbezoek van Wenen aan onze gemeente in maart.',
  // The Playground has no people picker: the fellow traveller is typed.
  colleague: 'Sanne Visser',
  costs: { travel: '412,80', stay: '1.089', other: 'nog niet bekend' },
  costsShown: [
    'Total: €1,501.80 (without the amounts not known yet)',
    'Travel: €412.80',
    'Accommodation: €1,089.00',
    'Other costs: not known yet',
  ],
  payer: 'Stad Wenen',
};

const newPurpose = 'Leren hoe Wenen sociale woningbouw financiert met een eigen woningfonds.';

/** How a traveller fills in a question's card, and what the answered card shows after its header. */
interface QuestionFill {
  question: string;
  fill: (card: Locator) => Promise<void>;
  shown: string[];
}

/** The trip's answers by question key. */
const fills: Record<string, QuestionFill> = {
  title: {
    question: 'What is the title of the trip',
    fill: (card) => card.getByLabel('Title').fill(trip.title),
    shown: [trip.title],
  },
  destination: {
    question: 'What was the destination',
    fill: (card) => card.getByLabel('Destination').fill(trip.destination),
    shown: [trip.destination],
  },
  coTravellers: {
    question: 'Who did you travel with?',
    fill: (card) => card.getByLabel('Or type their names').fill(trip.colleague),
    shown: [trip.colleague],
  },
  persons: {
    question: 'HOW MANY PEOPLE MADE THE TRIP?',
    // Pre-filled from the fellow traveller: the traveller only confirms.
    fill: async (card) => {
      await expectTexts(card, 'The number of travellers', [
        'You and 1 fellow traveller: 2 people. Is that right?',
      ]);
      const value = await card.getByLabel('Number of people').inputValue();
      if (value !== trip.persons) throw new Error(`Number of people pre-filled with ${value}`);
    },
    shown: [],
  },
  duration: {
    question: 'HOW LONG DID THE TRIP LAST?',
    fill: async (card) => {
      // The date pickers take a typed date as well as a click in their calendar.
      await card.getByLabel('Departure date').fill(departure);
      await card.getByLabel('Return date').fill(returnDate);
      await card.getByLabel('Return date').blur();
    },
    shown: [trip.period],
  },
  purpose: {
    question: 'WHAT WAS THE PURPOSE OF THE TRIP?',
    fill: (card) => card.getByLabel('Purpose of the trip').fill(trip.purpose.join('\n')),
    shown: trip.purpose,
  },
  locations: {
    question: 'WHICH LOCATIONS WERE VISITED?',
    fill: (card) => card.getByLabel('Locations visited').fill(trip.locations.join('\n')),
    shown: trip.locations,
  },
  peopleMet: {
    question: 'WHO DID YOU MEET? (STATE THEIR POSITION)',
    fill: (card) => card.getByLabel('People met').fill(trip.people.join('\n')),
    shown: ['2 people', ...trip.people],
  },
  outcome: {
    question: 'WHAT DID THE TRIP BRING THE MUNICIPALITY?',
    fill: (card) => card.getByLabel('Benefit to the municipality').fill(trip.outcome),
    shown: [trip.outcome],
  },
  followUp: {
    question: 'ARE THERE FOLLOW-UP AGREEMENTS? IF SO, WHICH?',
    fill: async (card) => {
      await card.getByLabel('Yes', { exact: true }).check();
      await card.getByLabel('Which agreements?').fill(trip.agreements);
    },
    shown: [`Yes: ${trip.agreements}`],
  },
  costs: {
    question: 'WHAT DID THE TRIP COST?',
    fill: async (card) => {
      await card.getByLabel('Travel').fill(trip.costs.travel);
      await card.getByLabel('Accommodation').fill(trip.costs.stay);
      await card.getByLabel('Other costs').fill(trip.costs.other);
    },
    shown: trip.costsShown.slice(0, 2),
  },
  paidBy: {
    question: 'WHO PAID?',
    fill: async (card) => {
      await card.getByLabel('A third party', { exact: true }).check();
      await card.getByLabel('Which party, or who paid what?').fill(trip.payer);
    },
    shown: [`Paid by a third party: ${trip.payer} (hospitality)`],
  },
};

/** A question the trip does not know, filled in with its answer type's sample (text types). */
function sampleFill(question: Question): QuestionFill {
  const sample = sampleAnswer(question);
  if (question.type !== 'shortText' && question.type !== 'longText') {
    throw new Error(`add how to fill in the ${question.type} question "${question.key}" here`);
  }
  return {
    question: question.text.en,
    fill: (card) => card.getByLabel(question.label.en).fill(sample.inputs.answer ?? ''),
    shown: sample.shown,
  };
}

/** One question of the interview: its card, how a traveller fills it in, how it is shown back. */
interface QuestionStep extends QuestionFill {
  key: string;
  progress: string;
  /** The answered card's header ("Question n of N · Duration") and what it shows. */
  answered: string[];
}

/** The interview's questions in the catalogue's order. */
const questions: QuestionStep[] = catalogue.questions.map((question) => {
  const progress = progressOf(catalogue, question.key, 'en');
  const step = fills[question.key] ?? sampleFill(question);
  return {
    ...step,
    key: question.key,
    progress,
    answered: [`${progress} · ${question.name.en}`, ...step.shown],
  };
});

/** The report as every card shows it: each answer of the trip. */
const reportTexts = [
  trip.title,
  trip.destination,
  trip.period,
  ...trip.locations,
  '2 people',
  ...trip.people.map((person) => `• ${person}`),
  trip.outcome,
  `Yes: ${trip.agreements}`,
  trip.colleague,
  ...trip.costsShown,
  `Paid by a third party: ${trip.payer} (hospitality)`,
];

/**
 * The report as the channel shows it: in Dutch, the record's language, though the traveller's
 * Playground runs in English (issue 17, item 7); the dates once at the top, the people one a line.
 */
const channelTexts = [
  trip.title,
  'Reiziger',
  'Sanne de Vries',
  trip.destination,
  writtenPeriod({ departure, return: returnDate }),
  ...catalogue.formQuestions.map((question) => question.text.nl),
  '3 dagen (2 nachten)',
  ...trip.locations,
  ...trip.people,
  trip.outcome,
  `Ja: ${trip.agreements}`,
  trip.colleague,
  'Reiskosten: € 412,80',
  'Verblijfkosten: € 1.089,00',
  'Overige kosten: nog niet bekend',
  'Totaal: € 1.501,80 (zonder de bedragen die nog niet bekend zijn)',
  `Betaald door derde partij: ${trip.payer} (gastvrijheid)`,
];

describe('Reisverslag in the Microsoft 365 Agents Playground (Chromium)', function () {
  // A step waits at most 15 s for each answer of the bot; a busy CI machine is slow.
  this.timeout(120_000);
  let servers: PlaygroundServers | undefined;
  let browser: Browser | undefined;
  let playground: PlaygroundPage;
  let failed = false;
  let logChecked = 0;

  before(async function () {
    this.timeout(180_000);
    prepareOutputDir();
    browser = await launchChromium();
    servers = await PlaygroundServers.start();
    playground = await PlaygroundPage.open(browser, servers.url);
  });

  beforeEach(function () {
    // The steps build on each other: after a failed one the rest would only fail the same way.
    if (failed) this.skip();
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    failed = true;
    const file = await playground.screenshot(`FAILED-${slug(test.title)}`).catch(() => undefined);
    process.stderr.write(`\n  Failed at "${test.title}"; screenshot: ${file ?? '(none)'}\n`);
  });

  after(async function () {
    this.timeout(30_000);
    await browser?.close();
    await servers?.stop(OUTPUT_DIR);
    process.stdout.write(`  Screenshots and logs: ${OUTPUT_DIR}\n`);
  });

  /** No turn failed in the bot since the last check (its error log lines, if any). */
  function expectNoBotErrors(): void {
    const errors = servers!.botErrors(logChecked);
    logChecked = servers!.bot.output().length;
    if (errors.length > 0) throw new Error(`The bot logged errors:\n${errors.join('\n')}`);
  }

  it('installs the app in the channel Reisverslagen when the channel is first opened', async () => {
    await playground.open('Reisverslagen');
    // Teams' installationUpdate reached the bot, which remembers the channel for reports.
    await servers!.bot.waitForOutput('report channel remembered', 15_000);
    await playground.screenshot('channel-opened');
    expectNoBotErrors();
  });

  it('starts a report with "nieuw verslag" in the personal chat', async () => {
    await playground.open('Personal Chat');
    await playground.say('nieuw verslag');
    const card = await playground.cardWithButton(
      'The first question',
      'Next',
      progressOf(catalogue, 'title', 'en'),
    );
    await expectTexts(card, 'The first question', [
      'What is the title of the trip (the event or occasion)?',
      'For example: Brussels Urban Summit 2023.',
    ]);
    await playground.screenshot('first-question');
    expectNoBotErrors();
  });

  it('takes every answer on its card: text, number, dates, multiline text, people, yes/no', async () => {
    for (const step of questions) {
      const card = await playground.cardWithButton(step.progress, 'Next', step.progress);
      await expectTexts(card, step.progress, [step.question]);
      await step.fill(card);
      const name = slug(step.progress);
      await playground.screenshot(name);
      if (step.key === 'duration') {
        // The README's picture: the dates question filled in, under the answers given so far.
        const before = questions[questions.indexOf(step) - 1]!;
        const answered = playground.cards(`${before.progress} ·`).last();
        await playground.picture('question-card', answered, card);
      }
      await card.getByRole('button', { name: 'Next', exact: true }).click();
      // The question card is replaced by the answer as understood.
      const answered = await playground.card(`${step.progress}, answered`, step.answered[0]!);
      await expectTexts(answered, `${step.progress}, answered`, step.answered);
      expectNoBotErrors();
    }
  });

  it('shows every answer on the review card', async () => {
    const review = await playground.cardWithButton(
      'The review card',
      'Post in channel',
      'Check your report',
    );
    await expectTexts(review, 'The review card', [
      'These are all your answers.',
      'Purpose of the trip',
      ...trip.purpose,
      ...reportTexts,
    ]);
    // Within Teams' six actions: the parts in one drop-down with one Change button.
    const changeButtons = await review.getByRole('button', { name: 'Change', exact: true }).count();
    if (changeButtons !== 1) throw new Error(`The review card has ${changeButtons} Change buttons`);
    const parts = await playground.dropDown(review);
    for (const question of catalogue.questions) {
      if (!parts.includes(question.name.en)) {
        throw new Error(`The review's drop-down lacks ${question.name.en}: ${parts.join(', ')}`);
      }
    }
    await playground.screenshot('review');
    await playground.picture('review-card', review);
    expectNoBotErrors();
  });

  it('posts the report in the channel with "Post in channel"', async () => {
    const review = playground.cards('Check your report').last();
    await review.getByRole('button', { name: 'Post in channel', exact: true }).click();
    const posted = await playground.cardWithButton(
      'The confirmation',
      'Change',
      'Your report has been posted in the channel Reisverslagen of the team Internationale Zaken',
    );
    await expectTexts(posted, 'The confirmation', ['View in channel']);
    // The review card no longer offers to post it again.
    await playground.card('The review card, done', 'Check your report · posted in the channel');
    await playground.screenshot('posted');
    expectNoBotErrors();
  });

  it('answers "Thanks!" after posting and starts nothing; anything else gets the help card', async () => {
    await playground.say('Thanks!');
    await playground.expectMessage("You're welcome!", 'The answer to thanks');
    await playground.say('What now?');
    const help = await playground.cardWithButton(
      'The help card',
      'New report',
      'I ask you the questions of the form',
    );
    await expectTexts(help, 'The help card', ['new report', 'continue', 'my reports']);
    // The report is posted: no draft to continue.
    const continueButtons = await help
      .getByRole('button', { name: 'Continue', exact: true })
      .count();
    if (continueButtons !== 0) throw new Error('The help card offers to continue a posted report');
    await playground.screenshot('help-card');
    expectNoBotErrors();
  });

  it('shows the report card with the answers in the channel Reisverslagen, in Dutch', async () => {
    await playground.open('Reisverslagen');
    const report = await playground.card(
      'The report in the channel',
      'Verslag buitenlandse dienstreis',
      trip.title,
    );
    await expectTexts(report, 'The report in the channel', [...trip.purpose, ...channelTexts]);
    const posts = await playground.cards('Verslag buitenlandse dienstreis').count();
    if (posts !== 1) throw new Error(`The channel shows ${posts} reports instead of 1`);
    await playground.screenshot('channel-report');
    await playground.picture('channel-report', report);
    expectNoBotErrors();
  });

  it('corrects the purpose by follow-up message; the channel card becomes version 2', async () => {
    await playground.open('Personal Chat');
    await playground.say('change purpose');
    // The purpose's own card, filled in with the answer given before.
    const question = await playground.cardWithButton(
      'The purpose question',
      'Next',
      'WHAT WAS THE PURPOSE OF THE TRIP?',
    );
    await question.getByLabel('Purpose of the trip').fill(newPurpose);
    await playground.screenshot('edit-question');
    await question.getByRole('button', { name: 'Next', exact: true }).click();

    const confirm = await playground.cardWithButton(
      'The confirmation of the change',
      'Confirm',
      'Is this change to ‘Purpose of the trip’ right?',
    );
    await expectTexts(confirm, 'The confirmation of the change', [
      'Was',
      trip.purpose[0]!,
      'Becomes',
      newPurpose,
    ]);
    await playground.screenshot('edit-confirm');
    await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
    await playground.expectMessage(
      'Saved as version 2; the report in the channel has been updated.',
      'The answer to Confirm',
    );
    await playground.screenshot('edit-saved');

    await playground.open('Reisverslagen');
    const report = await playground.card(
      'The updated report in the channel',
      'Verslag buitenlandse dienstreis',
      '(versie 2)',
    );
    await expectTexts(report, 'The updated report in the channel', [
      newPurpose,
      'Bijgewerkt op',
      '(versie 2)',
      ...channelTexts,
    ]);
    await expectNoTexts(report, 'The updated report in the channel', trip.purpose);
    // And a note in the post's thread says who changed what.
    await playground.expectMessage(
      'Sanne de Vries heeft doel van de reis gewijzigd (versie 2).',
      'The note in the thread',
    );
    const posts = await playground.cards('Verslag buitenlandse dienstreis').count();
    if (posts !== 1) throw new Error(`The channel shows ${posts} reports instead of 1 updated`);
    await playground.screenshot('channel-report-version-2');
    expectNoBotErrors();
  });

  it('shows the other cards: my reports, which part to change, cancelling a change, resuming a draft', async () => {
    await playground.open('Personal Chat');

    await playground.say('my reports');
    const mine = await playground.card('My reports', 'My reports', trip.title);
    await expectTexts(mine, 'My reports', ['posted, version 2', 'View in channel']);
    await playground.screenshot('my-reports');

    await playground.say('change');
    const parts = await playground.cardWithButton(
      'The choice of part',
      'Change',
      'Which part do you want to change?',
    );
    // Nine parts would pass Teams' six actions ("More options"): a drop-down and one button.
    const options = await playground.dropDown(parts, 'Number of people');
    for (const part of ['Title', 'People met', 'Follow-up agreements']) {
      if (!options.includes(part)) throw new Error(`The drop-down lacks ${part}: ${options}`);
    }
    await playground.screenshot('choose-part');
    await parts.getByRole('button', { name: 'Change', exact: true }).click();
    const persons = await playground.cardWithButton(
      'The number question',
      'Next',
      'HOW MANY PEOPLE MADE THE TRIP?',
    );
    await persons.getByLabel('Number of people').fill('3');
    await persons.getByRole('button', { name: 'Next', exact: true }).click();
    const confirm = await playground.cardWithButton(
      'The confirmation of the change',
      'Cancel',
      'Is this change to ‘Number of people’ right?',
    );
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    await playground.expectMessage('Nothing changed.', 'The answer to Cancel');
    await playground.screenshot('change-cancelled');

    await playground.say('nieuw verslag');
    const first = await playground.cardWithButton(
      'A new report',
      'Next',
      progressOf(catalogue, 'title', 'en'),
    );
    await first.getByLabel('Title').fill('Eurocities Forum 2026');
    await first.getByRole('button', { name: 'Next', exact: true }).click();
    const secondQuestion = progressOf(catalogue, 'destination', 'en');
    await playground.cardWithButton('The second question', 'Next', secondQuestion);
    await playground.say('stop');
    await playground.expectMessage('Paused. Your draft is saved', 'The answer to stop');
    await playground.say('nieuw verslag');
    const resume = await playground.cardWithButton(
      'The offer to continue the draft',
      'Continue',
      `You have an unfinished report: Eurocities Forum 2026 (${answeredOf(catalogue, 1, 'en')})`,
    );
    await expectTexts(resume, 'The offer to continue the draft', ['New report']);
    await playground.screenshot('resume-offer');
    const asked = await playground.cards(secondQuestion).count();
    await resume.getByRole('button', { name: 'Continue', exact: true }).click();
    const second = await playground.newCard('The draft, continued', asked, secondQuestion);
    await expectTexts(second, 'The draft, continued', [
      'What was the destination (city, country)?',
    ]);
    await playground.screenshot('resumed');
    expectNoBotErrors();
  });

  // Issue 19: the draft left open above (its title answered, the destination asked) finished on
  // the form card, and posted.
  it('fills in the whole form on one card, saves it, and posts the report from its review', async () => {
    await playground.say('form');
    const form = await playground.cardWithButton(
      'The form card',
      'Save',
      'Report of a foreign business trip',
    );
    await expectTexts(form, 'The form card', [
      ...catalogue.questions.map((question) => question.text.en),
    ]);
    const title = await form.getByLabel('Title').inputValue();
    if (title !== 'Eurocities Forum 2026') throw new Error(`Title pre-filled with "${title}"`);
    for (const question of catalogue.questions) {
      if (question.key === 'persons') {
        await form.getByLabel('Number of people').fill(trip.persons);
        continue;
      }
      await (fills[question.key] ?? sampleFill(question)).fill(form);
    }
    await playground.screenshot('form-filled');
    await playground.picture('form-card', form);
    const reviews = await playground.cards('Check your report').count();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const review = await playground.newCard(
      'The review after the form',
      reviews,
      'Check your report',
    );
    await expectTexts(review, 'The review after the form', reportTexts);
    // The form is replaced by a compact line.
    await playground.card('The form, saved', 'all answers saved');
    const posted = await playground.cards('Your report has been posted in the channel').count();
    await review.getByRole('button', { name: 'Post in channel', exact: true }).click();
    await playground.newCard(
      'The confirmation of the form’s report',
      posted,
      'Your report has been posted in the channel Reisverslagen of the team Internationale Zaken',
    );
    await playground.screenshot('form-posted');
    expectNoBotErrors();
  });
});

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
