import type { TurnContext } from 'botbuilder';
import type { DialogInstance } from 'botbuilder-dialogs';
import { deleteDraftCardData, renderDeleteDraftCard } from '../cards/deleteDraftCard';
import { tripTitle } from '../cards/reminderCard';
import { reportView } from '../report/reportView';
import { setReminders } from '../reminders/reminderSettings';
import { postponeOutcome, withNudgePostponed, type PostponeOutcome } from '../reminders/nudge';
import { announceTextsFor, spokenDay } from '../announceTexts';
import { timeZoneOf } from '../reminders/reminderSchedule';
import type { Report } from '../report/report';
import { textsFor } from '../texts';
import { plainMessage } from '../turn/plainMessage';
import { localeOf, sendCard, travellerOf } from './conversation';
import type { DialogServices } from './services';
import { CardActions, type CardAction } from './turnInput';

/** What a press on a draft's card did: deleted a draft (its id), or only answered. */
export type DraftCardOutcome = { deleted?: string };

/** What the draft commands use. */
export type DraftServices = Pick<
  DialogServices,
  'catalogue' | 'reports' | 'preferences' | 'reminderPolicy' | 'now'
>;

/**
 * `geen herinneringen`, `herinneringen aan`, `verwijder concept` with its confirmation card, and
 * `Later` on the nudge of an announced trip: each answered with one sentence, whatever dialog is
 * going on, which keeps its question.
 */
export class DraftCommands {
  constructor(private readonly services: DraftServices) {}

  /** `Ja, verwijderen` or `Nee` on the card of `verwijder concept`; undefined for another card. */
  async answerCard(
    context: TurnContext,
    action: CardAction,
  ): Promise<DraftCardOutcome | undefined> {
    if (action.action === CardActions.nudgeLater) {
      await this.postponeNudge(context, action.reportId);
      return {};
    }
    if (action.action !== CardActions.deleteDraft && action.action !== CardActions.keepDraft) {
      return undefined;
    }
    const texts = textsFor(localeOf(context));
    const traveller = travellerOf(context);
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
    await context.sendActivity(
      plainMessage(texts.draftDeleted(tripTitle(reportView(draft, this.services.catalogue)))),
    );
    return { deleted: draft.id };
  }

  /** `geen herinneringen` (off) and `herinneringen aan` (on), for all the traveller's drafts. */
  async setReminders(context: TurnContext, on: boolean): Promise<void> {
    const { reports, preferences, reminderPolicy, now } = this.services;
    const texts = textsFor(localeOf(context));
    await setReminders(
      { reports, preferences, policy: reminderPolicy },
      travellerOf(context).id,
      on,
      now(),
    );
    await context.sendActivity(on ? texts.remindersOn : texts.remindersOff);
  }

  /**
   * `Later` on a nudge: asked again the next working day, twice at most; a third `Later` (an
   * old card) is refused politely, and the usual reminders follow.
   */
  private async postponeNudge(context: TurnContext, reportId: string | undefined): Promise<void> {
    const { reports, reminderPolicy, now } = this.services;
    const locale = localeOf(context);
    const texts = announceTextsFor(locale);
    const travellerId = travellerOf(context).id;
    const at = now();
    const read = reportId ? await reports.get(travellerId, reportId) : undefined;
    let outcome: PostponeOutcome = postponeOutcome(read, reminderPolicy.calendar, at);
    if (read && outcome.kind === 'postponed') {
      const stored = await reports.update(travellerId, read.id, (current) => {
        outcome = postponeOutcome(current, reminderPolicy.calendar, at);
        return withNudgePostponed(current, outcome);
      });
      if (outcome.kind === 'postponed') {
        const day = spokenDay(outcome.dueAt, locale, timeZoneOf(stored));
        await context.sendActivity(texts.postponed(day, outcome.left));
        return;
      }
    }
    switch (outcome.kind) {
      case 'alreadyPostponed':
        // Only a draft read can be postponed already.
        if (read) {
          await context.sendActivity(
            texts.alreadyPostponed(spokenDay(outcome.dueAt, locale, timeZoneOf(read))),
          );
        }
        return;
      case 'noMore':
        await context.sendActivity(texts.noMorePostponing);
        return;
      default:
        await context.sendActivity(texts.notAnnounced);
    }
  }

  /** `verwijder concept`: the card asking whether the draft (`activeReportId`'s, else the latest) may go. */
  async offerDeletion(context: TurnContext, activeReportId?: string): Promise<void> {
    const travellerId = travellerOf(context).id;
    const draft =
      (await this.draftOf(travellerId, activeReportId)) ??
      (await this.services.reports.findLatestDraft(travellerId));
    if (!draft) {
      await context.sendActivity(textsFor(localeOf(context)).noDraftToDelete);
      return;
    }
    await sendCard(
      context,
      renderDeleteDraftCard(deleteDraftCardData(draft, this.services.catalogue, localeOf(context))),
    );
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
