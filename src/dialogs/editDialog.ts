import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { SyncStoppedError } from '../channel/reportSync';
import { choiceCardData, renderChoiceCard } from '../cards/choiceCard';
import { editConfirmCardData, renderEditConfirmCard } from '../cards/editConfirmCard';
import type { Question } from '../report/catalogue';
import {
  appliedEdit,
  withEdit,
  withPendingEdit,
  withSyncClaimed,
  withoutPendingEdit,
  type Report,
} from '../report/report';
import { textsFor } from '../texts';
import { localeOf, markBehind, sendCard, travellerOf, noteReport } from './conversation';
import { DialogIds } from './dialogIds';
import type { InterviewOptions, InterviewResult } from './interviewDialog';
import type { DialogServices } from './services';
import { ownPostedReport, postedReportsOf, sendReportChoice } from './postedReports';
import { keepReport, loadReport } from './turnReports';
import { CardActions, cardActionOf, isConfirmation } from './turnInput';

/** What to edit, as far as known: a report and a part, or neither (then the bot asks). */
export interface EditOptions {
  reportId?: string;
  questionKey?: string;
  /** The choice of parts was just sent again; wait for the answer to it. */
  partAsked?: boolean;
}

/** What the edit remembers between its turns: ids only; the new answer waits in the report. */
interface EditValues {
  reportId?: string;
  questionKey?: string;
  /** This edit's pending answer in the report (`Report.pendingEdits`). */
  editId?: string;
}

const EDIT_STEPS = 'editSteps';

/** What the edit uses of the services. */
export type EditServices = Pick<
  DialogServices,
  'catalogue' | 'reports' | 'sync' | 'afterTurn' | 'log' | 'now' | 'newId'
>;

/**
 * Changes one answer of a posted report: which report, which part, the new answer on the
 * interview's card, old and new to confirm; then version n+1 and the channel card updated.
 */
export class EditDialog extends ComponentDialog {
  constructor(private readonly services: EditServices) {
    super(DialogIds.edit);
    this.addDialog(
      new WaterfallDialog(EDIT_STEPS, [
        this.chooseReportStep.bind(this),
        this.choosePartStep.bind(this),
        this.askNewAnswerStep.bind(this),
        this.confirmStep.bind(this),
        this.applyStep.bind(this),
      ]),
    );
    this.initialDialogId = EDIT_STEPS;
  }

