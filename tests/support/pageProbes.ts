/**
 * What a hostile web page tries against the extension, as functions the
 * browser suites run inside the page (Chromium through Playwright, Firefox
 * through puppeteer). Each is self-contained: the browser serialises it.
 */

/** The page's record of what it heard, from its first script on. */
export type Heard = { __heard: string[] };

/** Run before the page's first script: note every message and every event on the permission channel's names. */
export function listenFromTheStart([offer, ask]: readonly [string, string]): void {
  const heard: string[] = ((window as unknown as Heard).__heard = []);
  const note = (what: string, data: unknown) => {
    let text: string;
    try {
      text = JSON.stringify(data);
    } catch {
      text = String(data);
    }
    heard.push(`${what} ${text}`);
  };
  window.addEventListener('message', (event) => note('message', event.data), true);
  for (const name of [offer, ask]) document.addEventListener(name, (event) => note(name, (event as CustomEvent).detail), true);
}

/** Looks for an extension runtime, and tries to fetch the manifest, load one of the extension's scripts and list its database. */
export async function reachForTheExtension([origin, file]: readonly [string, string]) {
  const scope = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } }; browser?: unknown };
  const fetched = await fetch(`${origin}manifest.json`).then(() => 'loaded', () => 'refused');
  const script = await new Promise<string>((done) => {
    const el = document.createElement('script');
    el.src = `${origin}chunks/${file}`;
    el.onload = () => done('loaded');
    el.onerror = () => done('refused');
    document.head.append(el);
  });
  const databases = (await indexedDB.databases()).map((d) => d.name);
  return { sendMessage: typeof scope.chrome?.runtime?.sendMessage, connect: typeof scope.chrome?.runtime?.connect, browser: typeof scope.browser, fetched, script, databases };
}

/**
 * Posts forged extension messages with postMessage and as DOM events, offers its
 * own channel to the permission watcher and asks the content script for its
 * channel; answers what came back on its channel and everything it heard meanwhile.
 */
export async function forgeMessages([offer, ask, types]: readonly [string, string, readonly string[]]) {
  const mine = 'privacy-ledger:permissions-page-made';
  const got: string[] = [];
  const all = (window as unknown as Heard).__heard;
  document.addEventListener(mine, (event) => got.push(String((event as CustomEvent).detail)));
  all.length = 0;
  for (const type of types) {
    window.postMessage({ channel: 'privacy-ledger', type, payload: {} }, '*');
    document.dispatchEvent(new CustomEvent('privacy-ledger', { detail: { type, payload: {} } }));
  }
  document.dispatchEvent(new CustomEvent(offer, { detail: mine }));
  document.dispatchEvent(new CustomEvent(ask));
  await new Promise((r) => setTimeout(r, 1000));
  return { onMine: got, all: [...all] };
}

/** What in an extension page could have come from data rather than from the extension: see `injectedElements`. */
export interface InjectedElements {
  images: number;
  handlers: number;
  scripts: { src: string; text: string }[];
}

/** Run in an extension page: `img[src=x]` elements, elements with an inline handler, and every script with its source and inline text. */
export function injectedElements(): InjectedElements {
  return {
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    scripts: [...document.scripts].map((s) => ({ src: s.src, text: s.text })),
  };
}

/** Whether a page's `injectedElements()` shows nothing from the data: no such element, no script but the extension's own files (`origin`, ending in a slash). */
export const nothingInjected = (found: InjectedElements, origin: string): boolean =>
  found.images === 0 && found.handlers === 0 && found.scripts.every((s) => s.src.startsWith(origin) && s.text === '');
