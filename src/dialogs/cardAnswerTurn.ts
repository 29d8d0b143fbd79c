import type { TurnContext } from 'botbuilder';
import { answeredCardData, renderAnsweredCard } from '../cards/answeredCard';
import { cardPositionOf, questionCardData, renderQuestionCard } from '../cards/questionCard';
import { parseCardAnswer, type ParseResult } from '../report/answerInput';
import { todayIn } from '../report/dates';
import type { Answer } from '../report/report';
import { reminderDueAfter } from '../reminders/reminderSchedule';
import { clientTimeZoneOf } from './clientTimeZone';
import { deferCardReplacement, localeOf, noteReport, sendCard, travellerOf } from './conversation';
import { latestAnswerDate } from './interviewDialog';
import type { DialogServices } from './services';
import type { ShownCards } from './shownCards';
import { CardActions, cardActionOf } from './turnInput';
import { nameColleagues } from './colleagueNaming';
import { keepReport, loadReport } from './turnReports';

/** What answering a question card without the dialogs uses of the services. */
export type CardAnswerServices = Pick<
  DialogServices,
  'catalogue' | 'reports' | 'now' | 'reminderPolicy' | 'timeZone' | 'colleagueNames'
>;

/**
 * The chat interview's card answered in one conditional write, without the dialog state: the
 * card carries its report, question, position, the question after it and the draft's ETag, and
 * the draft keeps its position, so the answer and the move to the next question are one patch
 * that holds only while the draft is unchanged since the card was sent. The next question is
 * then the turn's first message. Fellow travellers are named from Teams' rosters with the draft
 * at hand: that answer reads it once. Anything else (a refused answer, a stale card, the last
 * question, which the review follows) is left to the dialogs, which answer it as before.
 */
export class CardAnswerTurn {
  constructor(
    private readonly services: CardAnswerServices,
    private readonly shownCards: ShownCards,
  ) {}

  /** True when this turn was a question card's answer, stored and followed by the next card. */
  async answer(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'message' || activity.conversation?.conversationType !== 'personal') {
      return false;
    }
    const action = cardActionOf(activity);
    if (action?.action !== CardActions.answer || !action.position?.next || !action.reportId) {
      return false;
    }
    const { catalogue, reports, reminderPolicy, timeZone } = this.services;
    const question = action.questionKey ? catalogue.find(action.questionKey) : undefined;
    const next = catalogue.find(action.position.next);
    if (!question || !next) return false;
    const locale = localeOf(context);
    const now = this.services.now();
    // Dates up to today; an announced trip's later return date is the dialogs' to allow.
    const read = parseCardAnswer(question, action.fields, locale, todayIn(timeZone, now));
    const parsed =
      read.ok && read.answer.type === 'colleagues'
        ? await this.named(
            context,
            action.reportId,
            action.position.etag,
            question.key,
            read.answer,
          )
        : read;
    if (!parsed?.ok) return false;
    const report = await reports.answerAtPosition({
      travellerId: travellerOf(context).id,
      id: action.reportId,
      key: question.key,
      answer: parsed.answer,
      at: now,
      // Answering touches the draft: its reminder is due the policy's time from now.
      reminderDueAt: reminderDueAfter(reminderPolicy, clientTimeZoneOf(context), now),
      seq: action.position.seq,
      etag: action.position.etag,
      next: next.key,
    });
    if (!report) return false;
    noteReport(context, report.id);
    keepReport(context, report);
    const position = cardPositionOf(catalogue, report, next.key);
    const card = renderQuestionCard(
      questionCardData(
        catalogue,
        next,
        report,
        locale,
        latestAnswerDate(report, timeZone, now),
        undefined,
        position,
      ),
    );
    const conversationId = activity.conversation.id;
    // The card pressed: Teams names it; else the one this instance sent at that position.
    const answeredCardId =
      activity.replyToId || this.shownCards.find(conversationId, action.position.seq);
    this.shownCards.remember(conversationId, position.seq, await sendCard(context, card));
    deferCardReplacement(
      context,
      answeredCardId,
      renderAnsweredCard(answeredCardData(catalogue, question, parsed.answer, locale)),
    );
    return true;
  }

  /**
   * The fellow travellers named (picked ones from Teams' rosters, typed ones matched to those
   * picked before), which needs the draft: read once, and only while it is at the card.
   */
  private async named(
    context: TurnContext,
    reportId: string,
    etag: string,
    questionKey: string,
    answer: Extract<Answer, { type: 'colleagues' }>,
  ): Promise<ParseResult | undefined> {
    const report = await loadReport(context, this.services.reports, reportId);
    if (report?.status !== 'draft' || report.etag !== etag) return undefined;
    const { colleagueNames } = this.services;
    return nameColleagues(context, colleagueNames, report, questionKey, answer.colleagues);
  }
}
