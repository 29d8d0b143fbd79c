import type { Catalogue } from '../report/catalogue';
import { formDigest, formInputId } from '../report/formInput';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { textsFor } from '../texts';
import { cardSize, MAX_CARD_BYTES } from './cardSize';
import { questionCardData, type QuestionCardData } from './questionCard';
import { cardTemplate, type AdaptiveCard } from './template';
import { textBefore } from './userText';

/** The input ids of one question on the form: `<key>.<input>` (see formInputId). */
export interface FormInputIds {
  answer: string;
  departure: string;
  return: string;
  choice: string;
  picked: string;
}

/**
 * One question on the form: the question card's data (the same inputs, labels and pre-fill),
 * its inputs' ids prefixed with the question's key, and why its input was refused (`error`, a
 * TextRun under its inputs, as it may quote what was typed).
 */
export interface FormQuestion extends QuestionCardData {
  ids: FormInputIds;
  /** A pre-filled text was cut short to fit Teams' size limit: a note says the whole is kept. */
  shortened: boolean;
}

/** The data of `cards/form.json`: every question of the catalogue, in order, on one card. */
export interface FormCardData {
  title: string;
  intro: string;
  /** How many answers are refused, said above the questions; '' when none. */
  summary: string;
  reportId: string;
  questions: FormQuestion[];
  /** The inputs shown cut short, as JSON (input id → formDigest of the text shown); '' for none. */
  cut: string;
  labels: { save: string; shortened: string };
}

const expandFormCard = cardTemplate<FormCardData>('form.json');

/**
 * Renders the form card under Teams' size limit: while it is over, the longest pre-filled text is
 * cut in half (between characters as people see them), the field gets a note, and the submit
 * says which text was cut, so that sending it back unchanged keeps the whole stored answer.
 */
export function renderFormCard(data: FormCardData, maxBytes = MAX_CARD_BYTES): AdaptiveCard {
  const fitted = structuredClone(data);
  const cut: Record<string, string> = {};
  let card = expandFormCard(fitted);
  while (cardSize(card) > maxBytes) {
    const longest = fitted.questions.reduce((a, b) =>
      b.fields.answer.length > a.fields.answer.length ? b : a,
    );
    const shorter = textBefore(longest.fields.answer, Math.floor(longest.fields.answer.length / 2));
    if (shorter.length === longest.fields.answer.length) break;
    longest.fields.answer = shorter;
    longest.shortened = true;
    cut[longest.ids.answer] = formDigest(shorter);
    fitted.cut = JSON.stringify(cut);
    card = expandFormCard(fitted);
  }
  return card;
}

/** The traveller's input refused on the form: each question's inputs as sent, and the errors. */
export interface RejectedForm {
  fields: Record<string, Record<string, string>>;
  errors: Record<string, string>;
}

/**
 * The form card's data for a draft: every question of the catalogue as its question card shows
 * it, pre-filled with the stored answers (or what was just sent, when the form was refused).
 */
export function formCardData(
  catalogue: Catalogue,
  report: Report,
  locale: Locale,
  today: string,
  rejected?: RejectedForm,
): FormCardData {
  const texts = textsFor(locale);
  const errorCount = rejected ? Object.keys(rejected.errors).length : 0;
  return {
    title: texts.reportHeading,
    intro: texts.formIntro,
    summary: errorCount > 0 ? texts.formHasErrors(errorCount) : '',
    reportId: report.id,
    questions: catalogue.questions.map((question): FormQuestion => {
      const sent = rejected?.fields[question.key];
      const error = rejected?.errors[question.key] ?? '';
      const data = questionCardData(
        catalogue,
        question,
        report,
        locale,
        today,
        sent ? { error, fields: sent } : undefined,
      );
      const id = (input: string) => formInputId(question.key, input);
      return {
        ...data,
        // The question card's suggestion asks to go on to the next card; the form has none.
        suggestion: '',
        error,
        amountInputs: data.amountInputs.map((input) => ({ ...input, id: id(input.id) })),
        ids: {
          answer: id('answer'),
          departure: id('departure'),
          return: id('return'),
          choice: id('choice'),
          picked: id('picked'),
        },
        shortened: false,
      };
    }),
    cut: '',
    labels: { save: texts.save, shortened: texts.formShortened },
  };
}
