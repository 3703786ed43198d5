/**
 * Retrying one Jira request inside an invocation's time budget: 429 and 5xx are retried after
 * `Retry-After` (or an exponential, jittered backoff) as long as the wait ends before the deadline;
 * otherwise the last answer is returned and the caller turns it into a JiraError (and the trigger
 * into an InvocationError, so Forge retries the whole event later).
 */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: RetryClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface RetryPolicy {
  /** Epoch ms after which no new wait starts. */
  deadline: number;
  maxAttempts: number;
  clock: RetryClock;
  random?: () => number;
}

export interface HttpAnswer {
  status: number;
  headers: { get(name: string): string | null };
}

/** `Retry-After` in ms: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(res: HttpAnswer, now: number): number | undefined {
  const value = res.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export const isRetryableStatus = (status: number) => status === 429 || status >= 500;

export async function withRetry<T extends HttpAnswer>(send: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const random = policy.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const res = await send();
    if (!isRetryableStatus(res.status) || attempt >= policy.maxAttempts) return res;
    const backoff = Math.min(4000, 250 * 2 ** (attempt - 1)) * (0.5 + random());
    const wait = retryAfterMs(res, policy.clock.now()) ?? backoff;
    if (policy.clock.now() + wait > policy.deadline) return res;
    await policy.clock.sleep(wait);
  }
}
