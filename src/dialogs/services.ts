import type { Logger } from 'pino';
import type { ColleagueNames } from '../channel/colleagueNames';
import type { ReportSync } from '../channel/reportSync';
import type { TeamMembershipCheck } from '../channel/teamMembership';
import type { Catalogue } from '../report/catalogue';
import type { ReminderPolicy } from '../reminders/reminderSchedule';
import type { ChannelStore } from '../store/channelStore';
import type { PreferenceStore } from '../store/preferenceStore';
import type { ReportStore } from '../store/reportStore';
import type { SameTripStore } from '../store/sameTripStore';
import type { AfterTurnWork } from '../turn/afterTurn';

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
  /** Which teams the traveller belongs to: only those are offered for posting. */
  membership: TeamMembershipCheck;
  /**
   * Reports that name the traveller as co-traveller: `nieuw verslag` says so first. Absent: no
   * such notice (tests whose subject it is not).
   */
  sameTrips?: SameTripStore;
  /** Names of colleagues picked in the co-travellers card, from Teams; absent: none resolved. */
  colleagueNames?: Pick<ColleagueNames, 'resolve'>;
  /** A configured report channel that overrides the per-team ones (REPORT_CHANNEL_ID). */
  reportChannelId?: string;
  /** The time zone in which "not in the future" is judged. */
  timeZone: string;
  now: () => Date;
  newId: () => string;
}
