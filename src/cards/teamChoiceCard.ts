import type { Locale } from '../report/locale';
import type { ReportChannel } from '../store/channelStore';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/** The data of `cards/teamChoice.json`: one button a team that has a report channel. */
export interface TeamChoiceCardData {
  message: string;
  reportId: string;
  teams: { teamId: string; title: string }[];
}

/** Renders the choice of team to post in. */
export const renderTeamChoiceCard = cardTemplate<TeamChoiceCardData>('teamChoice.json');

/** The choice's data: each team with its report channel, by name. */
export function teamChoiceCardData(
  reportId: string,
  channels: ReportChannel[],
  locale: Locale,
): TeamChoiceCardData {
  const texts = textsFor(locale);
  return {
    message: texts.chooseTeam,
    reportId,
    teams: channels.map((channel) => ({
      teamId: channel.teamId,
      title: `${channel.teamName ?? texts.unknownTeam} › ${channel.channelName ?? texts.unknownChannel}`,
    })),
  };
}
