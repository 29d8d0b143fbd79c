import { cardTemplate } from './template';

/** One button of a choice: its title and what it submits. */
export interface Choice {
  title: string;
  data: Record<string, string>;
}

/** The data of `cards/choice.json`: a question and one button an option. */
export interface ChoiceCardData {
  message: string;
  choices: Choice[];
}

/** Renders a question with one button an option (team, report, part of a report). */
export const renderChoiceCard = cardTemplate<ChoiceCardData>('choice.json');
