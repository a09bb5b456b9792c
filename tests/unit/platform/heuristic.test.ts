// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerUnknownBanner,
  findUnknownBanner,
  pressChoice,
  restoreScroll,
  scanForUnknownBanner,
  shouldScanFrame,
  toReport,
} from '../../../platform/content/heuristic';

/** Mounts markup in the body; returns the body for further building. */
function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const fixed = 'position:fixed;bottom:0;left:0;right:0;z-index:2147483647';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('lang');
});

describe('findUnknownBanner', () => {
  it('finds a Vietnamese banner and chooses "Từ chối tất cả" over "Chấp nhận tất cả"', () => {
    document.documentElement.lang = 'vi';
    page(`
      <main><h1>Tin tức</h1><p>Bài viết hôm nay.</p></main>
      <div id="cookie" style="${fixed}">
        <p>Chúng tôi sử dụng cookie để cải thiện trải nghiệm và hiển thị quảng cáo cá nhân hóa cùng các đối tác.</p>
        <button>Chấp nhận tất cả</button><button>Từ chối tất cả</button><a href="#">Tùy chỉnh</a>
      </div>`);
    const finding = findUnknownBanner(document);
    expect(finding).toMatchObject({
      found: true,
      language: 'vi',
      choice: { text: 'Từ chối tất cả', role: 'reject' },
      reason: null,
      inShadowRoot: false,
      inFrame: false,
      complete: true,
      buttons: [
        { text: 'Chấp nhận tất cả', role: 'accept' },
        { text: 'Từ chối tất cả', role: 'reject' },
        { text: 'Tùy chỉnh', role: 'settings' },
      ],
    });
    expect(finding.text.startsWith('Chúng tôi sử dụng cookie')).toBe(true);
    expect(finding.elements.dialog?.id).toBe('cookie');
    expect(finding.elements.button?.textContent).toBe('Từ chối tất cả');
  });

  it('finds a German banner inside an open shadow root, with a div that only looks like a button', () => {
    const host = page('<div id="host"></div>').querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `
      <style>.box { position: fixed; bottom: 0; }</style>
      <div class="box" role="dialog">
        <p>Wir und unsere Partner verwenden Cookies. Ihre Einwilligung können Sie jederzeit widerrufen.</p>
        <button>Alle akzeptieren</button><button>Einstellungen</button>
        <div class="cmp-btn" tabindex="0"><span>Alle ablehnen</span></div>
      </div>`;
    const finding = scanForUnknownBanner(document);
    expect(finding).toMatchObject({ found: true, language: 'de', inShadowRoot: true, choice: { text: 'Alle ablehnen', role: 'reject' } });
    expect(finding.elements.button?.className).toBe('cmp-btn');
  });

  it('finds a French banner in a same-origin frame', () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<html lang="fr"><body><div id="bandeau">
      <p>Nous et nos partenaires utilisons des cookies. Vous pouvez retirer votre consentement à tout moment.</p>
      <button>Tout accepter</button><button>Tout refuser</button></div></body></html>`;
    document.body.append(frame);
    const finding = findUnknownBanner(document);
    expect(finding).toMatchObject({ found: true, inFrame: true, language: 'fr', choice: { text: 'Tout refuser', role: 'reject' } });
    expect(finding.elements.frame).toBe(frame);
    expect(findUnknownBanner(document, { frames: false }).found).toBe(false);
  });

  it('chooses nothing on a pay-or-accept wall', () => {
    page(`<div style="${fixed}">
      <h2>Lesen Sie mit Werbung oder im Abo</h2>
      <p>Wir und unsere Partner verwenden Cookies und verarbeiten personenbezogene Daten für personalisierte Werbung. Mit Ihrer Zustimmung ...</p>
      <button>Mit Werbung weiterlesen</button><button>Jetzt abonnieren</button><a href="/abo/login">Anmelden</a></div>`);
    expect(findUnknownBanner(document)).toMatchObject({ found: true, choice: null, reason: 'paywall' });
  });

  it('chooses nothing on an age gate', () => {
    page(`<div role="dialog" aria-modal="true"><p>Are you 18 or older?</p><button>Yes, I am 18+</button><button>No</button></div>`);
    const finding = findUnknownBanner(document);
    expect(finding).toMatchObject({ found: true, choice: null, reason: 'ageGate' });
    expect(finding.elements.button).toBeNull();
  });

  it('does not take a newsletter modal for a consent dialog', () => {
    page(`<div role="dialog" style="${fixed}"><h2>Get our newsletter</h2><p>The week’s best stories in your inbox every Friday.</p>
      <input type="email" placeholder="Email"><button>Subscribe</button><button>No thanks</button></div>`);
    expect(findUnknownBanner(document)).toMatchObject({ found: false, choice: null, reason: null, buttons: [] });
  });

  it('does not take a sticky footer of privacy links for a banner', () => {
    page(`<footer style="position:sticky;bottom:0"><a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookie settings</a>
      · <a href="/partners">Our partners</a> · <button>Log in</button> · <button>Subscribe</button></footer>`);
    expect(findUnknownBanner(document).found).toBe(false);
  });

  it('chooses nothing when the only button accepts', () => {
    page(`<div style="${fixed}"><p>This website uses cookies to improve your experience and for analytics.</p><button>Accept</button></div>`);
    expect(findUnknownBanner(document)).toMatchObject({ found: true, choice: null, reason: 'noReject', buttons: [{ text: 'Accept', role: 'accept' }] });
  });

  it('chooses "Reject all" next to "Accept all"', () => {
    page(`<div style="${fixed}"><p>We use cookies and similar technologies with our partners.</p>
      <button>Accept all</button><button>Reject all</button></div>`);
    expect(findUnknownBanner(document).choice).toEqual({ text: 'Reject all', role: 'reject' });
  });

  it('ignores hidden and transparent banners and hidden buttons', () => {
    page(`<div style="${fixed};display:none"><p>We use cookies with our partners.</p><button>Reject all</button></div>
      <div style="${fixed};opacity:0"><p>We use cookies with our partners.</p><button>Reject all</button></div>`);
    expect(findUnknownBanner(document).found).toBe(false);
    page(`<div style="${fixed}"><p>We use cookies with our partners.</p><button>Accept all</button><button style="display:none">Reject all</button></div>`);
    expect(findUnknownBanner(document)).toMatchObject({ found: true, reason: 'noReject' });
  });

  it('does not follow a refusal that is a link to another page (German revoke links)', () => {
    page(`<div style="${fixed}"><p>Wir verwenden Cookies und ähnliche Technologien.</p>
      <button>Akzeptieren</button><a href="/datenschutz#widerruf">Ablehnen</a></div>`);
    expect(findUnknownBanner(document)).toMatchObject({ found: true, choice: null, reason: 'ambiguous' });
  });

  it('saves only when every switch is off', () => {
    const banner = (checked: string) => `<div style="${fixed}"><p>We use cookies with our partners for analytics.</p>
      <label><input type="checkbox" checked disabled> Necessary</label>
      <label><input type="checkbox" ${checked}> Analytics</label>
      <button>Accept all</button><button>Save my choices</button></div>`;
    page(banner(''));
    expect(findUnknownBanner(document).choice).toEqual({ text: 'Save my choices', role: 'save' });
    page(banner('checked'));
    expect(findUnknownBanner(document)).toMatchObject({ choice: null, reason: 'ambiguous' });
  });

  it('looks inside a fixed wrapper that holds the whole page', () => {
    const article = '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(300) + '</p>';
    page(`<div style="position:fixed;inset:0;overflow:auto">${article}
      <div role="dialog"><p>We use cookies with our partners.</p><button>Decline</button></div></div>`);
    expect(findUnknownBanner(document).choice).toEqual({ text: 'Decline', role: 'reject' });
  });

  it('does not count a hidden second layer as page content', () => {
    const vendors = '<li>Vendor and partner with a long purpose description for advertising. </li>'.repeat(120);
    page(`<div style="${fixed}"><p>We use cookies with our partners.</p><button>Accept all</button><button>Reject all</button>
      <div style="display:none"><ul>${vendors}</ul><button>Confirm my choices</button></div></div>`);
    const finding = findUnknownBanner(document);
    expect(finding.choice).toEqual({ text: 'Reject all', role: 'reject' });
    expect(finding.buttons.map((b) => b.text)).toEqual(['Accept all', 'Reject all']);
  });

  it('stops at its time budget and says the scan was incomplete', () => {
    page('<div>' + '<span>x</span>'.repeat(500) + `</div><div style="${fixed}"><p>We use cookies with our partners.</p><button>Reject all</button></div>`);
    const finding = findUnknownBanner(document, { budgetMs: -1 });
    expect(finding.complete).toBe(false);
    expect(finding.found).toBe(false);
  });

  it('stopped at its budget, has read no more of a huge page than the elements it reached', () => {
    page('<p>x</p>'.repeat(20_000));
    let listed = 0;
    const owner = (function find(proto: object): object {
      return Object.getOwnPropertyDescriptor(proto, 'children') ? proto : find(Object.getPrototypeOf(proto) as object);
    })(document.body);
    const descriptor = Object.getOwnPropertyDescriptor(owner, 'children')!;
    Object.defineProperty(owner, 'children', { ...descriptor, get(this: Element) { listed += descriptor.get!.call(this).length; return descriptor.get!.call(this); } });
    try {
      const finding = findUnknownBanner(document, { budgetMs: -1 });
      expect(finding.complete).toBe(false);
    } finally {
      Object.defineProperty(owner, 'children', descriptor);
    }
    // Listing the body's children alone would be 20,000 elements.
    expect(listed).toBeLessThan(100);
  });

  it('walks open shadow roots before the host\'s own children, and finds a banner in one', () => {
    const host = page('<div id="host"><p>Article text.</p></div>').querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<div style="${fixed}"><p>We use cookies with our partners.</p><button>Reject all</button></div>`;
    const finding = findUnknownBanner(document);
    expect(finding.found).toBe(true);
    expect(finding.inShadowRoot).toBe(true);
    expect(finding.choice).toEqual({ text: 'Reject all', role: 'reject' });
  });

  it('can be sent as a message: the live elements are not part of the data', () => {
    page(`<div style="${fixed}"><p>We use cookies with our partners.</p><button>Reject all</button></div>`);
    const finding = findUnknownBanner(document);
    const sent = structuredClone(finding) as unknown as Record<string, unknown>;
    expect(sent.elements).toBeUndefined();
    expect(sent).toEqual(toReport(finding));
    expect(JSON.parse(JSON.stringify(finding))).toEqual(toReport(finding));
  });
});

