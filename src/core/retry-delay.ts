/**
 * Capped exponential backoff with "equal jitter": half the capped delay fixed, half random, so
 * that many packages failing together do not retry together.
 * @param attempt 1 for the first retry
 * @param random a number in [0, 1) (core has no randomness of its own)
 * @returns milliseconds to wait
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + (capped / 2) * Math.min(Math.max(random, 0), 1));
}
