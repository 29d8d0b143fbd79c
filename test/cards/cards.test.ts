import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import draft6MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import { answeredCardData, renderAnsweredCard } from '../../src/cards/answeredCard';
import { choiceCardData, renderChoiceCard } from '../../src/cards/choiceCard';
import { editConfirmCardData, renderEditConfirmCard } from '../../src/cards/editConfirmCard';
import { helpCardData, renderHelpCard } from '../../src/cards/helpCard';
import { helpLines } from '../../src/dialogs/commands';
import {
  fileConsentAnsweredCardData,
  renderFileConsentAnsweredCard,
} from '../../src/cards/fileConsentAnsweredCard';
import { myReportsCardData, renderMyReportsCard } from '../../src/cards/myReportsCard';
import { postedCardData, renderPostedCard } from '../../src/cards/postedCard';
import { questionCardData, renderQuestionCard } from '../../src/cards/questionCard';
import {
  MAX_CARD_BYTES,
  renderChannelCard,
  renderReportCard,
  reportCardData,
} from '../../src/cards/reportCard';
import { deleteDraftCardData, renderDeleteDraftCard } from '../../src/cards/deleteDraftCard';
import { reminderCardData, renderReminderCard } from '../../src/cards/reminderCard';
import { renderResumeCard, resumeCardData } from '../../src/cards/resumeCard';
import { renderReviewCard, reviewCardData } from '../../src/cards/reviewCard';
import type { AdaptiveCard } from '../../src/cards/template';
import { postedAt } from '../support/reportPosts';
import { reportView } from '../../src/report/reportView';
import { pinnedCatalogue as catalogue } from '../support/catalogue';
import type { Locale } from '../../src/report/locale';
import { newDraft, withAnswer, type Answer, type Report } from '../../src/report/report';

