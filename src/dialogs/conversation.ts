import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/template';
import { localeFrom, type Locale } from '../report/locale';
import type { PersonalChat, Traveller } from '../report/report';

/** The traveller of this turn, from the Teams identity (Entra object id when Teams gives one). */
export function travellerOf(context: TurnContext): Traveller {
  const { from, conversation, channelData } = context.activity;
  const tenantId: string | undefined = conversation?.tenantId ?? channelData?.tenant?.id;
  return {
    id: from.aadObjectId ?? from.id,
    name: from.name ?? from.id,
    ...(tenantId ? { tenantId } : {}),
  };
}

/** The language of this turn: English for a Teams client locale `en-*`, else Dutch. */
export function localeOf(context: TurnContext): Locale {
  return localeFrom(context.activity.locale);
}

/** Sends a card and returns the sent activity's id, to replace the card later. */
export async function sendCard(
  context: TurnContext,
  card: AdaptiveCard,
): Promise<string | undefined> {
  const response = await context.sendActivity(
    MessageFactory.attachment(CardFactory.adaptiveCard(card)),
  );
  return response?.id;
}

/**
 * Replaces an earlier card in place (Teams' updateActivity). A failure loses only the cosmetic
 * replacement, never an answer, so it is logged and the turn goes on.
 */
export async function replaceCard(
  context: TurnContext,
  activityId: string | undefined,
  card: AdaptiveCard,
  log: Logger,
): Promise<void> {
  if (!activityId) return;
  const update = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  update.id = activityId;
  try {
    await context.updateActivity(update);
  } catch (error) {
    // The chat keeps the old card; pressing it again is recognised as stale.
    log.warn({ err: error, activityId }, 'could not replace an answered card');
  }
}

const DEFERRED_REPLACEMENTS = 'reisverslag.deferredReplacements';

/**
 * Replaces an answered card once the turn has sent what comes next (replaceDeferredCards):
 * the traveller waits for the next question, never for the old card's update.
 */
export function deferCardReplacement(
  context: TurnContext,
  activityId: string | undefined,
  card: AdaptiveCard,
): void {
  if (!activityId) return;
  const deferred =
    (context.turnState.get(DEFERRED_REPLACEMENTS) as Map<string, AdaptiveCard> | undefined) ??
    new Map<string, AdaptiveCard>();
  deferred.set(activityId, card);
  context.turnState.set(DEFERRED_REPLACEMENTS, deferred);
}

/** Makes the replacements deferCardReplacement noted, after the turn's own messages. */
export async function replaceDeferredCards(context: TurnContext, log: Logger): Promise<void> {
  const deferred = context.turnState.get(DEFERRED_REPLACEMENTS) as
    Map<string, AdaptiveCard> | undefined;
  if (!deferred) return;
  context.turnState.delete(DEFERRED_REPLACEMENTS);
  for (const [activityId, card] of deferred) await replaceCard(context, activityId, card, log);
}

const BEHIND_REPORTS = 'reisverslag.behindReports';

/** Notes that this turn left a report's channel post behind, for the next turn to retry. */
export function markBehind(context: TurnContext, reportId: string): void {
  context.turnState.set(BEHIND_REPORTS, [...behindReports(context), reportId]);
}

/** The reports whose channel post this turn left behind. */
export function behindReports(context: TurnContext): string[] {
  return (context.turnState.get(BEHIND_REPORTS) as string[] | undefined) ?? [];
}

const TURN_REPORT = 'reisverslag.reportId';

/** Notes which report this turn works on, for the turn's log line. */
export function noteReport(context: TurnContext, reportId: string): void {
  if (reportId) context.turnState.set(TURN_REPORT, reportId);
}

/** The report this turn worked on, if any. */
export function reportOfTurn(context: TurnContext): string | undefined {
  return context.turnState.get(TURN_REPORT) as string | undefined;
}

/** A file consent card the bot sent: the message's id, and the report and file it offers. */
export interface SentFileConsent {
  activityId: string;
  reportId: string;
  fileName: string;
}

const FILE_CONSENTS = 'reisverslag.fileConsents';

/** Notes that this turn sent a file consent card, for the bot to remember it in the chat. */
export function noteFileConsent(context: TurnContext, consent: SentFileConsent): void {
  context.turnState.set(FILE_CONSENTS, [...fileConsentsOfTurn(context), consent]);
}

/** The file consent cards this turn sent. */
export function fileConsentsOfTurn(context: TurnContext): SentFileConsent[] {
  return (context.turnState.get(FILE_CONSENTS) as SentFileConsent[] | undefined) ?? [];
}

/** The personal chat this turn is in, to reach the user there after the turn. */
export function personalChatOf(context: TurnContext): PersonalChat {
  const { activity } = context;
  return {
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    userId: activity.from.id,
    userName: activity.from.name ?? '',
    aadObjectId: travellerOf(context).id,
  };
}
