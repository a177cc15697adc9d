/** Exponential reconnect delay with jitter: quick first retries, then at most every `maxMs`. */
export function reconnectDelay(attempt: number, baseMs = 500, maxMs = 10_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  // ±20 % jitter so several tabs do not hammer the engine in lockstep after a restart.
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}
