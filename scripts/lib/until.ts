const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Asks `probe` every 100 ms until it answers something truthy, and returns
 * that: for the scripts, and for the tests' hooks, where `expect.poll` is not
 * available. A probe that throws counts as no answer yet (a table read before
 * the database exists); if it never answers, the error names `what` after
 * `timeoutMs`, with the probe's last error.
 */
export async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    const value = await (async () => probe())().catch((error: unknown) => {
      lastError = error;
      return null;
    });
    if (value) return value;
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`, { cause: lastError ?? undefined });
    }
    await sleep(100);
  }
}
