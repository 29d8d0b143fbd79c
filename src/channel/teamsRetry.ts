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

/** How hard to try: attempts in all, and the first pause (doubled each time, with jitter). */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Teams allows 7 messages a second per thread; pauses of 0.5 s, 1 s, 2 s stay well within it. */
export const teamsRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 500 };

/**
 * Runs a Bot Connector call, trying again with exponential backoff and jitter while Teams
 * throttles (429) or a gateway fails (412, 502, 503, 504); any other failure is thrown at once.
 */
export async function withTeamsRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = teamsRetryPolicy,
): Promise<T> {
  const sleep =
    policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.attempts || status === undefined || !RETRIABLE.has(status)) throw error;
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
      await sleep(backoff / 2 + Math.random() * backoff);
    }
  }
}
