import { messageDeepLink } from '../channel/deepLink';
import { writtenDateRange } from '../report/dates';
import type { Locale } from '../report/locale';
import type { SameTripRecord } from '../report/sameTrip';
import { textsFor } from '../texts';
import { cardTemplate } from './template';
import { sentence, sentenceText, speakable, type TextPart } from './userText';

/** At most this many reports are named on the card (one `Bekijken in kanaal` each). */
export const MAX_SAME_TRIP_NOTICES = 3;

/** One report of the same trip on the card: the sentence, and its deep link. */
export interface SameTripNotice {
  /** "Sanne Visser heeft al een verslag geplaatst over ‘…’ (Genève, 3 t/m 5 juni 2025).", user text in runs of its own. */
  message: TextPart[];
  /** The Teams deep link to the report's post in its channel. */
  link: string;
  /** The button's title: `Bekijken in kanaal`, numbered when the card names several reports. */
  view: string;
  /** `positive` for the first (the card's primary action), `default` for the others. */
  style: 'positive' | 'default';
}

/**
 * The data of `cards/sameTrip.json`: a colleague starting `nieuw verslag` was named as
 * co-traveller in reports already posted; one `Bekijken in kanaal` a report (primary first), then
 * `Toch een eigen verslag schrijven` and `Niet nu`: at most five actions.
 */
export interface SameTripCardData {
  notices: SameTripNotice[];
  /** The sentences for a screen reader (SSML, so XML-escaped). */
  spoken: string;
  /** The reports shown, comma-separated: `Toch een eigen verslag schrijven` marks them seen. */
  seenReportIds: string;
  labels: { ownReport: string; notNow: string };
}

/** Renders the same-trip notice. */
export const renderSameTripCard = cardTemplate<SameTripCardData>('sameTrip.json');

/** The notice's data for the colleague's records (newest first; the first few are shown). */
export function sameTripCardData(
  records: readonly SameTripRecord[],
  locale: Locale,
): SameTripCardData {
  const texts = textsFor(locale);
  const shown = records.slice(0, MAX_SAME_TRIP_NOTICES);
  const notices = shown.map((record, index): SameTripNotice => ({
    message: noticeSentence(record, locale),
    link: messageDeepLink(record.post, record.tenantId),
    view: shown.length === 1 ? texts.openInChannel : texts.sameTripNumbered(index + 1),
    style: index === 0 ? 'positive' : 'default',
  }));
  return {
    notices,
    spoken: speakable(notices.map((notice) => sentenceText(notice.message)).join(' ')),
    seenReportIds: shown.map((record) => record.reportId).join(','),
    labels: { ownReport: texts.sameTripOwnReport, notNow: texts.notNow },
  };
}

/** The sentence naming who posted what; the destination and dates only when the report has them. */
function noticeSentence(record: SameTripRecord, locale: Locale): TextPart[] {
  const texts = textsFor(locale);
  const when =
    record.departure && record.return
      ? writtenDateRange(record.departure, record.return, locale)
      : '';
  const where = record.destination.trim();
  if (where && when) {
    return sentence(texts.sameTripPostedWhereWhen, record.travellerName, record.title, where, when);
  }
  if (where || when) {
    return sentence(texts.sameTripPostedAbout, record.travellerName, record.title, where || when);
  }
  return sentence(texts.sameTripPosted, record.travellerName, record.title);
}
