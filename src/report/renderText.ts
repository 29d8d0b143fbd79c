import type { Question } from './catalogue';
import { describeDuration } from './duration';
import { formatAnswer } from './formatAnswer';
import type { Locale } from './locale';
import { messagesFor } from './messages';
import { formatPerson } from './people';
import type { Answer } from './report';

/**
 * An answer as the paper form writes it: the people one a line, the duration in words with its
 * dates, `(niet beantwoord)` for a missing answer; other answers as formatAnswer shows them.
 */
export function answerText(question: Question, answer: Answer | undefined, locale: Locale): string {
  const messages = messagesFor(locale);
  if (!answer) return messages.notAnswered;
  switch (answer.type) {
    case 'people':
      // The form lists the people themselves, one a line, not a count.
      return answer.people.length > 0
        ? answer.people.map(formatPerson).join('\n')
        : messages.notAnswered;
    case 'dateRange': {
      // The form words the duration; the dates follow when they are known.
      const duration = describeDuration(answer.days, answer.nights, locale);
      return answer.departure && answer.return
        ? duration + messages.datesAfterDuration(answer.departure, answer.return)
        : duration;
    }
    default:
      return formatAnswer(question, answer, locale).text;
  }
}
