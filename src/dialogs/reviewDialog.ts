import {
  ComponentDialog,
  Dialog,
  DialogReason,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderReviewCard, reviewCardData } from '../cards/reviewCard';
import { isComplete } from '../report/report';
import { reportView } from '../report/reportView';
import { textsFor } from '../texts';
import { localeOf, replaceCard, sendCard, noteReport } from './conversation';
import { renderAnsweredCard } from '../cards/answeredCard';
import { DialogIds } from './dialogIds';
import type { InterviewOptions } from './interviewDialog';
import type { PostReportOptions, PostReportResult } from './postReportDialog';
import type { DialogServices } from './services';
import { cardActionOf, commandOf, editCommandOf } from './turnInput';
import { loadReport } from './turnReports';

/** Which report to review. */
export interface ReviewOptions {
  reportId: string;
}

/** Whether the review ended with the report in the channel. */
export interface ReviewResult {
  posted: boolean;
}

const REVIEW_STEPS = 'reviewSteps';

/** What the review uses of the services. */
export type ReviewServices = Pick<DialogServices, 'catalogue' | 'reports' | 'log'>;

/** Shows every answer with `Wijzig` beside each, and posts the report on `Plaatsen in kanaal`. */
export class ReviewDialog extends ComponentDialog {
  constructor(private readonly services: ReviewServices) {
    super(DialogIds.review);
    this.addDialog(
      new WaterfallDialog(REVIEW_STEPS, [
        this.showReviewStep.bind(this),
        this.handleChoiceStep.bind(this),
        this.reviewAgainStep.bind(this),
      ]),
    );
    this.initialDialogId = REVIEW_STEPS;
  }

  /** Sends the review card; an unfinished report goes back to its first open question first. */
  private async showReviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    noteReport(step.context, (step.options as ReviewOptions).reportId);
    const { reportId } = step.options as ReviewOptions;
    const locale = localeOf(step.context);
    const report = await loadReport(step.context, this.services.reports, reportId);
    if (!report) return step.endDialog({ posted: false } satisfies ReviewResult);
    if (!isComplete(this.services.catalogue, report)) {
      await step.context.sendActivity(textsFor(locale).notComplete);
      return step.beginDialog(DialogIds.interview, { reportId } satisfies InterviewOptions);
    }
    const reviewCardId = await sendCard(
      step.context,
      renderReviewCard(reviewCardData(reportView(report, this.services.catalogue, locale))),
    );
    (step.values as { reviewCardId?: string }).reviewCardId = reviewCardId;
    return Dialog.EndOfTurn;
  }

  /**
   * `Wijzig` (a part's own button, or the one under the drop-down of parts) asks that question
   * again; `Plaatsen in kanaal` posts.
   */
  private async handleChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reportId } = step.options as ReviewOptions;
    // Back from the interview (an unfinished report): show the review again.
    if (step.reason === DialogReason.endCalled) return step.next(step.result);
    const action = cardActionOf(step.context.activity);
    const typed = action ? '' : (step.context.activity.text ?? '');
    const wantsPost = action
      ? action.action === 'post' && action.reportId === reportId
      : commandOf(typed) === 'post';
    if (wantsPost) {
      return step.beginDialog(DialogIds.postReport, { reportId } satisfies PostReportOptions);
    }
    const question = action
      ? action.action === 'change' && action.reportId === reportId && action.questionKey
        ? this.services.catalogue.find(action.questionKey)
        : undefined
      : editCommandOf(typed, this.services.catalogue)?.part;
    if (question) {
      return step.beginDialog(DialogIds.interview, {
        reportId,
        questionKey: question.key,
        single: true,
      } satisfies InterviewOptions);
    }
    const texts = textsFor(localeOf(step.context));
    // `Wijzig` under the drop-down of parts, pressed with no part chosen.
    const noPartChosen = action?.action === 'change' && action.reportId === reportId;
    await step.context.sendActivity(
      noPartChosen
        ? texts.choiceLists.questionKey.errorMessage
        : action
          ? texts.staleCard
          : texts.reviewTypedHint,
    );
    return step.next();
  }

  /** Ends once posted (or when no channel is known yet); otherwise shows the review again. */
  private async reviewAgainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as PostReportResult | undefined;
    if (result && 'posted' in result) {
      if (result.posted) {
        // The review's buttons are spent: a compact line takes the card's place.
        const texts = textsFor(localeOf(step.context));
        await replaceCard(
          step.context,
          (step.values as { reviewCardId?: string }).reviewCardId,
          renderAnsweredCard({ progress: texts.reviewTitle, label: texts.reviewDone, lines: [] }),
          this.services.log,
        );
      }
      return step.endDialog({ posted: result.posted } satisfies ReviewResult);
    }
    return step.replaceDialog(REVIEW_STEPS, step.options);
  }
}
