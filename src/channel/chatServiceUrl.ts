import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { travellerOf } from '../dialogs/conversation';
import { keepReport, listTravellerReports } from '../dialogs/turnReports';
import { withChatServiceUrl } from '../report/report';
import type { ReportStore } from '../store/reportStore';

/** What keeping the personal chat's serviceUrl current needs. */
export interface ChatServiceUrlParts {
  conversationState: ConversationState;
  reports: ReportStore;
  log: Logger;
}

/**
 * The serviceUrl of a traveller's personal chat, kept current from each incoming activity: Teams
 * may move a chat (another region), and the bot must answer at the latest activity's serviceUrl.
 * Reports keep the chat (`Report.chat`) for reminders, edits started in a channel and notes to
 * the author; those are what this updates.
 */
export class ChatServiceUrl {
  private readonly seen: StatePropertyAccessor<string | undefined>;

  constructor(private readonly parts: ChatServiceUrlParts) {
    this.seen = parts.conversationState.createProperty<string | undefined>('serviceUrl');
  }

  /**
   * Compares the activity's serviceUrl with the one this chat last came with (its state, which
   * each turn reads and writes only when changed); only when it differs are the traveller's
   * reports read and those with another serviceUrl updated. A failure is logged and tried again
   * at the next activity.
   */
  async refresh(context: TurnContext): Promise<void> {
    const { serviceUrl } = context.activity;
    if (!serviceUrl || (await this.seen.get(context)) === serviceUrl) return;
    const travellerId = travellerOf(context).id;
    try {
      // Listed for the turn: `nieuw verslag` in a new chat finds its draft among them.
      for (const report of await listTravellerReports(context, this.parts.reports)) {
        if (!report.chat || report.chat.serviceUrl === serviceUrl) continue;
        const updated = await this.parts.reports.update(
          travellerId,
          report.id,
          (current) => withChatServiceUrl(current, serviceUrl),
          report,
        );
        keepReport(context, updated);
      }
      await this.seen.set(context, serviceUrl);
    } catch (error) {
      this.parts.log.warn(
        { err: error, travellerId },
        "could not update the personal chat's serviceUrl; trying again at the next activity",
      );
    }
  }
}
