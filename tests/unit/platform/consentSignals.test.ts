// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answersOnContainer, containerAdapter, KNOWN_ADAPTER_IDS, KNOWN_CONTAINERS } from '../../../core/consent/containers';
import { ADAPTERS } from '../../../core/consent/cmps/registry';
import { mentionsDialogWords } from '../../../core/consent/signals';
import { watchForConsentSignals, type ConsentSignal } from '../../../platform/content/consentSignals';

const fixed = 'position:fixed;bottom:0;left:0;right:0';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** Starts the watch on the current document; the signals it gave so far. */
function watch(): ConsentSignal[] {
  const seen: ConsentSignal[] = [];
  watchForConsentSignals((signal) => seen.push(signal));
  return seen;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('known CMP containers', () => {
  it('name only adapters that exist, and every selector parses', () => {
    const ids = new Set(ADAPTERS.map((a) => a.id));
    for (const id of KNOWN_ADAPTER_IDS) {
      expect(ids.has(id), id).toBe(true);
      expect(() => document.querySelector(KNOWN_CONTAINERS[id]!.join(','))).not.toThrow();
    }
  });

  it('tell which adapter a container belongs to, and leave message-frame CMPs to their frame', () => {
    document.body.innerHTML = '<div id="onetrust-consent-sdk"></div><div id="sp_message_container_12"></div>';
    expect(containerAdapter((s) => document.getElementById('onetrust-consent-sdk')!.matches(s))).toBe('onetrust');
    expect(containerAdapter((s) => document.getElementById('sp_message_container_12')!.matches(s))).toBe('sourcepoint');
    expect(answersOnContainer('onetrust')).toBe(true);
    expect(answersOnContainer('sourcepoint')).toBe(false);
    expect(answersOnContainer('nosuchcmp')).toBe(false);
  });
});

describe('dialog words', () => {
  it('know consent and age words in the lexicons\' languages, and not an ordinary article', () => {
    for (const text of ['We use cookies', 'Wir brauchen Ihre Einwilligung', 'Chúng tôi cần sự đồng ý của bạn', 'Potrzebujemy Twojej zgody', 'Jesteś pełnoletni?', 'Confirm your age', 'Nur ab 18 Jahren', '18+ only']) {
      expect(mentionsDialogWords(text), text).toBe(true);
    }
    expect(mentionsDialogWords('The last ferry leaves at 21:40, 18 minutes after high water; the 2018 timetable is gone.')).toBe(false);
  });
});

describe('watchForConsentSignals', () => {
  it('says nothing on a page without a dialog, even one whose footer speaks of cookies', async () => {
    document.body.innerHTML = '<main><p>The island timetable follows the tides.</p></main><footer><a href="/c">Cookie policy</a></footer>';
    const seen = watch();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More about the tides.' }));
    await settle();
    expect(seen).toEqual([]);
  });

  it('names the adapter of a known container already in the page', () => {
    document.body.innerHTML = '<div id="CybotCookiebotDialog"></div>';
    expect(watch()).toEqual([{ adapter: 'cookiebot' }]);
  });

  it('sees a fixed box that speaks of consent when it is added, once', async () => {
    const seen = watch();
    const banner = document.createElement('div');
    banner.setAttribute('style', fixed);
    banner.innerHTML = '<p>Nous utilisons des traceurs avec votre consentement.</p><button>Refuser</button>';
    document.body.append(banner);
    await settle();
    document.body.append(banner.cloneNode(true));
    await settle();
    expect(seen).toEqual([{ adapter: null }]);
  });

  it('sees a dialog inside an open shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><p>Wir verwenden Cookies.</p></div>';
    expect(watch()).toEqual([{ adapter: null }]);
  });
});
