import type { TurnContext } from 'botbuilder';
import { askBackCardData, renderAskBackCard } from '../cards/askBackCard';
import { ASK_BACK_FIELD, type AskBack } from '../report/askBack';
import { readYesNo } from '../report/yesNo';
import { normalizedCommand } from './commands';
import { localeOf, sendCard } from './conversation';

/**
 * What the interview waits for after asking back: the kind of question, and for a trip typed as
 * a duration its days and nights. Never the typed text, which the card's buttons carry: the
 * dialog state holds no answers.
 */
export type AskBackWait =
  { kind: 'people' | 'dates' | 'yesOrNo' } | { kind: 'departure'; days: number; nights: number };

// Words that answer an ask-back card rather than the question: its buttons, typed.
const BUTTON_WORDS = new Set(['aanpassen', 'adjust', 'wijzigen', 'change', 'ok', 'oké', 'okay']);

/** What to wait for after this ask-back. */
export function waitFor(askBack: AskBack): AskBackWait {
  return askBack.kind === 'departure'
    ? { kind: 'departure', days: askBack.days, nights: askBack.nights }
    : { kind: askBack.kind };
}

/** Sends the card asking back about an answer to `questionKey`; returns its activity id. */
export function sendAskBack(
  context: TurnContext,
  askBack: AskBack,
  reportId: string,
  questionKey: string,
  today: string,
): Promise<string | undefined> {
  const data = askBackCardData(askBack, reportId, questionKey, localeOf(context), today);
  return sendCard(context, renderAskBackCard(data));
}

/**
 * True for a typed "ja", "nee", "klopt" or "aanpassen" alone: a press of the ask-back card's
 * buttons in words, which cannot be applied without the text the card carries.
 */
export function isButtonWord(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 30) return false;
  if (BUTTON_WORDS.has(normalizedCommand(trimmed))) return true;
  const reading = readYesNo(trimmed);
  return reading.said !== 'unsure' && reading.explanation === '';
}

/** The fields to put back on the question card after Aanpassen; undefined for any other press. */
export function adjustedFields(
  fields: Record<string, unknown>,
): Record<string, string> | undefined {
  if (fields[ASK_BACK_FIELD] !== 'adjust') return undefined;
  const kept: Record<string, string> = {};
  for (const key of ['answer', 'departure', 'return']) {
    const value = fields[key];
    if (typeof value === 'string') kept[key] = value;
  }
  return kept;
}
