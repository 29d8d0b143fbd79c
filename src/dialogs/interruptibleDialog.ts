import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { commandIn, type ChatCommandContext } from './commands';
import { textsFor } from '../texts';
import { localeOf } from './conversation';
import { cardActionOf, carriesFile, type CardAction } from './turnInput';

/** The personal chat a command works on this turn, and what it did to the dialogs. */
export interface ChatTurn {
  chat: ChatCommandContext;
  /** The dialogs' result when the command ended or started one; undefined when it only answered. */
  result(): DialogTurnResult | undefined;
}

/**
 * The base of the root dialog: mid-interview, a typed command of the registry that works there
 * (`help`, `stop`, `mijn verslagen`, …; see commands.ts) is run instead of being taken as an
 * answer, and the question stays open unless the command ends it; so does a file, image or
 * sticker, which gets one sentence (the report takes typed text only). Card buttons that work
 * whatever is going on (a reminder's `Verdergaan`, `Downloaden als Word`, …) are the subclass's.
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
    const { context } = innerDc;
    const action = cardActionOf(context.activity);
    if (action) return this.interruptForCard(innerDc, action);
    if (carriesFile(context.activity)) {
      // A file, image or sticker is no answer: one sentence, and the open question stays open.
      await context.sendActivity(textsFor(localeOf(context)).fileNotTaken);
      return { status: DialogTurnStatus.waiting };
    }
    const match = commandIn(innerDc.context.activity.text, 'interview');
    if (!match?.command.personal) return undefined;
    const turn = this.chatTurn(innerDc, 'interview');
    await match.command.personal(turn.chat, match);
    return turn.result() ?? { status: DialogTurnStatus.waiting };
  }
}
