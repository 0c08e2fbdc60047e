// Bounded retries with exponential backoff and full jitter. The pane retries a few times while the user
// waits; anything longer is the outbox's job.
import type { AttemptResult } from './http';

export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
  /** Called before each retry, with a loggable reason. */
  onRetry?(attempt: number, delayMs: number, reason: string): void;
}

export const PANE_RETRY = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 } as const;

/** Delay before retry number `retry` (1-based): random in [0, min(max, base * 2^(retry-1))]. */
export function backoffDelay(retry: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * Runs `attempt` until it is delivered, rejected, or out of attempts. A Retry-After longer than the
 * longest delay we are willing to wait ends the loop early (the outbox takes over).
 */
export async function withRetry(attempt: (number: number) => Promise<AttemptResult>, options: RetryOptions): Promise<AttemptResult> {
  let result = await attempt(1);
  for (let number = 2; number <= options.attempts && result.outcome === 'retry'; number++) {
    const jitter = backoffDelay(number - 1, options);
    if (result.retryAfterMs !== undefined && result.retryAfterMs > options.maxDelayMs) break;
    const delay = Math.max(jitter, result.retryAfterMs ?? 0);
    options.onRetry?.(number, delay, result.reason);
    await options.sleep(delay);
    result = await attempt(number);
  }
  return result;
}
