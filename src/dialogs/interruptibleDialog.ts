import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { commandIn, type ChatCommandContext } from './commands';
import { cardActionOf, type CardAction } from './turnInput';

/** The personal chat a command works on this turn, and what it did to the dialogs. */
export interface ChatTurn {
  chat: ChatCommandContext;
  /** The dialogs' result when the command ended or started one; undefined when it only answered. */
  result(): DialogTurnResult | undefined;
}

/**
 * The base of the root dialog: mid-interview, a typed command of the registry that works there
 * (`help`, `stop`, `mijn verslagen`, …; see commands.ts) is run instead of being taken as an
 * answer, and the question stays open unless the command ends it. Card buttons that work
 * whatever is going on (a reminder's `Verder gaan`, `Download als Word`, …) are the subclass's.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** A press on a card button that works whatever is going on: a result, or undefined when not. */
  protected abstract interruptForCard(
    innerDc: DialogContext,
    action: CardAction,
  ): Promise<DialogTurnResult | undefined>;

  /** The personal chat as a command sees it, on this dialog context. */
  protected abstract chatTurn(dc: DialogContext, place: ChatCommandContext['place']): ChatTurn;

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const action = cardActionOf(innerDc.context.activity);
    if (action) return this.interruptForCard(innerDc, action);
    const match = commandIn(innerDc.context.activity.text, 'interview');
    if (!match?.command.personal) return undefined;
    const turn = this.chatTurn(innerDc, 'interview');
    await match.command.personal(turn.chat, match);
    return turn.result() ?? { status: DialogTurnStatus.waiting };
  }
}
