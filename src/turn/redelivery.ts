import type { Activity } from 'botbuilder';

/** How long an activity id is remembered: Teams' resends come within a minute or so. */
const KEEP_MS = 15 * 60_000;

/** How many ids are remembered at most; the oldest go first. */
const MAX_REMEMBERED = 20_000;

/**
 * The activities this instance took lately, by conversation and activity id. Teams sends an
 * activity again, with the same id, when the bot has not answered it within about 15 s
 * (MicrosoftDocs/msteams-docs#6084, microsoft/botbuilder-dotnet#5005). Kept in memory: no write
 * per turn. A resend that reaches another instance is caught by what the card carries instead
 * (the report, question, edit or version it acts on).
 */
export class RecentActivities {
  /** When each id may be forgotten, oldest first (a Map keeps insertion order). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time an activity arrives; false when it is a resend. Ids-less ones always pass. */
  firstDelivery(activity: Partial<Activity>): boolean {
    const key = keyOf(activity);
    if (!key) return true;
    const now = this.now();
    this.forgetExpired(now);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now + KEEP_MS);
    if (this.seen.size > MAX_REMEMBERED) {
      this.seen.delete(this.seen.keys().next().value as string);
    }
    return true;
  }

  /** Forgets an activity whose turn failed, so that Teams' retry of it is handled. */
  forget(activity: Partial<Activity>): void {
    const key = keyOf(activity);
    if (key) this.seen.delete(key);
  }

  private forgetExpired(now: number): void {
    for (const [key, until] of this.seen) {
      if (until > now) return;
      this.seen.delete(key);
    }
  }
}

function keyOf(activity: Partial<Activity>): string | undefined {
  const conversationId = activity.conversation?.id;
  if (!activity.id || !conversationId) return undefined;
  return `${conversationId}\u0000${activity.id}`;
}
