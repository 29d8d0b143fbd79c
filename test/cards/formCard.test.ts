// The form card (issue 19): generated from the catalogue, under Teams' size limit with long
// answers pre-filled, and a pre-filled text shown cut short never shortens the stored answer.
import assert from 'node:assert/strict';
import { cardSize } from '../../src/cards/cardSize';
import { formCardData, renderFormCard } from '../../src/cards/formCard';
import type { AdaptiveCard } from '../../src/cards/template';
import type { Catalogue } from '../../src/report/catalogue';
import { FORM_CUT_FIELD, readForm } from '../../src/report/formInput';
import { newDraft, withAnswer, type Report } from '../../src/report/report';
import { inputsOf } from '../dialogs/chatTester';
import { productCatalogue } from '../support/catalogue';
import { sampleAnswer, withExtraLongTextQuestion } from '../support/sampleAnswers';

const now = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';

function fullDraft(catalogue: Catalogue, longText?: string): Report {
  let report = newDraft('report-1', { id: 'aad-1', name: 'Noor Bakker' }, 'nl', now);
  for (const question of catalogue.questions) {
    const answer =
      longText !== undefined && question.type === 'longText'
        ? { type: 'longText' as const, text: longText }
        : sampleAnswer(question).stored;
    report = withAnswer(report, question.key, answer, now);
  }
  return report;
}

/** What Teams sends for Opslaan on the card as shown, with `changes` typed over it. */
function submitted(card: AdaptiveCard, changes: Record<string, string> = {}) {
  const values: Record<string, unknown> = {};
  for (const [id, input] of inputsOf(card)) {
    values[id] = input.value === undefined ? '' : String(input.value);
  }
  const save = (card.actions as { data: Record<string, unknown> }[])[0]!.data;
  return { ...save, ...values, ...changes };
}

describe('The form card', function () {
  it('has the inputs of every question, a question added to the catalogue too, each id prefixed by its key', () => {
    const catalogue = withExtraLongTextQuestion(productCatalogue, 'outcome');
    const card = renderFormCard(formCardData(catalogue, fullDraft(catalogue), 'nl', TODAY));
    const ids = [...inputsOf(card).keys()];
    const keys = [...new Set(ids.map((id) => id.split('.')[0]))];
    assert.deepEqual(
      keys,
      catalogue.questions.map((question) => question.key),
    );
    assert.ok(ids.includes('extraNotes.answer'));
    assert.ok(ids.includes('duration.departure') && ids.includes('duration.return'));
    // Pre-filled, and read back as stored: saving the form unchanged changes nothing.
    const reading = readForm(catalogue, submitted(card), fullDraft(catalogue), 'nl', TODAY);
    assert.deepEqual(reading.errors, {});
    assert.deepEqual(reading.answers, fullDraft(catalogue).answers);
  });

  it('cuts the longest pre-filled answers to fit, says so under them, and keeps the whole answer when they come back unchanged', () => {
    const catalogue = productCatalogue;
    const long = '𓀀'.repeat(4000); // 8,000 UTF-16 units an answer: too much for one card
    const draft = fullDraft(catalogue, long);
    const card = renderFormCard(formCardData(catalogue, draft, 'nl', TODAY), 40 * 1024);
    assert.ok(cardSize(card) <= 40 * 1024, `${cardSize(card)} bytes`);
    const inputs = inputsOf(card);
    const shown = String(inputs.get('purpose.answer')?.value);
    assert.ok(shown.length < long.length && long.startsWith(shown), 'cut short');
    assert.match(JSON.stringify(card), /Ingekort voor Teams/);
    const save = submitted(card);
    assert.notEqual(save[FORM_CUT_FIELD], '');

    const unchanged = readForm(catalogue, save, draft, 'nl', TODAY);
    assert.deepEqual(unchanged.errors, {});
    assert.deepEqual(unchanged.answers.purpose, { type: 'longText', text: long });

    // Shortened by the traveller: taken as typed.
    const edited = readForm(
      catalogue,
      { ...save, 'purpose.answer': shown.slice(0, 10) },
      draft,
      'nl',
      TODAY,
    );
    assert.deepEqual(edited.answers.purpose, { type: 'longText', text: shown.slice(0, 10) });
  });

  it('drops agreements left over from an earlier yes when no is chosen, as the question card does', () => {
    const catalogue = productCatalogue;
    const draft = withAnswer(
      fullDraft(catalogue),
      'followUp',
      { type: 'yesNoText', yes: true, text: 'Werkbezoek in maart' },
      now,
    );
    const card = renderFormCard(formCardData(catalogue, draft, 'nl', TODAY));
    const reading = readForm(
      catalogue,
      submitted(card, { 'followUp.choice': 'no' }),
      draft,
      'nl',
      TODAY,
    );
    assert.deepEqual(reading.answers.followUp, { type: 'yesNoText', yes: false });
  });

  it('reads nothing of another question from a field named like it, and survives hostile field names', () => {
    const catalogue = productCatalogue;
    const draft = fullDraft(catalogue);
    const card = renderFormCard(formCardData(catalogue, draft, 'nl', TODAY));
    const reading = readForm(
      catalogue,
      {
        ...submitted(card),
        'title.__proto__': 'x',
        [FORM_CUT_FIELD]: '{"title.answer":',
        'titles.answer': 'anders',
      },
      draft,
      'nl',
      TODAY,
    );
    assert.deepEqual(reading.errors, {});
    assert.deepEqual(reading.answers.title, draft.answers.title);
  });
});
