// Hostile text, end to end: a traveller answers with template expressions (`${1+1}`,
// `${$root.reportId}`, `{{name}}`), quotes, backslashes, HTML, markdown links, right-to-left
// script and emoji (ZWJ sequences, flags), by typing and on the cards. Each answer is stored in
// Cosmos DB exactly as typed (trimmed, as the interview trims), and shown exactly as typed on the
// review card and on the card posted in the channel: never evaluated, escaped or mangled, in
// TextRuns, which no Teams client reads as markdown (issue 16).
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import { makeUser, type TeamsChannel, type TeamsUser } from '../support/activities';
import { useBotInTeams } from '../support/teams';
import {
  asRendered,
  lastCard,
  TravellerClient,
  type BotMessage,
  type Card,
} from '../e2e/travellerClient';
import { assertAsks, dutchDate, QUESTIONS, reportIdOf, tripDates } from '../e2e/trips';
import { productCatalogue as catalogue } from '../support/catalogue';
import { questionOf, sampleAnswer } from '../support/sampleAnswers';

/** The first line of an answered card's compact line: "Vraag n van N · <short name>". */
const ANSWERED_LINE = new RegExp(`^Vraag \\d+ van ${catalogue.size} · `);
import { installInTeam } from '../support/teams';
import { StoreProbe } from './support/probes';
import { threadOf } from '../support/reportPosts';

/** A person met, as typed on one line: `Naam (functie)`. */
interface Person {
  name: string;
  role: string;
}

/** The hostile answers, each as the traveller types it (before the interview trims it). */
interface HostileTrip {
  title: string;
  destination: string;
  purpose: string;
  locations: string;
  people: Person[];
  outcome: string;
  agreements: string;
}

const ZWJ_FAMILY = '👩‍👩‍👧‍👦';
const ZWJ_ASTRONAUT = '🧑🏽‍🚀';
const RAINBOW_FLAG = '🏳️‍🌈';

/**
 * Names a person may have that survive the `Naam (functie)` format: no parentheses, `;`, `,` or
 * dashes in the name, which the format itself uses as separators.
 */
const HOSTILE_PEOPLE: Person[] = [
  { name: '${1+1} Jansen', role: 'wethouder ${$root.reportId}' },
  { name: '{{name}} de Vries', role: '{{role}} & ${json($root)}' },
  { name: `O'Brien "Bob" \\ Smith`, role: 'directeur "Haven" \\n \\\\ C:\\temp' },
  { name: '<b>Eva</b> <script>alert`1`</script>', role: '<i>CEO</i> <img src=x onerror=alert`1`>' },
  { name: 'محمد عبد الله', role: 'رئيس البلدية' },
  { name: 'דוד כהן', role: 'ראש העיר' },
  { name: `${ZWJ_ASTRONAUT} Ada 🇳🇱`, role: `projectleider ${ZWJ_FAMILY} ${RAINBOW_FLAG}` },
  { name: 'Jan Smit', role: '[functie](https://evil.example/?q=${1+1})' },
];

const HOSTILE: HostileTrip = {
  title: `  Summit \${1+1} {{name}} \${$root.reportId} "quoted" 'single' \\back\\slash  `,
  destination: '\u202Bالقاهرة، مصر\u202C · ירושלים 🇪🇬🇮🇱',
  purpose:
    '<b>x</b><script>alert(1)</script>\n' +
    '[klik hier](https://evil.example/?a=${1+1}) en ![beeld](https://evil.example/x.png)\n' +
    '**vet** _schuin_ `code` &amp; &lt;b&gt; \\${escaped} $${2*3} @{1+1} %s %n\n' +
    '# Kop\n- punt\n+ plus\n1. item\n2) item\n> citaat\n===\n~~doorgehaald~~\n',
  locations: `Rådhuset 🏛️; ${ZWJ_FAMILY} ${ZWJ_ASTRONAUT} 🇳🇱 ${RAINBOW_FLAG}; \${$root.reportId}; 'Plaza "Mayor"'`,
  people: HOSTILE_PEOPLE,
  outcome:
    `\tResultaat: \${1+1} ≠ 2; {{outcome}}; "quote" 'apos' \\n is geen regelovergang; ` +
    'עברית مرحبا 😀👍🏽 \u200F\u200E',
  agreements: `\${if(true, 'ja', 'nee')} {{followUp}} <a href="https://evil.example/">hier</a> [x](y) ${ZWJ_FAMILY}`,
};

