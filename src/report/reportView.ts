import type { Catalogue, Question } from './catalogue';
import { describeDuration } from './duration';
import { formatAnswer, type FormattedAnswer } from './formatAnswer';
import type { Locale } from './locale';
import type { Answer, Report } from './report';
import { writtenDateRange } from './dates';

/** One question of a report with its answer, as every output shows it. */
export interface AnswerView {
  question: Question;
  /** The question's short name in the view's language (`Doel van de reis`). */
  name: string;
  /** The question verbatim in the view's language (`WAT WAS HET DOEL VAN DE REIS?`). */
  text: string;
  /** The answer as stored; undefined when the question has none yet. */
  answer?: Answer;
  /** The answer as shown to people (see formatAnswer); undefined when there is none. */
  shown?: FormattedAnswer;
}

/** A part of the block that names the trip: the question's short name and the answer shown. */
export interface TripPart {
  /** The key of the question it comes from. */
  key: string;
  label: string;
  /** The answer as shown; '' when not answered (or the catalogue has no such question). */
  text: string;
}

/** The trip's dates as the traveller gave them, and its length in words (`2 dagen (1 nacht)`). */
export interface TripDates {
  departure?: string;
  return?: string;
  length: string;
  /** Both dates as a letter writes them (`17 t/m 19 november 2026`); undefined without both. */
  written?: string;
}

/**
 * A report as every output (cards, documents, the register) renders it: what names the trip,
 * who went, and the answers in the catalogue's order with their display text. It is the one
 * place that knows which answers name the trip.
 */
export interface ReportView {
  /** The report's id. */
  id: string;
  locale: Locale;
  title: TripPart;
  traveller: string;
  /** The traveller's Teams user id (`29:…`) from their personal chat, to @mention them; if known. */
  travellerTeamsId?: string;
  destination: TripPart;
  /** The trip's period as shown: `19-06-2023 t/m 20-06-2023 · 2 dagen (1 nacht)`. */
  period: TripPart;
  /** The period's parts; undefined before the dates are given. */
  dates?: TripDates;
  /** Every question of the catalogue, in order, with its answer if any. */
  answers: AnswerView[];
  /** The form's own questions (not those naming the trip), in order. */
  form: AnswerView[];
  /** How many questions have an answer, of how many. */
  answered: number;
  total: number;
}

// The catalogue's keys of the answers that name the trip.
const TITLE_KEY = 'title';
const DESTINATION_KEY = 'destination';
const PERIOD_KEY = 'duration';

/** The view of a report on a catalogue, in `locale` (by default the report's own language). */
export function reportView(
  report: Report,
  catalogue: Catalogue,
  locale: Locale = report.locale,
): ReportView {
  const answers = catalogue.questions.map((question): AnswerView => {
    const answer = report.answers[question.key];
    return {
      question,
      name: question.name[locale],
      text: question.text[locale],
      ...(answer ? { answer, shown: formatAnswer(question, answer, locale) } : {}),
    };
  });
  const part = (key: string): TripPart => {
    const viewed = answers.find((candidate) => candidate.question.key === key);
    return { key, label: viewed?.name ?? key, text: viewed?.shown?.text ?? '' };
  };
  const duration = report.answers[PERIOD_KEY];
  return {
    id: report.id,
    locale,
    title: part(TITLE_KEY),
    traveller: report.travellerName,
    ...(report.chat?.userId ? { travellerTeamsId: report.chat.userId } : {}),
    destination: part(DESTINATION_KEY),
    period: part(PERIOD_KEY),
    ...(duration?.type === 'dateRange'
      ? {
          dates: {
            ...(duration.departure ? { departure: duration.departure } : {}),
            ...(duration.return ? { return: duration.return } : {}),
            length: describeDuration(duration.days, duration.nights, locale),
            ...(duration.departure && duration.return
              ? { written: writtenDateRange(duration.departure, duration.return, locale) }
              : {}),
          },
        }
      : {}),
    answers,
    form: answers.filter((viewed) => viewed.question.section === 'form'),
    answered: answers.filter((viewed) => viewed.answer !== undefined).length,
    total: answers.length,
  };
}

/** The shown text of the answer to `key`; '' when it has none or the catalogue has no such key. */
export function shownAnswer(view: ReportView, key: string): string {
  return view.answers.find((viewed) => viewed.question.key === key)?.shown?.text ?? '';
}
