import type { ReportView } from '../report/reportView';
import { textsFor } from '../texts';
import { choiceList, type ChoiceList } from './choiceCard';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** One answer on the review card. */
export interface ReviewRow {
  key: string;
  label: string;
  answer: string;
  items: string[];
}

/**
 * The data of `cards/review.json`: every answer, `Plaatsen in kanaal` first, then a drop-down of
 * the parts (`parts`) with one `Wijzig`: a button a part would pass Teams' six actions.
 */
export interface ReviewCardData {
  title: string;
  intro: string;
  reportId: string;
  rows: ReviewRow[];
  parts: ChoiceList;
  labels: { change: string; post: string };
}

/** Renders the review card. */
export const renderReviewCard = cardTemplate<ReviewCardData>('review.json');

/** The review card's data for a report's view, every answer in the catalogue's order. */
export function reviewCardData(view: ReportView): ReviewCardData {
  const texts = textsFor(view.locale);
  return {
    title: texts.reviewTitle,
    intro: texts.reviewIntro,
    reportId: view.id,
    parts: choiceList(
      'questionKey',
      view.answers.map((viewed) => ({ title: viewed.name, value: viewed.question.key })),
      view.locale,
    ),
    rows: view.answers.map((viewed) => {
      const shown = viewed.shown ?? { text: texts.notAnswered };
      return {
        key: viewed.question.key,
        label: viewed.name,
        answer: literal(shown.text),
        items: (shown.items ?? []).map(literal),
      };
    }),
    labels: { change: texts.change, post: texts.post },
  };
}
