// Issue 16, item 1: every card the bot can send, filled with hostile text, shows each answer and
// each name from Teams verbatim in TextRuns (or as an input's value), which no Teams client reads
// as markdown; never backslash-escaped, never in a TextBlock's text or a FactSet.
import assert from 'node:assert/strict';
import type { Answer } from '../../src/report/report';
import { productCatalogue as catalogue } from '../support/catalogue';
import {
  elementsOf,
  everyCard,
  TRAVELLER_TEAMS_ID,
  type CardFixture,
  type NamedCard,
} from './everyCard';

const ZWJ_FAMILY = '👩‍👩‍👧‍👦';
const RAINBOW_FLAG = '🏳️‍🌈';

/** Markdown, HTML, templating, right-to-left scripts, emoji with ZWJ, backslashes: one line each. */
const HOSTILE_LINES = [
  '**x** _y_ 1. # [a](b)',
  '<b>x</b> <script>alert(1)</script> &amp;',
  '${1+1} ${$root.reportId} {{name}} @{1+1}',
  'مرحبا بالعالم · שלום עולם \u202Bمصر\u202C',
  `${ZWJ_FAMILY} ${RAINBOW_FLAG} 🇳🇱 🧑🏽‍🚀`,
  'C:\\temp\\new \\* \\_ \\\\ end\\',
  '- punt',
  '> citaat',
  '2) item',
];

/** A one-line hostile text for the short answers and names, tagged so each is told apart. */
const hostile = (tag: string) => `${tag} **x** _y_ <b>x</b> \${1+1} مرحبا ${ZWJ_FAMILY} C:\\${tag}`;

const answers: Record<string, Answer> = {
  title: { type: 'shortText', text: hostile('titel') },
  destination: { type: 'shortText', text: hostile('bestemming') },
  persons: { type: 'number', value: 3 },
  duration: {
    type: 'dateRange',
    departure: '2026-10-12',
    return: '2026-10-14',
    days: 3,
    nights: 2,
  },
  purpose: { type: 'longText', text: HOSTILE_LINES.join('\n') },
  locations: { type: 'longText', text: `${hostile('locaties')}\n\n${HOSTILE_LINES[0]}` },
  peopleMet: {
    type: 'people',
    people: [
      { name: hostile('naam'), role: '[functie](https://evil.example/?q=${1+1})' },
      { name: 'محمد عبد الله', role: 'رئيس البلدية' },
    ],
  },
  outcome: { type: 'longText', text: HOSTILE_LINES.slice().reverse().join('\n') },
  followUp: { type: 'yesNoText', yes: true, text: hostile('afspraak') },
};

const fixture: CardFixture = {
  catalogue,
  answers,
  travellerName: hostile('reiziger'),
  teamName: hostile('team'),
  channelName: hostile('kanaal'),
  fileName: `${hostile('bestand')}.docx`,
  rejected: { answer: HOSTILE_LINES.join('\n') },
};

/** The text of every TextRun of a card, in order. */
function textRuns(card: NamedCard['card']): string[] {
  return elementsOf(card.body)
    .filter((element) => element.type === 'TextRun')
    .map((element) => String(element.text));
}

/** Every text a client reads as markdown: TextBlock texts and FactSet titles and values. */
function markdownTexts(card: NamedCard['card']): string[] {
  return elementsOf(card.body).flatMap((element) => {
    if (element.type === 'TextBlock') return [String(element.text)];
    if (element.type === 'FactSet') {
      return (element.facts as { title?: unknown; value?: unknown }[]).flatMap((fact) => [
        String(fact.title),
        String(fact.value),
      ]);
    }
    return [];
  });
}

/** The `<at>…</at>` texts of a card's mentions (`msteams.entities`). */
function mentionTexts(card: NamedCard['card']): string[] {
  const { entities } = (card.msteams ?? {}) as { entities?: { text: string }[] };
  return (entities ?? []).map((entity) => entity.text);
}

/** The values of a card's inputs. */
function inputValues(card: NamedCard['card']): string[] {
  return elementsOf(card.body)
    .filter((element) => String(element.type).startsWith('Input.') && 'value' in element)
    .map((element) => String(element.value));
}

/** Whether `lines` appear, in order and one after the other, among the card's TextRuns. */
function showsLines(runs: string[], lines: string[]): boolean {
  return runs.some((_, start) => lines.every((line, offset) => runs[start + offset] === line));
}

/** The lines an answer's text is shown as: one TextRun a non-blank line. */
const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** Every user text that may be on a card, and the fragments to look for in markdown texts. */
const userTexts: Record<string, string> = {
  title: hostile('titel'),
  destination: hostile('bestemming'),
  traveller: hostile('reiziger'),
  team: hostile('team'),
  channel: hostile('kanaal'),
  person: hostile('naam'),
  agreement: hostile('afspraak'),
  locations: hostile('locaties'),
  ...Object.fromEntries(HOSTILE_LINES.map((line, index) => [`line ${index + 1}`, line])),
};