describe('pressChoice and answerUnknownBanner', () => {
  const banner = () =>
    page(`<div id="b" style="${fixed}"><p>Chúng tôi sử dụng cookie cùng các đối tác.</p>
      <button id="yes">Chấp nhận tất cả</button><button id="no">Từ chối tất cả</button></div>`);

  it('clicks the refusal and sees the dialog go', async () => {
    banner();
    let answer = '';
    document.getElementById('no')!.addEventListener('click', () => {
      answer = 'rejected';
      setTimeout(() => document.getElementById('b')!.remove(), 100);
    });
    const result = await pressChoice(findUnknownBanner(document));
    expect(result).toEqual({ pressed: true, gone: true });
    expect(answer).toBe('rejected');
  });

  it('reports a dialog that stays', async () => {
    banner();
    expect(await pressChoice(findUnknownBanner(document), { timeoutMs: 100 })).toEqual({ pressed: true, gone: false });
  });

  it('presses nothing when the button changed since the scan, or when nothing was chosen', async () => {
    banner();
    const finding = findUnknownBanner(document);
    document.getElementById('no')!.textContent = 'Đăng ký ngay';
    expect(await pressChoice(finding)).toEqual({ pressed: false, gone: false });
    page(`<div style="${fixed}"><p>We use cookies with our partners.</p><button>Accept</button></div>`);
    expect(await answerUnknownBanner(findUnknownBanner(document))).toEqual({ pressed: false, gone: false, unlocked: [] });
  });

  it('undoes the scroll lock the banner left behind', async () => {
    banner();
    document.body.style.cssText = 'overflow:hidden;position:fixed;top:-400px;width:100%';
    document.getElementById('no')!.addEventListener('click', () => document.getElementById('b')!.remove());
    const result = await answerUnknownBanner(findUnknownBanner(document));
    expect(result).toEqual({ pressed: true, gone: true, unlocked: ['body.position', 'body.overflow'] });
    expect(document.body.style.overflow).toBe('');
    expect(document.body.style.position).toBe('');
    expect(window.scrollY).toBe(400);
  });
});

describe('restoreScroll', () => {
  it('overrides a lock that comes from a stylesheet class', () => {
    page('<style>.no-scroll { overflow: hidden; }</style><p>Text</p>');
    document.documentElement.className = 'no-scroll';
    expect(restoreScroll(document)).toEqual(['html.overflow']);
    expect(getComputedStyle(document.documentElement).overflow).not.toBe('hidden');
    document.documentElement.className = '';
  });

  it('changes nothing on a page that is not locked', () => {
    page('<p>Text</p>');
    expect(restoreScroll(document)).toEqual([]);
  });
});

describe('shouldScanFrame', () => {
  it('scans the top frame', () => {
    expect(shouldScanFrame(window)).toBe(true);
  });
});
