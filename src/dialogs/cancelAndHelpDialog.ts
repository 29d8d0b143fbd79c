import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { textsFor } from '../texts';
import { localeOf } from './conversation';
import { CardActions, cardActionOf, commandOf } from './turnInput';

/**
 * The base of the root dialog: `help` explains, `mijn verslagen` lists and `exporteer` offers a
 * Word file, keeping the question open; `stop` pauses and keeps the draft; `nieuw verslag` starts over from the choice of report.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** Ends what is going on and begins again from the first step; `nieuw verslag` mid-interview. */
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;

  /** Shows the traveller's reports (`mijn verslagen`); the current question stays open. */
  protected abstract showMyReports(context: TurnContext): Promise<void>;

  /**
   * A reminder's `Verder gaan`, reminders on/off, `verwijder concept` and its confirmation:
   * a result when the turn was one of these, undefined when not.
   */
  protected abstract interruptForDrafts(
    innerDc: DialogContext,
  ): Promise<DialogTurnResult | undefined>;

  /** Offers a posted report as a Word file (`exporteer`, `Download als Word`); the question stays open. */
  protected abstract startExport(
    innerDc: DialogContext,
    reportId: string | undefined,
  ): Promise<DialogTurnResult>;

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const forDrafts = await this.interruptForDrafts(innerDc);
    if (forDrafts) return forDrafts;
    const action = cardActionOf(context.activity);
    if (action?.action === CardActions.download) return this.startExport(innerDc, action.reportId);
    if (context.activity.value !== undefined) return undefined;
    const texts = textsFor(localeOf(context));
    switch (commandOf(context.activity.text)) {
      case 'help':
        await context.sendActivity(texts.help);
        return { status: DialogTurnStatus.waiting };
      case 'myReports':
        await this.showMyReports(context);
        return { status: DialogTurnStatus.waiting };
      case 'stop':
        await context.sendActivity(texts.paused);
        return innerDc.cancelAllDialogs();
      case 'newReport':
        return this.restart(innerDc);
      case 'export':
        return this.startExport(innerDc, undefined);
      default:
        return undefined;
    }
  }
}
