import { describe, expect, it } from 'vitest';
import { requestContext, thirdPartyOf, type RequestFacts } from '../../../../core/ledger/requestContext';

const request = (facts: Partial<RequestFacts>): RequestFacts => ({ url: 'https://cdn.example/x.js', type: 'script', tabId: 7, frameId: 0, parentFrameId: -1, ...facts });

describe('requestContext', () => {
  it('ignores requests outside tabs (service workers, the browser, the extension itself)', () => {
    expect(requestContext(request({ tabId: -1, initiator: 'https://news.example' }))).toEqual({ kind: 'ignore' });
    expect(requestContext(request({ initiator: 'chrome-extension://abcdef' }))).toEqual({ kind: 'ignore' });
    expect(requestContext(request({ documentUrl: 'moz-extension://abc/dashboard.html' }))).toEqual({ kind: 'ignore' });
  });

  it("takes a tab's navigation as the tab's new site, never as a third-party request", () => {
    expect(requestContext(request({ type: 'main_frame', url: 'https://www.news.example/a', initiator: 'https://search.example' }))).toEqual({ kind: 'navigation', site: 'news.example' });
    expect(requestContext(request({ type: 'main_frame', url: 'chrome://newtab/' }))).toEqual({ kind: 'navigation', site: null });
  });

  it("names the top page's site from Chrome's initiator or Firefox's document URL", () => {
    expect(requestContext(request({ initiator: 'https://www.news.example' }))).toEqual({ kind: 'site', site: 'news.example' });
    expect(requestContext(request({ documentUrl: 'http://news.test:8080/page', frameAncestors: [] }))).toEqual({ kind: 'site', site: 'news.test' });
  });

  it("names Firefox frames' top page from their ancestors", () => {
    const frameAncestors = [{ url: 'https://video.example/embed', frameId: 3 }, { url: 'https://news.example/', frameId: 0 }];
    expect(requestContext(request({ frameId: 5, parentFrameId: 3, documentUrl: 'https://player.example/', frameAncestors }))).toEqual({ kind: 'site', site: 'news.example' });
  });

  it('treats a frame document as loaded by its parent', () => {
    expect(requestContext(request({ type: 'sub_frame', frameId: 4, parentFrameId: 0, initiator: 'https://news.example' }))).toEqual({ kind: 'site', site: 'news.example' });
    expect(requestContext(request({ type: 'sub_frame', frameId: 6, parentFrameId: 4, initiator: 'https://video.example' }))).toEqual({ kind: 'tab' });
  });

  it("asks for the tab's site when Chrome does not name the top page", () => {
    expect(requestContext(request({ frameId: 4, parentFrameId: 0, initiator: 'https://video.example' }))).toEqual({ kind: 'tab' });
    expect(requestContext(request({ initiator: 'null' }))).toEqual({ kind: 'tab' });
    expect(requestContext(request({}))).toEqual({ kind: 'tab' });
  });
});

describe('thirdPartyOf', () => {
  it('is the registrable domain and host of a request to another site', () => {
    expect(thirdPartyOf('news.example', 'https://www.google-analytics.com/collect?v=1')).toEqual({ party: 'google-analytics.com', host: 'www.google-analytics.com' });
    expect(thirdPartyOf('news.example', 'wss://live.chat.example/socket')).toEqual({ party: 'chat.example', host: 'live.chat.example' });
    expect(thirdPartyOf('news.test', 'http://cdn-widgets.test:4000/logo.svg')).toEqual({ party: 'cdn-widgets.test', host: 'cdn-widgets.test' });
  });

  it('is null for the same site, subdomains included, and for URLs that are not web requests', () => {
    expect(thirdPartyOf('news.example', 'https://static.news.example/app.js')).toBeNull();
    expect(thirdPartyOf('news.example', 'data:image/png;base64,AAAA')).toBeNull();
    expect(thirdPartyOf('news.example', 'blob:https://news.example/1')).toBeNull();
  });
});
