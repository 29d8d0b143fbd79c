import { ActivityTypes, TextFormatTypes, type Activity } from 'botbuilder';

/**
 * A message that Teams shows as plain text, not as markdown (`textFormat: plain`, Microsoft Learn
 * "Format your bot messages"), for the bot's sentences that hold names or titles: a `*`, `_` or
 * `[a](b)` in them is shown as typed, with no backslash escapes. Such sentences use no markdown.
 */
export function plainMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: TextFormatTypes.Plain };
}
