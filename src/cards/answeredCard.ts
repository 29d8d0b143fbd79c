import type { Catalogue, Question } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Answer } from '../report/report';
import { formatAnswer } from '../report/formatAnswer';
import { progressOf } from './questionCard';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** The data of `cards/answered.json`: the compact, read-only line that replaces an answered card. */
export interface AnsweredCardData {
  progress: string;
  label: string;
  answer: string;
}

/** Renders the compact line of an answered question. */
export const renderAnsweredCard = cardTemplate<AnsweredCardData>('answered.json');

/** The compact line's data: the question's place and label, and the answer as shown back. */
export function answeredCardData(
  catalogue: Catalogue,
  question: Question,
  answer: Answer,
  locale: Locale,
): AnsweredCardData {
  const shown = formatAnswer(question, answer, locale);
  return {
    progress: progressOf(catalogue, question, locale),
    label: question.name[locale],
    answer: [shown.text, ...(shown.items ?? [])]
      .filter((line) => line !== '')
      .map(literal)
      .join('\n\n'),
  };
}
