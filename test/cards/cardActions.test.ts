import assert from 'node:assert/strict';
import { answeredCardData, renderAnsweredCard } from '../../src/cards/answeredCard';
import {
  choiceCardData,
  MAX_CARD_ACTIONS,
  MAX_CHOICE_BUTTONS,
  renderChoiceCard,
  type ChoiceField,
} from '../../src/cards/choiceCard';
import { deleteDraftCardData, renderDeleteDraftCard } from '../../src/cards/deleteDraftCard';
import { editConfirmCardData, renderEditConfirmCard } from '../../src/cards/editConfirmCard';
import {
  fileConsentAnsweredCardData,
  renderFileConsentAnsweredCard,
} from '../../src/cards/fileConsentAnsweredCard';
import { formCardData, renderFormCard } from '../../src/cards/formCard';
import { helpCardData, renderHelpCard } from '../../src/cards/helpCard';
import { helpLines } from '../../src/dialogs/commands';
import { myReportsCardData, renderMyReportsCard } from '../../src/cards/myReportsCard';
import { postedCardData, renderPostedCard } from '../../src/cards/postedCard';
import { questionCardData, renderQuestionCard } from '../../src/cards/questionCard';
import { reminderCardData, renderReminderCard } from '../../src/cards/reminderCard';
import { renderChannelCard, renderReportCard, reportCardData } from '../../src/cards/reportCard';
import { renderResumeCard, resumeCardData } from '../../src/cards/resumeCard';
import { renderReviewCard, reviewCardData } from '../../src/cards/reviewCard';
import type { AdaptiveCard } from '../../src/cards/template';
import type { Catalogue } from '../../src/report/catalogue';
import type { Locale } from '../../src/report/locale';
import { newDraft, withAnswer, type Report } from '../../src/report/report';
import { postedAt } from '../support/reportPosts';
import { reportView } from '../../src/report/reportView';
import { textsFor } from '../../src/texts';
import { actionsOf } from '../support/cardActions';
import { pinnedCatalogue, productCatalogue } from '../support/catalogue';
import { sampleAnswer } from '../support/sampleAnswers';

const now = new Date('2026-11-20T10:00:00Z');
const traveller = { id: 'aad-1', name: 'Noor Bakker', tenantId: 't' };

/** A report with every question of the catalogue answered. */
function fullReport(catalogue: Catalogue, id: string, locale: Locale): Report {
  let report = newDraft(id, traveller, locale, now);
  for (const question of catalogue.questions) {
    report = withAnswer(report, question.key, sampleAnswer(question).stored, now);
  }
  return report;
}

/** The same report in a team's channel, with what a deep link to its post needs. */
function postedReport(catalogue: Catalogue, id: string, locale: Locale): Report {
  return postedAt(fullReport(catalogue, id, locale), {
    conversationId: `19:c1@thread.tacv2;messageid=${id}`,
    activityId: id,
    serviceUrl: 'https://smba.example/',
    channelId: '19:c1@thread.tacv2',
    teamName: 'Internationale Zaken',
    channelName: 'Reisverslagen',
    teamAadGroupId: '00000000-0000-0000-0000-000000000031',
    postedAt: now.toISOString(),
    syncedVersion: 1,
  });
}

/** A traveller's reports, newest first: `posted` in the channel, then `drafts` unfinished. */
function reportsOf(catalogue: Catalogue, locale: Locale, posted: number, drafts: number): Report[] {
  return [
    ...Array.from({ length: drafts }, (_, i) =>
      withAnswer(newDraft(`draft-${i}`, traveller, locale, now), 'title', sampleTitle(i), now),
    ),
    ...Array.from({ length: posted }, (_, i) => postedReport(catalogue, `posted-${i}`, locale)),
  ];
}

function sampleTitle(index: number) {
  return { type: 'shortText' as const, text: `Dienstreis ${index + 1}` };
}

/** A card the bot sends, and the `action` (card data) of the action that must come first. */
interface SentCard {
  name: string;
  card: AdaptiveCard;
  primary?: string;
}

/** A choice with `count` options, as the edit, posting and download dialogs send it. */
function choiceCard(field: ChoiceField, count: number, action: string, locale: Locale) {
  return renderChoiceCard(
    choiceCardData({
      message: 'Welke?',
      field,
      options: Array.from({ length: count }, (_, i) => ({
        title: `Internationale Zaken ${i + 1} › Reisverslagen`,
        value: `value-${i}`,
      })),
      submit: { title: 'Kiezen', data: { action, reportId: 'report-1' } },
      locale,
    }),
  );
}

