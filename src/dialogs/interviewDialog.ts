import { isDeepStrictEqual } from 'node:util';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderAnsweredCard, answeredCardData } from '../cards/answeredCard';
import {
  cardPositionOf,
  questionCardData,
  renderQuestionCard,
  type CardPosition,
  type RejectedInput,
} from '../cards/questionCard';
import {
  parseCardAnswer,
  parseTypedAnswer,
  parseTypedDeparture,
  type ParseResult,
} from '../report/answerInput';
import type { Question } from '../report/catalogue';
import { todayIn } from '../report/dates';
import {
  nextOpenQuestion,
  previousQuestion,
  questionAfterAnswer,
  type Answer,
  type Colleague,
  type Report,
} from '../report/report';
import { confirmsSuggestion, suggestedAnswer } from '../report/suggestion';
import { reminderDueAfter } from '../reminders/reminderSchedule';
import { messagesFor } from '../report/messages';
import { textsFor } from '../texts';
import {
  adjustedFields,
  isButtonWord,
  sendAskBack,
  waitFor,
  type AskBackWait,
} from './askBackTurn';
import { deferCardReplacement, localeOf, noteReport, sendCard, travellerOf } from './conversation';
import { clientTimeZoneOf } from './clientTimeZone';
import { nameColleagues } from './colleagueNaming';
import { DialogIds } from './dialogIds';
import type { DialogServices } from './services';
import { ShownCards } from './shownCards';
import { cardActionOf, commandOf, commandWordOf, type CardAction } from './turnInput';
import { keepReport, loadReport } from './turnReports';

/**
 * Where the rejected input travels from the answer step to the card asking again: the turn, not
 * the dialog state, so that no answer text is kept in `state`.
 */
const REJECTED_INPUT = Symbol('rejectedInput');

/** Where the interview stands: which report, which question. */
export interface InterviewOptions {
  reportId: string;
  /** The question to ask; the first open one when absent. */
  questionKey?: string;
  /** Ask only this question and return (a `Wijzig` from the review). */
  single?: boolean;
  /** Return the valid answer without storing it (an edit, which is confirmed first). */
  collectOnly?: boolean;
  /** The question's card is shown already (this activity id): wait for its answer, send nothing. */
  shownCardId?: string;
  /** The card shown (`shownCardId`) asks back about an answer: what it waits for. */
  waiting?: AskBackWait;
  /**
   * The latest date an answer may hold (ISO); today when absent. Only announcing a trip
   * (AnnounceDialog) allows dates in the future.
   */
  latestDate?: string;
}

/** What the interview returns to its caller. */
export interface InterviewResult {
  reportId: string;
  /** The answer given, when the interview only collected it. */
  answer?: Answer;
}

const INTERVIEW_STEPS = 'interviewSteps';

/** What the interview remembers between sending a card and receiving its answer. */
interface InterviewValues {
  questionKey: string;
  cardActivityId?: string;
  waiting?: AskBackWait;
}

/** What the interview uses of the services. */
export type InterviewServices = Pick<
  DialogServices,
  'catalogue' | 'reports' | 'log' | 'now' | 'reminderPolicy' | 'timeZone' | 'colleagueNames'
>;

/** Asks the questions one card at a time; stores each answer the moment it is given. */
export class InterviewDialog extends ComponentDialog {
  constructor(
    private readonly services: InterviewServices,
    /** The chat interview's cards this instance sent; an edit's or announcement's need none. */
    private readonly shownCards: ShownCards = new ShownCards(),
  ) {
    super(DialogIds.interview);
    this.addDialog(
      new WaterfallDialog(INTERVIEW_STEPS, [
        this.askQuestionStep.bind(this),
        this.receiveAnswerStep.bind(this),
      ]),
    );
    this.initialDialogId = INTERVIEW_STEPS;
  }

