import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { renderAnsweredCard } from '../cards/answeredCard';
import { formCardData, renderFormCard, type RejectedForm } from '../cards/formCard';
import { todayIn } from '../report/dates';
import { readForm, type FormReading } from '../report/formInput';
import type { Report } from '../report/report';
import { reminderDueAfter } from '../reminders/reminderSchedule';
import { textsFor } from '../texts';
import { clientTimeZoneOf } from './clientTimeZone';
import { nameColleagues } from './colleagueNaming';
import { localeOf, noteReport, replaceCard, sendCard, travellerOf } from './conversation';
import { DialogIds } from './dialogIds';
import type { InterviewOptions, InterviewResult } from './interviewDialog';
import type { DialogServices } from './services';
import { CardActions, cardActionOf, commandOf, type CardAction } from './turnInput';
import { keepReport, loadReport } from './turnReports';

/** Which draft the form shows. */
export interface FormOptions {
  reportId: string;
}

/** What the form remembers between sending its card and its Opslaan: never an answer. */
interface FormState {
  reportId: string;
  cardActivityId?: string;
}

/** What the form uses of the services. */
export type FormServices = Pick<
  DialogServices,
  'catalogue' | 'reports' | 'log' | 'now' | 'reminderPolicy' | 'timeZone' | 'colleagueNames'
>;

/**
 * The whole form on one card (`formulier`, `Alles in één formulier`): every question of the
 * catalogue, pre-filled from the draft. Opslaan reads every input with the chat's parsers; when
 * any is wrong the same card comes back in place with the values kept and each error under its
 * field, and nothing is stored; when all are right they are stored in one write and the dialog
 * ends with the report, as the interview does, so that the review follows. Every required
 * question must be answered to save: a partly filled form would store some answers and leave
 * the traveller unsure which; the chat (`verder`) is there to answer a few at a time.
 */
export class FormDialog extends Dialog<FormOptions> {
  constructor(private readonly services: FormServices) {
    super(DialogIds.form);
  }

  /** Sends the form; or, begun by a press of Opslaan on an earlier form of this draft, reads it. */
  override async beginDialog(dc: DialogContext, options?: FormOptions): Promise<DialogTurnResult> {
    const reportId = options?.reportId ?? '';
    const state = dc.activeDialog?.state as FormState;
    state.reportId = reportId;
    noteReport(dc.context, reportId);
    const report = await loadReport(dc.context, this.services.reports, reportId);
    if (report?.status !== 'draft') return this.draftGone(dc);
    const action = cardActionOf(dc.context.activity);
    if (action?.action === CardActions.saveForm) {
      if (action.reportId === reportId) {
        // A form sent before (the interview or a restart came in between): its own card is
        // the one to replace, which Teams names as the submit's replyToId.
        const replyTo = dc.context.activity.replyToId;
        if (replyTo) state.cardActivityId = replyTo;
        return this.save(dc, action, report);
      }
      await dc.context.sendActivity(textsFor(localeOf(dc.context)).formStale);
    }
    return this.sendForm(dc, report);
  }

  /** Opslaan of this form; `verder` goes on in the chat; anything else gets a hint. */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const state = dc.activeDialog?.state as FormState;
    noteReport(context, state.reportId);
    const action = cardActionOf(context.activity);
    if (action?.action === CardActions.saveForm && action.reportId === state.reportId) {
      const report = await loadReport(context, this.services.reports, state.reportId);
      if (report?.status !== 'draft') return this.draftGone(dc);
      return this.save(dc, action, report);
    }
    if (!action && commandOf(context.activity.text) === 'continue') {
      // Question by question in the chat after all: the interview takes the form's place.
      return dc.replaceDialog(DialogIds.interview, {
        reportId: state.reportId,
      } satisfies InterviewOptions);
    }
    await context.sendActivity(textsFor(localeOf(context)).formTypedHint);
    return Dialog.EndOfTurn;
  }

  private async sendForm(
    dc: DialogContext,
    report: Report,
    rejected?: RejectedForm,
  ): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as FormState;
    const card = renderFormCard(
      formCardData(this.services.catalogue, report, localeOf(dc.context), this.today(), rejected),
    );
    const sent = await sendCard(dc.context, card);
    if (sent) state.cardActivityId = sent;
    return Dialog.EndOfTurn;
  }

  /** Reads the form; stores every answer in one write, or shows the form again with the errors. */
  private async save(
    dc: DialogContext,
    action: CardAction,
    report: Report,
  ): Promise<DialogTurnResult> {
    const { context } = dc;
    const state = dc.activeDialog?.state as FormState;
    const locale = localeOf(context);
    const reading = await this.withColleaguesNamed(
      context,
      report,
      readForm(this.services.catalogue, action.fields, report, locale, this.today()),
    );
    if (Object.keys(reading.errors).length > 0) {
      const card = renderFormCard(
        formCardData(this.services.catalogue, report, locale, this.today(), reading),
      );
      if (!state.cardActivityId) return this.sendForm(dc, report, reading);
      await replaceCard(context, state.cardActivityId, card, this.services.log);
      return Dialog.EndOfTurn;
    }
    const now = this.services.now();
    keepReport(
      context,
      await this.services.reports.setAnswers(
        travellerOf(context).id,
        report.id,
        reading.answers,
        now,
        // Saving touches the draft, as an answer in the chat does: its reminder moves on.
        reminderDueAfter(this.services.reminderPolicy, clientTimeZoneOf(context), now),
      ),
    );
    const texts = textsFor(locale);
    await replaceCard(
      context,
      state.cardActivityId,
      renderAnsweredCard({ progress: texts.reportHeading, label: texts.formSaved, lines: [] }),
      this.services.log,
    );
    return dc.endDialog({ reportId: report.id } satisfies InterviewResult);
  }

  /** The colleagues picked in Teams named, as the interview names them; unknown ones an error. */
  private async withColleaguesNamed(
    context: TurnContext,
    report: Report,
    reading: FormReading,
  ): Promise<FormReading> {
    for (const [key, answer] of Object.entries(reading.answers)) {
      if (answer.type !== 'colleagues') continue;
      const named = await nameColleagues(
        context,
        this.services.colleagueNames,
        report,
        key,
        answer.colleagues,
      );
      if (named.ok) {
        reading.answers[key] = named.answer;
      } else {
        delete reading.answers[key];
        reading.errors[key] = named.error;
      }
    }
    return reading;
  }

  private async draftGone(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(textsFor(localeOf(dc.context)).draftGone);
    return dc.endDialog();
  }

  private today(): string {
    return todayIn(this.services.timeZone, this.services.now());
  }
}
