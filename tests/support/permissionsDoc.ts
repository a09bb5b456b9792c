/**
 * The permissions table of docs/permissions.md, read as data, and the check of
 * a manifest against it. Used by the manifest unit test and by the browser
 * suites on the built manifests, so a permission cannot be added to a build
 * without being documented.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BUILDS = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'] as const;
export type Build = (typeof BUILDS)[number];
export type Grant = 'required' | 'optional';

/** What a build asks for, sorted: API permissions granted at install, optional ones, and host patterns. */
export interface PermissionSet {
  required: string[];
  optional: string[];
  hosts: string[];
}

export const DOC_PATH = resolve(import.meta.dirname, '../../docs/permissions.md');

const isHost = (p: string) => p.includes('://') || p === '<all_urls>';

/** Reads the table under "The permissions, build by build": one row per permission, a column per build. */
export function parsePermissionsTable(markdown: string): Record<Build, PermissionSet> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('The permissions, build by build'));
  if (!section) throw new Error('docs/permissions.md has no "The permissions, build by build" section');
  const lines = section.split('\n').filter((l) => l.trim().startsWith('|'));
  const header = lines[0]?.split('|').slice(1, -1).map((c) => c.trim()) ?? [];
  if (header[0] !== 'permission' || BUILDS.some((b, i) => header[i + 1] !== b)) throw new Error(`unexpected table header: ${header.join(' | ')}`);
  const out = Object.fromEntries(BUILDS.map((b): [Build, PermissionSet] => [b, { required: [], optional: [], hosts: [] }])) as Record<Build, PermissionSet>;
  for (const line of lines.slice(2)) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!name) throw new Error(`a row without a permission in backticks: ${line}`);
    BUILDS.forEach((build, i) => {
      const grant = cells[i + 1];
      if (grant === '—') return;
      if (grant !== 'required' && grant !== 'optional') throw new Error(`${name} in ${build}: "${grant}" is not required, optional or —`);
      if (isHost(name)) {
        if (grant !== 'required') throw new Error(`${name}: optional host access is not in the table's vocabulary`);
        out[build].hosts.push(name);
      } else out[build][grant].push(name);
    });
  }
  for (const set of Object.values(out)) for (const list of Object.values(set)) (list as string[]).sort();
  return out;
}

export const documentedPermissions = () => parsePermissionsTable(readFileSync(DOC_PATH, 'utf8'));

export interface ManifestPermissions {
  manifest_version?: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** What a manifest asks for, with MV2's host patterns (in `permissions`) told apart from API permissions. */
export function permissionsOf(manifest: ManifestPermissions): PermissionSet & { optionalHosts: string[] } {
  const all = manifest.permissions ?? [];
  const optional = manifest.optional_permissions ?? [];
  return {
    required: all.filter((p) => !isHost(p)).sort(),
    optional: optional.filter((p) => !isHost(p)).sort(),
    hosts: [...all.filter(isHost), ...(manifest.host_permissions ?? [])].sort(),
    optionalHosts: [...optional.filter(isHost), ...(manifest.optional_host_permissions ?? [])].sort(),
  };
}

/** Every difference between a manifest and the documented table for its build, in words; [] when they agree. */
export function permissionMismatches(manifest: ManifestPermissions, documented: PermissionSet): string[] {
  const actual = permissionsOf(manifest);
  const found: string[] = [];
  for (const kind of ['required', 'optional', 'hosts'] as const) {
    for (const p of actual[kind]) if (!documented[kind].includes(p)) found.push(`${p} is ${kind === 'hosts' ? 'host access' : kind} but not documented so`);
    for (const p of documented[kind]) if (!actual[kind].includes(p)) found.push(`${p} is documented as ${kind === 'hosts' ? 'host access' : kind} but not asked for`);
  }
  for (const p of actual.optionalHosts) found.push(`${p} is optional host access, which the table cannot document`);
  return found;
}
