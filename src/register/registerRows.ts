import { botChatDeepLink, postDeepLink } from '../channel/deepLink';
import { payerText } from '../publication/registerColumns';
import type { Catalogue } from '../report/catalogue';
import { RECORD_LOCALE } from '../report/locale';
import { formatEuro, totalOf } from '../report/money';
import { isHospitality, type Report } from '../report/report';
import { reportView, shownAnswer } from '../report/reportView';
import type { RegisterViewer } from './registerAuth';

/** One line of the register's table, as the page shows it (texts in the record's language). */
export interface RegisterRow {
  id: string;
  travellerId: string;
  title: string;
  /** Teams deep link to the report's channel post; '' while it is on its way. */
  postUrl: string;
  traveller: string;
  destination: string;
  /** The trip's dates as a letter writes them, or its length when only that is known. */
  dates: string;
  /** ISO departure day, for a machine (and the `<time>` element). */
  departure?: string;
  /** The purpose's first line. */
  purpose: string;
  version: number;
  /** All costs added up (`€ 1.586,80`); absent before the costs are given. */
  costs?: string;
  /** False while an amount is "nog niet bekend": the total is then the known part. */
  costsComplete?: boolean;
  /** Who paid, concise (`derde partij: UN-Habitat`); absent before it is answered. */
  paidBy?: string;
  thirdParty: boolean;
  team: string;
  /** The Wijzigen link for the report's author: the personal chat with the bot. */
  editUrl?: string;
}

/** What a row needs besides the report: the questions, and the bot to edit with. */
export interface RowContext {
  catalogue: Catalogue;
  viewer: RegisterViewer;
  /** The bot's app id, for the Wijzigen link; without one (local mode) there is none. */
  botAppId?: string;
}

/** The register's row of a posted report. */
export function registerRow(
  report: Report,
  { catalogue, viewer, botAppId }: RowContext,
): RegisterRow {
  const view = reportView(report, catalogue, RECORD_LOCALE);
  const costs = costsOf(report, catalogue);
  const paid = catalogue.questions.find((question) => question.type === 'payer');
  const paidAnswer = paid ? report.answers[paid.key] : undefined;
  const isAuthor = viewer.aadObjectId !== undefined && viewer.aadObjectId === report.travellerId;
  return {
    id: report.id,
    travellerId: report.travellerId,
    title: view.title.text,
    postUrl: postDeepLink(report.post, report.tenantId),
    traveller: view.traveller,
    destination: view.destination.text,
    dates: view.dates?.written ?? view.period.text,
    ...(view.dates?.departure ? { departure: view.dates.departure } : {}),
    purpose: shownAnswer(view, 'purpose').split(/\r?\n/)[0]?.trim() ?? '',
    version: report.version,
    ...costs,
    ...(paidAnswer ? { paidBy: payerText(paidAnswer, RECORD_LOCALE) } : {}),
    thirdParty: isHospitality(paidAnswer),
    team: report.post?.teamName ?? '',
    ...(isAuthor && botAppId ? { editUrl: botChatDeepLink(botAppId, 'wijzig') } : {}),
  };
}

function costsOf(
  report: Report,
  catalogue: Catalogue,
): Pick<RegisterRow, 'costs' | 'costsComplete'> {
  let cents = 0;
  let complete = true;
  let given = false;
  for (const question of catalogue.questions) {
    const answer = report.answers[question.key];
    if (question.type !== 'amounts' || answer?.type !== 'amounts') continue;
    const total = totalOf(answer.amounts, question.parts ?? []);
    given = true;
    cents += total.cents;
    complete &&= total.complete;
  }
  return given ? { costs: formatEuro(cents, RECORD_LOCALE), costsComplete: complete } : {};
}
