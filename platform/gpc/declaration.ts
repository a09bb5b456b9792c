import { parseGpcDeclaration } from '../../core/gpc/exempt';
import { database } from '../db';
import { sessionGet, sessionSet } from '../sessionStore';

/** Checks started in this worker's life, so two frames of one page do not both fetch. */
const checked = new Set<string>();

/** Forgets the checks of this worker's life, of one site or of all (the user erased them); the caller removes the session keys. */
export function forgetGpcChecks(site?: string): void {
  if (site === undefined) checked.clear();
  else checked.delete(`gpcChecked.${site}`);
}

/**
 * Reads a visited site's `/.well-known/gpc.json` once per browser session and
 * records whether it declares that it honours GPC. The request goes only to
 * the site being visited, without cookies.
 */
export async function recordGpcDeclaration(site: string, pageUrl: string): Promise<void> {
  const key = `gpcChecked.${site}`;
  if (checked.has(key) || (await sessionGet<boolean>(key))) return;
  checked.add(key);
  await sessionSet(key, true);
  let declaration: ReturnType<typeof parseGpcDeclaration> = null;
  try {
    const response = await fetch(new URL('/.well-known/gpc.json', pageUrl), {
      credentials: 'omit', cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(5000),
    });
    if (response.ok) declaration = parseGpcDeclaration(await response.text());
  } catch {
    // No file, or the site is unreachable: recorded as not declared.
  }
  await database().events.add({
    site, at: Date.now(), kind: 'gpc.declaration',
    data: { declared: declaration?.gpc === true, lastUpdate: declaration?.lastUpdate ?? null },
  });
}
