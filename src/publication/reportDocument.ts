import { findQuestion, questions, type Question } from '../report/catalogue';
import { todayIn } from '../report/dates';
import { formatAnswer } from '../report/formatAnswer';
import type { Locale } from '../report/locale';
import { messagesFor } from '../report/messages';
import { formatPerson } from '../report/people';
import type { Person, Report } from '../report/report';
import { answerText } from '../report/renderText';

// Dates in a published report are the municipality's calendar days.
const REPORT_TIME_ZONE = 'Europe/Amsterdam';

/** One line of the block that names the trip: `Titel: Host City Dialogue Wenen 2024`. */
export interface DocumentField {
  label: string;
  value: string;
}

/** One question of the form with its answer: paragraphs of text, or a list (the people met). */
export interface DocumentSection {
  /** The question verbatim from the catalogue, in capitals as the paper form prints it. */
  question: string;
  paragraphs: string[];
  items?: string[];
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

/** The document of a report in its own language (or `locale`), with every form question. */
export function reportDocument(report: Report, locale: Locale = report.locale): ReportDocument {
  const messages = messagesFor(locale);
  const title = tripAnswer(report, 'title', locale);
  const fields: DocumentField[] = [
    field(report, 'title', locale),
    { label: messages.travellerLabel, value: report.travellerName },
    field(report, 'destination', locale),
    field(report, 'duration', locale),
  ];
  const [versionLabel, versionValue] = splitLine(
    messages.versionLine(report.version, report.status === 'draft'),
  );
  fields.push({ label: versionLabel, value: versionValue });
  const changed = new Date(report.updatedAt);
  if (!Number.isNaN(changed.getTime())) {
    const [label, value] = splitLine(messages.changedLine(todayIn(REPORT_TIME_ZONE, changed)));
    fields.push({ label, value });
  }
  const sections = questions
    .filter((question) => question.section === 'form')
    .map((question) => section(report, question, locale));
  return { heading: messages.reportHeading, title, fields, sections };
}

/** A person in a published list: `Naam (functie)`, or the role alone once the name is redacted. */
export function personLine(person: Person): string {
  return person.name ? formatPerson(person) : person.role;
}

function section(report: Report, question: Question, locale: Locale): DocumentSection {
  const heading = question.text[locale].toLocaleUpperCase(locale);
  const answer = report.answers[question.key];
  if (answer?.type === 'people' && answer.people.length > 0) {
    return { question: heading, paragraphs: [], items: answer.people.map(personLine) };
  }
  return { question: heading, paragraphs: answerText(question, answer, locale).split(/\r?\n/) };
}

function field(report: Report, key: string, locale: Locale): DocumentField {
  const question = findQuestion(key);
  return {
    label: question ? question.name[locale] : key,
    value: tripAnswer(report, key, locale),
  };
}

function tripAnswer(report: Report, key: string, locale: Locale): string {
  const question = findQuestion(key);
  const answer = report.answers[key];
  if (!question || !answer) return messagesFor(locale).notAnswered;
  return formatAnswer(question, answer, locale).text;
}

// "Versie: 2" → ["Versie", "2"]: the messages word a line, the document shows label and value.
function splitLine(line: string): [string, string] {
  const colon = line.indexOf(': ');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 2)];
}
