import pino, { type Logger } from 'pino';

/** The bot's structured logger: JSON lines on stdout, one object an event. */
export function createLogger(level: string): Logger {
  return pino({ name: 'reisverslag', level });
}
