import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config';
import { localeFrom } from './report/locale';
import { textsFor } from './texts';

/**
 * The Bot Framework adapter: validates Teams' tokens when an app id is configured (anonymous on
 * loopback otherwise), and turns any failure of a turn into a logged error and an apology.
 */
export function createAdapter(
  config: Config,
  conversationState: ConversationState,
  log: Logger,
): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    config.botFrameworkAuthentication as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const { activity } = context;
    log.error(
      {
        err: error,
        conversationId: activity.conversation?.id,
        activityId: activity.id,
        type: activity.type,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(textsFor(localeFrom(activity.locale)).turnError);
      // Only the dialog position is dropped: every answer is in the report, so the next
      // message offers the draft again where it stopped.
      await conversationState.delete(context);
    } catch (cleanupError) {
      log.error(
        { err: cleanupError, conversationId: activity.conversation?.id },
        'could not apologise',
      );
    }
  };
  return adapter;
}