/** The shared Adaptive Card 1.5 schema, found beside the project (`../shared/schemas/`). */
function findCardSchema(): string | undefined {
  for (let folder = resolve(__dirname, '..', '..'); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'schemas', 'adaptive-card-1.5.schema.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

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

function postedReport(): Report {
  return postedAt(report(), {
    conversationId: '19:c1@thread.tacv2;messageid=1700000000000',
    activityId: '1700000000000',
    serviceUrl: 'https://smba.example/',
    channelId: '19:c1@thread.tacv2',
    teamName: 'Internationale Zaken',
    channelName: 'Reisverslagen',
    teamAadGroupId: '00000000-0000-0000-0000-000000000031',
    postedAt: now.toISOString(),
    syncedVersion: 1,
  });
}

/** Every card the bot can send, in both languages, with hostile text in the answers. */
function everyCard(): { name: string; card: AdaptiveCard }[] {
  const cards: { name: string; card: AdaptiveCard }[] = [];
  for (const locale of ['nl', 'en'] as Locale[]) {
    for (const question of catalogue.questions) {
      cards.push({
        name: `question ${question.key} (${locale})`,
        card: renderQuestionCard(
          questionCardData(catalogue, question, report(), locale, '2026-11-20'),
        ),
      });
      cards.push({
        name: `empty question ${question.key} (${locale})`,
        card: renderQuestionCard(
          questionCardData(catalogue, question, report([]), locale, '2026-11-20', {
            error: 'Dit klopt niet.',
            fields: { answer: 'x' },
          }),
        ),
      });
      cards.push({
        name: `answered ${question.key} (${locale})`,
        card: renderAnsweredCard(
          answeredCardData(catalogue, question, answers[question.key]!, locale),
        ),
      });
    }
    cards.push({
      name: `review (${locale})`,
      card: renderReviewCard(reviewCardData(reportView(report(), catalogue, locale))),
    });
    cards.push({
      name: `report (${locale})`,
      card: renderReportCard(reportCardData(report(), catalogue, locale)),
    });
    cards.push({
      name: `resume (${locale})`,
      card: renderResumeCard(resumeCardData(reportView(report(['title']), catalogue, locale))),
    });
    cards.push({
      name: `reminder (${locale})`,
      card: renderReminderCard(
        reminderCardData({ ...report(['title', 'persons']), locale }, catalogue),
      ),
    });
    cards.push({
      name: `reminder without title (${locale})`,
      card: renderReminderCard(reminderCardData({ ...report([]), locale }, catalogue)),
    });
    cards.push({
      name: `delete draft (${locale})`,
      card: renderDeleteDraftCard(deleteDraftCardData(report(['title']), catalogue, locale)),
    });
    cards.push({
      name: `choice (${locale})`,
      card: renderChoiceCard(
        choiceCardData({
          message: 'In welk team?',
          field: 'teamId',
          options: [
            { title: 'Internationale Zaken › Reisverslagen', value: 'a' },
            { title: 'Economie', value: 'b' },
          ],
          submit: { title: 'Plaatsen', data: { action: 'chooseTeam', reportId: 'report-9' } },
          locale,
        }),
      ),
    });
    const posted = postedReport();
    cards.push({
      name: `posted (${locale})`,
      card: renderPostedCard(postedCardData(posted, locale)),
    });
    cards.push({
      name: `edit confirmation (${locale})`,
      card: renderEditConfirmCard(
        editConfirmCardData(
          'report-9',
          catalogue.questions[6]!,
          answers.peopleMet,
          answers.peopleMet!,
          locale,
          'edit-1',
        ),
      ),
    });
    cards.push({
      name: `my reports (${locale})`,
      card: renderMyReportsCard(myReportsCardData([posted, report(['title'])], catalogue, locale)),
    });
    for (const draftId of [undefined, 'report-9']) {
      cards.push({
        name: `help${draftId ? ' with a draft' : ''} (${locale})`,
        card: renderHelpCard(helpCardData(locale, helpLines(locale), draftId)),
      });
    }
    for (const outcome of ['saved', 'failed', 'declined'] as const) {
      cards.push({
        name: `file consent answered: ${outcome} (${locale})`,
        card: renderFileConsentAnsweredCard(
          fileConsentAnsweredCardData('2026-10-12-eurocities-${1+1}-*forum*.docx', outcome, locale),
        ),
      });
    }
  }
  return cards;
}

function elements(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((item) => elements(item, found));
  else if (node && typeof node === 'object') {
    found.push(node as Record<string, unknown>);
    Object.values(node).forEach((child) => elements(child, found));
  }
  return found;
}

describe('cards', () => {
  const cards = everyCard();

  it('are Adaptive Card 1.5 and valid against its schema', function () {
    const schemaPath = findCardSchema();
    if (!schemaPath) {
      // The schema is shared beside the project, not part of it; say so rather than pass silently.
      this.skip();
    }
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addMetaSchema(draft6MetaSchema);
    // The published schema names itself with draft-04's `id`; ajv reads `$id`.
    const { id, ...schema } = JSON.parse(readFileSync(schemaPath as string, 'utf8'));
    const validate = ajv.compile({ ...schema, $id: id });
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

  it('show user text exactly as typed: never evaluated, never taken for markdown or HTML', () => {
    // What a markdown renderer such as Teams' shows of a TextBlock: backslash escapes removed.
    const shown = (card: AdaptiveCard) =>
      elements(card.body)
        .filter((e) => e.type === 'TextBlock' || e.title !== undefined)
        .map((e) =>
          String(e.text ?? e.value ?? '')
            .replace(/\\([!-/:-@[-`{-~])/g, '$1')
            .replace(/\n\n/g, '\n'),
        );
    const title = (answers.title as { text: string }).text;
    const purpose = (answers.purpose as { text: string }).text;
    const review = renderReviewCard(reviewCardData(reportView(report(), catalogue, 'nl')));
    assert.ok(shown(review).includes(title), 'the title as typed, ${1+1}, quotes, HTML and all');
    const posted = renderChannelCard(report(), catalogue);
    assert.ok(shown(posted).includes(title));
    assert.ok(shown(posted).includes(purpose));
    assert.ok(shown(posted).includes('Câmara Municipal do Porto; مركز المدينة 🏛️'));
    const raw = JSON.stringify(posted);
    assert.ok(
      !raw.includes('[stedelijke vernieuwing](https://example.org)'),
      'no live markdown link',
    );
    assert.ok(!raw.includes('<b>HTML</b>'), 'no tag a renderer would drop');
  });

  it('put the question verbatim on its card, with "Vraag n van N" and Vorige from the second on', () => {
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
    assert.deepEqual(titles(first), ['Volgende']);
    assert.deepEqual(titles(fifth), ['Volgende', 'Vorige']);
    const texts = elements(fifth.body).map((e) => e.text);
    assert.ok(texts.includes(`Vraag 5 van ${catalogue.size}`));
    assert.ok(texts.includes('WAT WAS HET DOEL VAN DE REIS?'));
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
    const whole = JSON.stringify(renderReportCard(reportCardData(big, catalogue, 'nl')));
    assert.ok(Buffer.byteLength(whole) > MAX_CARD_BYTES, 'the fixture is too big as it stands');
    const fitted = JSON.stringify(renderChannelCard(big, catalogue));
    assert.ok(Buffer.byteLength(fitted) <= MAX_CARD_BYTES, `${Buffer.byteLength(fitted)} bytes`);
    assert.match(fitted, /ingekort voor Teams; het volledige verslag is bewaard/);
    assert.deepEqual(big.answers.purpose, longText('purpose'), 'the report itself stays whole');

    const small = JSON.stringify(renderChannelCard(report(), catalogue));
    assert.equal(
      small,
      JSON.stringify(renderReportCard(reportCardData(report(), catalogue, 'nl'))),
    );
  });
});
