import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { localeOf } from '../dialogs/conversation';
import { textsFor } from '../texts';

/**
 * Invokes the bot does not handle (card actions of other kinds, message extensions, task
 * modules, sign-in): a short answer in the form Teams shows, or a 400 — never a 5xx.
 * `handle` is botbuilder's own handling, which answers 501 (or throws) for what it does not know.
 */
export async function invokeWithFallback(
  context: TurnContext,
  handle: () => Promise<InvokeResponse>,
  log: Logger,
): Promise<InvokeResponse> {
  let response: InvokeResponse;
  try {
    response = await handle();
  } catch (error) {
    // botbuilder throws for some malformed invokes; they are answered like unknown ones.
    log.warn({ err: error, name: context.activity.name }, 'invoke not handled');
    response = { status: 501 };
  }
  if (response.status < 500) return response;
  const text = textsFor(localeOf(context)).unsupportedAction;
  const name = context.activity.name ?? '';
  if (name === 'adaptiveCard/action') {
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
    };
  }
  if (name.startsWith('task/')) {
    return { status: 200, body: { task: { type: 'message', value: text } } };
  }
  if (name.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text } } };
  }
  return { status: 400, body: { error: `This bot does not handle the invoke "${name}".` } };
}
