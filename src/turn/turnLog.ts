import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { reportOfTurn } from '../dialogs/conversation';

/** Runs a turn and logs it once done: ids and timings only, answers and names stay out. */
export async function loggedTurn(
  context: TurnContext,
  log: Logger,
  turn: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  await turn();
  log.info(
    {
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      reportId: reportOfTurn(context),
      type: context.activity.type,
      durationMs: Math.round(performance.now() - started),
    },
    'turn',
  );
}
