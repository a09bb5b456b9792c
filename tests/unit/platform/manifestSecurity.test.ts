import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

type Manifest = { content_security_policy?: string | { extension_pages?: string }; externally_connectable?: unknown; web_accessible_resources?: unknown };

/** The manifest wxt.config.ts gives a browser, as the build writes it. */
async function manifestFor(browser: 'chrome' | 'firefox', manifestVersion: 2 | 3): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts no longer builds the manifest per browser');
  return (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' } as never)) as Manifest;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name!.toLowerCase(), values] as const;
    }),
  );
}

/** Why a content security policy would let an extension page run remote or evaluated code, or [] when it does not. */
function cspWeaknesses(csp: string): string[] {
  const found: string[] = [];
  const d = directives(csp);
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) found.push('no script-src');
  else if (script.join(' ') !== "'self'") found.push(`script-src allows ${script.join(' ')}`);
  const object = d.get('object-src') ?? d.get('default-src');
  if (!object || !(object.join(' ') === "'none'" || object.join(' ') === "'self'")) found.push(`object-src allows ${object?.join(' ') ?? 'anything'}`);
  if (/unsafe-eval|wasm-unsafe-eval|unsafe-inline/.test(csp)) found.push('allows eval or inline code');
  if (/(https?:|wss?:|\*)/.test(csp)) found.push('names remote hosts');
  return found;
}

describe('extension pages forbid remote and evaluated code', () => {
  it('Chrome (MV3): script-src and object-src are the extension itself, nothing else', async () => {
    const csp = (await manifestFor('chrome', 3)).content_security_policy;
    expect(typeof csp).toBe('object');
    const pages = (csp as { extension_pages?: string }).extension_pages ?? '';
    expect(cspWeaknesses(pages)).toEqual([]);
    expect(directives(pages).get('base-uri')).toEqual(["'none'"]);
  });

  it('Firefox: the same policy', async () => {
    for (const version of [2, 3] as const) {
      const csp = (await manifestFor('firefox', version)).content_security_policy;
      const text = typeof csp === 'string' ? csp : csp?.extension_pages ?? '';
      expect(cspWeaknesses(text)).toEqual([]);
    }
  });

  it('no web page or other extension may message it: no externally_connectable, no web-accessible files', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = await manifestFor(browser, 3);
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
    }
  });

  it('the check itself refuses weak policies', () => {
    expect(cspWeaknesses("script-src 'self' 'unsafe-eval'; object-src 'none'")).toEqual(['script-src allows \'self\' \'unsafe-eval\'', 'allows eval or inline code']);
    expect(cspWeaknesses("script-src 'self' https://cdn.example; object-src 'none'")).toContain('names remote hosts');
    expect(cspWeaknesses("object-src 'none'")).toEqual(['no script-src']);
    expect(cspWeaknesses("script-src 'self'")).toEqual(['object-src allows anything']);
  });
});