/** The traveller's display name in Teams: shown on the channel card, never typed. */
const HOSTILE_NAME = `Renée "Ren" O'Brien \${1+1} {{naam}} \\ <i>x</i> ${ZWJ_ASTRONAUT}`;

/** The answers as the interview stores them: trimmed, people and lines kept as typed. */
function expectedAnswers(trip: HostileTrip): Record<string, unknown> {
  return {
    title: { type: 'shortText', text: trip.title.trim() },
    destination: { type: 'shortText', text: trip.destination.trim() },
    purpose: { type: 'longText', text: trip.purpose.trim() },
    locations: { type: 'longText', text: trip.locations.trim() },
    peopleMet: {
      type: 'people',
      people: trip.people.map((p) => ({ name: p.name.trim(), role: p.role.trim() })),
    },
    outcome: { type: 'longText', text: trip.outcome.trim() },
    followUp: { type: 'yesNoText', yes: true, text: trip.agreements.trim() },
  };
}

/** The non-blank lines of a text: a card shows user text one RichTextBlock a line. */
const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** What each hostile answer must be shown as, somewhere on a card (exactly, as a whole text). */
function expectedShown(trip: HostileTrip): Record<string, string[]> {
  return {
    title: [trip.title.trim()],
    destination: [trip.destination.trim()],
    purpose: linesOf(trip.purpose.trim()),
    locations: [trip.locations.trim()],
    peopleMet: trip.people.map((p) => `• ${p.name} (${p.role})`),
    outcome: [trip.outcome.trim()],
    followUp: [`Ja: ${trip.agreements.trim()}`],
  };
}

/** A text of a card: as sent (raw), as Teams shows it, and whether Teams reads it as markdown. */
interface ShownText {
  raw: string;
  shown: string;
  markdown: boolean;
}

/**
 * Every text of a card: TextBlocks and fact values (markdown, raw and as rendered), and each
 * RichTextBlock's TextRuns, joined and one by one (plain text, shown as sent).
 */
