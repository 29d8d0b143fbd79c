import type { Catalogue } from '../report/catalogue';
import { todayIn } from '../report/dates';
import { RECORD_LOCALE, type Locale } from '../report/locale';
import { messagesFor } from '../report/messages';
import { formatPerson } from '../report/people';
import type { Person, Report } from '../report/report';
import { answerText } from '../report/renderText';
import { reportView, type AnswerView, type TripPart } from '../report/reportView';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';

/** One line of the block that names the trip: `Titel: Host City Dialogue Wenen 2024`. */
export interface DocumentField {
  label: string;
  value: string;
}

/**
 * One question of the form with its answer: paragraphs of text, a list (the people met, the
 * fellow travellers, the amounts) and paragraphs after the list (the amounts' total).
 */
export interface DocumentSection {
  /** The question verbatim from the catalogue, in capitals as the paper form prints it. */
  question: string;
  paragraphs: string[];
  items?: string[];
  after?: string[];
}

/**
 * A report laid out like the paper form, independent of the file format: the heading, the
 * block naming the trip (title, traveller, destination, dates, version), then the questions.
 */
export interface ReportDocument {
  heading: string;
  title: string;
  fields: DocumentField[];
  sections: DocumentSection[];
}

/**
 * The document of a report, with every form question: in the record's language (Dutch, the
 * form's), whatever the author's Teams speaks, unless `locale` asks for another.
 */
export function reportDocument(
  report: Report,
  catalogue: Catalogue,
  locale: Locale = RECORD_LOCALE,
): ReportDocument {
  const messages = messagesFor(locale);
  const view = reportView(report, catalogue, locale);
  const field = (part: TripPart): DocumentField => ({
    label: part.label,
    value: part.text || messages.notAnswered,
  });
  const fields: DocumentField[] = [
    field(view.title),
    { label: messages.travellerLabel, value: view.traveller },
    field(view.destination),
    field(view.period),
  ];
  const [versionLabel, versionValue] = splitLine(
    messages.versionLine(report.version, report.status === 'draft'),
  );
  fields.push({ label: versionLabel, value: versionValue });
  const changed = new Date(report.updatedAt);
  if (!Number.isNaN(changed.getTime())) {
    // Dates in a published report are the municipality's calendar days.
    const [label, value] = splitLine(messages.changedLine(todayIn(DEFAULT_TIME_ZONE, changed)));
    fields.push({ label, value });
  }
  const sections = view.form.map((viewed) => section(viewed, locale));
  return { heading: messages.reportHeading, title: field(view.title).value, fields, sections };
}

/** A person in a published list: `Naam (functie)`, or the role alone once the name is redacted. */
export function personLine(person: Person): string {
  return person.name ? formatPerson(person) : person.role;
}

function section(viewed: AnswerView, locale: Locale): DocumentSection {
  const heading = viewed.text.toLocaleUpperCase(locale);
  const { answer, shown } = viewed;
  if (answer?.type === 'people' && answer.people.length > 0) {
    return { question: heading, paragraphs: [], items: answer.people.map(personLine) };
  }
  if (answer?.type === 'colleagues' && answer.colleagues.length > 0) {
    const names = answer.colleagues.map((colleague) => colleague.name);
    return { question: heading, paragraphs: [], items: names };
  }
  if (answer?.type === 'amounts' && shown?.items) {
    // Like a bill: each amount, then the total (the line that says if some are not known yet).
    return { question: heading, paragraphs: [], items: shown.items, after: [shown.text] };
  }
  return {
    question: heading,
    paragraphs: answerText(viewed.question, answer, locale).split(/\r?\n/),
  };
}

// "Versie: 2" → ["Versie", "2"]: the messages word a line, the document shows label and value.
function splitLine(line: string): [string, string] {
  const colon = line.indexOf(': ');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 2)];
}
