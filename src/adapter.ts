import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
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
export function createAdapter(config: Config, log: Logger): CloudAdapter {
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
    // The dialog state of this turn is not saved: the traveller can simply send the same
    // answer again, and the question it answers is still the open one.
    try {
      await context.sendActivity(textsFor(localeFrom(activity.locale)).turnError);
    } catch (apologyError) {
      log.error(
        { err: apologyError, conversationId: activity.conversation?.id },
        'could not apologise',
      );
    }
  };
  return adapter;
}
