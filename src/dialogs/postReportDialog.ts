import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { publishTargetOf } from '../channel/reportPublisher';
import { choiceCardData, renderChoiceCard } from '../cards/choiceCard';
import { markPosting } from '../report/report';
import { SyncStoppedError } from '../channel/reportSync';
import type { ReportChannel } from '../store/channelStore';
import { textsFor } from '../texts';
import { localeOf, markBehind, sendCard, travellerOf, noteReport } from './conversation';
import { sayWherePosted } from './spentCards';
import { keepReport, loadReport } from './turnReports';
import { DialogIds } from './dialogIds';
import type { DialogServices } from './services';
import { CardActions, cardActionOf } from './turnInput';

/** Which report to post. */
export interface PostReportOptions {
  reportId: string;
  /** The team chosen before is no longer the traveller's: say so, and let them choose. */
  chosenTeamLeft?: boolean;
}

/** Whether the report reached the channel. */
export interface PostReportResult {
  posted: boolean;
}

const POST_STEPS = 'postReportSteps';

/** How many teams' membership is asked of Teams at once (each answer is kept five minutes). */
const MEMBERSHIP_CHECKS_AT_ONCE = 8;

/** What posting uses of the services. */
export type PostReportServices = Pick<
  DialogServices,
  | 'catalogue'
  | 'reports'
  | 'channels'
  | 'sync'
  | 'afterTurn'
  | 'membership'
  | 'reportChannelId'
  | 'log'
  | 'now'
>;

/** Finds the team's report channel (asking which team when there are several) and posts there. */
export class PostReportDialog extends ComponentDialog {
  constructor(private readonly services: PostReportServices) {
    super(DialogIds.postReport);
    this.addDialog(
      new WaterfallDialog(POST_STEPS, [this.chooseTeamStep.bind(this), this.postStep.bind(this)]),
    );
    this.initialDialogId = POST_STEPS;
  }

