/** How many chats' last question cards an instance keeps; the oldest are dropped first. */
const MAX_CHATS = 10_000;

/**
 * The question card each personal chat was sent last, by this instance: a card's answer moves
 * the interview without the dialog state, so a typed answer after it finds the card to replace
 * here. Another instance (scale-out, a restart) does not know it: that card then stays as sent.
 */
export class ShownCards {
  private readonly cards = new Map<string, { seq: number; activityId: string }>();

  /** Notes that `activityId` in this chat is the card of interview position `seq`. */
  remember(conversationId: string, seq: number, activityId: string | undefined): void {
    if (!activityId) return;
    this.cards.delete(conversationId);
    this.cards.set(conversationId, { seq, activityId });
    if (this.cards.size > MAX_CHATS) {
      const oldest = this.cards.keys().next().value;
      if (oldest !== undefined) this.cards.delete(oldest);
    }
  }

  /** The card of position `seq` in this chat, when this instance sent it. */
  find(conversationId: string, seq: number): string | undefined {
    const shown = this.cards.get(conversationId);
    return shown?.seq === seq ? shown.activityId : undefined;
  }
}
