import type { TurnContext } from 'botbuilder';
import type { DialogInstance } from 'botbuilder-dialogs';
import { deleteDraftCardData, renderDeleteDraftCard } from '../cards/deleteDraftCard';
import { tripTitle } from '../cards/reminderCard';
import { reportView } from '../report/reportView';
import { setReminders } from '../reminders/reminderSettings';
import type { Report } from '../report/report';
import { textsFor } from '../texts';
import { localeOf, sendCard, travellerOf } from './conversation';
import type { DialogServices } from './services';
import { CardActions, cardActionOf, commandOf } from './turnInput';

/** What a draft command did: nothing (not one), answered, or deleted a draft. */
export type DraftCommandOutcome = { deleted?: string } | undefined;

/**
 * `geen herinneringen`, `herinneringen aan` and `verwijder concept` with its confirmation: each
 * answered with one sentence, whatever dialog is going on, which keeps its question.
 */
export class DraftCommands {
  constructor(private readonly services: DialogServices) {}

  /** Handles the turn when it is one of these commands; `activeReportId` is the dialog's report. */
  async handle(context: TurnContext, activeReportId?: string): Promise<DraftCommandOutcome> {
    const texts = textsFor(localeOf(context));
    const action = cardActionOf(context.activity);
    const traveller = travellerOf(context);
    if (action?.action === CardActions.deleteDraft || action?.action === CardActions.keepDraft) {
      const draft = await this.draftOf(traveller.id, action.reportId);
      if (!draft) {
        await context.sendActivity(texts.noDraftToDelete);
        return {};
      }
      if (action.action === CardActions.keepDraft) {
        await context.sendActivity(texts.deleteCancelled);
        return {};
      }
      await this.services.reports.delete(traveller.id, draft.id);
      const view = reportView(draft, this.services.catalogue);
      await context.sendActivity(texts.draftDeleted(tripTitle(view)));
      return { deleted: draft.id };
    }
    if (action) return undefined;
    switch (commandOf(context.activity.text)) {
      case 'remindersOff':
      case 'remindersOn': {
        const on = commandOf(context.activity.text) === 'remindersOn';
        await setReminders(
          {
            reports: this.services.reports,
            preferences: this.services.preferences,
            policy: this.services.reminderPolicy,
          },
          traveller.id,
          on,
          this.services.now(),
        );
        await context.sendActivity(on ? texts.remindersOn : texts.remindersOff);
        return {};
      }
      case 'deleteDraft': {
        const draft =
          (await this.draftOf(traveller.id, activeReportId)) ??
          (await this.services.reports.findLatestDraft(traveller.id));
        if (!draft) {
          await context.sendActivity(texts.noDraftToDelete);
          return {};
        }
        await sendCard(
          context,
          renderDeleteDraftCard(
            deleteDraftCardData(draft, this.services.catalogue, localeOf(context)),
          ),
        );
        return {};
      }
      default:
        return undefined;
    }
  }

  /** The traveller's draft with this id; undefined when there is none (or it was posted). */
  private async draftOf(travellerId: string, reportId?: string): Promise<Report | undefined> {
    if (!reportId) return undefined;
    const report = await this.services.reports.get(travellerId, reportId);
    return report?.status === 'draft' ? report : undefined;
  }
}

/** The report the innermost active dialog works on (its options' `reportId`), if any. */
export function activeReportId(stack: readonly DialogInstance[]): string | undefined {
  for (const instance of stack) {
    const state = instance.state as
      | { options?: { reportId?: unknown }; dialogs?: { dialogStack?: DialogInstance[] } }
      | undefined;
    const inner = state?.dialogs?.dialogStack && activeReportId(state.dialogs.dialogStack);
    if (inner) return inner;
    if (typeof state?.options?.reportId === 'string') return state.options.reportId;
  }
  return undefined;
}