function shownTexts(card: Card | Record<string, unknown>): ShownText[] {
  const texts: ShownText[] = [];
  const add = (raw: unknown) => {
    if (typeof raw === 'string') texts.push({ raw, shown: asRendered(raw), markdown: true });
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'RichTextBlock' && Array.isArray(element.inlines)) {
        // The block as a line, and each run alone (a fact's value follows its label's run).
        const runs = (element.inlines as { text?: unknown }[]).map((run) => String(run.text ?? ''));
        for (const raw of [runs.join(''), ...runs])
          texts.push({ raw, shown: raw, markdown: false });
        return;
      }
      if (element.type === 'TextBlock') add(element.text);
      if (element.type === 'FactSet' && Array.isArray(element.facts)) {
        for (const fact of element.facts as { value?: unknown }[]) add(fact.value);
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return texts;
}

/**
 * Asserts each expected text is shown whole as one of the card's texts (so `${1+1}` is there
 * literally, not as `2`), in a RichTextBlock's TextRuns, never in markdown (a TextBlock or fact)
 * and never backslash-escaped, and that no text shows the report's id (an expanded
 * `${$root.reportId}`).
 */
function assertShownExactly(
  what: string,
  card: Card | Record<string, unknown>,
  expected: Record<string, string[]>,
  reportId: string,
): void {
  const texts = shownTexts(card);
  const missing: string[] = [];
  const formatted: string[] = [];
  for (const [key, shown] of Object.entries(expected)) {
    for (const text of shown) {
      const found = texts.find((candidate) => candidate.shown === text);
      if (!found) {
        missing.push(`${key}: ${JSON.stringify(text)}`);
        continue;
      }
      // User text belongs in TextRuns, which no client reads as markdown (issue 16).
      if (found.markdown) formatted.push(`${key}: in a TextBlock: ${JSON.stringify(found.raw)}`);
    }
  }
  assert.deepEqual(
    missing,
    [],
    `${what} shows each answer exactly as typed; it shows:\n${texts.map((t) => JSON.stringify(t.shown)).join('\n')}`,
  );
  assert.deepEqual(formatted, [], `${what}: no user text is read as markdown or HTML`);
  const escaped = texts.filter((text) => !text.markdown && /\\[*_[\]<>#]/.test(text.raw));
  assert.deepEqual(escaped, [], `${what}: no user text is backslash-escaped`);
  const leaked = texts.filter((text) => text.shown.includes(reportId));
  assert.deepEqual(leaked, [], `${what} never shows the report id (an expanded expression)`);
}

describe('security: hostile text is stored and shown exactly as typed, never evaluated', function () {
  this.timeout(60_000);
  const teams = useBotInTeams();
  const { connector } = teams;
  let store: StoreProbe;
  let tenantId: string;
  let channel: TeamsChannel;
  const dates = tripDates(6);

  before(async () => {
    store = new StoreProbe(teams.cosmos, teams.bot.env.COSMOS_DATABASE ?? '');
    ({ tenantId, channel } = await installInTeam(teams.bot.url, connector));
  });

  after(() => store?.dispose());

  /** What the traveller types for a question (as on a phone). */
  function typed(trip: HostileTrip, key: string): string {
    switch (key) {
      case 'persons':
        return '2';
      case 'duration':
        return `${dutchDate(dates.departure)} t/m ${dutchDate(dates.return)}`;
      case 'peopleMet':
        return trip.people.map((p) => `${p.name} (${p.role})`).join('\n');
      case 'followUp':
        return `ja, ${trip.agreements}`;
      case 'title':
      case 'destination':
      case 'purpose':
      case 'locations':
      case 'outcome':
        return trip[key];
      default:
        // A question the trip does not know: its answer type's sample.
        return sampleAnswer(questionOf(catalogue, key)).typed;
    }
  }

  /** What the traveller fills in on a question's card. */
  function filledIn(trip: HostileTrip, key: string): Record<string, string> {
    switch (key) {
      case 'duration':
        return { departure: dates.departure, return: dates.return };
      case 'followUp':
        return { choice: 'yes', answer: trip.agreements };
      case 'title':
      case 'destination':
      case 'persons':
      case 'purpose':
      case 'locations':
      case 'peopleMet':
      case 'outcome':
        return { answer: typed(trip, key) };
      default:
        return sampleAnswer(questionOf(catalogue, key)).inputs;
    }
  }

  /** The report as stored, read directly from Cosmos DB. */
  async function stored(user: TeamsUser, reportId: string): Promise<Report> {
    const reports = (await store.reportsOf(user.aadObjectId)) as unknown as Report[];
    const report = reports.find((r) => r.id === reportId);
    assert.ok(report, `report ${reportId} is stored`);
    return report;
  }

  /** The report card as posted in the channel (the JSON the connector received). */
  function channelCardOf(rootId: string): Record<string, unknown> {
    const posted = connector.activity(rootId);
    assert.ok(posted, `the channel has the post ${rootId}`);
    const card = posted.activity.attachments?.find(
      (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
    )?.content;
    assert.ok(card, 'the post is an Adaptive Card');
    return card as Record<string, unknown>;
  }

  for (const mode of ['typed in the chat', 'filled in on the cards'] as const) {
    it(`${mode}: stored as typed, on the review card and the channel card as typed`, async () => {
      const user = makeUser(HOSTILE_NAME);
      const traveller = new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });

      let card: BotMessage = lastCard(await traveller.say('nieuw verslag'));
      const reportId = reportIdOf(card);
      for (const question of QUESTIONS) {
        assertAsks(card, question.key);
        card = lastCard(
          mode === 'typed in the chat'
            ? await traveller.say(typed(HOSTILE, question.key))
            : await traveller.press(card, 'Volgende', filledIn(HOSTILE, question.key)),
        );
        // People written with brackets and `&` inside names are read, then shown to confirm.
        if (card.lines[0]?.startsWith('Klopt dit?'))
          card = lastCard(await traveller.press(card, 'Ja'));
      }
      const review = card;
      assert.equal(review.lines[0], 'Controleer je verslag', review.lines.join('\n'));

      // Stored exactly as typed (trimmed), and the traveller's name as Teams gave it.
      const draft = await stored(user, reportId);
      const expected = expectedAnswers(HOSTILE);
      for (const [key, answer] of Object.entries(expected)) {
        assert.deepEqual(draft.answers[key], answer, `the stored answer to ${key}`);
      }
      assert.equal(draft.travellerName, HOSTILE_NAME);

      // The review card shows each answer as typed.
      assertShownExactly('the review card', review.card as Card, expectedShown(HOSTILE), reportId);

      // Posted: the channel card shows each answer, and the traveller's name, as typed.
      const confirmation = lastCard(await traveller.say('plaatsen'));
      assert.match(confirmation.lines[0] ?? '', /^Je verslag is geplaatst in het kanaal /);
      const posted = await stored(user, reportId);
      assert.equal(posted.status, 'posted');
      for (const [key, answer] of Object.entries(expected)) {
        assert.deepEqual(posted.answers[key], answer, `the posted answer to ${key}`);
      }
      const rootId = threadOf(posted)?.activityId ?? '';
      assert.ok(
        connector.channelPosts(channel.id).some((post) => post.id === rootId),
        'posted as a new thread in the report channel',
      );
      const channelCard = channelCardOf(rootId);
      assertShownExactly(
        'the channel card',
        channelCard,
        {
          ...expectedShown(HOSTILE),
          // As on the form: one person a line, no bullet (issue 17, item 6).
          peopleMet: HOSTILE.people.map((p) => `${p.name} (${p.role})`),
        },
        reportId,
      );
      // The traveller is @mentioned: the entity carries the name exactly as Teams gave it; the
      // TextBlock's <at>…</at> (Teams reads mentions only there) shows it without what markdown
      // or HTML would read.
      const { entities } = channelCard.msteams as { entities: Record<string, unknown>[] };
      assert.deepEqual(
        entities.map((entity) => entity.mentioned),
        [{ id: user.id, name: HOSTILE_NAME }],
      );
      const mention = String(entities[0]?.text);
      assert.match(mention, /^<at>[^<>&*_~`[\]\\#|]+<\/at>$/, 'a plain mention');
      assert.ok(JSON.stringify(channelCard.body).includes(JSON.stringify(mention).slice(1, -1)));

      // The compact lines that replaced the answered question cards show the answers too.
      const answered = traveller
        .messages()
        .filter((message) => ANSWERED_LINE.test(message.lines[0] ?? ''));
      const answeredTexts = answered.flatMap((message) => message.lines);
      for (const key of ['title', 'destination', 'purpose', 'locations', 'outcome'] as const) {
        // The compact line shows an answer's first three lines.
        const shown = linesOf(HOSTILE[key].trim()).slice(0, 3);
        assert.ok(
          shown.every((line) => answeredTexts.includes(line)),
          `the answered line of ${key} shows it as typed`,
        );
      }
    });
  }
});
