import type { AdaptiveCard } from './template';
import { textBefore } from './userText';

/**
 * The most bytes a card may take as Teams counts them. Teams refuses a bot message over about
 * 100 KB and advises to keep it under 80 KB, both counted in UTF-16 (Microsoft Learn, "Format
 * your bot messages"); 4 KB of that is left for the activity around the card (ids, service URL).
 */
export const MAX_CARD_BYTES = 76 * 1024;

/** A card's size as Teams counts a message: UTF-16, 2 bytes per code unit of its JSON. */
export function cardSize(card: AdaptiveCard): number {
  return JSON.stringify(card).length * 2;
}

/** A list of user text entries on a card (an answer's lines, a list's items), shortened in place. */
export type ShortenableText = { text: string }[];

// What an entry costs on the card besides its text, in bytes: the RichTextBlock and TextRun JSON.
const ENTRY_OVERHEAD = 200;

/**
 * Renders a card, and while it is over `maxBytes`, shortens the longest of `texts` (which the
 * card's data holds) and renders again: a list loses its second half, a single entry its second
 * half of characters, with `note` saying so. The stored report is never changed.
 */
export function fitCard(
  render: () => AdaptiveCard,
  texts: ShortenableText[],
  note: string,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  let card = render();
  while (cardSize(card) > maxBytes && texts.length > 0) {
    const longest = texts.reduce((a, b) => (weight(b) > weight(a) ? b : a));
    // Nothing left worth cutting: one entry, hardly longer than the note.
    if (longest.length <= 1 && weight(longest) <= (note.length + 40) * 2 + ENTRY_OVERHEAD) break;
    shorten(longest, note);
    card = render();
  }
  return card;
}

function weight(text: ShortenableText): number {
  return text.reduce((sum, entry) => sum + entry.text.length * 2 + ENTRY_OVERHEAD, 0);
}

function shorten(text: ShortenableText, note: string): void {
  const last = text.at(-1);
  if (!last) return;
  if (text.length > 1) {
    const kept = text.slice(0, Math.ceil(text.length / 2) - 1);
    text.splice(0, text.length, ...kept, { ...last, text: note });
    return;
  }
  // A text shortened before loses its note first, so that the note is never cut or repeated.
  const suffix = `… ${note}`;
  const whole = last.text.endsWith(suffix) ? last.text.slice(0, -suffix.length) : last.text;
  const kept = textBefore(whole, Math.floor(whole.length / 2));
  text.splice(0, 1, { ...last, text: `${kept}… ${note}` });
}
