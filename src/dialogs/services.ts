import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Report } from '../report/report';
import type { ReportSync } from '../channel/reportSync';
import type { TeamMembershipCheck } from '../channel/teamMembership';
import type { Catalogue } from '../report/catalogue';
import type { ReminderPolicy } from '../reminders/reminderSchedule';
import type { ChannelStore } from '../store/channelStore';
import type { PreferenceStore } from '../store/preferenceStore';
import type { ReportStore } from '../store/reportStore';
import type { AfterTurnWork } from '../turn/afterTurn';

/** Names colleagues picked in Teams by their Entra object ids; ids no roster knows are left out. */
export interface ColleagueNames {
  namesOf(
    context: TurnContext,
    aadObjectIds: readonly string[],
    report: Report,
  ): Promise<Map<string, string>>;
}

/** What the dialogs need from outside, given through their constructors. */
export interface DialogServices {
  /** The questions of the form, in the order they are asked. */
  catalogue: Catalogue;
  reports: ReportStore;
  channels: ChannelStore;
  /** Travellers' preferences: reminders on or off. */
  preferences: PreferenceStore;
  /** When drafts left untouched get a reminder. */
  reminderPolicy: ReminderPolicy;
  /** Posts a report and brings a changed report's channel card up to date. */
  sync: ReportSync;
  /** Work a turn starts that may go on after it answers (posting, updating the channel). */
  afterTurn: AfterTurnWork;
  log: Logger;
  /** The names of colleagues picked in Teams' people picker, from the rosters of the traveller's teams. */
  colleagueNames: ColleagueNames;
  /** Which teams the traveller belongs to: only those are offered for posting. */
  membership: TeamMembershipCheck;
  /** A configured report channel that overrides the per-team ones (REPORT_CHANNEL_ID). */
  reportChannelId?: string;
  /** The time zone in which "not in the future" is judged. */
  timeZone: string;
  now: () => Date;
  newId: () => string;
}
