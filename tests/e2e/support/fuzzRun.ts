/**
 * Pieces the fuzz runs in Chromium (tests/e2e/security-fuzz.e2e.ts) and in
 * Firefox (tests/firefox/security-fuzz.e2e.ts) share, whatever drives the browser.
 */

/** Polls `check` every 100 ms until it holds; fails after `timeoutMs`, naming `what`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Collected extension errors, one per paragraph, for a failure message. */
export const reportErrors = (list: { where: string; source: string; message: string }[]) =>
  list.map((e) => `[${e.where}] on ${e.source}\n  ${e.message.replace(/\n/g, '\n  ')}`).join('\n');

/**
 * The page's load count (read by `loads`, kept in its session storage by the generated reload page)
 * once it has settled: no new load for 6 s, since the heuristic answers 2.5 s after the engine starts.
 */
export async function settledLoads(loads: () => Promise<number>, timeoutMs: number, what: string): Promise<number> {
  let count = await loads();
  let still = Date.now();
  await until(async () => {
    const now = await loads().catch(() => count);
    if (now !== count) [count, still] = [now, Date.now()];
    return Date.now() - still > 6000;
  }, timeoutMs, what);
  return count;
}
