import { Channels, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { PersonalChat } from '../report/report';

/** Runs a turn in a traveller's personal chat with the bot, started by the bot itself. */
export type OpenPersonalChat = (
  chat: PersonalChat,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<void>;

/** Opens personal chats through the adapter, as the bot's app id. */
export function personalChatOpener(adapter: CloudAdapter, appId: string): OpenPersonalChat {
  return (chat, logic) =>
    adapter.continueConversationAsync(
      appId,
      {
        channelId: Channels.Msteams,
        serviceUrl: chat.serviceUrl,
        conversation: {
          id: chat.conversationId,
          isGroup: false,
          conversationType: 'personal',
          name: '',
        },
      },
      logic,
    );
}
