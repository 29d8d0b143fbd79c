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
  /** The second button's action: `newReport`, or `announce` when offered by `ik ga op reis`. */
  newAction: string;
  labels: { resume: string; newReport: string };
}

/** Instead of a new report, the offer's second button starts something else (announcing a trip). */
export interface ResumeAlternative {
  action: string;
  label: string;
  offer: (title: string, answered: number, total: number) => string;
}

/** Renders the offer to continue a draft. */
export const renderResumeCard = cardTemplate<ResumeCardData>('resume.json');

/** The offer's data, from the draft's view: which trip, and how far the traveller got. */
export function resumeCardData(view: ReportView, alternative?: ResumeAlternative): ResumeCardData {
  const texts = textsFor(view.locale);
  const offer = alternative?.offer ?? texts.resumeOffer;
  return {
    message: sentence((title) => offer(title, view.answered, view.total), tripTitle(view)),
    reportId: view.id,
    newAction: alternative?.action ?? 'newReport',
    labels: { resume: texts.resume, newReport: alternative?.label ?? texts.newReport },
  };
}
