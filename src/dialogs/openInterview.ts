import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ReportStore } from '../store/reportStore';
import { travellerOf } from './conversation';
import { DialogIds } from './dialogIds';
import { isChatInterview, type InterviewOptions } from './interviewDialog';
import { keptReport } from './turnReports';

/**
 * Keeps a draft's interview position open only while the chat is at its interview: a card's
 * answer is stored without the dialog state (CardAnswerTurn), so when the chat moves elsewhere
 * (a command, the form, an edit on top) the draft's open question is closed, which makes its
 * card stale. The chat's state remembers which draft it left open.
 */
export class OpenInterview {
  private readonly openDraft: StatePropertyAccessor<string | undefined>;

  constructor(
    conversationState: ConversationState,
    private readonly reports: Pick<ReportStore, 'closeInterview'>,
  ) {
    this.openDraft = conversationState.createProperty<string | undefined>('openInterview');
  }

  /** After the dialogs' turn: closes the draft the chat has left, notes the one it is at. */
  async settle(context: TurnContext, dialogState: DialogState | undefined): Promise<void> {
    const active = activeChatInterview(dialogState);
    const left = await this.openDraft.get(context);
    if (left && left !== active && keptReport(context, left)?.interview?.key !== null) {
      await this.reports.closeInterview(travellerOf(context).id, left);
    }
    if (active !== left) await this.openDraft.set(context, active);
  }
}

/**
 * The draft of the chat interview the dialogs wait in, if that is what they wait in. Reads the
 * stack as botbuilder-dialogs keeps it: the active dialog last, and a component dialog's own
 * stack in its state's `dialogs`.
 */
function activeChatInterview(state: DialogState | undefined): string | undefined {
  let stack = state?.dialogStack;
  while (stack && stack.length > 0) {
    const active = stack.at(-1);
    const inner = (active?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
    if (active?.id === DialogIds.interview) {
      const options = (inner?.[0]?.state as { options?: InterviewOptions } | undefined)?.options;
      return options && isChatInterview(options) ? options.reportId : undefined;
    }
    stack = inner;
  }
  return undefined;
}
