import pino, { type Logger } from 'pino';

/** The bot's structured logger: JSON lines on stdout, one object an event. */
export function createLogger(level: string): Logger {
  return pino({ name: 'reisverslag', level, serializers: { err: safeError } });
}

/**
 * An error as logged: its kind, message, status and stack, and its cause likewise — nothing
 * else. Errors carry more (botbuilder's the dialog state with the traveller's answers, the Azure
 * SDK's the request with its headers), which must stay out of the logs.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!(error instanceof Error)) return error;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    stack: error.stack,
    ...(error.cause !== undefined && depth < 3 ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}
