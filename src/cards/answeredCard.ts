import type { Catalogue, Question } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Answer } from '../report/report';
import { formatAnswer } from '../report/formatAnswer';
import { progressOf } from './questionCard';
import { cardTemplate } from './template';
import { textBefore, textLines, type TextLine } from './userText';

/** The data of `cards/answered.json`: the compact, read-only line that replaces an answered card. */
export interface AnsweredCardData {
  progress: string;
  label: string;
  /** The first lines of the answer as shown back, as typed: TextRuns, never markdown. */
  lines: TextLine[];
}

// The compact line shows this much of an answer; the whole answer is on the review card.
const SHOWN_LINES = 3;
const SHOWN_UNITS = 300;

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
    lines: compact([shown.text, ...(shown.items ?? [])].flatMap(textLines)),
  };
}

/** The first few lines, a long one cut short (between characters), and "…" when more follow. */
function compact(lines: TextLine[]): TextLine[] {
  const shown = lines.slice(0, SHOWN_LINES).map((line) => {
    const shown = textBefore(line.text, SHOWN_UNITS);
    return shown === line.text ? line : { ...line, text: `${shown}…` };
  });
  if (lines.length > SHOWN_LINES) shown.push({ text: '…', spacing: 'None' });
  return shown.map((line, index) => ({ ...line, spacing: index === 0 ? 'Small' : 'None' }));
}
