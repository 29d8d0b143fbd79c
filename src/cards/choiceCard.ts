import type { Locale } from '../report/locale';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/**
 * The most actions a card may have: Teams shows six and hides the rest in an overflow menu
 * ("Designing Adaptive Cards for your Teams app": "include 1-3 primary actions. You can have up
 * to six"). Counted over the card's actions, every ActionSet, selectAction and ShowCard.
 */
export const MAX_CARD_ACTIONS = 6;

/**
 * The most options a choice shows as buttons, one tap each (quickest on a phone); a longer
 * choice becomes a drop-down with one button. Three is Teams' advice for primary actions, and
 * three long titles (a team and its channel) still fit a desktop card's row of buttons.
 */
export const MAX_CHOICE_BUTTONS = 3;

/** The card data field a choice submits its value in: what the action acts on. */
export type ChoiceField = 'questionKey' | 'reportId' | 'teamId';

/** One option of a choice: what it shows and the value it submits. */
export interface ChoiceOption {
  title: string;
  value: string;
}

/** A compact `Input.ChoiceSet` whose id is the field its value is submitted in. */
export interface ChoiceList {
  id: ChoiceField;
  label: string;
  placeholder: string;
  errorMessage: string;
  choices: ChoiceOption[];
}

/** A button: its title and the data it submits. */
export interface ChoiceButton {
  title: string;
  data: Record<string, string>;
}

/** What a choice asks, offers, and what choosing submits besides the chosen value. */
export interface Choice {
  message: string;
  field: ChoiceField;
  options: ChoiceOption[];
  /** The drop-down's one button: its title and the action with what it acts on. */
  submit: ChoiceButton;
  locale: Locale;
}

/**
 * The data of `cards/choice.json`: one button an option (`compact` false), or a drop-down of
 * the options with one button (`compact` true).
 */
export interface ChoiceCardData {
  message: string;
  compact: boolean;
  buttons: ChoiceButton[];
  list: ChoiceList;
  submit: ChoiceButton;
}

/** The drop-down of these options, labelled for the field it submits. */
export function choiceList(
  field: ChoiceField,
  options: ChoiceOption[],
  locale: Locale,
): ChoiceList {
  return { id: field, ...textsFor(locale).choiceLists[field], choices: options };
}

/** A choice as buttons when there are at most MAX_CHOICE_BUTTONS options, else as a drop-down. */
export function choiceCardData(choice: Choice): ChoiceCardData {
  const { message, field, options, submit, locale } = choice;
  const compact = options.length > MAX_CHOICE_BUTTONS;
  return {
    message,
    compact,
    buttons: compact
      ? []
      : options.map((option) => ({
          title: option.title,
          data: { ...submit.data, [field]: option.value },
        })),
    list: choiceList(field, compact ? options : [], locale),
    submit,
  };
}

/** Renders a question with its options (team, report, part of a report). */
export const renderChoiceCard = cardTemplate<ChoiceCardData>('choice.json');
