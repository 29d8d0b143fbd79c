import { questions, type Question } from './catalogue';
import { todayIn } from './dates';
import { describeDuration } from './duration';
import { formatAnswer } from './formatAnswer';
import type { Locale } from './locale';
import { messagesFor } from './messages';
import { formatPerson } from './people';
import type { Answer, Report } from './report';

// The municipality's calendar: a change at 00:30 in The Hague is dated that day, not the day before.
const REPORT_TIME_ZONE = 'Europe/Amsterdam';

/**
 * The report as text, laid out like the paper form: the heading `VERSLAG BUITENLANDSE
 * DIENSTREIS`, a block naming the trip (title, traveller, destination, version), then each of the
 * form's questions in capitals, a blank line, its answer, and a blank line.
 */
export function renderReportText(report: Report, locale: Locale): string {
  const messages = messagesFor(locale);
  const blocks = [messages.reportHeading, tripBlock(report, locale)];
  for (const question of questions.filter((q) => q.section === 'form')) {
    blocks.push(question.text[locale], answerText(question, report.answers[question.key], locale));
  }
  return `${blocks.join('\n\n')}\n`;
}

// Title, traveller, destination: the occasion first, then who went where, as a report's header reads.
function tripBlock(report: Report, locale: Locale): string {
  const messages = messagesFor(locale);
  const lines = questions
    .filter((question) => question.section === 'trip')
    .map((question) => tripLine(question, report.answers[question.key], locale));
  lines.splice(Math.min(1, lines.length), 0, `${messages.travellerLabel}: ${report.travellerName}`);
  lines.push(messages.versionLine(report.version, report.status === 'draft'));
  const changed = new Date(report.updatedAt);
  if (!Number.isNaN(changed.getTime())) {
    lines.push(messages.changedLine(todayIn(REPORT_TIME_ZONE, changed)));
  }
  return lines.join('\n');
}

function tripLine(question: Question, answer: Answer | undefined, locale: Locale): string {
  return `${question.name[locale]}: ${answerText(question, answer, locale)}`;
}

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
