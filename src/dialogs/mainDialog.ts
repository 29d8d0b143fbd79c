import {
  Dialog,
  DialogContext,
  DialogReason,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { renderResumeCard, resumeCardData } from '../cards/resumeCard';
import { textsFor } from '../texts';
import { InterruptibleDialog, type ChatTurn } from './interruptibleDialog';
import { localeOf, sendCard, travellerOf } from './conversation';
import { createDraft } from './createDraft';
import { DialogIds } from './dialogIds';
import { InterviewDialog, type InterviewOptions, type InterviewResult } from './interviewDialog';
import { PostReportDialog } from './postReportDialog';
import { ReviewDialog, type ReviewOptions } from './reviewDialog';
import type { DialogServices } from './services';
import { CardActions, cardActionOf, carriesFile, commandOf, type CardAction } from './turnInput';
import { commandIn, helpText, type ChatCommandContext } from './commands';
import { answerIdleMessage, showIdleHelp } from './idleMessages';
import { EditDialog, type EditOptions } from './editDialog';
import { keepReport } from './turnReports';
import { myReportsCardData, renderMyReportsCard } from '../cards/myReportsCard';
import { reportView } from '../report/reportView';
import { activeReportId, DraftCommands } from './draftCommands';
import { ExportDialog, type ExportOptions } from './exportDialog';
import { answerSpentCard } from './spentCards';
import { openChosenReport } from './openReport';
import { isSameTripNoticeResult, SameTripNoticeDialog } from './sameTripNoticeDialog';
import { AnnounceDialog, type AnnounceOptions } from './announceDialog';
import { FormDialog, type FormOptions } from './formDialog';
import { findLatestDraft, loadReport } from './turnReports';
import { CardAnswerTurn } from './cardAnswerTurn';
import { ShownCards } from './shownCards';

const MAIN_STEPS = 'mainSteps';

/**
 * How the interview's steps start: `startNew` skips the offer of the draft for a new report,
 * `continueDraft` (`verder`) skips it for the latest draft.
 */
interface MainStepsOptions {
  startNew?: boolean;
  continueDraft?: boolean;
  /** The form card instead of the interview (`formulier`), on `reportId` or the latest draft. */
  form?: boolean;
  reportId?: string;
}

/** How the main dialog starts: the interview (the draft continued), or an edit of a posted report. */
export interface MainOptions {
  edit?: EditOptions;
  continueDraft?: boolean;
  /** `ik ga op reis`: a trip announced before it is made. */
  announce?: AnnounceOptions;
  /** The form card: of this draft, else of the latest draft, else of a new one. */
  form?: { reportId?: string };
}

/** The whole interview: choose or resume a draft, ask the questions, review, post. */
export class MainDialog extends InterruptibleDialog {
  private readonly draftCommands: DraftCommands;
  private readonly exportDialog: ExportDialog;
  private readonly cardAnswers: CardAnswerTurn;

  constructor(private readonly services: DialogServices) {
    super(DialogIds.main);
    this.draftCommands = new DraftCommands(services);
    const shownCards = new ShownCards();
    this.cardAnswers = new CardAnswerTurn(services, shownCards);
    this.addDialog(new InterviewDialog(services, shownCards));
    this.addDialog(new ReviewDialog(services));
    this.addDialog(new PostReportDialog(services));
    this.addDialog(new EditDialog(services));
    this.exportDialog = new ExportDialog(services);
    this.addDialog(this.exportDialog);
    this.addDialog(new SameTripNoticeDialog(services));
    this.addDialog(new AnnounceDialog(services));
    this.addDialog(new FormDialog(services));
    this.addDialog(
      new WaterfallDialog(MAIN_STEPS, [
        this.offerDraftStep.bind(this),
        this.startInterviewStep.bind(this),
        this.reviewStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_STEPS;
  }

  /**
   * Stores a question card's answer and sends the next question in one conditional write,
   * without the dialog state (see CardAnswerTurn); false when the dialogs must run the turn.
   */
  answerQuestionCard(context: TurnContext): Promise<boolean> {
    return this.cardAnswers.answer(context);
  }

  /** Runs the dialog for a personal-chat turn, starting it when none is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogContext = await this.createContext(context, accessor);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await this.startFromIdle(dialogContext);
    }
  }

  /** Starts an edit in the traveller's personal chat, on top of whatever is going on there. */
  async startEdit(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
    edit: EditOptions,
  ): Promise<void> {
    const dialogContext = await this.createContext(context, accessor);
    await dialogContext.beginDialog(this.id, { edit } satisfies MainOptions);
  }

  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: MainOptions,
  ): Promise<DialogTurnResult> {
    if (options?.edit) return innerDc.beginDialog(DialogIds.edit, options.edit);
    if (options?.announce) return innerDc.beginDialog(DialogIds.announce, options.announce);
    if (options?.form) {
      return innerDc.beginDialog(MAIN_STEPS, {
        form: true,
        ...options.form,
      } satisfies MainStepsOptions);
    }
    return super.onBeginDialog(innerDc, options);
  }

  /** Ends what is going on and begins again from the first step; `nieuw verslag` mid-interview. */
  private async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    // `nieuw` typed in answer to the offer of the draft means: a new report, not the offer again.
    const active = innerDc.activeDialog;
    // `nieuw verslag` typed at the same-trip notice: its `Toch een eigen verslag schrijven`.
    if (active?.id === DialogIds.sameTripNotice) return innerDc.continueDialog();
    const answeringOffer =
      active?.id === MAIN_STEPS && (active.state as { stepIndex?: number }).stepIndex === 0;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MAIN_STEPS, { startNew: answeringOffer } satisfies MainStepsOptions);
  }

  /** Shows the traveller's reports (`mijn verslagen`); the current question stays open. */
  private async showMyReports(context: TurnContext): Promise<void> {
    const locale = localeOf(context);
    const reports = await this.services.reports.listByTraveller(travellerOf(context).id);
    if (reports.length === 0) {
      await context.sendActivity(textsFor(locale).noReports);
      return;
    }
    await sendCard(
      context,
      renderMyReportsCard(myReportsCardData(reports, this.services.catalogue, locale)),
    );
  }

  /**
   * A reminder's `Verdergaan`, the draft's delete card, `Downloaden als Word` and `Openen` in
   * `mijn verslagen`, mid-interview.
   */
  protected override async interruptForCard(
    innerDc: DialogContext,
    action: CardAction,
  ): Promise<DialogTurnResult | undefined> {
    if (action.action === CardActions.openForm || action.action === CardActions.saveForm) {
      return this.interruptForForm(innerDc, action);
    }
    if (action.action === CardActions.resume && action.reportId) {
      // A reminder's (or an offer's) `Verdergaan`: that draft, whatever was going on.
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MAIN_STEPS);
    }
    if (await answerSpentCard(innerDc.context, this.services.reports, action)) {
      return { status: DialogTurnStatus.waiting };
    }
    const outcome = await this.draftCommands.answerCard(innerDc.context, action);
    if (outcome) {
      const deletedActive =
        outcome.deleted !== undefined && outcome.deleted === activeReportId(innerDc.stack);
      return deletedActive ? innerDc.cancelAllDialogs() : { status: DialogTurnStatus.waiting };
    }
    if (action.action === CardActions.download) return this.startExport(innerDc, action.reportId);
    if (action.action === CardActions.openReport) {
      const opened = await openChosenReport(
        innerDc.context,
        this.services.reports,
        action.reportId,
      );
      if (opened !== 'draft') return { status: DialogTurnStatus.waiting };
      // A draft chosen in the list: resumed like a reminder's `Verdergaan`.
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MAIN_STEPS);
    }
    return undefined;
  }

  /**
   * `Alles in één formulier` mid-interview, or Opslaan of a form card: the form of that draft
   * takes the place of whatever was going on (its answers stay: each was stored). Opslaan of the
   * form that is open is the form's own.
   */
  private async interruptForForm(
    innerDc: DialogContext,
    action: CardAction,
  ): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog;
    const formOpen =
      active?.id === DialogIds.form &&
      (active.state as Partial<FormOptions>).reportId === action.reportId;
    if (action.action === CardActions.saveForm && formOpen) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MAIN_STEPS, {
      form: true,
      ...(action.reportId ? { reportId: action.reportId } : {}),
    } satisfies MainStepsOptions);
  }

  /** What the registry's commands may do in the personal chat, on this dialog context. */
  protected override chatTurn(dc: DialogContext, place: ChatCommandContext['place']): ChatTurn {
    const { context } = dc;
    const locale = localeOf(context);
    let result: DialogTurnResult | undefined;
    const chat: ChatCommandContext = {
      context,
      locale,
      texts: textsFor(locale),
      place,
      endAll: async () => {
        result = await dc.cancelAllDialogs();
      },
      startNew: async () => {
        result = place === 'interview' ? await this.restart(dc) : await dc.beginDialog(this.id);
      },
      continueDraft: async () => {
        if (place === 'interview') await dc.cancelAllDialogs();
        result = await dc.beginDialog(this.id, { continueDraft: true } satisfies MainOptions);
      },
      announceTrip: async () => {
        if (place === 'interview') await dc.cancelAllDialogs();
        result = await dc.beginDialog(this.id, { announce: {} } satisfies MainOptions);
      },
      showHelp: async () => {
        // Mid-interview the text alone: the card's buttons would leave the open question.
        if (place === 'idle') await showIdleHelp(context, this.services.reports);
        else await context.sendActivity(helpText(locale));
      },
      showMyReports: () => this.showMyReports(context),
      startExport: async () => {
        result = await this.startExport(dc, undefined);
      },
      startEdit: async (part) => {
        const questionKey = this.services.catalogue.named(part)?.key;
        const edit: EditOptions = questionKey ? { questionKey } : {};
        result = await dc.beginDialog(this.id, { edit } satisfies MainOptions);
      },
      openForm: async () => {
        // Mid-interview: the draft being answered (not a posted report being edited).
        const activeId = place === 'interview' ? activeReportId(dc.stack) : undefined;
        const active = activeId && (await loadReport(context, this.services.reports, activeId));
        const reportId = active && active.status === 'draft' ? active.id : undefined;
        if (place === 'interview') await dc.cancelAllDialogs();
        result = await dc.beginDialog(this.id, {
          form: reportId ? { reportId } : {},
        } satisfies MainOptions);
      },
      setReminders: (on) => this.draftCommands.setReminders(context, on),
      offerDraftDeletion: () =>
        this.draftCommands.offerDeletion(
          context,
          place === 'interview' ? activeReportId(dc.stack) : undefined,
        ),
    };
    return { chat, result: () => result };
  }

  /**
   * Offers a posted report as a Word file (`exporteer`, `Downloaden als Word`); a question that is
   * open stays open.
   */
  private async startExport(
    dc: DialogContext,
    reportId: string | undefined,
  ): Promise<DialogTurnResult> {
    // The export ends within this turn. It runs on a stack of its own: ending on the main stack
    // would resume (and so advance) whatever step was waiting there, such as the open question.
    const dialogs = new DialogSet();
    dialogs.add(this.exportDialog);
    const exportContext = new DialogContext(dialogs, dc.context, { dialogStack: [] });
    await exportContext.beginDialog(
      DialogIds.export,
      (reportId ? { reportId } : {}) satisfies ExportOptions,
    );
    return { status: DialogTurnStatus.waiting };
  }

  private async createContext(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
  ): Promise<DialogContext> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    return dialogSet.createContext(context);
  }

  /**
   * A turn with nothing active: a command of the registry that works here is run, a card's
   * button answered (a stale one with directions). A file, thanks, a greeting or anything else
   * gets an answer (see idleMessages.ts) and starts nothing: only a command or a button does.
   */
  private async startFromIdle(dialogContext: DialogContext): Promise<void> {
    const { context } = dialogContext;
    const action = cardActionOf(context.activity);
    if (action) {
      await this.answerCardWhenIdle(dialogContext, action);
      return;
    }
    if (carriesFile(context.activity)) {
      await context.sendActivity(textsFor(localeOf(context)).fileNotTakenIdle);
      return;
    }
    const match = commandIn(context.activity.text, 'idle');
    if (match?.command.personal) {
      await match.command.personal(this.chatTurn(dialogContext, 'idle').chat, match);
      return;
    }
    await answerIdleMessage(context, this.services.reports);
  }

  /** A card's button pressed with nothing active. */
  private async answerCardWhenIdle(
    dialogContext: DialogContext,
    action: CardAction,
  ): Promise<void> {
    const { context } = dialogContext;
    if (await this.draftCommands.answerCard(context, action)) return;
    if (await answerSpentCard(context, this.services.reports, action)) return;
    if (action.action === CardActions.download) {
      await this.startExport(dialogContext, action.reportId);
      return;
    }
    if (action.action === CardActions.edit) {
      const edit: EditOptions = action.reportId ? { reportId: action.reportId } : {};
      await dialogContext.beginDialog(this.id, { edit } satisfies MainOptions);
      return;
    }
    if (action.action === CardActions.openReport) {
      const opened = await openChosenReport(context, this.services.reports, action.reportId);
      if (opened === 'draft') await dialogContext.beginDialog(this.id);
      return;
    }
    if (action.action === CardActions.announce) {
      // `Reis aanmelden` on the offer of `ik ga op reis`, pressed after the dialog ended.
      const announce: AnnounceOptions = { confirmed: true };
      await dialogContext.beginDialog(this.id, { announce } satisfies MainOptions);
      return;
    }
    if (action.action === CardActions.openForm || action.action === CardActions.saveForm) {
      const form = action.reportId ? { reportId: action.reportId } : {};
      await dialogContext.beginDialog(this.id, { form } satisfies MainOptions);
      return;
    }
    if (action.action !== CardActions.resume && action.action !== CardActions.newReport) {
      await context.sendActivity(textsFor(localeOf(context)).staleCardIdle);
      return;
    }
    await dialogContext.beginDialog(this.id);
  }

  /** Offers to continue the traveller's unfinished draft, or starts a new one when there is none. */
  private async offerDraftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const action = cardActionOf(context.activity);
    const options = step.options as MainStepsOptions | undefined;
    if (options?.startNew === true || action?.action === 'newReport') {
      return step.beginDialog(DialogIds.sameTripNotice);
    }
    // A reminder's or offer's `Verdergaan`, or a draft chosen in `mijn verslagen`.
    if ((action?.action === 'resume' || action?.action === 'openReport') && action.reportId) {
      const chosen = await this.services.reports.get(travellerOf(context).id, action.reportId);
      if (chosen?.status === 'draft') return step.next(keepReport(context, chosen).id);
      await context.sendActivity(textsFor(localeOf(context)).draftGone);
      return step.endDialog();
    }
    if (options?.form === true && options.reportId) {
      // The form of a draft named by its card: that draft, or a sentence when it is posted.
      const named = await loadReport(context, this.services.reports, options.reportId);
      if (named?.status === 'draft') return step.next(named.id);
      await context.sendActivity(textsFor(localeOf(context)).draftGone);
      return step.endDialog();
    }
    const draft = await findLatestDraft(context, this.services.reports);
    if (options?.form === true) {
      // `formulier`: the latest draft, or a new one (through the same-trip notice).
      if (draft) return step.next(keepReport(context, draft).id);
      return step.beginDialog(DialogIds.sameTripNotice);
    }
    if (options?.continueDraft === true) {
      // `verder`: the latest draft at its first open question, or a sentence when there is none.
      if (draft) return step.next(keepReport(context, draft).id);
      await context.sendActivity(textsFor(localeOf(context)).noDraftToContinue);
      return step.endDialog();
    }
    if (!draft) return step.beginDialog(DialogIds.sameTripNotice);
    (step.values as { draftId?: string }).draftId = draft.id;
    await sendCard(
      context,
      renderResumeCard(
        resumeCardData(reportView(draft, this.services.catalogue, localeOf(context))),
      ),
    );
    return Dialog.EndOfTurn;
  }

  /** Takes the answer to the offer (button or typed), then runs the interview on that report. */
  private async startInterviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A report chosen by the previous step (next), or else the traveller's reply to the offer:
    // botbuilder passes a typed reply as the step's result too, so the reason tells them apart.
    let reportId = step.reason === DialogReason.nextCalled ? (step.result as string) : undefined;
    if (isSameTripNoticeResult(step.result)) {
      // A new report: after the same-trip notice (which starts nothing on `Niet nu`).
      if (!step.result.startDraft) return step.endDialog();
      const form = (step.options as MainStepsOptions | undefined)?.form === true;
      reportId = await createDraft(
        step.context,
        this.services,
        form ? undefined : this.services.catalogue.questions[0]?.key,
      );
    } else if (reportId === undefined) {
      const { context } = step;
      const action = cardActionOf(context.activity);
      const choice = action ? action.action : commandOf(context.activity.text);
      if (choice === 'resume' || choice === 'continue' || choice === 'yes') {
        reportId =
          (action?.reportId as string | undefined) ?? (step.values as { draftId: string }).draftId;
      } else if (choice === 'newReport') {
        // A new report after all: through the same-trip notice, like `nieuw verslag`.
        return step.replaceDialog(MAIN_STEPS, { startNew: true } satisfies MainStepsOptions);
      } else {
        await context.sendActivity(textsFor(localeOf(context)).resumeTypedHint);
        return step.replaceDialog(MAIN_STEPS);
      }
    }
    if ((step.options as MainStepsOptions | undefined)?.form === true) {
      return step.beginDialog(DialogIds.form, { reportId } satisfies FormOptions);
    }
    return step.beginDialog(DialogIds.interview, { reportId } satisfies InterviewOptions);
  }

  /** All questions answered: review and post. */
  private async reviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The form ends without a report when its draft was posted or deleted meanwhile.
    const result = step.result as InterviewResult | undefined;
    if (!result) return step.endDialog();
    return step.replaceDialog(DialogIds.review, {
      reportId: result.reportId,
    } satisfies ReviewOptions);
  }
}
