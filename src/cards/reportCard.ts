import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { formatDate, todayIn } from '../report/dates';
import { trimEndWhile } from '../report/plainText';
import { reportView } from '../report/reportView';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';
import { textsFor } from '../texts';
import { literal } from './markdown';
import { cardTemplate, type AdaptiveCard } from './template';

/** The data of `cards/report.json`: the report as colleagues read it in the channel. */
export interface ReportCardData {
  heading: string;
  title: string;
  /** The title as a screen reader says it: no markdown escapes; `speak` is SSML, so XML-escaped. */
  spoken: string;
  facts: { label: string; value: string }[];
  sections: { question: string; answer: string; items: string[] }[];
  footer: string;
}

/** Renders the report card posted in the channel. */
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
    title: literal(view.title.text),
    spoken: speakable(view.title.text),
    facts: [
      { label: texts.traveller, value: literal(view.traveller) },
      { label: texts.destination, value: literal(view.destination.text) },
      { label: texts.period, value: literal(view.period.text) },
    ].filter((fact) => fact.value !== ''),
    sections: view.form.map((viewed) => {
      const formatted = viewed.shown ?? { text: texts.notAnswered };
      return {
        question: viewed.text,
        answer: literal(formatted.text),
        items: (formatted.items ?? []).map(literal),
      };
    }),
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

/** Teams takes messages up to about 100 KB; its advice is to keep cards under 80 KB. */
export const MAX_CARD_BYTES = 78 * 1024;

/**
 * The channel card of a report, in the report's language, kept under Teams' size advice: the
 * longest answers are shortened on the card, with a note, while the store keeps them whole.
 */
export function renderChannelCard(
  report: Report,
  catalogue: Catalogue,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  const data = reportCardData(report, catalogue, report.locale);
  const note = textsFor(report.locale).shortenedNote;
  let card = renderReportCard(data);
  while (Buffer.byteLength(JSON.stringify(card)) > maxBytes) {
    const longest = data.sections.reduce((a, b) => (size(b) > size(a) ? b : a));
    if (size(longest) <= note.length + 40) break;
    if (longest.items.length > 1) {
      longest.items = [...longest.items.slice(0, Math.ceil(longest.items.length / 2) - 1), note];
    } else {
      const characters = Array.from(longest.answer);
      // Cut between characters, never inside an escape of literal().
      const kept = characters.slice(0, Math.floor(characters.length / 2)).join('');
      longest.answer = `${trimEndWhile(kept, (character) => character === '\\')}… ${note}`;
    }
    card = renderReportCard(data);
  }
  return card;
}

function size(section: ReportCardData['sections'][number]): number {
  return (
    Buffer.byteLength(section.answer) +
    section.items.reduce((sum, item) => sum + Buffer.byteLength(item) + 150, 0)
  );
}

/** Text for a card's `speak`, which hosts read as SSML: `&`, `<` and `>` escaped. */
function speakable(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
