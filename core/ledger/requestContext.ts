import { siteOf } from '../sites/domain';

/**
 * What the browser says about a request (`webRequest` details), reduced to the
 * fields Chrome and Firefox use to tell which page made it. Chrome gives the
 * requesting document's origin as `initiator`; Firefox gives its URL as
 * `documentUrl` and, inside frames, the chain of `frameAncestors` up to the top.
 */
export interface RequestFacts {
  url: string;
  type: string;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  initiator?: string;
  documentUrl?: string;
  frameAncestors?: readonly { url: string; frameId: number }[];
}

/** Which site a request belongs to, as far as its details tell. */
export type RequestContext =
  /** Not from a web page in a tab: service workers, the browser, extensions. */
  | { kind: 'ignore' }
  /** The tab's top document itself is being loaded: the tab's site from now on. */
  | { kind: 'navigation'; site: string | null }
  /** Made from a page of this site. */
  | { kind: 'site'; site: string }
  /** Made inside a frame whose top page the details do not name: the tab's current site. */
  | { kind: 'tab' };

export function requestContext(facts: RequestFacts): RequestContext {
  if (facts.tabId < 0) return { kind: 'ignore' };
  if (facts.type === 'main_frame') return { kind: 'navigation', site: siteOf(facts.url) };
  const top = facts.frameAncestors?.at(-1)?.url;
  // A frame's own document is loaded by its parent; every other request by its own frame.
  const requester = facts.type === 'sub_frame' ? facts.parentFrameId : facts.frameId;
  const document = top ?? (requester === 0 ? (facts.documentUrl ?? facts.initiator) : undefined);
  if (document === undefined || document === 'null') return { kind: 'tab' };
  const site = siteOf(document);
  return site ? { kind: 'site', site } : { kind: 'ignore' };
}

/** The request's party and host when it goes to another registrable domain than `site`; else null. */
export function thirdPartyOf(site: string, url: string): { party: string; host: string } | null {
  // WebSockets contact their host like any other request.
  const asHttp = url.replace(/^ws(s?):/i, 'http$1:');
  const party = siteOf(asHttp);
  if (!party || party === site) return null;
  return { party, host: new URL(asHttp).hostname.replace(/^\[|\]$/g, '').toLowerCase() };
}
