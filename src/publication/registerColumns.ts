import type { Catalogue, Question } from '../report/catalogue';
import type { Locale, Localized } from '../report/locale';
import { totalOf } from '../report/money';
import type { Answer, Report } from '../report/report';
import { reportView, shownAnswer, type ReportView } from '../report/reportView';
import { postedAtLocal } from './tripDate';

/**
 * One cell of the register, typed so that each file writes it its own way: the CSV as text
 * (`412.80`, `2024-11-05`), the workbook as a number, a date or text. `undefined` is an empty cell.
 */
export type RegisterCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number | undefined }
  | { kind: 'euro'; cents: number | undefined }
  /** A calendar day, ISO `2024-11-05`. */
  | { kind: 'date'; iso: string | undefined }
  /** A local time in The Hague, `2024-11-12 10:30`. */
  | { kind: 'dateTime'; local: string | undefined };

/** The kind of a register cell. */
export type RegisterCellKind = RegisterCell['kind'];

/** One column of the register: its header and how a report's cell is found. */
export interface RegisterColumn {
  header: string;
  /** What its cells hold (a cell may fall back to text, e.g. a number question made text). */
  kind: RegisterCellKind;
  cell(report: Report, view: ReportView): RegisterCell;
}

/** The fixed columns' headers, as a municipality's overview of trips names them. */
const HEADERS = {
  traveller: { nl: 'Reiziger', en: 'Traveller' },
  title: { nl: 'Titel', en: 'Title' },
  destination: { nl: 'Bestemming', en: 'Destination' },
  departure: { nl: 'Vertrek', en: 'Departure' },
  return: { nl: 'Terugkeer', en: 'Return' },
  duration: { nl: 'Duur', en: 'Duration' },
  persons: { nl: 'Aantal personen', en: 'Number of people' },
  purpose: { nl: 'Doel', en: 'Purpose' },
  postedAt: { nl: 'Geplaatst op', en: 'Posted at' },
  version: { nl: 'Versie', en: 'Version' },
  total: { nl: 'Totaal', en: 'Total' },
} satisfies Record<string, Localized>;

/** How the register words who paid: concise, the party or the split after a colon. */
const PAYER_WORDS: Record<Locale, Record<'municipality' | 'thirdParty' | 'shared', string>> = {
  nl: { municipality: 'gemeente', thirdParty: 'derde partij', shared: 'gedeeld' },
  en: { municipality: 'municipality', thirdParty: 'third party', shared: 'shared' },
};

// The answers of the register's own columns, besides those naming the trip (see reportView).
const PERSONS_KEY = 'persons';
const PURPOSE_KEY = 'purpose';

/**
 * The register's columns for a catalogue, in order: who went where and when, with how many
 * (and, when the catalogue asks, which colleagues), why, what it cost and who paid, and when the
 * report was posted. The cost, payer and colleague columns come from the catalogue's questions
 * of those types, so a municipality that removes them from `questions.json` gets none.
 *
 * Totaal is the sum of the amounts only when every amount is known; with any amount still
 * unknown it is empty, like that amount: a partial sum in a total column would be added up as
 * if it were the trip's cost. (The documents say "Totaal: € … (zonder de bedragen die nog niet
 * bekend zijn)" instead, where a reader sees the remark.)
 */
