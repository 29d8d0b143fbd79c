import assert from 'node:assert/strict';
import type { Catalogue, Question } from '../../src/report/catalogue';
import type { ReportChannel } from '../../src/store/channelStore';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { InMemoryPreferenceStore } from '../../src/store/memoryPreferenceStore';
import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { ChatTester, visibleText, type ChatTesterOptions } from './chatTester';
import { productCatalogue } from '../support/catalogue';
import { answeredBefore, progressOf, questionOf, sampleAnswer } from '../support/sampleAnswers';

/** One turn of a typed script: what the traveller says or presses, and what the bot must show. */
export interface Turn {
  says?: string;
  presses?: (previousReplies: Replies) => Record<string, unknown>;
  /** Each pattern must appear in the bot's replies of this turn, in order. */
  botShows: (string | RegExp)[];
}

export type Replies = Awaited<ReturnType<ChatTester['say']>>;

export async function play(chat: ChatTester, script: Turn[]): Promise<Replies> {
  let replies: Replies = [];
  for (const [index, turn] of script.entries()) {
    replies = turn.presses
      ? await chat.submit(turn.presses(replies))
      : await chat.say(turn.says ?? '');
    const shown = replies.map(visibleText).join('\n---\n');
    let from = 0;
    for (const pattern of turn.botShows) {
      const rest = shown.slice(from);
      const match = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      assert.ok(
        match >= 0,
        `turn ${index + 1} (${turn.says ?? 'card'}): expected ${String(pattern)} in: ${shown.replace(/\n/g, ' | ')}`,
      );
      from += match;
    }
  }
  return replies;
}

/** What the traveller to Vienna types for each question of the form, by key. */
const VIENNA_TYPED: Record<string, string> = {
  title: 'Wiener Städtedialog 2026',
  destination: 'Wenen, Oostenrijk',
  persons: '2',
  duration: '3-11-2026 t/m 5-11-2026',
  purpose: 'Kennis delen over betaalbaar wonen.',
  locations: 'Rathaus Wien; Karl-Marx-Hof',
  peopleMet: 'Eva Huber (wethouder wonen)\nLukas Gruber - directeur Wohnfonds',
  outcome: 'Een netwerk van woningcorporaties.',
  followUp: 'ja, in maart een werkbezoek aan Den Haag',
};

/**
 * A trip to Vienna typed as a traveller on a phone would, one turn a question of the catalogue
 * in its order (a question the trip does not know gets its type's sample answer), each turn
 * expecting the next card ("Vraag n van N" and the question), the last one the review.
 */
export class TypedTrip {
  /** Every turn: `nieuw verslag`, then one answer a question. */
  readonly all: Turn[];

  constructor(readonly catalogue: Catalogue) {
    const { questions } = catalogue;
    const asks = (question: Question) => [progressOf(catalogue, question.key), question.text.nl];
    this.all = [{ says: 'nieuw verslag', botShows: asks(questions[0]!) }];
    questions.forEach((question, index) => {
      const next = questions[index + 1];
      this.all.push({
        says: this.typed(question.key),
        botShows: next
          ? asks(next)
          : [
              'Controleer je verslag',
              'Wiener Städtedialog 2026',
              '3 dagen (2 nachten)',
              'Eva Huber (wethouder wonen)',
              'Plaatsen in kanaal',
            ],
      });
    });
  }

  /** What the traveller types for the question `key`. */
  typed(key: string): string {
    return VIENNA_TYPED[key] ?? sampleAnswer(questionOf(this.catalogue, key)).typed;
  }

  /** The turns up to the card of `key`: every question before it answered, `key` asked. */
  upTo(key: string): Turn[] {
    return this.all.slice(0, this.catalogue.position(questionOf(this.catalogue, key).key));
  }

  /** The turns from the answer to `key` on, to the review. */
  from(key: string): Turn[] {
    return this.all.slice(this.catalogue.position(questionOf(this.catalogue, key).key));
  }

  /** The turns answering `fromKey` up to the card of `toKey`. */
  between(fromKey: string, toKey: string): Turn[] {
    return this.from(fromKey).slice(0, this.upTo(toKey).length - this.upTo(fromKey).length);
  }

  /** The key of the question asked after `key` (the catalogue's next one). */
  after(key: string): string {
    const next =
      this.catalogue.questions[this.catalogue.position(questionOf(this.catalogue, key).key)];
    if (!next) throw new Error(`no question comes after "${key}"`);
    return next.key;
  }

  /** The keys of the questions before `key`, in order: those answered when `key` is asked. */
  keysBefore(key: string): string[] {
    return this.catalogue.questions
      .slice(0, answeredBefore(this.catalogue, key))
      .map((question) => question.key);
  }
}

/** The trip to Vienna on the product's catalogue. */
export const typedTrip: Turn[] = new TypedTrip(productCatalogue).all;

/** The report channel of the team "Internationale Zaken", as its install left it. */
export const reisverslagenChannel: ReportChannel = {
  tenantId: 'tenant-1',
  teamId: 'team-iz',
  teamName: 'Internationale Zaken',
  channelId: '19:reisverslagen@thread.tacv2',
  channelName: 'Reisverslagen',
  serviceUrl: 'https://smba.example/emea/',
  updatedAt: '2026-11-01T00:00:00Z',
};

/** The stores of one test: in memory, since the dialogs, not the store, are the subject here. */
export interface DialogStores {
  /** The catalogue the chats run on. */
  catalogue: Catalogue;
  /** The trip to Vienna on that catalogue. */
  trip: TypedTrip;
  reports: InMemoryReportStore;
  channels: InMemoryChannelStore;
  preferences: InMemoryPreferenceStore;
  /** A personal chat with the bot on these stores. */
  newChat(options?: Partial<ChatTesterOptions>): ChatTester;
}

/**
 * Registers a mocha hook that gives each test fresh stores; the chats run on `catalogue` (by
 * default the product's). The stores pass the same contract tests as the Cosmos DB ones
 * (test/store/); the e2e and reliability tests keep the real server.
 */
export function useDialogStores(catalogue: Catalogue = productCatalogue): DialogStores {
  const stores = { catalogue, trip: new TypedTrip(catalogue) } as DialogStores;
  beforeEach(() => {
    stores.reports = new InMemoryReportStore();
    stores.channels = new InMemoryChannelStore();
    stores.preferences = new InMemoryPreferenceStore();
  });
  stores.newChat = (options = {}) =>
    new ChatTester({
      reports: stores.reports,
      channels: stores.channels,
      preferences: stores.preferences,
      catalogue,
      ...options,
    });
  return stores;
}
