import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { formatDate, todayIn } from '../report/dates';
import { reportView } from '../report/reportView';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';
import { textsFor } from '../texts';
import { fitCard, MAX_CARD_BYTES } from './cardSize';
import { cardTemplate, type AdaptiveCard } from './template';
import { answerText, speakable, type TextItem, type TextLine } from './userText';

/** The data of `cards/report.json`: the report as colleagues read it in the channel. */
export interface ReportCardData {
  heading: string;
  /** The trip's title as typed (a TextRun); '' leaves the title out. */
  title: string;
  /** The title as a screen reader says it; `speak` is SSML, so XML-escaped. */
  spoken: string;
  /** Traveller, destination and period: a bold label, then the value as a TextRun. */
  facts: { label: string; value: string }[];
  sections: { question: string; lines: TextLine[]; items: TextItem[] }[];
  footer: string;
}

/** Expands `cards/report.json` as it is, at any size; renderChannelCard keeps it under the limit. */
export const renderReportCard = cardTemplate<ReportCardData>('report.json');

/** The channel card's data: title, traveller, destination and period, then the form's questions. */
export function reportCardData(
  report: Report,
  catalogue: Catalogue,
  locale: Locale,
): ReportCardData {
  const texts = textsFor(locale);
  const view = reportView(report, catalogue, locale);
  return {
    heading: texts.reportHeading,
    title: view.title.text,
    spoken: speakable(view.title.text),
    facts: [
      { label: texts.traveller, value: view.traveller },
      { label: texts.destination, value: view.destination.text },
      { label: texts.period, value: view.period.text },
    ].filter((fact) => fact.value !== ''),
    sections: view.form.map((viewed) => ({
      question: viewed.text,
      ...answerText(viewed.shown ?? { text: texts.notAnswered }),
    })),
    footer: updatedFooter(report, locale),
  };
}

/** "Bijgewerkt op 29-11-2026 (versie 2)" once the report was changed after posting, else ''. */
function updatedFooter(report: Report, locale: Locale): string {
  const last = report.history.at(-1);
  if (report.version <= 1 || !last) return '';
  const day = todayIn(DEFAULT_TIME_ZONE, new Date(last.at));
  return textsFor(locale).updatedFooter(formatDate(day, locale), report.version);
}

/**
 * The channel card of a report, in the report's language, kept under Teams' size limit (see
 * cardSize): the longest answers are shortened on the card, with a note, while the store keeps
 * them whole.
 */
export function renderChannelCard(
  report: Report,
  catalogue: Catalogue,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  const data = reportCardData(report, catalogue, report.locale);
  return fitCard(
    () => renderReportCard(data),
    data.sections.flatMap((section) => [section.lines, section.items]),
    textsFor(report.locale).shortenedNote,
    maxBytes,
  );
}
