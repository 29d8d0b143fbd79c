import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { renderSameTripCard, sameTripCardData, MAX_SAME_TRIP_NOTICES } from '../cards/sameTripCard';
import { todayIn } from '../report/dates';
import { noticeSince, recordsToNotice, type SameTripRecord } from '../report/sameTrip';
import { textsFor } from '../texts';
import { localeOf, sendCard, travellerOf } from './conversation';
import { DialogIds } from './dialogIds';
import type { DialogServices } from './services';
import { CardActions, cardActionOf, commandOf } from './turnInput';

/** Whether the new draft should be started after the notice. */
export interface SameTripNoticeResult {
  startDraft: boolean;
}

/** True for what SameTripNoticeDialog ends with. */
export function isSameTripNoticeResult(value: unknown): value is SameTripNoticeResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { startDraft?: unknown }).startDraft === 'boolean'
  );
}

/** What the notice uses of the services. */
export type SameTripNoticeServices = Pick<DialogServices, 'sameTrips' | 'log' | 'now' | 'timeZone'>;

/**
 * The lookup must not hold up `nieuw verslag`: after this long the draft starts without it (the
 * store's own timeout is 10 s, most of a Teams turn).
 */
export const SAME_TRIP_LOOKUP_MS = 2_000;

/** More than the card shows, as some may be filtered out (another tenant, the colleague's own). */
const LOOKED_UP = MAX_SAME_TRIP_NOTICES * 3;

interface NoticeState {
  reportIds: string[];
}

/**
 * Before a new draft starts: when colleagues already posted reports naming this traveller as
 * co-traveller (one single-partition query on their own Entra id, trips that ended within
 * SAME_TRIP_NOTICE_DAYS, not marked seen), a card says so, with a link to each post. `Toch een
 * eigen verslag schrijven` (or typing `nieuw verslag` again) marks them seen and starts the draft;
 * `Niet nu` starts nothing. With no such report, or when the lookup fails, the draft starts at
 * once: the notice never blocks a traveller.
 */
export class SameTripNoticeDialog extends Dialog {
  constructor(private readonly services: SameTripNoticeServices) {
    super(DialogIds.sameTripNotice);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    // The card's own button pressed with no notice waiting (state expired, or a second press).
    const pressed = seenReportIdsOf(context);
    if (pressed) {
      await this.markSeen(context, pressed);
      return dc.endDialog({ startDraft: true } satisfies SameTripNoticeResult);
    }
    const records = await this.lookUp(context);
    if (records.length === 0)
      return dc.endDialog({ startDraft: true } satisfies SameTripNoticeResult);
    const data = sameTripCardData(records, localeOf(context));
    await sendCard(context, renderSameTripCard(data));
    (dc.activeDialog?.state as NoticeState).reportIds = data.seenReportIds.split(',');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const action = cardActionOf(context.activity);
    const typed = action ? undefined : commandOf(context.activity.text);
    if (action?.action === CardActions.newReport || typed === 'newReport' || typed === 'yes') {
      const state = dc.activeDialog?.state as NoticeState;
      await this.markSeen(context, seenReportIdsOf(context) ?? state.reportIds);
      return dc.endDialog({ startDraft: true } satisfies SameTripNoticeResult);
    }
    const texts = textsFor(localeOf(context));
    if (action?.action === CardActions.notNow) {
      await context.sendActivity(texts.sameTripLater);
      return dc.endDialog({ startDraft: false } satisfies SameTripNoticeResult);
    }
    await context.sendActivity(texts.sameTripTypedHint);
    return Dialog.EndOfTurn;
  }

  /** The records to tell the traveller about; none when there is no store or the lookup fails. */
  private async lookUp(context: TurnContext): Promise<SameTripRecord[]> {
    const { sameTrips, log, now, timeZone } = this.services;
    if (!sameTrips) return [];
    const traveller = travellerOf(context);
    const colleagueId = traveller.id.toLowerCase();
    const since = noticeSince(todayIn(timeZone, now()));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), SAME_TRIP_LOOKUP_MS);
    });
    try {
      const found = await Promise.race([sameTrips.findRecent(colleagueId, since, LOOKED_UP), late]);
      if (found === 'late') {
        log.warn(
          { waitedMs: SAME_TRIP_LOOKUP_MS },
          'same-trip lookup too slow; new draft started without it',
        );
        return [];
      }
      return recordsToNotice(
        found,
        { id: colleagueId, ...(traveller.tenantId ? { tenantId: traveller.tenantId } : {}) },
        since,
      );
    } catch (error) {
      log.warn({ err: error }, 'same-trip lookup failed; new draft started without it');
      return [];
    } finally {
      clearTimeout(timer);
    }
  }

  /** Marks the records seen, so that the notice does not name them again; failures are logged. */
  private async markSeen(context: TurnContext, reportIds: readonly string[]): Promise<void> {
    const { sameTrips, log, now } = this.services;
    if (!sameTrips || reportIds.length === 0) return;
    const colleagueId = travellerOf(context).id.toLowerCase();
    const at = now().toISOString();
    const results = await Promise.allSettled(
      reportIds.map((reportId) => sameTrips.markSeen(colleagueId, reportId, at)),
    );
    for (const result of results) {
      if (result.status === 'rejected') {
        log.warn(
          { err: result.reason },
          'could not mark a same-trip record seen; it may show again',
        );
      }
    }
  }
}

/**
 * The reports a press on the notice's `Toch een eigen verslag schrijven` marks seen (its
 * `seenReportIds`, untrusted: at most the card's few ids); undefined for any other activity.
 */
function seenReportIdsOf(context: TurnContext): string[] | undefined {
  const action = cardActionOf(context.activity);
  const ids = action?.action === CardActions.newReport ? action.fields.seenReportIds : undefined;
  if (typeof ids !== 'string' || ids === '' || ids.length > 1000) return undefined;
  const list = ids.split(',').filter((id) => id !== '' && id.length <= 100);
  return list.length > 0 ? list.slice(0, MAX_SAME_TRIP_NOTICES) : undefined;
}
