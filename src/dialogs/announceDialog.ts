import {
  ComponentDialog,
  Dialog,
  DialogReason,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { announceTextsFor, spokenDay } from '../announceTexts';
import { renderResumeCard, resumeCardData } from '../cards/resumeCard';
import { tripTitle } from '../cards/reminderCard';
import { todayIn } from '../report/dates';
import type { Report } from '../report/report';
import { reportView } from '../report/reportView';
import {
  announcedQuestions,
  announceHorizon,
  returnDateOf,
  withAnnouncement,
} from '../reminders/nudge';
import { plainMessage } from '../turn/plainMessage';
import { localeOf, sendCard, travellerOf } from './conversation';
import { createDraft } from './createDraft';
import { DialogIds } from './dialogIds';
import { InterviewDialog, type InterviewOptions } from './interviewDialog';
import type { DialogServices } from './services';
import { CardActions, cardActionOf } from './turnInput';
import { keepReport, loadReport } from './turnReports';

/** How announcing starts: `confirmed` when the traveller chose it over their draft already. */
export interface AnnounceOptions {
  confirmed?: boolean;
}

/** Where the questions of the announcement stand: which draft, and the latest date allowed. */
interface AnnounceQuestionsOptions {
  reportId: string;
  latestDate: string;
}

const ANNOUNCE_STEPS = 'announceSteps';
const ANNOUNCE_QUESTIONS = 'announceQuestions';

/** What announcing uses of the services. */
export type AnnounceServices = Pick<
  DialogServices,
  | 'catalogue'
  | 'reports'
  | 'log'
  | 'now'
  | 'newId'
  | 'reminderPolicy'
  | 'timeZone'
  | 'colleagueNames'
>;

/**
 * `ik ga op reis`: a trip announced before it is made. Asks its title, destination and dates on
 * the interview's own cards (dates in the future allowed, here only), and stores a draft marked
 * as announced, whose nudge the reminder sweep sends on the first working day after the return.
 * A traveller with a draft is first offered to continue it.
 */
export class AnnounceDialog extends ComponentDialog {
  constructor(private readonly services: AnnounceServices) {
    super(DialogIds.announce);
    this.addDialog(new InterviewDialog(services));
    this.addDialog(
      new WaterfallDialog(ANNOUNCE_STEPS, [
        this.offerDraftStep.bind(this),
        this.startStep.bind(this),
        this.announceStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(ANNOUNCE_QUESTIONS, [
        this.askStep.bind(this),
        this.nextQuestionStep.bind(this),
      ]),
    );
    this.initialDialogId = ANNOUNCE_STEPS;
  }

  /** With a draft already: the offer to continue it (`Verdergaan`) or to announce anyway. */
  private async offerDraftStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as AnnounceOptions | undefined)?.confirmed) return step.next();
    const { context } = step;
    const draft = await this.services.reports.findLatestDraft(travellerOf(context).id);
    if (!draft) return step.next();
    const locale = localeOf(context);
    const texts = announceTextsFor(locale);
    await sendCard(
      context,
      renderResumeCard(
        resumeCardData(reportView(draft, this.services.catalogue, locale), {
          action: CardActions.announce,
          label: texts.announceButton,
          offer: texts.announceOffer,
        }),
      ),
    );
    return Dialog.EndOfTurn;
  }

  /**
   * Creates the draft and asks the first question. `Verdergaan` on the offer never gets here:
   * MainDialog takes it wherever it is pressed.
   */
  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    if (step.reason !== DialogReason.nextCalled) {
      if (cardActionOf(context.activity)?.action !== CardActions.announce) {
        // Typed text, or another card: only the offer's buttons answer it.
        await context.sendActivity(announceTextsFor(localeOf(context)).announceOfferTypedHint);
        return step.replaceDialog(ANNOUNCE_STEPS);
      }
    }
    await context.sendActivity(announceTextsFor(localeOf(context)).announceIntro);
    const reportId = await createDraft(context, this.services);
    const today = todayIn(this.services.timeZone, this.services.now());
    return step.beginDialog(ANNOUNCE_QUESTIONS, {
      reportId,
      latestDate: announceHorizon(today),
    } satisfies AnnounceQuestionsOptions);
  }

  /** Title, destination and dates given: the draft is announced, and the traveller told when. */
  private async announceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { reportId } = step.result as AnnounceQuestionsOptions;
    const report = await this.report(context, reportId);
    const datesKey = announcedQuestions(this.services.catalogue).find(
      (question) => question.type === 'dateRange',
    )?.key;
    const returnDate = returnDateOf(datesKey ? report?.answers[datesKey] : undefined);
    // Without a return date there is nothing to wait for: an ordinary draft, with its reminders.
    if (!report || !returnDate) return step.endDialog();
    const announced = keepReport(
      context,
      await this.services.reports.update(report.travellerId, report.id, (current) =>
        withAnnouncement(current, returnDate, this.services.reminderPolicy, this.services.now()),
      ),
    );
    const locale = localeOf(context);
    const view = reportView(announced, this.services.catalogue, locale);
    const day = spokenDay(
      announced.announced?.nudge.dueAt ?? announced.updatedAt,
      locale,
      announced.timeZone ?? this.services.timeZone,
    );
    await context.sendActivity(
      plainMessage(announceTextsFor(locale).announced(tripTitle(view), view.destination.text, day)),
    );
    return step.endDialog();
  }

  /** Asks the first of the announcement's questions still open, on the interview's card. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as AnnounceQuestionsOptions;
    const report = await this.report(step.context, options.reportId);
    // `Vorige` may have gone back a question: whichever is open next is asked, in order.
    const open = announcedQuestions(this.services.catalogue).find(
      (question) => !report || !(question.key in report.answers),
    );
    if (!report || !open) return step.endDialog(options);
    return step.beginDialog(DialogIds.interview, {
      reportId: options.reportId,
      questionKey: open.key,
      single: true,
      latestDate: options.latestDate,
    } satisfies InterviewOptions);
  }

  private async nextQuestionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(ANNOUNCE_QUESTIONS, step.options);
  }

  private async report(context: TurnContext, reportId: string): Promise<Report | undefined> {
    return loadReport(context, this.services.reports, reportId);
  }
}
