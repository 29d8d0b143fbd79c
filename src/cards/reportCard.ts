import type { Catalogue } from '../report/catalogue';
import type { FormattedAnswer } from '../report/formatAnswer';
import { RECORD_LOCALE, type Locale } from '../report/locale';
import type { Report } from '../report/report';
import { formatDate, todayIn } from '../report/dates';
import { reportView, type AnswerView, type ReportView } from '../report/reportView';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';
import { textsFor } from '../texts';
import { fitCard, MAX_CARD_BYTES } from './cardSize';
import { mentionOf, type CardMention } from './mention';
import { cardTemplate, type AdaptiveCard } from './template';
import { speakable, textBefore, textLines, type TextLine } from './userText';

/** The data of `cards/report.json`: the report as colleagues read it in the channel. */
export interface ReportCardData {
  heading: string;
  /** The trip's title as typed (a TextRun); '' leaves the title out. */
  title: string;
  /** The title as a screen reader says it; `speak` is SSML, so XML-escaped. */
  spoken: string;
  /**
   * The traveller @mentioned (a TextBlock `**label:** <at>Name</at>` and the card's
   * `msteams.entities`); empty when their Teams id is not known, and they are a fact instead.
   */
  mentions: (CardMention & { label: string })[];
  /** Every user the card @mentions (the traveller, colleagues picked in Teams): `msteams.entities`. */
  entities: CardMention[];
  /** Traveller (unless mentioned), destination and dates: a bold label, then the value. */
  facts: { label: string; value: string }[];
  /**
   * The form's questions, each with its answer one line a RichTextBlock; `mentioned` is a
   * TextBlock of `<at>` mentions before them (the colleagues picked in Teams), or ''.
   */
  sections: { question: string; mentioned: string; lines: TextLine[] }[];
  footer: string;
}

/** Expands `cards/report.json` as it is, at any size; renderChannelCard keeps it under the limit. */
export const renderReportCard = cardTemplate<ReportCardData>('report.json');

/**
 * The channel card's data, laid out like the form: title, traveller, destination and dates once
 * at the top, then the form's questions; the trip's length under its question in the form's
 * words (`3 dagen (2 nachten)`), the people met one a line.
 */
export function reportCardData(
  report: Report,
  catalogue: Catalogue,
  locale: Locale,
): ReportCardData {
  const texts = textsFor(locale);
  const view = reportView(report, catalogue, locale);
  const mention = view.travellerTeamsId
    ? mentionOf(view.travellerTeamsId, view.traveller)
    : undefined;
  const sections = view.form.map((viewed) => {
    const colleagues = colleagueMentions(viewed);
    return {
      question: viewed.text,
      mentioned: colleagues.mentions.map((colleague) => colleague.text).join(', '),
      lines:
        colleagues.mentions.length === 0
          ? (answerLines(view, viewed) ?? textLines(texts.notAnswered))
          : colleagues.typed.length > 0
            ? textLines(colleagues.typed.join(', '))
            : [],
      entities: colleagues.mentions,
    };
  });
  return {
    heading: texts.reportHeading,
    title: view.title.text,
    spoken: speakable(view.title.text),
    mentions: mention ? [{ ...mention, label: texts.traveller }] : [],
    entities: [...(mention ? [mention] : []), ...sections.flatMap((section) => section.entities)],
    facts: [
      { label: texts.traveller, value: mention ? '' : view.traveller },
      { label: texts.destination, value: view.destination.text },
      { label: texts.period, value: view.dates?.written ?? '' },
    ].filter((fact) => fact.value !== ''),
    sections: sections.map(({ entities: _entities, ...section }) => section),
    footer: updatedFooter(report, locale),
  };
}

/**
 * An answer's lines on the channel card: the trip's length alone when the top shows its dates,
 * a list (the people met) one entry a line without a count, costs with their total first, else
 * the answer as shown.
 */
function answerLines(view: ReportView, viewed: AnswerView): TextLine[] | undefined {
  const shown: FormattedAnswer | undefined =
    viewed.question.key === view.period.key && view.dates?.written
      ? { text: view.dates.length }
      : viewed.shown;
  if (!shown) return undefined;
  if (!shown.items) return textLines(shown.text);
  // Costs: their total first, as on the review card, then each amount.
  const items = viewed.answer?.type === 'amounts' ? [shown.text, ...shown.items] : shown.items;
  return items.map((text, index) => ({ text, spacing: index === 0 ? 'Small' : 'None' }));
}

/** The most colleagues a channel card @mentions; each mention's entity is text the card cannot shorten. */
const MAX_COLLEAGUE_MENTIONS = 10;
/** The most characters of a name in a mention (Teams allows display names of 256). */
const MENTIONED_NAME_LENGTH = 64;

/**
 * The colleagues of a colleagues answer picked in Teams, as @mentions (so that Teams tells them),
 * and the rest by name; no mentions for any other answer.
 */
function colleagueMentions(viewed: AnswerView): { mentions: CardMention[]; typed: string[] } {
  if (viewed.answer?.type !== 'colleagues') return { mentions: [], typed: [] };
  const mentions: CardMention[] = [];
  const typed: string[] = [];
  for (const colleague of viewed.answer.colleagues) {
    const mention =
      colleague.aadObjectId && mentions.length < MAX_COLLEAGUE_MENTIONS
        ? mentionOf(colleague.aadObjectId, textBefore(colleague.name, MENTIONED_NAME_LENGTH))
        : undefined;
    if (mention) mentions.push(mention);
    else typed.push(colleague.name);
  }
  return { mentions, typed };
}

/** "Bijgewerkt op 29-11-2026 (versie 2)" once the report was changed after posting, else ''. */
function updatedFooter(report: Report, locale: Locale): string {
  const last = report.history.at(-1);
  if (report.version <= 1 || !last) return '';
  const day = todayIn(DEFAULT_TIME_ZONE, new Date(last.at));
  return textsFor(locale).updatedFooter(formatDate(day, locale), report.version);
}

/**
 * The channel card of a report, in the record's language (Dutch, whatever the author's Teams
 * speaks), kept under Teams' size limit (see cardSize): should the answers not fit, the longest
 * are shortened on the card, with a note, while the store keeps them whole.
 */
export function renderChannelCard(
  report: Report,
  catalogue: Catalogue,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  const data = reportCardData(report, catalogue, RECORD_LOCALE);
  return fitCard(
    () => renderReportCard(data),
    data.sections.map((section) => section.lines),
    textsFor(RECORD_LOCALE).shortenedNote,
    maxBytes,
  );
}
