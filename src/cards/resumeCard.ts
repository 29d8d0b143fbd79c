import type { Locale } from '../report/locale';
import { answeredCount, titleOf, type Report } from '../report/report';
import { questions } from '../report/catalogue';
import { textsFor } from '../texts';
import { literal } from './markdown';
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
export function resumeCardData(draft: Report, locale: Locale): ResumeCardData {
  const texts = textsFor(locale);
  return {
    message: texts.resumeOffer(
      literal(titleOf(draft)) || texts.untitled,
      answeredCount(draft),
      questions.length,
    ),
    reportId: draft.id,
    labels: { resume: texts.resume, newReport: texts.newReport },
  };
}
