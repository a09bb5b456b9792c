/**
 * What the browser reports when a response starts (`webRequest.onResponseStarted`),
 * reduced to what tells whether a tab is about to show a new top page.
 */
export interface ResponseFacts {
  url: string;
  type: string;
  tabId: number;
  frameId: number;
  statusCode: number;
  /** Chrome: 'prerender' for a page loaded ahead of time in a hidden frame. */
  documentLifecycle?: string;
  responseHeaders?: readonly { name: string; value?: string }[];
}

const header = (facts: ResponseFacts, name: string) => facts.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value ?? '';

/**
 * The URL of the page a tab is about to show, or null when this response
 * replaces no page: not a tab's top document, a prerender, an empty answer
 * (204/205 keep the page where it is) or a download.
 */
export function newTopPage(facts: ResponseFacts): string | null {
  if (facts.tabId < 0 || facts.type !== 'main_frame' || facts.frameId !== 0) return null;
  if (facts.documentLifecycle === 'prerender') return null;
  if (facts.statusCode === 204 || facts.statusCode === 205) return null;
  if (/^\s*attachment/i.test(header(facts, 'content-disposition'))) return null;
  return /^https?:/i.test(facts.url) ? facts.url : null;
}
