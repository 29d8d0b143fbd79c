import { announceTextsFor } from '../announceTexts';
import type { Catalogue } from '../report/catalogue';
import type { Report } from '../report/report';
import { reportView } from '../report/reportView';
import { mayPostpone } from '../reminders/nudge';
import { tripTitle } from './reminderCard';
import { cardTemplate } from './template';
import { sentence, type TextPart } from './userText';

/**
 * The data of `cards/nudge.json`: the bot writes first after an announced trip, "Welkom terug
 * uit Genève! Zullen we het verslag van … maken?", with `Nu beginnen` and (twice at most) `Later`.
 */
export interface NudgeCardData {
  /** The welcome, with the destination and the title as typed in runs of their own. */
  message: TextPart[];
  hint: string;
  reportId: string;
  /** False on the last nudge: `Later` is not offered any more. */
  canPostpone: boolean;
  labels: { start: string; later: string };
}

/** Renders the nudge of an announced trip. */
export const renderNudgeCard = cardTemplate<NudgeCardData>('nudge.json');

/** The nudge's data, in the draft's language. */
export function nudgeCardData(draft: Report, catalogue: Catalogue): NudgeCardData {
  const texts = announceTextsFor(draft.locale);
  const view = reportView(draft, catalogue);
  const canPostpone = mayPostpone(draft);
  return {
    message: sentence(texts.nudge, view.destination.text || '…', tripTitle(view)),
    hint: canPostpone ? texts.nudgeHint : texts.nudgeLastHint,
    reportId: draft.id,
    canPostpone,
    labels: { start: texts.startNow, later: texts.later },
  };
}
