import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from './config';
import { localeFrom } from './report/locale';
import { textsFor } from './texts';

/**
 * The Bot Framework adapter: validates Teams' tokens when an app id is configured (anonymous on
 * loopback otherwise), and turns any failure of a turn into a logged error and an apology.
 */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const authentication = new RefusingBotFrameworkAuthentication(
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
      if (activity.type === 'invoke') {
        // Teams waits for the invoke's answer; without one botbuilder would answer 501.
        await context.sendActivity({ type: 'invokeResponse', value: { status: 400 } });
        return;
      }
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

/** The errors of `jsonwebtoken` for a token that is badly signed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder's authentication, except that every refused token is a 401: botbuilder passes some
 * of `jsonwebtoken`'s errors on as they are, which CloudAdapter answers with a 500.
 */
class RefusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError(`Token refused: ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}
