import type { Question } from './catalogue';
import type { Answer, Report } from './report';
import { readYesNo } from './yesNo';

/**
 * The answer a question is pre-filled with for the traveller to confirm: the number of travellers
 * (`countOf`) is the colleagues named before plus the traveller. Undefined for other questions,
 * and before the colleagues are known.
 */
export function suggestedAnswer(question: Question, report: Report): Answer | undefined {
  if (question.type !== 'number' || question.countOf === undefined) return undefined;
  const colleagues = report.answers[question.countOf];
  if (colleagues?.type !== 'colleagues') return undefined;
  const value = colleagues.colleagues.length + 1;
  const fits = value >= (question.min ?? value) && value <= (question.max ?? value);
  return fits ? { type: 'number', value } : undefined;
}

/** True when typed text confirms a suggestion as it is: `ja`, `klopt`, `yes`, without more. */
export function confirmsSuggestion(text: string): boolean {
  const reading = readYesNo(text);
  return reading.said === 'yes' && reading.explanation === '';
}