/**
 * Every card the bot can send, filled as fully as a traveller can: every question of both
 * catalogues, up to 12 reports and 12 teams, both languages.
 */
function everyCard(): SentCard[] {
  const cards: SentCard[] = [];
  for (const catalogue of [productCatalogue, pinnedCatalogue]) {
    for (const locale of ['nl', 'en'] as Locale[]) {
      const tag = `${catalogue.questions.length} questions, ${locale}`;
      const full = fullReport(catalogue, 'report-1', locale);
      catalogue.questions.forEach((question) => {
        cards.push({
          name: `question ${question.key} (${tag})`,
          card: renderQuestionCard(
            questionCardData(catalogue, question, full, locale, '2026-11-20'),
          ),
          primary: 'answer',
        });
        cards.push({
          name: `answered ${question.key} (${tag})`,
          card: renderAnsweredCard(
            answeredCardData(catalogue, question, sampleAnswer(question).stored, locale),
          ),
        });
      });
      cards.push({
        name: `review (${tag})`,
        card: renderReviewCard(reviewCardData(reportView(full, catalogue, locale))),
        primary: 'post',
      });
      cards.push({
        name: `form (${tag})`,
        card: renderFormCard(formCardData(catalogue, full, locale, '2026-11-20')),
        primary: 'saveForm',
      });
      for (const draftId of [undefined, 'report-1']) {
        cards.push({
          name: `help${draftId ? ' with a draft' : ''} (${tag})`,
          card: renderHelpCard(helpCardData(locale, helpLines(locale), draftId)),
          primary: draftId ? 'resume' : 'newReport',
        });
      }
      cards.push({
        name: `report (${tag})`,
        card: renderReportCard(reportCardData(full, catalogue, locale)),
      });
      cards.push({ name: `channel card (${tag})`, card: renderChannelCard(full, catalogue) });
      cards.push({
        name: `resume (${tag})`,
        card: renderResumeCard(resumeCardData(reportView(full, catalogue, locale))),
        primary: 'resume',
      });
      cards.push({
        name: `reminder (${tag})`,
        card: renderReminderCard(reminderCardData(full, catalogue)),
        primary: 'resume',
      });
      cards.push({
        name: `delete draft (${tag})`,
        card: renderDeleteDraftCard(deleteDraftCardData(full, catalogue, locale)),
        primary: 'deleteDraft',
      });
      const posted = postedReport(catalogue, 'report-2', locale);
      cards.push({
        name: `posted (${tag})`,
        card: renderPostedCard(postedCardData(posted, locale)),
        primary: 'edit',
      });
      cards.push({
        name: `posted, opened from the list (${tag})`,
        card: renderPostedCard(postedCardData(posted, locale, true)),
        primary: 'edit',
      });
      const question = catalogue.questions.at(-1)!;
      cards.push({
        name: `edit confirmation (${tag})`,
        card: renderEditConfirmCard(
          editConfirmCardData(
            'report-2',
            question,
            sampleAnswer(question).stored,
            sampleAnswer(question).stored,
            locale,
            'edit-1',
          ),
        ),
        primary: 'confirmEdit',
      });
      for (let count = 1; count <= 12; count++) {
        cards.push({
          name: `choice of ${count} parts (${tag})`,
          card: choiceCard('questionKey', count, 'editPart', locale),
          primary: 'editPart',
        });
        cards.push({
          name: `choice of ${count} teams (${tag})`,
          card: choiceCard('teamId', count, 'chooseTeam', locale),
          primary: 'chooseTeam',
        });
        cards.push({
          name: `choice of ${count} reports (${tag})`,
          card: choiceCard('reportId', count, 'edit', locale),
          primary: 'edit',
        });
      }
      for (const [postedCount, drafts] of [
        [1, 0],
        [0, 1],
        [1, 1],
        [2, 0],
        [2, 1],
        [1, 3],
        [0, 6],
        [0, 7],
        [10, 2],
      ] as const) {
        const reports = reportsOf(catalogue, locale, postedCount, drafts);
        const compact = myReportsCardData(reports, catalogue, locale).reports.choices.length > 0;
        cards.push({
          name: `my reports: ${postedCount} posted, ${drafts} drafts (${tag})`,
          card: renderMyReportsCard(myReportsCardData(reports, catalogue, locale)),
          // The newest report's first button, or `Openen` under the drop-down.
          primary: compact ? 'openReport' : drafts > 0 ? 'resume' : 'edit',
        });
      }
      for (const outcome of ['saved', 'failed', 'declined'] as const) {
        cards.push({
          name: `file consent answered: ${outcome} (${tag})`,
          card: renderFileConsentAnsweredCard(
            fileConsentAnsweredCardData('verslag.docx', outcome, locale),
          ),
        });
      }
    }
  }
  return cards;
}

