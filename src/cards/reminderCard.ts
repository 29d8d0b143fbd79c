import { questions } from '../report/catalogue';
import { answeredCount, titleOf, type Report } from '../report/report';
import { textsFor } from '../texts';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** The data of `cards/reminder.json`: a reminder of an unfinished draft, with `Verder gaan`. */
export interface ReminderCardData {
  heading: string;
  /** The trip's title as typed (escaped), or "nog zonder titel". */
  trip: string;
  /** "4 van 9 vragen beantwoord". */
  progress: string;
  hint: string;
  reportId: string;
  labels: { resume: string };
}

/** Renders the reminder of an unfinished draft. */
export const renderReminderCard = cardTemplate<ReminderCardData>('reminder.json');

/** The reminder's data, in the draft's language: which trip, and how far the traveller got. */
export function reminderCardData(draft: Report): ReminderCardData {
  const texts = textsFor(draft.locale);
  return {
    heading: texts.reminderHeading,
    trip: tripTitle(draft),
    progress: texts.reminderProgress(answeredCount(draft), questions.length),
    hint: texts.reminderHint,
    reportId: draft.id,
    labels: { resume: texts.resume },
  };
}

/** The draft's trip title for a TextBlock (escaped), or the words for "no title yet". */
export function tripTitle(draft: Report): string {
  return literal(titleOf(draft)) || textsFor(draft.locale).untitled;
}
