import {
  Dialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { renderResumeCard, resumeCardData } from '../cards/resumeCard';
import { newDraft, type Report } from '../report/report';
import { textsFor } from '../texts';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { localeOf, sendCard, travellerOf } from './conversation';
import { DialogIds } from './dialogIds';
import { InterviewDialog, type InterviewOptions, type InterviewResult } from './interviewDialog';
import { PostReportDialog } from './postReportDialog';
import { ReviewDialog, type ReviewOptions } from './reviewDialog';
import type { DialogServices } from './services';
import { cardActionOf, commandOf } from './turnInput';

const MAIN_STEPS = 'mainSteps';

/** The whole interview: choose or resume a draft, ask the questions, review, post. */
export class MainDialog extends CancelAndHelpDialog {
  constructor(private readonly services: DialogServices) {
    super(DialogIds.main);
    this.addDialog(new InterviewDialog(services));
    this.addDialog(new ReviewDialog(services));
    this.addDialog(new PostReportDialog(services));
    this.addDialog(
      new WaterfallDialog(MAIN_STEPS, [
        this.offerDraftStep.bind(this),
        this.startInterviewStep.bind(this),
        this.reviewStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_STEPS;
  }

  /** Runs the dialog for a personal-chat turn, starting it when none is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await this.startFromIdle(dialogContext);
    }
  }

  protected override restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.beginDialog(MAIN_STEPS);
  }

  /** A turn with nothing active: help, stop and stale card presses are answered; the rest starts. */
  private async startFromIdle(dialogContext: DialogContext): Promise<void> {
    const { context } = dialogContext;
    const texts = textsFor(localeOf(context));
    const action = cardActionOf(context.activity);
    const command = action ? undefined : commandOf(context.activity.text);
    if (command === 'help') {
      await context.sendActivity(texts.help);
      return;
    }
    if (command === 'stop') {
      await context.sendActivity(texts.nothingToStop);
      return;
    }
    if (action && action.action !== 'resume' && action.action !== 'newReport') {
      await context.sendActivity(texts.staleCardIdle);
      return;
    }
    await dialogContext.beginDialog(this.id);
  }

  /** Offers to continue the traveller's unfinished draft, or starts a new one when there is none. */
  private async offerDraftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const action = cardActionOf(context.activity);
    if (action?.action === 'newReport') return step.next(await this.createDraft(context));
    const draft = await this.services.reports.findLatestDraft(travellerOf(context).id);
    if (!draft) return step.next(await this.createDraft(context));
    if (action?.action === 'resume' && action.reportId === draft.id) return step.next(draft.id);
    (step.values as { draftId?: string }).draftId = draft.id;
    await sendCard(context, renderResumeCard(resumeCardData(draft, localeOf(context))));
    return Dialog.EndOfTurn;
  }

  /** Takes the answer to the offer (button or typed), then runs the interview on that report. */
  private async startInterviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    let reportId = step.result as string | undefined;
    if (reportId === undefined) {
      const { context } = step;
      const action = cardActionOf(context.activity);
      const choice = action ? action.action : commandOf(context.activity.text);
      if (choice === 'resume' || choice === 'continue') {
        reportId =
          (action?.reportId as string | undefined) ?? (step.values as { draftId: string }).draftId;
      } else if (choice === 'newReport') {
        reportId = await this.createDraft(context);
      } else {
        await context.sendActivity(textsFor(localeOf(context)).resumeTypedHint);
        return step.replaceDialog(MAIN_STEPS);
      }
    }
    return step.beginDialog(DialogIds.interview, { reportId } satisfies InterviewOptions);
  }

  /** All questions answered: review and post. */
  private async reviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reportId } = step.result as InterviewResult;
    return step.replaceDialog(DialogIds.review, { reportId } satisfies ReviewOptions);
  }

  private async createDraft(context: TurnContext): Promise<string> {
    const draft: Report = newDraft(
      this.services.newId(),
      travellerOf(context),
      localeOf(context),
      this.services.now(),
    );
    const created = await this.services.reports.create(draft);
    return created.id;
  }
}