describe('cards: user text is shown verbatim in TextRuns, never as markdown (issue 16, item 1)', () => {
  const cards = everyCard(fixture);
  const card = (name: string) => {
    const found = cards.find((candidate) => candidate.name === name);
    assert.ok(found, `the card "${name}" is rendered`);
    return found.card;
  };

  it('never puts user text in a TextBlock or a FactSet, where Teams reads markdown', () => {
    for (const { name, card } of cards) {
      const facts = elementsOf(card.body).filter((element) => element.type === 'FactSet');
      assert.deepEqual(facts, [], `${name}: no FactSet (its values are markdown in Teams)`);
      // A mention is the one exception: Teams reads `<at>…</at>` only in a TextBlock (issue 16,
      // item 1). It carries a name from Teams with nothing markdown or HTML would read.
      const mentions = mentionTexts(card);
      for (const mention of mentions) {
        assert.match(mention, /^<at>[^<>&*_~`[\]\\#|]+<\/at>$/, `${name}: a plain mention`);
      }
      for (const text of markdownTexts(card).map((t) =>
        mentions.reduce((r, m) => r.replace(m, ''), t),
      )) {
        for (const [what, typed] of Object.entries(userTexts)) {
          // A tag like "titel **x**" is unique to one user text; the bot's own words never hold it.
          const tag = typed.slice(0, 12);
          assert.ok(!text.includes(tag), `${name}: the ${what} is in a TextBlock: ${text}`);
        }
      }
    }
  });

  it('never escapes user text with backslashes', () => {
    const escapes = ['\\*\\*x', '\\_y', '1\\.', '\\#', '\\[a\\]', '\\<b\\>', '\\-', '\\>', '2\\)'];
    for (const { name, card } of cards) {
      const json = JSON.stringify(card);
      for (const escape of escapes) {
        assert.ok(
          !json.includes(JSON.stringify(escape).slice(1, -1)),
          `${name}: ${escape} escaped`,
        );
      }
    }
  });

  it('shows each answer verbatim in TextRuns: one a line, on review, channel, edit and answered cards', () => {
    for (const locale of ['nl', 'en']) {
      for (const name of [`review (${locale})`, `channel card (${locale})`]) {
        const runs = textRuns(card(name));
        for (const key of ['title', 'destination', 'purpose', 'locations', 'outcome']) {
          if (key === 'title' && name.startsWith('review')) continue;
          const answer = answers[key] as { text: string };
          assert.ok(showsLines(runs, linesOf(answer.text)), `${name}: ${key} as typed`);
        }
        assert.ok(runs.includes(`${hostile('naam')} ([functie](https://evil.example/?q=\${1+1}))`));
        assert.ok(runs.includes('محمد عبد الله (رئيس البلدية)'), `${name}: a person as typed`);
      }
      const channelRuns = textRuns(card(`channel card (${locale})`));
      assert.ok(channelRuns.includes(hostile('titel')), 'the title as typed');
      // The traveller is @mentioned: the entity names them as Teams does, the TextBlock shows
      // the mention, and no markup of the name is read.
      const channel = card(`channel card (${locale})`);
      const { entities } = channel.msteams as { entities: Record<string, unknown>[] };
      assert.deepEqual(
        entities.map((entity) => entity.mentioned),
        [{ id: TRAVELLER_TEAMS_ID, name: hostile('reiziger') }],
        "the traveller's name from Teams",
      );
      const mention = String(entities[0]?.text);
      assert.ok(
        markdownTexts(channel).some((text) => text.includes(mention)),
        `a TextBlock shows ${mention}`,
      );
      assert.ok(!channelRuns.includes(hostile('reiziger')), 'the traveller named once');
      for (const key of ['purpose', 'outcome', 'locations']) {
        const answer = answers[key] as { text: string };
        const shownBoth = textRuns(card(`edit confirmation ${key} (${locale})`));
        const lines = linesOf(answer.text);
        assert.ok(showsLines(shownBoth, [...lines, ...lines]), `${key}: was and becomes as typed`);
        const answered = textRuns(card(`answered ${key} (${locale})`));
        assert.ok(showsLines(answered, lines.slice(0, 3)), `${key}: the answered line`);
      }
    }
  });

  it("shows titles and Teams' names verbatim in the bot's sentences, each a TextRun of its own", () => {
    for (const locale of ['nl', 'en']) {
      for (const name of ['resume', 'reminder', 'delete draft', 'my reports']) {
        assert.ok(textRuns(card(`${name} (${locale})`)).includes(hostile('titel')), name);
      }
      const posted = textRuns(card(`posted (${locale})`));
      assert.ok(posted.includes(hostile('team')) && posted.includes(hostile('kanaal')), 'posted');
      for (const outcome of ['saved', 'failed', 'declined']) {
        const runs = textRuns(card(`file consent answered: ${outcome} (${locale})`));
        assert.ok(runs.includes(`${hostile('bestand')}.docx`), 'the file name');
      }
    }
  });

  it('puts a refused input back verbatim as the input value', () => {
    for (const question of catalogue.questions.filter((q) => q.type === 'longText')) {
      const values = inputValues(card(`question ${question.key} refused (nl)`));
      assert.ok(values.includes(HOSTILE_LINES.join('\n')), question.key);
    }
  });

  it('does not evaluate ${…} typed by a traveller', () => {
    for (const { name, card } of cards) {
      const runs = textRuns(card).join('\n');
      assert.ok(!runs.includes('report-9'), `${name}: \${$root.reportId} expanded`);
    }
    assert.ok(textRuns(card('review (nl)')).some((run) => run.includes('${1+1}')));
  });
});
