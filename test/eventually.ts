/** Polls `check` until it returns a value (not undefined), failing after `timeoutMs`: for work done by the job queue. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, { timeoutMs = 20_000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
