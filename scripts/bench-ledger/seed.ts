/**
 * Fills the extension's database, inside its service worker, with a year of
 * heavy browsing: thousands of sites, up to a million events, their cookies
 * and third parties. Rows are generated in the worker from a seed, so nothing
 * large crosses the DevTools connection, and written with plain IndexedDB in
 * batches, the way the database would have grown.
 */
import type { Worker } from 'playwright-core';

export interface SeedPlan {
  sites: number;
  events: number;
  cookiesPerSite: number;
  partiesPerSite: number;
  days: number;
  /** Milliseconds since the epoch that "now" is for the generated year. */
  now: number;
  /** A real `consent.answer` event's data, copied onto the generated ones. */
  consentTemplate: unknown;
}

export interface SeedResult {
  sites: number;
  events: number;
  cookies: number;
  thirdParties: number;
  heaviestSite: string;
  heaviestEvents: number;
  ms: number;
}

/** Runs in the worker: everything it uses is inside it. */
function seedInWorker(plan: SeedPlan): Promise<SeedResult> {
  const started = performance.now();
  let state = 0x9e3779b9;
  const random = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 0x100000000;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const DAY = 86_400_000;
  const tlds = ['com', 'vn', 'de', 'fr', 'co.uk', 'com.br', 'net', 'org'];
  const siteName = (i: number) => `site${i}.${tlds[i % tlds.length]}`;
  const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
  const fields = ['email', 'phone', 'name', 'address', 'birthDate', 'card', 'governmentId', 'password', 'gender'];
  const permissions = ['geolocation', 'notifications', 'camera', 'microphone', 'clipboardRead'];
  const cookiePurposes = ['necessary', 'functional', 'analytics', 'advertising', 'unknown'];
  const parties = Array.from({ length: 3000 }, (_, i) => `tracker${i}.${tlds[i % tlds.length]}`);
  const categories = ['advertising', 'site_analytics', 'social_media', 'cdn', 'essential', 'customer_interaction'];

  // A few sites are visited a lot, most rarely: weights fall off like 1/rank^0.9.
  const weights = Array.from({ length: plan.sites }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const eventsPerSite = weights.map((w) => Math.max(1, Math.round((w / total) * plan.events)));

  const open = (): Promise<IDBDatabase> =>
    new Promise((done, fail) => {
      const request = indexedDB.open('privacy-ledger');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
  const write = (db: IDBDatabase, rows: Record<string, unknown[]>): Promise<void> =>
    new Promise((done, fail) => {
      const names = Object.keys(rows).filter((n) => rows[n]!.length > 0);
      if (names.length === 0) return done();
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) for (const row of rows[name]!) tx.objectStore(name).put(row);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });

  return (async () => {
    const db = await open();
    const counts = { events: 0, cookies: 0, thirdParties: 0 };
    let batch: Record<string, unknown[]> = { sites: [], events: [], cookies: [], thirdParties: [] };
    const flushIfBig = async (force = false) => {
      const size = Object.values(batch).reduce((n, rows) => n + rows.length, 0);
      if (!force && size < 20_000) return;
      await write(db, batch);
      batch = { sites: [], events: [], cookies: [], thirdParties: [] };
    };
    for (let i = 0; i < plan.sites; i++) {
      const site = siteName(i);
      const n = eventsPerSite[i]!;
      const firstSeen = plan.now - Math.floor(random() * plan.days) * DAY;
      const span = plan.now - firstSeen;
      const siteFields = new Set<string>();
      const sitePermissions = new Set<string>();
      let violations = 0;
      for (let e = 0; e < n; e++) {
        const at = firstSeen + Math.floor(random() * span);
        const roll = random();
        let kind: string;
        let data: unknown;
        if (roll < 0.5) {
          kind = 'consent.answer';
          data = plan.consentTemplate;
        } else if (roll < 0.75) {
          const asked = [pick(fields), pick(fields)];
          asked.forEach((f) => siteFields.add(f));
          kind = 'form.fields';
          data = { url: `https://${site}/signup`, fields: asked.map((kind) => ({ kind, via: 'autocomplete', hint: kind })), insecureSubmit: false };
        } else if (roll < 0.9) {
          const permission = pick(permissions);
          sitePermissions.add(permission);
          kind = 'permission.prompt';
          data = { url: `https://${site}/`, permission, result: pick(['granted', 'denied', 'dismissed']) };
        } else if (roll < 0.97) {
          violations++;
          kind = 'cookie.violation';
          data = { name: `_ga${e}`, domain: site, purpose: 'analytics', refusedAt: at - 1000, firstParty: true };
        } else {
          kind = 'gpc.declaration';
          data = { declared: random() < 0.1, lastUpdate: null };
        }
        batch.events!.push({ site, at, kind, data });
      }
      counts.events += n;
      for (let c = 0; c < plan.cookiesPerSite; c++) {
        const at = firstSeen + Math.floor(random() * span);
        const name = `cookie${c}`;
        const domain = c % 3 === 0 ? pick(parties) : site;
        batch.cookies!.push({
          id: `${site}|${domain}|${name}`, site, domain, name, firstParty: domain === site, session: c % 4 === 0,
          lifetimeDays: c % 4 === 0 ? null : 365, purpose: pick(cookiePurposes), firstSetAt: at, lastSetAt: at, times: 1,
          violation: null,
        });
      }
      counts.cookies += plan.cookiesPerSite;
      const siteParties = new Set<string>();
      for (let p = 0; p < plan.partiesPerSite; p++) {
        const party = pick(parties);
        const at = firstSeen + Math.floor(random() * span);
        const day = dayOf(at);
        siteParties.add(party);
        batch.thirdParties!.push({
          id: `${site}|${day}|${party}`, site, day, party, requests: 1 + Math.floor(random() * 40),
          org: random() < 0.6 ? `Org ${party}` : null, category: random() < 0.6 ? pick(categories) : null, firstAt: at, lastAt: at,
        });
      }
      counts.thirdParties += plan.partiesPerSite;
      batch.sites!.push({
        site, firstSeen, lastSeen: plan.now - Math.floor(random() * (span / DAY)) * DAY, visits: n,
        thirdParties: siteParties.size, cookies: plan.cookiesPerSite, violations,
        fields: [...siteFields], permissions: [...sitePermissions],
      });
      await flushIfBig();
    }
    await flushIfBig(true);
    db.close();
    return {
      sites: plan.sites, ...counts, heaviestSite: siteName(0), heaviestEvents: eventsPerSite[0]!,
      ms: Math.round(performance.now() - started),
    };
  })();
}

/**
 * The function's source is sent as text: the TypeScript loader wraps inner
 * functions in a `__name` helper that the worker does not have, so a no-op
 * one goes first.
 */
export function seedLedger(worker: Worker, plan: SeedPlan): Promise<SeedResult> {
  const source = `(() => { const __name = (f) => f; return (${seedInWorker.toString()})(${JSON.stringify(plan)}); })()`;
  return worker.evaluate(source) as Promise<SeedResult>;
}
