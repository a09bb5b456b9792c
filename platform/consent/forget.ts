/**
 * Runs in the page's main world: forgets the consent record a CMP stored, so
 * that the next load asks again ("answer again"). Expires each named cookie on
 * the host and every parent domain, and removes same-named storage entries.
 * Self-contained, as executeScript requires.
 */
export function forgetConsent(names: string[]): number {
  let removed = 0;
  const labels = location.hostname.split('.');
  const domains = labels.map((_, i) => labels.slice(i).join('.')).filter((d) => d.includes('.') || d === location.hostname);
  for (const name of names) {
    if (!/^[\w.-]+$/.test(name)) continue;
    for (const domain of ['', ...domains]) {
      for (const path of ['/', location.pathname]) {
        document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? `; domain=${domain}` : ''}`;
      }
    }
    for (const store of [localStorage, sessionStorage]) {
      if (store.getItem(name) !== null) {
        store.removeItem(name);
        removed++;
      }
    }
    removed++;
  }
  return removed;
}