  /** Sends the card of the current question, or ends when every question has an answer. */
  private async askQuestionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    noteReport(step.context, (step.options as InterviewOptions).reportId);
    const options = step.options as InterviewOptions;
    let report = await this.loadReport(step, options.reportId);
    const question = options.questionKey
      ? this.services.catalogue.find(options.questionKey)
      : nextOpenQuestion(this.services.catalogue, report);
    if (!question) return step.endDialog({ reportId: report.id } satisfies InterviewResult);
    if (options.shownCardId !== undefined && options.questionKey === question.key) {
      Object.assign(step.values, {
        questionKey: question.key,
        ...(options.shownCardId ? { cardActivityId: options.shownCardId } : {}),
        ...(options.waiting ? { waiting: options.waiting } : {}),
      } satisfies InterviewValues);
      return Dialog.EndOfTurn;
    }
    const locale = localeOf(step.context);
    const rejected = step.context.turnState.get(REJECTED_INPUT) as RejectedInput | undefined;
    let position: CardPosition | undefined;
    if (isChatInterview(options)) {
      report = await this.moveTo(step, report, question.key);
      position = cardPositionOf(this.services.catalogue, report, question.key);
    }
    const card = renderQuestionCard(
      questionCardData(
        this.services.catalogue,
        question,
        report,
        locale,
        this.latestDate(options, report),
        rejected,
        position,
      ),
    );
    const cardActivityId = await sendCard(step.context, card);
    if (position) {
      this.shownCards.remember(step.context.activity.conversation.id, position.seq, cardActivityId);
    }
    Object.assign(step.values, {
      questionKey: question.key,
      ...(cardActivityId ? { cardActivityId } : {}),
    } satisfies InterviewValues);
    return Dialog.EndOfTurn;
  }

  /** Takes the answer, typed or from the card; stores it, or asks the same question again. */
  private async receiveAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    noteReport(step.context, (step.options as InterviewOptions).reportId);
    const options = step.options as InterviewOptions;
    const { questionKey, cardActivityId, waiting } = await this.currentValues(step);
    const question = this.services.catalogue.find(questionKey) as Question;
    const { context } = step;
    const locale = localeOf(context);
    const action = cardActionOf(context.activity);
    // The same interview (single, collect-only) on another or the same question, card and all.
    const { shownCardId: _shown, waiting: _waiting, ...asked } = options;
    const ask = (key: string) =>
      step.replaceDialog(INTERVIEW_STEPS, {
        ...asked,
        questionKey: key,
      } satisfies InterviewOptions);
    const askAgain = (rejected?: RejectedInput) => {
      if (rejected) context.turnState.set(REJECTED_INPUT, rejected);
      return ask(question.key);
    };
    // The question stays open on the card already shown (or an ask-back card): nothing is resent.
    const waitAgain = (cardId: string | undefined, wait?: AskBackWait) =>
      step.replaceDialog(INTERVIEW_STEPS, {
        ...asked,
        questionKey: question.key,
        shownCardId: cardId ?? '',
        ...(wait ? { waiting: wait } : {}),
      } satisfies InterviewOptions);

    // A command's word alone is never an answer: `verder` asks again, another gets a sentence.
    const commandWord = action
      ? undefined
      : commandWordOf(context.activity.text, this.services.catalogue);
    if (commandWord === 'continue') return askAgain();
    if (commandWord) {
      await context.sendActivity(textsFor(locale).commandNotAnswer);
      return waitAgain(cardActivityId, waiting);
    }

    const isThisCard = action?.reportId === options.reportId && action.questionKey === question.key;
    if (action && (!isThisCard || (action.action !== 'answer' && action.action !== 'previous'))) {
      if (await this.isGivenAlready(step, action)) {
        // Teams sent the answer to the previous card again (or it was pressed twice): the next
        // question is on screen already, so nothing is stored or sent.
        return waitAgain(cardActivityId, waiting);
      }
      await context.sendActivity(textsFor(locale).staleCard);
      return askAgain();
    }
    if (
      action?.action === 'previous' ||
      (!action && commandOf(context.activity.text) === 'previous')
    ) {
      return ask((previousQuestion(this.services.catalogue, question.key) ?? question).key);
    }

    const today = this.latestDate(options, await this.loadReport(step, options.reportId));
    const typed = context.activity.text ?? '';
    // An ask-back card's Aanpassen: the question again, with what was typed kept.
    const adjusted = action && adjustedFields(action.fields);
    if (adjusted) return askAgain({ error: '', fields: adjusted });
    if (!action && waiting && waiting.kind !== 'departure' && isButtonWord(typed)) {
      await context.sendActivity(messagesFor(locale).askBackUseButtons);
      return waitAgain(cardActivityId, waiting);
    }
    const suggested =
      !action && !waiting && question.countOf !== undefined && confirmsSuggestion(typed)
        ? suggestedAnswer(question, await this.loadReport(step, options.reportId))
        : undefined;
    const read: ParseResult = suggested
      ? { ok: true, answer: suggested }
      : action
        ? parseCardAnswer(question, action.fields, locale, today)
        : waiting?.kind === 'departure'
          ? parseTypedDeparture(typed, waiting, locale, today)
          : parseTypedAnswer(question, typed, locale, today);
    const parsed =
      read.ok && read.answer.type === 'colleagues'
        ? await this.namedColleagues(step, read.answer.colleagues)
        : read;
    if (!parsed.ok && parsed.askBack) {
      const cardId = await sendAskBack(
        context,
        parsed.askBack,
        options.reportId,
        question.key,
        today,
      );
      return waitAgain(cardId, waitFor(parsed.askBack));
    }
    if (!parsed.ok) {
      return askAgain({
        error: parsed.error,
        fields: action ? stringFields(action.fields) : { answer: typed },
      });
    }

    const answered = renderAnsweredCard(
      answeredCardData(this.services.catalogue, question, parsed.answer, locale),
    );
    // The card pressed (Teams names it), else the one this question was last sent on; it is
    // replaced after the next question is sent, which the traveller waits for.
    const answeredCardId = (action && context.activity.replyToId) || cardActivityId;
    deferCardReplacement(context, answeredCardId, answered);
    if (options.collectOnly) {
      return step.endDialog({
        reportId: options.reportId,
        answer: parsed.answer,
      } satisfies InterviewResult);
    }
    const traveller = travellerOf(context);
    const before = await this.loadReport(step, options.reportId);
    const report = keepReport(
      context,
      await this.services.reports.setAnswer(
        traveller.id,
        options.reportId,
        question.key,
        parsed.answer,
        this.services.now(),
        // Answering touches the draft: its reminder is due the policy's time from now.
        reminderDueAfter(
          this.services.reminderPolicy,
          clientTimeZoneOf(context),
          this.services.now(),
        ),
        // The chat interview moves on in the same write.
        isChatInterview(options)
          ? {
              seq: (before.interview?.seq ?? 0) + 1,
              key: questionAfterAnswer(this.services.catalogue, before, question.key)?.key ?? null,
            }
          : undefined,
      ),
    );
    if (options.single) return step.endDialog({ reportId: report.id } satisfies InterviewResult);
    const next = nextOpenQuestion(this.services.catalogue, report, question.key);
    if (!next) return step.endDialog({ reportId: report.id } satisfies InterviewResult);
    return step.replaceDialog(INTERVIEW_STEPS, {
      reportId: report.id,
      questionKey: next.key,
    } satisfies InterviewOptions);
  }

  /**
   * What the interview remembers since its card was sent; but when the draft's position has moved
   * on (cards answered since, each in one write without the dialog state: CardAnswerTurn), the
   * question open is the position's, and its card the one this instance sent, if any.
   */
  private async currentValues(step: WaterfallStepContext): Promise<InterviewValues> {
    const values = step.values as InterviewValues;
    const options = step.options as InterviewOptions;
    if (!isChatInterview(options)) return values;
    const at = (await this.loadReport(step, options.reportId)).interview;
    if (!at?.key || at.key === values.questionKey) return values;
    const cardActivityId = this.shownCards.find(step.context.activity.conversation.id, at.seq);
    return { questionKey: at.key, ...(cardActivityId ? { cardActivityId } : {}) };
  }

  /** The draft with its interview at `key`, moved there when it stands elsewhere (one write). */
  private async moveTo(step: WaterfallStepContext, report: Report, key: string): Promise<Report> {
    const at = report.interview;
    if (at?.key === key) return report;
    const moved = await this.services.reports.moveInterview(report.travellerId, report.id, {
      seq: (at?.seq ?? 0) + 1,
      key,
    });
    return keepReport(step.context, moved);
  }

  /** The colleagues of the answer to the open question named (see nameColleagues). */
  private async namedColleagues(
    step: WaterfallStepContext,
    colleagues: readonly Colleague[],
  ): Promise<ParseResult> {
    const { reportId } = step.options as InterviewOptions;
    const { questionKey } = step.values as InterviewValues;
    const report = await this.loadReport(step, reportId);
    return nameColleagues(
      step.context,
      this.services.colleagueNames,
      report,
      questionKey,
      colleagues,
    );
  }

  /** True when a card's answer is the very answer stored already for its question in this report. */
  private async isGivenAlready(step: WaterfallStepContext, action: CardAction): Promise<boolean> {
    const { reportId } = step.options as InterviewOptions;
    if (action.action !== 'answer' || action.reportId !== reportId || !action.questionKey) {
      return false;
    }
    const question = this.services.catalogue.find(action.questionKey);
    const report = await this.loadReport(step, reportId);
    const stored = report.answers[action.questionKey];
    if (!question || !stored) return false;
    const latest = this.latestDate(step.options as InterviewOptions, report);
    const parsed = parseCardAnswer(question, action.fields, localeOf(step.context), latest);
    return parsed.ok && isDeepStrictEqual(withStoredNames(parsed.answer, stored), stored);
  }

  private async loadReport(step: WaterfallStepContext, reportId: string): Promise<Report> {
    const report = await loadReport(step.context, this.services.reports, reportId);
    if (!report) {
      throw new Error(
        `Report ${reportId} of traveller ${travellerOf(step.context).id} is not in the store; ` +
          'the conversation state points at a report that was deleted.',
      );
    }
    return report;
  }

  /**
   * The latest date an answer may hold: the option's (announcing), else today; for an announced
   * trip its own return date when later, so that the announced dates stay acceptable as they are.
   */
  private latestDate(options: InterviewOptions, report: Report): string {
    return (
      options.latestDate ?? latestAnswerDate(report, this.services.timeZone, this.services.now())
    );
  }
}

