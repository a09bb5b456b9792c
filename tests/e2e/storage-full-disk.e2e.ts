import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The full-storage check on a real full disk (scripts/full-disk.ts), with the
 * built extension in Chromium: its profile on a 160 MB tmpfs, the extension's
 * origin filled until the browser refuses a 256-byte write. Nothing is
 * simulated, unlike storage-full.e2e.ts. Without root the script mounts the
 * tmpfs in a user namespace of its own. It exits non-zero at the first check
 * that does not hold; its lines say what held.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function runFullDisk(): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/full-disk.ts'], { cwd: ROOT, timeout: 240_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('full storage on a real full disk', () => {
  it('the browser refuses writes for want of room; the visit is reported, the dashboard shows it, no table changes, and with room again all is recorded', async () => {
    const { code, output } = await runFullDisk();
    expect(code, output).toBe(0);
    // Every chunk size, down to 256 bytes, ended with the browser's own quota error, on the disk the script mounted.
    expect(output, output).toMatch(/Filled the extension's origin: \d+ of 1048576 bytes, then QuotaExceededError; \d+ of 65536 bytes, then QuotaExceededError; \d+ of 4096 bytes, then QuotaExceededError; \d+ of 256 bytes, then QuotaExceededError\./);
    expect(output).toMatch(/tmpfs\s+160M/);
    for (const line of [
      'Reported: {"since":',
      '"where":"ledger"}',
      'The dashboard shows the notice.',
      'Every table is exactly as before.',
      'With room again: the next visit is recorded, the report and the notice are gone.',
      'Full storage on a real full disk: held.',
    ])
      expect(output, output).toContain(line);
  }, 300_000);
});
