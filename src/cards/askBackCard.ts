import { ASK_BACK_FIELD, type AskBack } from '../report/askBack';
import type { Locale } from '../report/locale';
import { messagesFor } from '../report/messages';
import { formatPerson } from '../report/people';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/** A button of an ask-back card: its title, whether it is the likely choice, what it submits. */
export interface AskBackButton {
  title: string;
  style: 'positive' | 'default';
  data: Record<string, string>;
}

/** The data of `cards/askBack.json`: a question back before an answer is kept. */
export interface AskBackCardData {
  message: string;
  /** The people read, one a line, for the traveller to check. */
  items: string[];
  /** What was wrong with the departure date typed before, or empty. */
  problem: string;
  /** The departure date input of a trip typed as a duration; null on the other ask-backs. */
  dateInput: { label: string; errorMessage: string; today: string } | null;
  buttons: AskBackButton[];
}

/** Renders an ask-back card. */
export const renderAskBackCard = cardTemplate<AskBackCardData>('askBack.json');

/**
 * The card that asks back about an answer to the question `questionKey` of report `reportId`.
 * Its buttons carry what was typed (the dialog state holds no answers), submitted as an answer to
 * the same question: Ja keeps what was read, Aanpassen asks the question again with the text kept,
 * Ja and Nee of a yes/no keep the text with either.
 */
export function askBackCardData(
  askBack: AskBack,
  reportId: string,
  questionKey: string,
  locale: Locale,
  today: string,
): AskBackCardData {
  const messages = messagesFor(locale);
  const labels = messages.askBackLabels;
  const answer = { action: 'answer', reportId, questionKey };
  const button = (
    title: string,
    data: Record<string, string>,
    style: AskBackButton['style'] = 'default',
  ): AskBackButton => ({ title, style, data: { ...answer, ...data } });
  const card = { items: [], problem: '', dateInput: null };
  switch (askBack.kind) {
    case 'people':
      return {
        ...card,
        message: messages.askPeople(askBack.people.length),
        items: askBack.people.map(formatPerson),
        buttons: [
          button(labels.confirm, { [ASK_BACK_FIELD]: 'confirm', answer: askBack.text }, 'positive'),
          button(labels.adjust, { [ASK_BACK_FIELD]: 'adjust', answer: askBack.text }),
        ],
      };
    case 'dates': {
      const dates = { departure: askBack.departure, return: askBack.return };
      return {
        ...card,
        message: messages.askDates(askBack.departure, askBack.return),
        buttons: [
          button(labels.confirm, { [ASK_BACK_FIELD]: 'confirm', ...dates }, 'positive'),
          button(labels.adjust, { [ASK_BACK_FIELD]: 'adjust', ...dates }),
        ],
      };
    }
    case 'yesOrNo': {
      const texts = textsFor(locale);
      return {
        ...card,
        message: messages.askYesOrNo(askBack.text),
        buttons: [
          button(texts.yes, { choice: 'yes', answer: askBack.text }),
          button(texts.no, { choice: 'no', answer: askBack.text }),
        ],
      };
    }
    case 'departure':
      return {
        ...card,
        message: messages.askDeparture(askBack.days, askBack.nights),
        problem: askBack.problem ?? '',
        dateInput: {
          label: labels.departure,
          errorMessage: messages.departureRequired,
          today,
        },
        buttons: [
          button(
            textsFor(locale).next,
            {
              [ASK_BACK_FIELD]: 'departure',
              days: String(askBack.days),
              nights: String(askBack.nights),
            },
            'positive',
          ),
        ],
      };
  }
}