/** Today, or an announced trip's return date when later: the latest date an answer may hold. */
export function latestAnswerDate(report: Report, timeZone: string, now: Date): string {
  const today = todayIn(timeZone, now);
  const announced = report.announced?.returnDate;
  return announced && announced > today ? announced : today;
}

/**
 * True for the interview of a draft in the chat, question after question; not for one question
 * asked for the review, an edit or an announcement, whose answers the dialog handles itself.
 */
export function isChatInterview(options: InterviewOptions): boolean {
  return !options.single && !options.collectOnly;
}

/** A card's colleagues picked in Teams (which come without names) named as stored, to compare. */
function withStoredNames(answer: Answer, stored: Answer): Answer {
  if (answer.type !== 'colleagues' || stored.type !== 'colleagues') return answer;
  const names = new Map(
    stored.colleagues.map((colleague) => [colleague.aadObjectId, colleague.name]),
  );
  return {
    ...answer,
    colleagues: answer.colleagues.map((colleague) =>
      colleague.aadObjectId && colleague.name === ''
        ? {
            name: names.get(colleague.aadObjectId.toLowerCase()) ?? '',
            aadObjectId: colleague.aadObjectId.toLowerCase(),
          }
        : colleague,
    ),
  };
}

/** The card's inputs as text, to show them again after a rejection (nothing typed is lost). */
function stringFields(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