export function registerColumns(catalogue: Catalogue, locale: Locale): RegisterColumn[] {
  checkRegisterAnswers(catalogue);
  const header = (key: keyof typeof HEADERS): string => HEADERS[key][locale];
  const typed = (type: Question['type']) =>
    catalogue.questions.filter((question) => question.type === type);
  return [
    textColumn(header('traveller'), (_report, view) => view.traveller),
    textColumn(header('title'), (_report, view) => view.title.text),
    textColumn(header('destination'), (_report, view) => view.destination.text),
    {
      header: header('departure'),
      kind: 'date',
      cell: (_report, view) => ({ kind: 'date', iso: view.dates?.departure }),
    },
    {
      header: header('return'),
      kind: 'date',
      cell: (_report, view) => ({ kind: 'date', iso: view.dates?.return }),
    },
    textColumn(header('duration'), (_report, view) => view.dates?.length ?? ''),
    {
      header: header('persons'),
      kind: 'number',
      cell: (report, view) => {
        const answer = report.answers[PERSONS_KEY];
        // A catalogue may make it another type; then it is shown as text.
        return answer?.type === 'number'
          ? { kind: 'number', value: answer.value }
          : { kind: 'text', text: shownAnswer(view, PERSONS_KEY) };
      },
    },
    ...typed('colleagues').map((question) => colleaguesColumn(question, locale)),
    textColumn(header('purpose'), (_report, view) => shownAnswer(view, PURPOSE_KEY)),
    ...typed('amounts').flatMap((question, _index, all) =>
      amountColumns(question, locale, all.length > 1),
    ),
    ...typed('payer').map((question) => payerColumn(question, locale)),
    {
      header: header('postedAt'),
      kind: 'dateTime',
      cell: (report) => ({ kind: 'dateTime', local: postedAtLocal(report) || undefined }),
    },
    {
      header: header('version'),
      kind: 'number',
      cell: (report) => ({ kind: 'number', value: report.version }),
    },
  ];

  function amountColumns(question: Question, at: Locale, named: boolean): RegisterColumn[] {
    // With two amounts questions, their part names alone could repeat: name the question too.
    const prefix = named ? `${question.name[at]}: ` : '';
    const parts = question.parts ?? [];
    const amounts = (report: Report): Record<string, number | null> | undefined => {
      const answer = report.answers[question.key];
      return answer?.type === 'amounts' ? answer.amounts : undefined;
    };
    return [
      ...parts.map((part): RegisterColumn => ({
        header: prefix + part.label[at],
        kind: 'euro',
        cell: (report) => ({ kind: 'euro', cents: amounts(report)?.[part.key] ?? undefined }),
      })),
      {
        header: prefix + header('total'),
        kind: 'euro',
        cell: (report) => {
          const given = amounts(report);
          const total = given ? totalOf(given, parts) : undefined;
          return { kind: 'euro', cents: total?.complete ? total.cents : undefined };
        },
      },
    ];
  }
}

/** The register's rows: each report's view and cells, in the columns' order. */
export function registerCells(
  report: Report,
  catalogue: Catalogue,
  columns: readonly RegisterColumn[],
  locale: Locale,
): RegisterCell[] {
  const view = reportView(report, catalogue, locale);
  return columns.map((column) => column.cell(report, view));
}

/** Who paid, concise: `gemeente`, `derde partij: UN-Habitat`, `gedeeld: …`. */
export function payerText(answer: Answer | undefined, locale: Locale): string {
  if (answer?.type !== 'payer') return '';
  const word = PAYER_WORDS[locale][answer.payer];
  const party = answer.payer === 'municipality' ? '' : (answer.text?.trim() ?? '');
  return party ? `${word}: ${party}` : word;
}

function textColumn(
  header: string,
  text: (report: Report, view: ReportView) => string,
): RegisterColumn {
  return {
    header,
    kind: 'text',
    cell: (report, view) => ({ kind: 'text', text: text(report, view) }),
  };
}

function colleaguesColumn(question: Question, locale: Locale): RegisterColumn {
  return textColumn(question.name[locale], (report) => {
    const answer = report.answers[question.key];
    return answer?.type === 'colleagues'
      ? answer.colleagues.map((colleague) => colleague.name.trim()).join('; ')
      : '';
  });
}

function payerColumn(question: Question, locale: Locale): RegisterColumn {
  return textColumn(question.name[locale], (report) =>
    payerText(report.answers[question.key], locale),
  );
}

// The catalogue must still have the questions the register reads; fail, not leave a column empty.
function checkRegisterAnswers(catalogue: Catalogue): void {
  for (const key of ['title', 'destination', 'duration', PERSONS_KEY, PURPOSE_KEY]) {
    if (!catalogue.find(key)) {
      throw new Error(
        `The register reads the answer "${key}", which the question catalogue no longer has; ` +
          'update src/publication/registerColumns.ts together with the catalogue.',
      );
    }
  }
}
