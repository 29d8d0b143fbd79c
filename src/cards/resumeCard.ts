import type { ReportView } from '../report/reportView';
import { textsFor } from '../texts';
import { tripTitle } from './reminderCard';
import { cardTemplate } from './template';
import { sentence, type TextPart } from './userText';

/** The data of `cards/resume.json`: the offer to continue an unfinished draft. */
export interface ResumeCardData {
  /** The offer, with the trip's title as typed in a run of its own. */
  message: TextPart[];
  reportId: string;
  labels: { resume: string; newReport: string };
}

/** Renders the offer to continue a draft. */
export const renderResumeCard = cardTemplate<ResumeCardData>('resume.json');

/** The offer's data, from the draft's view: which trip, and how far the traveller got. */
export function resumeCardData(view: ReportView): ResumeCardData {
  const texts = textsFor(view.locale);
  return {
    message: sentence(
      (title) => texts.resumeOffer(title, view.answered, view.total),
      tripTitle(view),
    ),
    reportId: view.id,
    labels: { resume: texts.resume, newReport: texts.newReport },
  };
}
