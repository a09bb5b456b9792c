import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyInput, looksBinary, PolicyInputError } from '../../../../scripts/lib/policyInput';

const dir = mkdtempSync(join(tmpdir(), 'policy-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('analyze-policy input', () => {
  it('reads .md and .txt as text and .html as HTML', async () => {
    expect(await loadPolicyInput(file('p.md', '# Privacy'))).toEqual({ text: '# Privacy', url: null });
    expect(await loadPolicyInput(file('p.txt', 'Privacy'))).toEqual({ text: 'Privacy', url: null });
    expect(await loadPolicyInput(file('p.html', '<h1>Privacy</h1>'))).toEqual({ html: '<h1>Privacy</h1>', url: null });
  });

  it('says clearly when a file is missing, a folder, or binary', async () => {
    await expect(loadPolicyInput(join(dir, 'missing.md'))).rejects.toThrow(/No such file/);
    await expect(loadPolicyInput(dir)).rejects.toThrow(/Not a file/);
    await expect(loadPolicyInput(file('x.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])))).rejects.toThrow(/not text/);
    expect(looksBinary(new TextEncoder().encode('Chính sách bảo mật\n'))).toBe(false);
  });

  it('fetches http(s) pages, keeps the final URL, and refuses other schemes, errors and non-text types', async () => {
    const ok = (body: string, type: string): typeof fetch =>
      (async () => Object.assign(new Response(body, { status: 200, headers: { 'content-type': type } }), {})) as unknown as typeof fetch;
    const page = await loadPolicyInput('https://example.com/privacy', ok('<h1>Privacy</h1>', 'text/html; charset=utf-8'));
    expect(page).toMatchObject({ html: '<h1>Privacy</h1>', contentType: 'text/html; charset=utf-8' });
    await expect(loadPolicyInput('https://example.com/p.pdf', ok('%PDF', 'application/pdf'))).rejects.toThrow(/application\/pdf, not a text or HTML page/);
    const notFound = (async () => new Response('no', { status: 404, statusText: 'Not Found' })) as unknown as typeof fetch;
    await expect(loadPolicyInput('https://example.com/gone', notFound)).rejects.toThrow(/HTTP 404/);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(loadPolicyInput('https://example.com/down', down)).rejects.toThrow(PolicyInputError);
    await expect(loadPolicyInput('ftp://example.com/p')).rejects.toThrow(/Only http and https/);
  });
});
