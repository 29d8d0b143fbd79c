// Teams @mentions a user in an Adaptive Card only through `<at>…</at>` in a TextBlock's text
// together with an entity in the card's `msteams.entities` naming the user's Teams id (Microsoft
// Learn, "Format cards in Teams": "Mention support within Adaptive Cards").

/** A mention on a card: the `<at>…</at>` text a TextBlock shows, and whom it notifies. */
export interface CardMention {
  /** `<at>Name</at>`, exactly as it appears in the TextBlock. */
  text: string;
  /** The user's Teams id (`29:…`) and display name. */
  id: string;
  name: string;
}

// What markdown or HTML would read in a TextBlock, and what could end the <at> tag early.
const MARKUP = /[<>&*_~`[\]\\#|]/g;

/**
 * A mention of the Teams user `id` named `name`, or undefined when the name has nothing left to
 * show once the characters that markdown or HTML would read are taken out: the TextBlock that
 * carries it is markdown, so the name shown in `<at>` is kept plain. The entity keeps the name.
 */
export function mentionOf(id: string, name: string): CardMention | undefined {
  const shown = name.replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
  if (id === '' || shown === '') return undefined;
  return { text: `<at>${shown}</at>`, id, name };
}
