import type { PreferenceStore } from '../store/preferenceStore';
import type { ReportStore } from '../store/reportStore';
import { withReminderScheduled, withoutReminderDue, type ReminderPolicy } from './reminderSchedule';

/** What switching reminders on or off works on. */
export interface ReminderSettingsParts {
  reports: ReportStore;
  preferences: PreferenceStore;
  policy: ReminderPolicy;
}

/**
 * Switches the traveller's reminders on or off: stores the choice, and clears the due reminders
 * of their drafts (off) or schedules them again from `now` (on).
 */
export async function setReminders(
  parts: ReminderSettingsParts,
  travellerId: string,
  on: boolean,
  now: Date,
): Promise<void> {
  await parts.preferences.save({ travellerId, reminders: on, updatedAt: now.toISOString() });
  const drafts = (await parts.reports.listByTraveller(travellerId)).filter(
    (report) => report.status === 'draft',
  );
  for (const draft of drafts) {
    await parts.reports.update(travellerId, draft.id, (current) =>
      on ? withReminderScheduled(current, parts.policy, now) : withoutReminderDue(current),
    );
  }
}
