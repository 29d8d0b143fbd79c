import type { Locale } from '../report/locale';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/** The data of `cards/help.json`: what the bot does, its commands, and how to start or go on. */
export interface HelpCardData {
  intro: string;
  /** One line a command, markdown naming its word in bold. */
  commands: string[];
  outro: string;
  /** The draft `Verdergaan` continues; empty when there is none (no button then). */
  draftId: string;
  labels: { resume: string; newReport: string; openForm: string };
}

/** Renders the help card, sent for `help` and any message that is no command outside an interview. */
export const renderHelpCard = cardTemplate<HelpCardData>('help.json');

/**
 * The help card's data: the commands' help lines (the registry's, `helpLines`), and the
 * traveller's draft when there is one.
 */
export function helpCardData(
  locale: Locale,
  commands: string[],
  draftId: string | undefined,
): HelpCardData {
  const texts = textsFor(locale);
  return {
    intro: texts.helpIntro,
    commands,
    outro: texts.helpOutro,
    draftId: draftId ?? '',
    labels: { resume: texts.resume, newReport: texts.newReport, openForm: texts.openForm },
  };
}
