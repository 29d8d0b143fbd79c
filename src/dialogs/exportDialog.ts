import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { fileConsentCard } from '../cards/fileCards';
import { titleOf, type Report } from '../report/report';
import { reportWordFile } from '../publication/reportFile';
import { textsFor } from '../texts';
import { localeOf, noteFileConsent, noteReport, travellerOf } from './conversation';
import { DialogIds } from './dialogIds';
import type { DialogServices } from './services';
import { ownPostedReport, postedReportsOf, sendReportChoice } from './postedReports';
import { CardActions } from './turnInput';

/** Which report to hand over as a Word file; without one, the bot asks or takes the only one. */
export interface ExportOptions {
  reportId?: string;
}

const EXPORT_STEPS = 'exportSteps';

/** What the export uses of the services. */
export type ExportServices = Pick<DialogServices, 'catalogue' | 'reports' | 'log'>;

/**
 * Hands a posted report over as a Word file: Teams' file consent card asks the author to let
 * the bot save it in their OneDrive; the upload follows Teams' answer (see the bot's file
 * consent handlers). With several posted reports, a choice of buttons comes first.
 */
export class ExportDialog extends ComponentDialog {
  constructor(private readonly services: ExportServices) {
    super(DialogIds.export);
    this.addDialog(new WaterfallDialog(EXPORT_STEPS, [this.offerFileStep.bind(this)]));
    this.initialDialogId = EXPORT_STEPS;
  }

  /** The named report (the acting user's own), or the only posted one, or a choice. */
  private async offerFileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const texts = textsFor(localeOf(context));
    const traveller = travellerOf(context);
    const { reportId } = (step.options ?? {}) as ExportOptions;
    if (reportId) {
      const report = await ownPostedReport(context, this.services.reports, reportId);
      if (!report) {
        this.services.log.warn({ travellerId: traveller.id, reportId }, 'download refused');
        await context.sendActivity(texts.downloadNotYours);
        return step.endDialog();
      }
      await this.sendConsent(step, report);
      return step.endDialog();
    }
    const posted = await postedReportsOf(context, this.services.reports);
    if (posted.length === 0) {
      await context.sendActivity(texts.noPostedReportsToDownload);
    } else if (posted.length === 1) {
      await this.sendConsent(step, posted[0]!);
    } else {
      // Each button carries its report: a press starts this dialog again with that report.
      await sendReportChoice(context, texts.chooseReportToDownload, posted, CardActions.download);
    }
    return step.endDialog();
  }

  private async sendConsent(step: WaterfallStepContext, report: Report): Promise<void> {
    noteReport(step.context, report.id);
    const file = await reportWordFile(report, this.services.catalogue);
    const texts = textsFor(localeOf(step.context));
    const sent = await step.context.sendActivity({
      attachments: [
        fileConsentCard(
          file.name,
          file.bytes.length,
          texts.fileConsentDescription(titleOf(report) || texts.untitled),
          { reportId: report.id },
        ),
      ],
    });
    // Remembered in the chat, so that the answer replaces this card and is taken only once.
    if (sent?.id) {
      noteFileConsent(step.context, {
        activityId: sent.id,
        reportId: report.id,
        fileName: file.name,
      });
    }
  }
}