  /**
   * The traveller's teams that have a report channel: one is used at once; several get a choice
   * card (only their own teams, so no other team's name shows); none get one sentence saying why
   * and what to do. The draft stays in every case.
   */
  private async chooseTeamStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reportId, chosenTeamLeft } = step.options as PostReportOptions;
    const locale = localeOf(step.context);
    const texts = textsFor(locale);
    const { channels, problem } = await this.usableChannels(step.context);
    (step.values as { channels?: ReportChannel[] }).channels = channels;
    if (problem) {
      const said = {
        noChannel: texts.noChannel,
        notMember: texts.notInAnyTeam,
        unknown: texts.teamsUnreachable,
      };
      await step.context.sendActivity(said[problem]);
      return step.endDialog({ posted: false } satisfies PostReportResult);
    }
    if (chosenTeamLeft) {
      await step.context.sendActivity(texts.teamLeft);
    } else if (channels.length === 1) {
      return step.next(channels[0]);
    }
    await sendCard(
      step.context,
      renderChoiceCard(
        choiceCardData({
          message: texts.chooseTeam,
          field: 'teamId',
          options: channels.map((channel) => ({
            title: `${channel.teamName ?? texts.unknownTeam} › ${channel.channelName ?? texts.unknownChannel}`,
            value: channel.teamId,
          })),
          submit: { title: texts.post, data: { action: CardActions.chooseTeam, reportId } },
          locale,
        }),
      ),
    );
    return Dialog.EndOfTurn;
  }

  /** Posts the report card as a new thread and confirms, naming the team and channel. */
  private async postStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    noteReport(step.context, (step.options as PostReportOptions).reportId);
    const { reportId } = step.options as PostReportOptions;
    const { context } = step;
    const texts = textsFor(localeOf(context));
    const { channels } = step.values as { channels: ReportChannel[] };
    const action = cardActionOf(context.activity);
    const chosen =
      (step.result as ReportChannel | undefined) ??
      channels.find(
        (channel) => action?.action === 'chooseTeam' && channel.teamId === action.teamId,
      );
    if (!chosen) {
      await context.sendActivity(texts.chooseTeam);
      return step.replaceDialog(POST_STEPS, { reportId } satisfies PostReportOptions);
    }
    // A choice card can be pressed days later: the traveller must still be in the chosen team.
    if (!this.services.reportChannelId) {
      let member: boolean;
      try {
        member = await this.isMember(context, chosen.teamId);
      } catch {
        await context.sendActivity(texts.teamsUnreachable);
        return step.endDialog({ posted: false } satisfies PostReportResult);
      }
      if (!member) {
        return step.replaceDialog(POST_STEPS, {
          reportId,
          chosenTeamLeft: true,
        } satisfies PostReportOptions);
      }
    }
    const traveller = travellerOf(context);
    const report = await loadReport(context, this.services.reports, reportId);
    if (!report) return step.endDialog({ posted: false } satisfies PostReportResult);
    // Marked in the store before the turn answers: the channel sync posts it even if this
    // instance dies, and a second press (or Teams' redelivery) finds it posted, not a draft.
    let asked = false;
    const marked = keepReport(
      context,
      await this.services.reports.update(
        traveller.id,
        reportId,
        (current) => {
          asked = current.status === 'draft';
          return asked
            ? markPosting(current, publishTargetOf(chosen), this.services.now())
            : current;
        },
        report,
      ),
    );
    if (!asked) {
      await sayWherePosted(context, marked);
      return step.endDialog({ posted: true } satisfies PostReportResult);
    }
    const { sync } = this.services;
    const outcome = await this.services.afterTurn.start('post report', async (turnGone) => {
      const stored = await sync.sync(marked);
      if (turnGone()) await sync.announcePosted(stored);
      return stored;
    });
    if (!outcome.finished) {
      await sayWherePosted(context, marked);
    } else if ('value' in outcome) {
      await sayWherePosted(context, outcome.value);
    } else if (!(outcome.error instanceof SyncStoppedError)) {
      // Counted in the report; this chat's next turn and the sweep post it, and say so here.
      this.services.log.warn(
        { err: outcome.error, reportId, channelId: chosen.channelId },
        'posting failed; the report waits for the channel',
      );
      markBehind(context, reportId);
      await context.sendActivity(texts.postDelayed);
    }
    // A report Teams refused outright (SyncStoppedError): ReportSync told the author why.
    return step.endDialog({ posted: true } satisfies PostReportResult);
  }

  /**
   * The configured channel (REPORT_CHANNEL_ID, one for everyone, set by the administrator: no
   * membership check) if any; else the report channels of the teams the traveller belongs to,
   * asked of Teams. `problem` says why there is none.
   */
  private async usableChannels(
    context: TurnContext,
  ): Promise<{ channels: ReportChannel[]; problem?: 'noChannel' | 'notMember' | 'unknown' }> {
    const tenantId = travellerOf(context).tenantId ?? '';
    const all = await this.services.channels.listByTenant(tenantId);
    const configured = this.services.reportChannelId;
    if (configured) {
      const known = all.find((channel) => channel.channelId === configured);
      return {
        channels: [
          known ?? {
            tenantId,
            teamId: configured,
            channelId: configured,
            serviceUrl: context.activity.serviceUrl,
            updatedAt: this.services.now().toISOString(),
          },
        ],
      };
    }
    if (all.length === 0) return { channels: [], problem: 'noChannel' };
    // A few questions to Teams at a time: a tenant may have many teams with the app.
    const answers: (boolean | undefined)[] = [];
    for (let start = 0; start < all.length; start += MEMBERSHIP_CHECKS_AT_ONCE) {
      const batch = all.slice(start, start + MEMBERSHIP_CHECKS_AT_ONCE);
      answers.push(
        ...(await Promise.all(
          batch.map((channel) => this.isMember(context, channel.teamId).catch(() => undefined)),
        )),
      );
    }
    const channels = all.filter((_channel, index) => answers[index] === true);
    if (channels.length > 0) return { channels };
    return { channels: [], problem: answers.includes(undefined) ? 'unknown' : 'notMember' };
  }

  /** Whether the traveller belongs to the team; throws (logged) when Teams cannot tell. */
  private async isMember(context: TurnContext, teamId: string): Promise<boolean> {
    try {
      return (await this.services.membership.memberOf(context, teamId)) !== undefined;
    } catch (error) {
      this.services.log.warn({ err: error, teamId }, 'could not ask Teams about team membership');
      throw error;
    }
  }
}
