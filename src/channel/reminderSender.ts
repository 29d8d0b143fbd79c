import { CardFactory, MessageFactory } from 'botbuilder';
import type { Logger } from 'pino';
import { announceTextsFor } from '../announceTexts';
import { nudgeCardData, renderNudgeCard } from '../cards/nudgeCard';
import { reminderCardData, renderReminderCard } from '../cards/reminderCard';
import { isNudgeDue } from '../reminders/nudge';
import { reportView } from '../report/reportView';
import type { Catalogue } from '../report/catalogue';
import type { ReminderDelivery, SendReminder } from '../reminders/reminderSweep';
import { textsFor } from '../texts';
import type { OpenPersonalChat } from './personalChat';
import { statusOf, withTeamsRetry, type RetryPolicy } from './teamsRetry';

/**
 * Sends reminder cards (and the nudges of announced trips) into travellers' personal chats. Teams' 403 or 404 (the traveller removed
 * the app, or the chat is gone) means never again; any other failure means not now.
 */
export function reminderSender(
  openPersonalChat: OpenPersonalChat,
  catalogue: Catalogue,
  log: Logger,
  retry?: RetryPolicy,
): SendReminder {
  return async (draft): Promise<ReminderDelivery> => {
    const chat = draft.chat;
    if (!chat) return 'gone';
    // An announced trip not yet nudged gets the welcome back; any other draft the reminder.
    const nudge = isNudgeDue(draft);
    const activity = MessageFactory.attachment(
      CardFactory.adaptiveCard(
        nudge
          ? renderNudgeCard(nudgeCardData(draft, catalogue))
          : renderReminderCard(reminderCardData(draft, catalogue)),
      ),
    );
    activity.summary = nudge
      ? announceTextsFor(draft.locale).nudgeSummary(reportView(draft, catalogue).destination.text)
      : textsFor(draft.locale).reminderSummary;
    try {
      await withTeamsRetry(
        () =>
          openPersonalChat(chat, async (context) => {
            await context.sendActivity(activity);
          }),
        retry,
      );
      return 'sent';
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return 'gone';
      log.warn({ err: error, reportId: draft.id, status }, 'reminder could not be sent now');
      return 'failed';
    }
  };
}
