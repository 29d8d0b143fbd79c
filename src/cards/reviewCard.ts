import type { ReportView } from '../report/reportView';
import { textsFor } from '../texts';
import { fitCard } from './cardSize';
import { choiceList, type ChoiceList } from './choiceCard';
import { cardTemplate, type AdaptiveCard } from './template';
import { answerText, type TextLine, type TextItem } from './userText';

/** One answer on the review card. */
export interface ReviewRow {
  key: string;
  label: string;
  /** The answer line by line, and people one an item: TextRuns, shown as typed. */
  lines: TextLine[];
  items: TextItem[];
}

/**
 * The data of `cards/review.json`: every answer, `Plaatsen in kanaal` first, then a drop-down of
 * the parts (`parts`) with one `Wijzig`: a button a part would pass Teams' six actions; then
 * `Alles in één formulier`, to change several answers on one card.
 */
export interface ReviewCardData {
  title: string;
  intro: string;
  reportId: string;
  rows: ReviewRow[];
  parts: ChoiceList;
  labels: { change: string; post: string; shortened: string; openForm: string };
}

const expandReviewCard = cardTemplate<ReviewCardData>('review.json');

/** Renders the review card, under Teams' size limit: the longest answers shortened, with a note. */
export function renderReviewCard(data: ReviewCardData): AdaptiveCard {
  const fitted = structuredClone(data);
  return fitCard(
    () => expandReviewCard(fitted),
    fitted.rows.flatMap((row) => [row.lines, row.items]),
    fitted.labels.shortened,
  );
}

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
      return { key: viewed.question.key, label: viewed.name, ...answerText(shown) };
    }),
    labels: {
      change: texts.change,
      post: texts.post,
      shortened: texts.shortenedNote,
      openForm: texts.openForm,
    },
  };
}
