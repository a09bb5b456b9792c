import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { BUILDS, DOC_PATH, documentedPermissions, parsePermissionsTable, permissionMismatches, type Build, type ManifestPermissions } from '../../support/permissionsDoc';

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
    for (const [browser, version] of [['chrome', 3], ['firefox', 2], ['firefox', 3]] as const) {
      const manifest = await manifestFor(browser, version);
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

/** The manifest wxt.config.ts gives a build, with MV2's host patterns moved into `permissions` as WXT's build does. */
async function manifestOf(build: Build): Promise<Manifest & ManifestPermissions> {
  const [browser, mv] = build.split('-mv') as ['chrome' | 'firefox', string];
  const manifestVersion = Number(mv) as 2 | 3;
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts no longer builds the manifest per browser');
  const m = (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' } as never)) as Manifest & ManifestPermissions;
  if (manifestVersion === 2) return { ...m, permissions: [...(m.permissions ?? []), ...(m.host_permissions ?? [])], host_permissions: undefined };
  return m;
}

describe('each build asks for exactly the permissions docs/permissions.md documents', () => {
  const documented = documentedPermissions();

  it.each(BUILDS)('%s: required, optional and host permissions match the table', async (build) => {
    expect(permissionMismatches(await manifestOf(build), documented[build])).toEqual([]);
  });

  it('notifications is optional in every build, asked for when reminders are first wanted', async () => {
    for (const build of BUILDS) {
      const m = await manifestOf(build);
      expect(m.optional_permissions).toEqual(['notifications']);
      expect(m.permissions).not.toContain('notifications');
    }
  });

  it('host access is http and https only, nothing wider, and nothing optional on top', async () => {
    for (const build of BUILDS) {
      expect(documented[build].hosts).toEqual(['http://*/*', 'https://*/*']);
      const m = await manifestOf(build);
      expect(m.optional_host_permissions).toBeUndefined();
      expect(JSON.stringify(m)).not.toMatch(/<all_urls>|file:\/\/|ftp:\/\//);
    }
  });

  it('no build exposes a file to web pages or lets them message the extension', async () => {
    for (const build of BUILDS) {
      const m = await manifestOf(build);
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
    }
  });

  it('every permission of the table has its own review section', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');
    const names = new Set(BUILDS.flatMap((b) => [...documented[b].required, ...documented[b].optional]));
    for (const name of names) expect(doc).toMatch(new RegExp(`^### \`${name}\``, 'm'));
    expect(doc).toMatch(/^### Host access: `http:\/\/\*\/\*`, `https:\/\/\*\/\*`/m);
  });

  it('the check fails on an undocumented, a missing or a misplaced permission', async () => {
    const chrome = await manifestOf('chrome-mv3');
    expect(permissionMismatches({ ...chrome, permissions: [...chrome.permissions!, 'tabs'] }, documented['chrome-mv3'])).toEqual(['tabs is required but not documented so']);
    expect(permissionMismatches({ ...chrome, permissions: chrome.permissions!.filter((p) => p !== 'alarms') }, documented['chrome-mv3'])).toEqual(['alarms is documented as required but not asked for']);
    expect(permissionMismatches({ ...chrome, permissions: [...chrome.permissions!, 'notifications'], optional_permissions: [] }, documented['chrome-mv3'])).toEqual([
      'notifications is required but not documented so', 'notifications is documented as optional but not asked for',
    ]);
    expect(permissionMismatches({ ...chrome, host_permissions: ['<all_urls>'] }, documented['chrome-mv3'])).toContain('<all_urls> is host access but not documented so');
    expect(permissionMismatches({ ...chrome, optional_host_permissions: ['https://*/*'] }, documented['chrome-mv3'])).toEqual(['https://*/* is optional host access, which the table cannot document']);
    const mv2 = await manifestOf('firefox-mv2');
    expect(permissionMismatches({ ...mv2, permissions: mv2.permissions!.filter((p) => p !== 'https://*/*') }, documented['firefox-mv2'])).toEqual(['https://*/* is documented as host access but not asked for']);
  });

  it('the table reader refuses a table it cannot read', () => {
    const table = (rows: string) => `## The permissions, build by build\n\n| permission | chrome-mv3 | firefox-mv2 | firefox-mv3 |\n|---|---|---|---|\n${rows}\n`;
    expect(parsePermissionsTable(table('| `storage` | required | optional | — |'))).toMatchObject({ 'chrome-mv3': { required: ['storage'] }, 'firefox-mv2': { optional: ['storage'] }, 'firefox-mv3': { required: [], optional: [] } });
    expect(() => parsePermissionsTable(table('| `storage` | yes | required | required |'))).toThrow(/not required, optional/);
    expect(() => parsePermissionsTable(table('| storage | required | required | required |'))).toThrow(/backticks/);
    expect(() => parsePermissionsTable('# Permissions\n')).toThrow(/no "The permissions, build by build"/);
  });
});
