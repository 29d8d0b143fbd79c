import type { Catalogue, Question } from '../report/catalogue';
import type { Locale } from '../report/locale';
import { amountField, answerLimit, answerToFields } from '../report/answerInput';
import { questionAfterAnswer, type Answer, type PaidBy, type Report } from '../report/report';
import { suggestedAnswer } from '../report/suggestion';
import { textsFor } from '../texts';
import { cardSize, MAX_CARD_BYTES } from './cardSize';
import { cardTemplate, type AdaptiveCard } from './template';
import { textBefore } from './userText';

/** The data of `cards/question.json`: one question of the interview with its inputs. */
export interface QuestionCardData {
  progress: string;
  question: string;
  hint: string;
  /** Why the last input was refused: a TextRun, as it may quote what was typed. */
  error: string;
  type: Question['type'];
  key: string;
  reportId: string;
  label: string;
  secondLabel: string | null;
  required: boolean;
  requiredMessage: string;
  secondRequiredMessage: string;
  rangeMessage: string;
  min: number | null;
  max: number | null;
  /** The most characters of a text answer (Input.Text), as answerLimit reads them. */
  maxLength: number;
  numberValue: number | null;
  today: string;
  fields: { answer: string; departure: string; return: string; choice: string; picked: string };
  /** The suggested answer to confirm (the number of travellers from the colleagues), or ''. */
  suggestion: string;
  /** One text input an amount (Dutch notation is typed: Input.Number would refuse `412,80`). */
  amountInputs: {
    id: string;
    label: string;
    placeholder: string;
    errorMessage: string;
    value: string;
  }[];
  /** The choices of who paid. */
  payerChoices: { title: string; value: string }[];
  /** The colleagues picked before, for Teams' people picker to show them selected. */
  pickedChoices: { title: string; value: string }[];
  /**
   * The interview position the card is sent at, and the question after it, as text ('' when
   * the card is not the chat interview's): its answer is stored in one conditional write.
   */
  seq: string;
  next: string;
  etag: string;
  canGoBack: boolean;
  /** `Alles in één formulier` under the first question of a draft: every question on one card. */
  offerForm: boolean;
  /**
   * What a yes/no card is pre-filled with, sent back with its answer: a no then drops left-over
   * agreements and keeps new text as a remark (see PREFILL_FIELDS). Null on other questions.
   */
  prefill: { answer: string | null; choice: string | null };
  labels: { next: string; previous: string; yes: string; no: string; openForm: string };
}

/** Where a question card of the chat interview is sent: the draft's position, the next question. */
export interface CardPosition {
  seq: number;
  next: string | null;
  /** The draft's ETag as the card is sent: its answer is stored only while it is unchanged. */
  etag: string;
}

/** The position of a card asking `key` of a draft whose interview stands there. */
export function cardPositionOf(catalogue: Catalogue, report: Report, key: string): CardPosition {
  return {
    seq: report.interview?.seq ?? 0,
    next: questionAfterAnswer(catalogue, report, key)?.key ?? null,
    etag: report.etag ?? '',
  };
}

const expandQuestionCard = cardTemplate<QuestionCardData>('question.json');

/**
 * Renders the card of one question, under Teams' size limit: a refused input far longer than any
 * answer may be (the error says so) is shown again cut short, the longest field first.
 */
export function renderQuestionCard(
  data: QuestionCardData,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  const fields = { ...data.fields };
  let card = expandQuestionCard(data);
  while (cardSize(card) > maxBytes) {
    const longest = (Object.keys(fields) as (keyof typeof fields)[]).reduce((a, b) =>
      fields[b].length > fields[a].length ? b : a,
    );
    const shorter = textBefore(fields[longest], Math.floor(fields[longest].length / 2));
    if (shorter.length === fields[longest].length) break;
    fields[longest] = shorter;
    // The submit data says what the card was pre-filled with: the input as cut, not as sent.
    const prefill =
      data.prefill.answer === null
        ? data.prefill
        : { answer: fields.answer, choice: fields.choice };
    card = expandQuestionCard({ ...data, fields, prefill });
  }
  return card;
}

