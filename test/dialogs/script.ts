import assert from 'node:assert/strict';
import type { ReportChannel } from '../../src/store/channelStore';
import { InMemoryChannelStore } from '../../src/store/memoryChannelStore';
import { InMemoryPreferenceStore } from '../../src/store/memoryPreferenceStore';
import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { ChatTester, visibleText, type ChatTesterOptions } from './chatTester';

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

/** A trip to Vienna, typed as a traveller on a phone would. */
export const typedTrip: Turn[] = [
  { says: 'hoi', botShows: ['Vraag 1 van 9', 'Wat is de titel van de reis'] },
  { says: 'Wiener Städtedialog 2026', botShows: ['Vraag 2 van 9', 'bestemming'] },
  {
    says: 'Wenen, Oostenrijk',
    botShows: ['Vraag 3 van 9', 'HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT'],
  },
  { says: '2', botShows: ['Vraag 4 van 9', 'HOELANG DUURDE DE REIS?'] },
  { says: '3-11-2026 t/m 5-11-2026', botShows: ['Vraag 5 van 9', 'WAT WAS HET DOEL VAN DE REIS?'] },
  {
    says: 'Kennis delen over betaalbaar wonen.',
    botShows: ['Vraag 6 van 9', 'WELKE LOCATIES ZIJN BEZOCHT?'],
  },
  { says: 'Rathaus Wien; Karl-Marx-Hof', botShows: ['Vraag 7 van 9', 'WIE HEB JE ONTMOET?'] },
  {
    says: 'Eva Huber (wethouder wonen)\nLukas Gruber - directeur Wohnfonds',
    botShows: ['Vraag 8 van 9', 'WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?'],
  },
  {
    says: 'Een netwerk van woningcorporaties.',
    botShows: ['Vraag 9 van 9', 'ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?'],
  },
  {
    says: 'ja, in maart een werkbezoek aan Den Haag',
    botShows: [
      'Controleer je verslag',
      'Wiener Städtedialog 2026',
      '3 dagen (2 nachten)',
      'Eva Huber (wethouder wonen)',
      'Plaatsen in kanaal',
    ],
  },
];

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
  reports: InMemoryReportStore;
  channels: InMemoryChannelStore;
  preferences: InMemoryPreferenceStore;
  /** A personal chat with the bot on these stores. */
  newChat(options?: Partial<ChatTesterOptions>): ChatTester;
}

/**
 * Registers a mocha hook that gives each test fresh stores. They pass the same contract tests as
 * the Cosmos DB stores (test/store/); the e2e and reliability tests keep the real server.
 */
export function useDialogStores(): DialogStores {
  const stores = {} as DialogStores;
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
      ...options,
    });
  return stores;
}
