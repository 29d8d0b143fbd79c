/** HTTP statuses Teams answers when it is busy or a proxy hiccups: worth trying again. */
const RETRIABLE = new Set([412, 429, 502, 503, 504]);

/** The HTTP status of a failed Bot Connector call, whatever shape the client's error has. */
export function statusOf(error: unknown): number | undefined {
  const candidate = error as {
    statusCode?: unknown;
    status?: unknown;
    response?: { status?: unknown };
  };
  const status = candidate?.statusCode ?? candidate?.status ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** One response header of a failed Bot Connector call, whatever shape its headers have. */
function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * How long Teams asks to wait before the next call, from a `Retry-After` header: delay-seconds
 * (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`), as RFC 9110 §10.2.3 allows. Undefined
 * when there is no header or it is neither; never negative (a date in the past means now).
 */
export function retryAfterMs(
  value: string | undefined,
  now: Date = new Date(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; a bare number like `-1` is no date.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Thrown when Teams asks to wait longer than a turn can: the caller tries again later. */
export class ThrottledError extends Error {
  constructor(
    readonly waitMs: number,
    cause: unknown,
  ) {
    super(
      `Teams throttled the bot (429) and asked to wait ${Math.ceil(waitMs / 1000)} s before ` +
        'the next call, longer than the bot waits at once; the call is left for a later retry.',
      { cause },
    );
    this.name = 'ThrottledError';
  }
}

/**
 * How hard to try: attempts in all, the first pause (doubled each time, with jitter), and the
 * longest `Retry-After` the bot waits for at once.
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** A longer `Retry-After` is not waited for: ThrottledError, and the caller retries later. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * Teams allows 7 messages a second per thread; pauses of 0.5 s, 1 s, 2 s stay well within it. A
 * `Retry-After` up to 10 s is waited for: a turn must answer within about 15 s.
 */
export const teamsRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxRetryAfterMs: 10_000,
};

/**
 * Runs a Bot Connector call, trying again while Teams throttles (429) or a gateway fails (412,
 * 502, 503, 504); any other failure is thrown at once. The pause is what Teams' `Retry-After`
 * asks for when it sends one (up to `maxRetryAfterMs`; longer throws ThrottledError), else
 * exponential backoff with jitter.
 */
export async function withTeamsRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = teamsRetryPolicy,
): Promise<T> {
  const sleep =
    policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? teamsRetryPolicy.maxRetryAfterMs ?? 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.attempts || status === undefined || !RETRIABLE.has(status)) throw error;
      const asked = retryAfterMs(headerOf(error, 'retry-after'), policy.now?.() ?? new Date());
      if (asked !== undefined && asked > maxRetryAfterMs) throw new ThrottledError(asked, error);
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
      await sleep(asked ?? backoff / 2 + Math.random() * backoff);
    }
  }
}
