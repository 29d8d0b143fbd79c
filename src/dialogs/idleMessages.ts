import type { TurnContext } from 'botbuilder';
import { helpCardData, renderHelpCard } from '../cards/helpCard';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { helpLines } from './commands';
import { localeOf, sendCard, travellerOf } from './conversation';
import { smallTalkOf } from './smallTalk';

/**
 * A message outside an interview that is no command and no card press: thanks and greetings get
 * a short friendly answer, anything else the help card. Neither starts a report or stores anything.
 */
export async function answerIdleMessage(context: TurnContext, reports: ReportStore): Promise<void> {
  const texts = textsFor(localeOf(context));
  const talk = smallTalkOf(context.activity.text);
  const draft = await reports.findLatestDraft(travellerOf(context).id);
  if (talk === 'thanks') {
    await context.sendActivity(draft ? texts.thanksReplyWithDraft : texts.thanksReply);
  } else if (talk === 'greeting') {
    await context.sendActivity(draft ? texts.greetingReplyWithDraft : texts.greetingReply);
  } else {
    await sendHelpCard(context, draft?.id);
  }
}

/** `help` outside an interview: the help card, with `Verdergaan` when there is a draft. */
export async function showIdleHelp(context: TurnContext, reports: ReportStore): Promise<void> {
  const draft = await reports.findLatestDraft(travellerOf(context).id);
  await sendHelpCard(context, draft?.id);
}

async function sendHelpCard(context: TurnContext, draftId: string | undefined): Promise<void> {
  const locale = localeOf(context);
  await sendCard(context, renderHelpCard(helpCardData(locale, helpLines(locale), draftId)));
}
