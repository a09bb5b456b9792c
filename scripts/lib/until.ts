const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Asks `probe` every 100 ms until it answers something truthy, and returns
 * that; a probe that throws counts as no answer yet. Throws, naming `what`,
 * after `timeoutMs`.
 */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
