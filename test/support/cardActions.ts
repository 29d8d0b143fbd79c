/** An action of a card: its type, title and, for a submit, its data. */
export interface CardActionElement {
  type: string;
  title?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Every action a traveller can press on a card, in reading order: the body's ActionSets and
 * `selectAction`s (and inline actions of inputs) top to bottom, then the card's own `actions`;
 * the actions of an `Action.ShowCard`'s card right after it.
 */
export function actionsOf(card: object): CardActionElement[] {
  const { body, actions } = card as { body?: unknown; actions?: unknown };
  const found: CardActionElement[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.type === 'string' && element.type.startsWith('Action.')) {
        found.push(element as CardActionElement);
        // A submit's data is no element; a ShowCard's card has actions of its own.
        const shown = element.card as object | undefined;
        if (shown) found.push(...actionsOf(shown));
        return;
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(body);
  visit(actions);
  return found;
}
