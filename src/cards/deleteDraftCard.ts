import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { reportView } from '../report/reportView';
import { textsFor } from '../texts';
import { tripTitle } from './reminderCard';
import { cardTemplate } from './template';
import { sentence, type TextPart } from './userText';

/** The data of `cards/deleteDraft.json`: are you sure you want to delete this draft? */
export interface DeleteDraftCardData {
  /** The question, with the draft's title as typed in a run of its own. */
  question: TextPart[];
  reportId: string;
  labels: { confirm: string; cancel: string };
}

/** Renders the confirmation before a draft is deleted. */
export const renderDeleteDraftCard = cardTemplate<DeleteDraftCardData>('deleteDraft.json');

/** The confirmation's data: which draft, and how far it got. */
export function deleteDraftCardData(
  draft: Report,
  catalogue: Catalogue,
  locale: Locale,
): DeleteDraftCardData {
  const texts = textsFor(locale);
  const view = reportView(draft, catalogue);
  return {
    question: sentence(
      (title) => texts.deleteDraftQuestion(title, view.answered, view.total),
      tripTitle(view),
    ),
    reportId: draft.id,
    labels: { confirm: texts.confirmDelete, cancel: texts.no },
  };
}
