import type { Question } from '../report/catalogue';
import { formatAnswer } from '../report/formatAnswer';
import type { Locale } from '../report/locale';
import type { Answer } from '../report/report';
import { textsFor } from '../texts';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** The data of `cards/editConfirm.json`: an answer's old and new text, to confirm the change. */
export interface EditConfirmCardData {
  title: string;
  reportId: string;
  key: string;
  /** The pending edit this card confirms: a second press finds it applied already. */
  editId: string;
  old: string;
  oldItems: string[];
  new: string;
  newItems: string[];
  labels: { was: string; becomes: string; confirm: string; cancel: string };
}

/** Renders the question whether a change is right. */
export const renderEditConfirmCard = cardTemplate<EditConfirmCardData>('editConfirm.json');

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
  const before = old ? formatAnswer(question, old, locale) : { text: texts.notAnswered };
  const after = formatAnswer(question, changed, locale);
  return {
    title: texts.confirmEdit(question.name[locale].toLowerCase()),
    reportId,
    key: question.key,
    editId,
    old: literal(before.text),
    oldItems: (before.items ?? []).map(literal),
    new: literal(after.text),
    newItems: (after.items ?? []).map(literal),
    labels: {
      was: texts.was,
      becomes: texts.becomes,
      confirm: texts.confirm,
      cancel: texts.cancel,
    },
  };
}
