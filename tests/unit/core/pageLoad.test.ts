import { describe, expect, it } from 'vitest';
import { newTopPage, type ResponseFacts } from '../../../core/sites/pageLoad';

const page = (over: Partial<ResponseFacts> = {}): ResponseFacts => ({
  url: 'https://news.example/a', type: 'main_frame', tabId: 3, frameId: 0, statusCode: 200, ...over,
});

describe('newTopPage', () => {
  it("names the tab's new top page", () => {
    expect(newTopPage(page())).toBe('https://news.example/a');
    expect(newTopPage(page({ statusCode: 404 }))).toBe('https://news.example/a');
    expect(newTopPage(page({ responseHeaders: [{ name: 'Content-Disposition', value: 'inline' }] }))).toBe('https://news.example/a');
  });

  it('ignores responses that replace no page', () => {
    expect(newTopPage(page({ tabId: -1 }))).toBeNull();
    expect(newTopPage(page({ type: 'sub_frame', frameId: 4 }))).toBeNull();
    expect(newTopPage(page({ frameId: 7 }))).toBeNull();
    expect(newTopPage(page({ documentLifecycle: 'prerender' }))).toBeNull();
    expect(newTopPage(page({ statusCode: 204 }))).toBeNull();
    expect(newTopPage(page({ statusCode: 205 }))).toBeNull();
    expect(newTopPage(page({ responseHeaders: [{ name: 'content-disposition', value: 'attachment; filename="a.pdf"' }] }))).toBeNull();
    expect(newTopPage(page({ url: 'ftp://news.example/' }))).toBeNull();
  });
});