/** "Vraag 3 van 9": the question's place in the whole interview. */
export function progressOf(catalogue: Catalogue, question: Question, locale: Locale): string {
  return textsFor(locale).progress(catalogue.position(question.key), catalogue.size);
}

/** The traveller's rejected input, shown again on the card with the reason. */
export interface RejectedInput {
  error: string;
  fields: Record<string, string>;
}

/**
 * The card data for a question of a report: prefilled with the stored answer, or with what the
 * traveller just submitted when that was rejected, so nothing typed is lost.
 */
export function questionCardData(
  catalogue: Catalogue,
  question: Question,
  report: Report,
  locale: Locale,
  today: string,
  rejected?: RejectedInput,
  position?: CardPosition,
): QuestionCardData {
  const texts = textsFor(locale);
  const label = question.label[locale];
  const secondLabel = question.secondLabel?.[locale] ?? null;
  const suggested = rejected ? undefined : suggestedAnswer(question, report);
  const stored = report.answers[question.key];
  const shown = stored ?? suggested;
  const given = rejected?.fields ?? (shown ? answerToFields(question, shown, locale) : {});
  const fields = {
    answer: given.answer ?? '',
    departure: given.departure ?? '',
    return: given.return ?? '',
    choice: given.choice ?? '',
    picked: given.picked ?? '',
  };
  const colleagues = question.countOf ? report.answers[question.countOf] : undefined;
  const number = Number(fields.answer);
  return {
    progress: progressOf(catalogue, question, locale),
    question: question.text[locale],
    hint: question.hint[locale],
    error: rejected?.error ?? '',
    type: question.type,
    key: question.key,
    reportId: report.id,
    label,
    secondLabel,
    required: question.required,
    requiredMessage: texts.fieldRequired,
    secondRequiredMessage: texts.fieldRequired,
    rangeMessage:
      question.min !== undefined && question.max !== undefined
        ? texts.numberRange(question.min, question.max)
        : texts.fillIn(label),
    min: question.min ?? null,
    max: question.max ?? null,
    maxLength: answerLimit(question),
    numberValue: fields.answer !== '' && Number.isFinite(number) ? number : null,
    today,
    fields,
    seq: position ? String(position.seq) : '',
    next: position?.next ?? '',
    etag: position?.etag ?? '',
    canGoBack: catalogue.position(question.key) > 1,
    offerForm: catalogue.position(question.key) === 1 && report.status === 'draft',
    suggestion:
      !stored && suggested?.type === 'number' && colleagues?.type === 'colleagues'
        ? texts.travellersSuggestion(colleagues.colleagues.length, suggested.value)
        : '',
    amountInputs: (question.type === 'amounts' ? (question.parts ?? []) : []).map((part) => ({
      id: amountField(part.key),
      label: part.label[locale],
      placeholder: texts.amountPlaceholder,
      errorMessage: texts.amountMissing(part.label[locale]),
      value: given[amountField(part.key)] ?? '',
    })),
    payerChoices:
      question.type === 'payer'
        ? PAID_BY.map((value) => ({ title: texts.payerChoices[value], value }))
        : [],
    pickedChoices: pickedChoices(question, stored, fields.picked),
    prefill:
      question.type === 'yesNoText'
        ? { answer: fields.answer, choice: fields.choice }
        : { answer: null, choice: null },
    labels: {
      next: texts.next,
      previous: texts.previous,
      yes: texts.yes,
      no: texts.no,
      openForm: texts.openForm,
    },
  };
}

// The order of who paid on the card: the usual case first.
const PAID_BY: readonly PaidBy[] = ['municipality', 'thirdParty', 'shared'];

/**
 * The people picker's choices for colleagues picked before: Teams shows a pre-selected person
 * only with a choice naming them. Ids the card sends back without a stored name show no choice.
 */
function pickedChoices(
  question: Question,
  stored: Answer | undefined,
  picked: string,
): { title: string; value: string }[] {
  if (question.type !== 'colleagues' || stored?.type !== 'colleagues') return [];
  const ids = new Set(picked.split(','));
  return stored.colleagues
    .filter((colleague) => colleague.aadObjectId && ids.has(colleague.aadObjectId))
    .map((colleague) => ({ title: colleague.name, value: colleague.aadObjectId ?? '' }));
}