  /** The report named by the button or command, else the only posted one, else a choice. */
  private async chooseReportStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as EditOptions;
    const values = step.values as EditValues;
    const texts = textsFor(localeOf(step.context));
    if (options.reportId) {
      const report = await this.ownReport(step, options.reportId);
      if (!report) return step.endDialog();
      values.reportId = report.id;
      return step.next();
    }
    const posted = await postedReportsOf(step.context, this.services.reports);
    if (posted.length === 0) {
      await step.context.sendActivity(texts.noPostedReports);
      return step.endDialog();
    }
    if (posted.length === 1) {
      values.reportId = posted[0]!.id;
      return step.next();
    }
    await sendReportChoice(step.context, texts.chooseReport, posted, CardActions.edit);
    return Dialog.EndOfTurn;
  }

  /** The part named by the command, else a choice of parts (on the card, or typed in own words). */
  private async choosePartStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as EditOptions;
    const values = step.values as EditValues;
    const { context } = step;
    const texts = textsFor(localeOf(context));
    if (!values.reportId) {
      const action = cardActionOf(context.activity);
      if (action?.action !== CardActions.edit || !action.reportId) {
        await context.sendActivity(texts.chooseReport);
        return step.replaceDialog(EDIT_STEPS, options);
      }
      const report = await this.ownReport(step, action.reportId);
      if (!report) return step.endDialog();
      values.reportId = report.id;
    }
    const named = options.questionKey
      ? this.services.catalogue.find(options.questionKey)
      : undefined;
    if (named) {
      values.questionKey = named.key;
      return step.next();
    }
    if (!options.partAsked) await this.sendPartChoice(step, values.reportId, texts.choosePart);
    return Dialog.EndOfTurn;
  }

  /** Asks the new answer on the interview's own card, with its validation; stores nothing yet. */
  private async askNewAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as EditValues;
    const { context } = step;
    const reportId = values.reportId as string;
    if (!values.questionKey) {
      const action = cardActionOf(context.activity);
      const question = action
        ? action.action === CardActions.editPart && action.reportId === reportId
          ? this.services.catalogue.find(action.questionKey ?? '')
          : undefined
        : this.services.catalogue.named(context.activity.text ?? '');
      if (!question) {
        await this.sendPartChoice(step, reportId, textsFor(localeOf(context)).choosePartTyped);
        return step.replaceDialog(EDIT_STEPS, { reportId, partAsked: true } satisfies EditOptions);
      }
      values.questionKey = question.key;
    }
    return step.beginDialog(DialogIds.interview, {
      reportId,
      questionKey: values.questionKey,
      single: true,
      collectOnly: true,
    } satisfies InterviewOptions);
  }

  /** Shows old and new, and asks whether the change is right. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as EditValues;
    const answer = (step.result as InterviewResult | undefined)?.answer;
    const report = await this.ownReport(step, values.reportId as string);
    if (!report || !answer) return step.endDialog();
    const question = this.services.catalogue.find(values.questionKey as string) as Question;
    values.editId = this.services.newId();
    const editId = values.editId;
    keepReport(
      step.context,
      await this.services.reports.update(
        report.travellerId,
        report.id,
        (current) => withPendingEdit(current, editId, question.key, answer, this.services.now()),
        report,
      ),
    );
    await sendCard(
      step.context,
      renderEditConfirmCard(
        editConfirmCardData(
          report.id,
          question,
          report.answers[question.key],
          answer,
          localeOf(step.context),
          editId,
        ),
      ),
    );
    return Dialog.EndOfTurn;
  }

  /** On confirmation: version n+1 with its history entry, then the channel card updated in place. */
  private async applyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    noteReport(step.context, (step.values as EditValues).reportId ?? '');
    const values = step.values as EditValues;
    const { context } = step;
    const locale = localeOf(context);
    const texts = textsFor(locale);
    const action = cardActionOf(context.activity);
    const reportId = values.reportId as string;
    const question = this.services.catalogue.find(values.questionKey as string) as Question;
    const editId = values.editId as string;
    // Only the card of this very change confirms it; an older confirmation card is stale.
    const confirmed = action
      ? action.action === CardActions.confirmEdit &&
        action.reportId === reportId &&
        action.questionKey === question.key &&
        action.editId === editId
      : isConfirmation(context.activity.text);
    const traveller = travellerOf(context);
    if (!confirmed) {
      await this.services.reports.update(traveller.id, reportId, (current) =>
        withoutPendingEdit(current, editId),
      );
      await context.sendActivity(texts.editCancelled);
      return step.endDialog();
    }
    const now = this.services.now();
    let outcome = 'dropped' as 'applied' | 'appliedBefore' | 'dropped';
    // Read once a turn: a card's confirmation was read already, to see whether it is spent.
    const known = await loadReport(context, this.services.reports, reportId);
    const edited = await this.services.reports.update(
      traveller.id,
      reportId,
      (current) => {
        if (appliedEdit(current, editId)) {
          outcome = 'appliedBefore';
          return current;
        }
        const pending = current.pendingEdits?.[editId];
        if (pending?.questionKey !== question.key) {
          outcome = 'dropped';
          return current;
        }
        outcome = 'applied';
        const done = withoutPendingEdit(current, editId);
        // Claimed in the same write: the channel is updated after the turn, not by the sweep too.
        return withSyncClaimed(
          withEdit(done, question.key, pending.answer, traveller.name, now, editId),
          now,
        );
      },
      known,
    );
    keepReport(context, edited);
    if (outcome === 'appliedBefore') {
      await context.sendActivity(texts.editAlreadySaved(appliedEdit(edited, editId)!.version));
      return step.endDialog();
    }
    if (outcome === 'dropped') {
      // Dropped meanwhile, as the oldest of too many edits waiting at once.
      await context.sendActivity(texts.editCancelled);
      return step.endDialog();
    }
    // The note in the channel's thread is part of the record: ReportSync words it, in Dutch.
    const { sync } = this.services;
    const synced = await this.services.afterTurn.start('update channel post', () =>
      sync.sync(edited),
    );
    if (!synced.finished) {
      await context.sendActivity(texts.editSavedSyncing(edited.version));
    } else if ('value' in synced) {
      await context.sendActivity(texts.editSaved(edited.version));
    } else if (synced.error instanceof SyncStoppedError) {
      // The author was just told why in this chat; the channel is not retried.
      await context.sendActivity(texts.editSavedNotInChannel(edited.version));
    } else {
      this.services.log.warn(
        { err: synced.error, reportId },
        'edit saved; channel post not updated yet',
      );
      markBehind(context, reportId);
      await context.sendActivity(texts.editSavedNotSynced(edited.version));
    }
    return step.endDialog();
  }

  /** The acting traveller's own posted report; anyone else's is refused politely and logged. */
  private async ownReport(
    step: WaterfallStepContext,
    reportId: string,
  ): Promise<Report | undefined> {
    const report = await ownPostedReport(step.context, this.services.reports, reportId);
    if (report) return report;
    const travellerId = travellerOf(step.context).id;
    this.services.log.warn({ travellerId, reportId }, 'edit refused: not the author');
    await step.context.sendActivity(textsFor(localeOf(step.context)).notYourReport);
    return undefined;
  }

  private async sendPartChoice(
    step: WaterfallStepContext,
    reportId: string,
    message: string,
  ): Promise<void> {
    const locale = localeOf(step.context);
    await sendCard(
      step.context,
      renderChoiceCard(
        choiceCardData({
          message,
          field: 'questionKey',
          options: this.services.catalogue.questions.map((question) => ({
            title: question.name[locale],
            value: question.key,
          })),
          submit: {
            title: textsFor(locale).change,
            data: { action: CardActions.editPart, reportId },
          },
          locale,
        }),
      ),
    );
  }
}
