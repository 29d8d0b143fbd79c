import type { TurnContext } from 'botbuilder';
import { withReminderScheduled } from '../reminders/reminderSchedule';
import { newDraft, type Report } from '../report/report';
import { clientTimeZoneOf } from './clientTimeZone';
import { localeOf, personalChatOf, travellerOf } from './conversation';
import type { DialogServices } from './services';
import { keepReport } from './turnReports';

/**
 * Stores a new, empty draft of this turn's traveller (`nieuw verslag`, `ik ga op reis`), with
 * its first reminder scheduled; its id. The turn keeps it, so its first question reads nothing.
 * With `firstQuestion`, the draft's interview stands there already (no write to move it).
 */
export async function createDraft(
  context: TurnContext,
  services: Pick<DialogServices, 'reports' | 'reminderPolicy' | 'now' | 'newId'>,
  firstQuestion?: string,
): Promise<string> {
  const now = services.now();
  const draft: Report = {
    ...newDraft(services.newId(), travellerOf(context), localeOf(context), now),
    timeZone: clientTimeZoneOf(context),
    // Where to reach the traveller when they start an edit from the channel.
    chat: personalChatOf(context),
    ...(firstQuestion ? { interview: { seq: 1, key: firstQuestion } } : {}),
  };
  const created = await services.reports.create(
    withReminderScheduled(draft, services.reminderPolicy, now),
  );
  return keepReport(context, created).id;
}
