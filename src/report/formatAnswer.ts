import type { Question } from './catalogue';
import { formatDate } from './dates';
import { describeDuration } from './duration';
import type { Locale } from './locale';
import { messagesFor } from './messages';
import { formatEuro, totalOf } from './money';
import { formatPerson } from './people';
import type { Answer } from './report';

/** An answer as shown to people: a line of text, and for a list of people one item a person. */
export interface FormattedAnswer {
  text: string;
  items?: string[];
}

/**
 * Shows an answer: `3`; `19-06-2023 t/m 20-06-2023 · 2 dagen (1 nacht)`; `7 personen` with the
 * people as items; `Ja: <afspraken>`, `Nee` or `Nee — <opmerking>`; `Totaal: € 1.586,80` with each amount as an item
 * (the question names the amounts); who paid, a third party's share as gastvrijheid; colleagues
 * by name; text exactly as typed.
 */
export function formatAnswer(question: Question, answer: Answer, locale: Locale): FormattedAnswer {
  const messages = messagesFor(locale);
  switch (answer.type) {
    case 'shortText':
    case 'longText':
      return { text: answer.text };
    case 'number':
      return { text: String(answer.value) };
    case 'dateRange': {
      const duration = describeDuration(answer.days, answer.nights, locale);
      if (!answer.departure || !answer.return) return { text: duration };
      const dates =
        answer.departure === answer.return
          ? formatDate(answer.departure, locale)
          : messages.dateRange(answer.departure, answer.return);
      return { text: `${dates} · ${duration}` };
    }
    case 'people':
      return {
        text: messages.personCount(answer.people.length),
        items: answer.people.map(formatPerson),
      };
    case 'yesNoText': {
      if (!answer.text) return { text: answer.yes ? messages.yes : messages.no };
      // A no with a remark reads "Nee — …": "Nee: …" would read as the agreements themselves.
      return {
        text: answer.yes ? `${messages.yes}: ${answer.text}` : messages.noWithRemark(answer.text),
      };
    }
    case 'amounts': {
      const parts = question.parts ?? [];
      const amount = (cents: number | null | undefined) =>
        typeof cents === 'number' ? formatEuro(cents, locale) : messages.amountUnknown;
      const total = totalOf(answer.amounts, parts);
      return {
        text: messages.amountTotal(formatEuro(total.cents, locale), total.complete),
        items: parts.map((part) => `${part.label[locale]}: ${amount(answer.amounts[part.key])}`),
      };
    }
    case 'payer':
      if (answer.payer === 'municipality') return { text: messages.paidByMunicipality };
      return {
        text:
          answer.payer === 'thirdParty'
            ? messages.paidByThirdParty(answer.text ?? '')
            : messages.paidShared(answer.text ?? ''),
      };
    case 'colleagues':
      return {
        text:
          answer.colleagues.length === 0
            ? messages.noColleagues
            : answer.colleagues.map((colleague) => colleague.name).join(', '),
      };
  }
}
