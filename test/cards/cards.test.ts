import assert from 'node:assert/strict';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/cardSize';
import { questionCardData, renderQuestionCard } from '../../src/cards/questionCard';
import { renderChannelCard, renderReportCard, reportCardData } from '../../src/cards/reportCard';
import type { AdaptiveCard } from '../../src/cards/template';
import { newDraft, withAnswer, type Answer, type Report } from '../../src/report/report';
import { pinnedCatalogue as catalogue } from '../support/catalogue';
import { cardValidator, findCardSchema } from './cardSchema';
import {
  elementsOf as elements,
  everyCard,
  TRAVELLER_TEAMS_ID,
  type CardFixture,
} from './everyCard';

const now = new Date('2026-11-20T10:00:00Z');
const answers: Record<string, Answer> = {
  title: { type: 'shortText', text: 'Eurocities ${1+1} {{name}} "Forum" \\ <b>HTML</b>' },
  destination: { type: 'shortText', text: 'Porto, Portugal' },
  persons: { type: 'number', value: 3 },
  duration: {
    type: 'dateRange',
    departure: '2026-10-12',
    return: '2026-10-14',
    days: 3,
    nights: 2,
  },
  purpose: {
    type: 'longText',
    text: 'Leren over [stedelijke vernieuwing](https://example.org).\nTweede regel.',
  },
  locations: { type: 'longText', text: 'Câmara Municipal do Porto; مركز المدينة 🏛️' },
  peopleMet: {
    type: 'people',
    people: [
      { name: 'Ana Ferreira', role: 'wethouder cultuur' },
      { name: 'Rui Costa', role: 'directeur haven' },
    ],
  },
  outcome: { type: 'longText', text: 'Een uitnodiging voor 2027.' },
  followUp: { type: 'yesNoText', yes: true, text: 'Videogesprek in januari.' },
};

function report(keys: string[] = Object.keys(answers)): Report {
  let result = newDraft('report-9', { id: 'aad-1', name: 'Noor Bakker', tenantId: 't' }, 'nl', now);
  for (const key of keys) result = withAnswer(result, key, answers[key]!, now);
  return result;
}

const fixture: CardFixture = {
  catalogue,
  answers,
  travellerName: 'Noor Bakker',
  teamName: 'Internationale Zaken',
  channelName: 'Reisverslagen',
  fileName: '2026-10-12-eurocities-${1+1}-*forum*.docx',
  rejected: { answer: 'x' },
};

describe('cards', () => {
  const cards = everyCard(fixture);

  it('are Adaptive Card 1.5 and valid against its schema', function () {
    const schemaPath = findCardSchema();
    if (!schemaPath) {
      // The schema is shared beside the project, not part of it; say so rather than pass silently.
      this.skip();
    }
    const { validate, ajv } = cardValidator(schemaPath as string);
    for (const { name, card } of cards) {
      assert.equal(card.version, '1.5', name);
      const valid = validate(card);
      assert.ok(valid, `${name}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('leave no template expression unexpanded', () => {
    for (const { name, card } of cards) {
      const json = JSON.stringify(card).replaceAll('${1+1}', '');
      assert.doesNotMatch(json, /\$\{|"\$when"|"\$data"/, name);
    }
  });

  it('give every input a label, and every required input an error message', () => {
    for (const { name, card } of cards) {
      for (const input of elements(card.body).filter((e) => String(e.type).startsWith('Input.'))) {
        assert.ok(
          typeof input.label === 'string' && input.label !== '',
          `${name}: ${String(input.id)} has a label`,
        );
        if (input.isRequired === true) {
          assert.ok(
            typeof input.errorMessage === 'string' && input.errorMessage !== '',
            `${name}: ${String(input.id)} has an errorMessage`,
          );
        }
      }
    }
  });

  it('put the question verbatim on its card, with "Vraag n van N", Vorige from the second on, the form on the first', () => {
    const first = renderQuestionCard(
      questionCardData(catalogue, catalogue.questions[0]!, report([]), 'nl', '2026-11-20'),
    );
    const fifth = renderQuestionCard(
      questionCardData(catalogue, catalogue.questions[4]!, report([]), 'nl', '2026-11-20'),
    );
    const titles = (card: AdaptiveCard) =>
      elements(card.actions)
        .filter((e) => e.type === 'Action.Submit')
        .map((e) => e.title);
    assert.deepEqual(titles(first), ['Volgende', 'Alles in één formulier']);
    assert.deepEqual(titles(fifth), ['Volgende', 'Vorige']);
    const texts = elements(fifth.body).map((e) => e.text);
    assert.ok(texts.includes(`Vraag 5 van ${catalogue.size}`));
    assert.ok(texts.includes('WAT WAS HET DOEL VAN DE REIS?'));
  });

  it('show the channel card at full width in Teams (msteams.width Full), the traveller @mentioned', () => {
    for (const { name, card } of cards.filter((c) => c.name.startsWith('channel card'))) {
      assert.deepEqual(
        card.msteams,
        {
          width: 'Full',
          entities: [
            {
              type: 'mention',
              text: '<at>Noor Bakker</at>',
              mentioned: { id: TRAVELLER_TEAMS_ID, name: 'Noor Bakker' },
            },
          ],
        },
        name,
      );
    }
  });

  it('name the traveller as plain text, with no mention, when their Teams id is not known', () => {
    const card = renderChannelCard({ ...report(), status: 'posted' }, catalogue);
    assert.deepEqual(card.msteams, { width: 'Full', entities: [] });
    assert.ok(!JSON.stringify(card).includes('<at>'), 'no <at> in the card');
    const facts = elements(card.body)
      .filter((e) => e.type === 'RichTextBlock')
      .map((e) => (e.inlines as { text: string }[]).map((run) => run.text).join(''));
    assert.ok(facts.includes('Reiziger: Noor Bakker'), facts.join('\n'));
  });

  it("keep the channel card under Teams' 80 KB advice, shortening the longest answers with a note", () => {
    const longText = (seed: string) => ({
      type: 'longText' as const,
      // 4,000 characters of 4 bytes each: the most an answer may hold, in bytes.
      text: `${seed} ${'𓀀'.repeat(4000)}`.slice(0, 4000 * 2 - seed.length - 1),
    });
    let big = report();
    for (const key of ['purpose', 'locations', 'outcome'])
      big = withAnswer(big, key, longText(key), now);
    big = withAnswer(
      big,
      'peopleMet',
      {
        type: 'people',
        people: Array.from({ length: 100 }, (_, i) => ({
          name: `Persoon ${i} ${'ä'.repeat(20)}`,
          role: 'functie '.repeat(10),
        })),
      },
      now,
    );
    big = withAnswer(
      big,
      'followUp',
      { type: 'yesNoText', yes: true, text: longText('afspraak').text },
      now,
    );
    const whole = renderReportCard(reportCardData(big, catalogue, 'nl'));
    assert.ok(cardSize(whole) > MAX_CARD_BYTES, 'the fixture is too big as it stands');
    const fitted = renderChannelCard(big, catalogue);
    assert.ok(cardSize(fitted) <= MAX_CARD_BYTES, `${cardSize(fitted)} bytes`);
    assert.match(JSON.stringify(fitted), /ingekort voor Teams; het volledige verslag is bewaard/);
    assert.deepEqual(big.answers.purpose, longText('purpose'), 'the report itself stays whole');

    const small = JSON.stringify(renderChannelCard(report(), catalogue));
    assert.equal(
      small,
      JSON.stringify(renderReportCard(reportCardData(report(), catalogue, 'nl'))),
    );
  });
});
