import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { behindReports, travellerOf } from '../dialogs/conversation';
import type { ReportStore } from '../store/reportStore';
import type { ReportSync } from './reportSync';

/** What catching up on channel posts needs. */
export interface BehindPostsParts {
  conversationState: ConversationState;
  reports: ReportStore;
  sync: ReportSync;
  log: Logger;
}

/**
 * Channel posts a turn of a personal chat could not bring up to date (Teams was unreachable):
 * remembered in the chat's state, and tried again at the chat's next turn.
 */
export class BehindPosts {
  private readonly behind: StatePropertyAccessor<string[]>;

  constructor(private readonly parts: BehindPostsParts) {
    this.behind = parts.conversationState.createProperty<string[]>('behindReports');
  }

  /** Tries again to update the channel posts an earlier turn of this chat left behind. */
  async retry(context: TurnContext): Promise<void> {
    const behind = await this.behind.get(context, []);
    if (behind.length === 0) return;
    const travellerId = travellerOf(context).id;
    const still: string[] = [];
    for (const reportId of behind) {
      try {
        const report = await this.parts.reports.get(travellerId, reportId);
        if (report) await this.parts.sync.catchUp(report);
      } catch (error) {
        this.parts.log.warn({ err: error, reportId }, 'channel post still behind');
        still.push(reportId);
      }
    }
    await this.behind.set(context, still);
  }

  /** Remembers the reports whose post this turn left behind (see `markBehind`). */
  async remember(context: TurnContext): Promise<void> {
    const behind = behindReports(context);
    if (behind.length === 0) return;
    const earlier = await this.behind.get(context, []);
    await this.behind.set(context, [...new Set([...earlier, ...behind])]);
  }
}