describe('card actions: at most six on any card, the primary one first', () => {
  const cards = everyCard();

  it(`gives no card more than ${MAX_CARD_ACTIONS} actions, counting every kind and place`, () => {
    for (const { name, card } of cards) {
      const actions = actionsOf(card);
      assert.ok(
        actions.length <= MAX_CARD_ACTIONS,
        `${name}: ${actions.length} actions (${actions.map((a) => a.title).join(', ')})`,
      );
    }
  });

  it('puts the primary action first', () => {
    for (const { name, card, primary } of cards) {
      if (!primary) continue;
      assert.equal(actionsOf(card)[0]?.data?.action, primary, name);
    }
  });

  it('counts actions in ActionSets, selectActions and ShowCards too', () => {
    const submit = { type: 'Action.Submit', title: 'x', data: { action: 'a' } };
    const card = {
      body: [
        { type: 'ActionSet', actions: [submit, submit] },
        { type: 'Container', selectAction: submit, items: [] },
      ],
      actions: [{ type: 'Action.ShowCard', title: 'meer', card: { body: [], actions: [submit] } }],
    };
    assert.equal(actionsOf(card).length, 5);
  });

  it(`shows up to ${MAX_CHOICE_BUTTONS} options as buttons, each carrying its value`, () => {
    const card = choiceCard('teamId', MAX_CHOICE_BUTTONS, 'chooseTeam', 'nl');
    assert.deepEqual(
      actionsOf(card).map((action) => action.data),
      [0, 1, 2].map((i) => ({ action: 'chooseTeam', reportId: 'report-1', teamId: `value-${i}` })),
    );
    assert.ok(!JSON.stringify(card).includes('Input.ChoiceSet'));
  });

  it('shows more options as a compact drop-down whose id is the field its button submits', () => {
    for (const field of ['questionKey', 'teamId', 'reportId'] as const) {
      const card = choiceCard(field, MAX_CHOICE_BUTTONS + 1, 'x', 'en');
      const [list] = (card.body as Record<string, unknown>[]).filter(
        (element) => element.type === 'Input.ChoiceSet',
      );
      assert.equal(list?.id, field);
      assert.equal(list?.style, 'compact');
      assert.equal(list?.isRequired, true);
      assert.equal((list?.choices as unknown[]).length, MAX_CHOICE_BUTTONS + 1);
      assert.equal(list?.label, textsFor('en').choiceLists[field].label);
      assert.deepEqual(
        actionsOf(card).map((action) => action.data),
        [{ action: 'x', reportId: 'report-1' }],
      );
    }
  });

  it('offers every part of the report in the review’s drop-down; Plaatsen sends no part', () => {
    const view = reportView(fullReport(productCatalogue, 'report-1', 'nl'), productCatalogue, 'nl');
    const card = renderReviewCard(reviewCardData(view));
    const list = (card.body as Record<string, unknown>[]).find(
      (element) => element.type === 'Input.ChoiceSet',
    );
    assert.deepEqual(
      (list?.choices as { value: string }[]).map((choice) => choice.value),
      productCatalogue.questions.map((question) => question.key),
    );
    const [post, change] = actionsOf(card);
    assert.equal(post?.associatedInputs, 'none');
    assert.deepEqual(change?.data, { action: 'change', reportId: 'report-1' });
  });

  it('lists many reports in a drop-down with Openen, few with their own buttons', () => {
    const few = myReportsCardData(reportsOf(pinnedCatalogue, 'nl', 2, 0), pinnedCatalogue, 'nl');
    assert.equal(few.rowButtons, true);
    const many = myReportsCardData(reportsOf(pinnedCatalogue, 'nl', 3, 0), pinnedCatalogue, 'nl');
    assert.equal(many.rowButtons, false);
    assert.deepEqual(
      many.reports.choices.map((choice) => choice.value),
      ['posted-0', 'posted-1', 'posted-2'],
    );
  });
});
