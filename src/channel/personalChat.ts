import { Channels, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { PersonalChat } from '../report/report';
import { continueConversation } from './reportPublisher';

/** Runs a turn in a traveller's personal chat with the bot, started by the bot itself. */
export type OpenPersonalChat = (
  chat: PersonalChat,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<void>;

/** Opens personal chats through the adapter, as the bot's app id, in the traveller's name. */
export function personalChatOpener(adapter: CloudAdapter, appId: string): OpenPersonalChat {
  return (chat, logic) =>
    continueConversation(
      adapter,
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
        // The turn acts for the traveller, as if they had written in their chat.
        user: { id: chat.userId, name: chat.userName, aadObjectId: chat.aadObjectId },
      },
      logic,
    );
}
