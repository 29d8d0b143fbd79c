import type { Question } from '../report/catalogue';
import { formatAnswer } from '../report/formatAnswer';
import type { Locale } from '../report/locale';
import type { Answer } from '../report/report';
import { textsFor } from '../texts';
import { fitCard } from './cardSize';
import { cardTemplate, type AdaptiveCard } from './template';
import { answerText, type AnswerText } from './userText';

/** The data of `cards/editConfirm.json`: an answer's old and new text, to confirm the change. */
export interface EditConfirmCardData {
  title: string;
  reportId: string;
  key: string;
  /** The pending edit this card confirms: a second press finds it applied already. */
  editId: string;
  /** The answer before and after, as typed: TextRuns, never markdown. */
  before: AnswerText;
  after: AnswerText;
  labels: { was: string; becomes: string; confirm: string; cancel: string; shortened: string };
}

const expandEditConfirmCard = cardTemplate<EditConfirmCardData>('editConfirm.json');

/** Renders the question whether a change is right, under Teams' size limit (long answers shortened). */
export function renderEditConfirmCard(data: EditConfirmCardData): AdaptiveCard {
  const fitted = structuredClone(data);
  return fitCard(
    () => expandEditConfirmCard(fitted),
    [fitted.before.lines, fitted.before.items, fitted.after.lines, fitted.after.items],
    fitted.labels.shortened,
  );
}

/** The confirmation's data: the part's name, then the old and the new answer. */
export function editConfirmCardData(
  reportId: string,
  question: Question,
  old: Answer | undefined,
  changed: Answer,
  locale: Locale,
  editId: string,
): EditConfirmCardData {
  const texts = textsFor(locale);
  const shownBefore = old ? formatAnswer(question, old, locale) : { text: texts.notAnswered };
  return {
    title: texts.confirmEdit(question.name[locale]),
    reportId,
    key: question.key,
    editId,
    before: answerText(shownBefore),
    after: answerText(formatAnswer(question, changed, locale)),
    labels: {
      was: texts.was,
      becomes: texts.becomes,
      confirm: texts.confirm,
      cancel: texts.cancel,
      shortened: texts.shortenedNote,
    },
  };
}
