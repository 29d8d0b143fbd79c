import type { Catalogue } from '../report/catalogue';
import type { Report } from '../report/report';
import { reportView, type ReportView } from '../report/reportView';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/** The data of `cards/reminder.json`: a reminder of an unfinished draft, with `Verdergaan`. */
export interface ReminderCardData {
  heading: string;
  /** The trip's title as typed (a TextRun), or "nog zonder titel". */
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
export function reminderCardData(draft: Report, catalogue: Catalogue): ReminderCardData {
  const texts = textsFor(draft.locale);
  const view = reportView(draft, catalogue);
  return {
    heading: texts.reminderHeading,
    trip: tripTitle(view),
    progress: texts.reminderProgress(view.answered, view.total),
    hint: texts.reminderHint,
    reportId: draft.id,
    labels: { resume: texts.resume },
  };
}

/** The draft's trip title as typed, or the words for "no title yet"; never for a TextBlock. */
export function tripTitle(view: ReportView): string {
  return view.title.text || textsFor(view.locale).untitled;
}
