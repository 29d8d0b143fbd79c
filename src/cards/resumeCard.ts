import type { Locale } from '../report/locale';
import type { Catalogue } from '../report/catalogue';
import type { Report } from '../report/report';
import { reportView } from '../report/reportView';
import { textsFor } from '../texts';
import { tripTitle } from './reminderCard';
import { cardTemplate } from './template';

/** The data of `cards/resume.json`: the offer to continue an unfinished draft. */
export interface ResumeCardData {
  message: string;
  reportId: string;
  labels: { resume: string; newReport: string };
}

/** Renders the offer to continue a draft. */
export const renderResumeCard = cardTemplate<ResumeCardData>('resume.json');

/** The offer's data: which trip, and how far the traveller got. */
export function resumeCardData(
  draft: Report,
  catalogue: Catalogue,
  locale: Locale,
): ResumeCardData {
  const texts = textsFor(locale);
  const view = reportView(draft, catalogue, locale);
  return {
    message: texts.resumeOffer(tripTitle(view), view.answered, view.total),
    reportId: draft.id,
    labels: { resume: texts.resume, newReport: texts.newReport },
  };
}
