// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answersOnContainer, containerAdapter, KNOWN_ADAPTER_IDS, KNOWN_CONTAINER_IDS, KNOWN_CONTAINER_OTHERS, KNOWN_CONTAINERS } from '../../../core/consent/containers';
import { ADAPTERS } from '../../../core/consent/cmps/registry';
import { mentionsDialogWords } from '../../../core/consent/signals';
import { MAX_SHADOW_HOSTS, MAX_TEXT_CHARS, MAX_TEXT_NODES, watchForConsentSignals, type ConsentSignal } from '../../../platform/content/consentSignals';

const fixed = 'position:fixed;bottom:0;left:0;right:0';

const watches: (() => void)[] = [];

afterEach(() => {
  // Each test's watch ends with it: it would otherwise read the next test's page.
  watches.splice(0).forEach((stop) => stop());
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** Starts the watch on the current document; the signals it gave so far. */
function watch(): ConsentSignal[] {
  const seen: ConsentSignal[] = [];
  watches.push(watchForConsentSignals((signal) => seen.push(signal)));
  return seen;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Every node whose textContent is read, until `spy` is restored. */
function spyOnTextContent() {
  // The prototype that defines textContent for the body, wherever this DOM puts it.
  let owner: object = document.body;
  while (!Object.getOwnPropertyDescriptor(owner, 'textContent')) owner = Object.getPrototypeOf(owner) as object;
  const getter = Object.getOwnPropertyDescriptor(owner, 'textContent')!.get!;
  const reads: Node[] = [];
  const spy = vi.spyOn(owner as Node, 'textContent', 'get').mockImplementation(function (this: Node) {
    reads.push(this);
    return getter.call(this) as string;
  });
  return { reads, spy };
}

/** Lets the watch read the page: it does so once the page has painted (or after a quarter of a second), in slices. */
async function firstLook(): Promise<void> {
  await vi.advanceTimersByTimeAsync(300);
}

/**
 * A page of `paragraphs` in `<main>`: the watch finds nothing there and looks up the style of more
 * than `least` and at most `most` boxes; with a banner after them, it finds the banner. Returns the
 * style lookups that took.
 */
async function boxesLookedAt(paragraphs: string, least: number, most: number): Promise<number> {
  vi.useFakeTimers();
  const styles = vi.spyOn(window, 'getComputedStyle');
  try {
    document.body.innerHTML = `<main>${paragraphs}</main>`;
    const none = watch();
    await firstLook();
    expect(none).toEqual([]);
    expect(styles.mock.calls.length).toBeGreaterThan(least);
    expect(styles.mock.calls.length).toBeLessThanOrEqual(most);
    watches.splice(0).forEach((stop) => stop());
    styles.mockClear();
    document.body.innerHTML = `<main>${paragraphs}</main><div style="${fixed}"><p>We use cookies.</p><button>Reject</button></div>`;
    const seen = watch();
    await firstLook();
    expect(seen).toEqual([{ adapter: null }]);
    return styles.mock.calls.length;
  } finally {
    styles.mockRestore();
  }
}

describe('known CMP containers', () => {
  it('name only adapters that exist, and every selector parses', () => {
    const ids = new Set(ADAPTERS.map((a) => a.id));
    for (const id of KNOWN_ADAPTER_IDS) {
      expect(ids.has(id), id).toBe(true);
      expect(() => document.querySelector(KNOWN_CONTAINERS[id]!.join(','))).not.toThrow();
    }
  });

  it('split into ids and other selectors that together are every container, each id one a plain #id', () => {
    const all = Object.values(KNOWN_CONTAINERS).flat();
    const others = KNOWN_CONTAINER_OTHERS.split(',');
    expect([...KNOWN_CONTAINER_IDS.map((id) => `#${id}`), ...others].sort()).toEqual([...all].sort());
    expect(KNOWN_CONTAINER_IDS.length).toBeGreaterThan(5);
    for (const id of KNOWN_CONTAINER_IDS) expect(document.querySelector(`#${id}`), id).toBeNull();
    expect(others.every((s) => !/^#[\w-]+$/.test(s))).toBe(true);
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

describe('dialog words without one large regular expression', () => {
  // The single case-insensitive expression the watch used before: the lists must say exactly what it said.
  const before =
    /cookie|kakor|ciasteczk|témoin|traceur|consent|consens|consimț|consimţ|einwillig|zustimm|datenschutz|privac|prywatn|soukrom|souhlas|confidential|confidenți|vie privée|integritet|samtycke|toestemming|zgod[aęyą]|đồng ý|riêng tư|(?<!\d)(?:18|21)\s*(?:\+|years?\b|jahre|ans\b|años|anni\b|anos\b|jaar\b|lat\b|let\b|ani\b|år\b|tuổi)|\b(?:age|âge|edad|età|idade|leeftijd|wiek|wieku|věk|věku|ålder|alter|altersverifikation)\b|vârst|volljährig|majeur|maggiorenn|meerderjarig|pełnoletn|plnolet|myndig|mayor de edad|maior de idade|sunt major|đủ tuổi/i;

  it('agree with it on dialogs, prose, word edges, numbers and case', () => {
    const texts = [
      'We use COOKIES to improve', 'Accept all', 'Zgodę', 'ZGODY', 'Potrzebujemy zgody', 'DATENSCHUTZ-Einstellungen', 'Vie Privée',
      'of age', 'Of Age.', 'page', 'message', 'agent', 'age_', '_age', 'age2', 'wiek:', 'wieku', 'wiekowy', 'Alter?', 'altered',
      'âge', "l'âge", 'xâge', 'età', 'etàx', 'la età', 'věk', 'věku!', 'ålder', 'bålder',
      '18+', '18 +', '21 years', '18years', '218 years', '2018 years', 'age 18', '18 yearsx', '18 ans', '18 anser', '18 år', '18 tuổi',
      '21:40, 18 minutes after high water', 'Nur ab 18 Jahren', 'Mayor de edad', 'SUNT MAJOR', 'Đồng ý', 'ĐỦ TUỔI', '',
      'The last ferry leaves at 21:40, 18 minutes after high water; the 2018 timetable is gone.',
    ];
    for (const text of texts) expect(mentionsDialogWords(text), text).toBe(before.test(text));
  });

  it('agree with it on age limits in generated text: numbers, spaces of every kind, units and their edges', () => {
    // A small deterministic generator (no Math.random: a failure can be replayed).
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['18', '21', '1', '8', '2', '0', ' ', '\u00a0', '\u2009', '\u3000', '\t', '+', 'years', 'year', 'yearsx', 'Jahre', 'ans', 'anser', 'años', 'anni', 'anos', 'jaar', 'lat', 'let', 'ani', 'år', 'tuổi', 'x', '_', '.', ':', 'é'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + next(6) }, () => pieces[next(pieces.length)]).join('');
      expect(mentionsDialogWords(text), JSON.stringify(text)).toBe(before.test(text));
    }
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

  it('names the adapter of the known container first in the page, whether named by id or by class', () => {
    document.body.innerHTML = '<div class="cky-consent-container"></div><div id="onetrust-consent-sdk"></div>';
    expect(watch()).toEqual([{ adapter: 'cookieyes' }]);
    watches.splice(0).forEach((stop) => stop());
    document.body.innerHTML = '<div id="onetrust-consent-sdk"></div><div class="cky-consent-container"></div>';
    expect(watch()).toEqual([{ adapter: 'onetrust' }]);
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

  it('sees a dialog inside an open shadow root', async () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><p>Wir verwenden Cookies.</p></div>';
    const seen = watch();
    await firstLook();
    expect(seen).toEqual([{ adapter: null }]);
  });

  it('on a page in a hidden tab, which paints nothing, looks at once instead of waiting for a first frame', async () => {
    vi.useFakeTimers();
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    try {
      // A shown page's first look waits for its first frame.
      const page = `<main>${'<p>Item</p>'.repeat(1200)}</main><div style="${fixed}"><p>We use cookies.</p><button>Reject</button></div>`;
      for (const state of ['visible', 'hidden'] as const) {
        watches.splice(0).forEach((stop) => stop());
        visibility.mockReturnValue(state);
        document.body.innerHTML = page;
        const seen = watch();
        await vi.advanceTimersByTimeAsync(50);
        expect(seen, `${state}, soon`).toEqual(state === 'hidden' ? [{ adapter: null }] : []);
        // A shown page that paints no frame is looked at after a while all the same.
        await firstLook();
        expect(seen, `${state}, later`).toEqual([{ adapter: null }]);
      }
    } finally {
      frames.mockRestore();
      visibility.mockRestore();
    }
  });

  it('goes on watching after a look the page made throw', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main><p>We use cookies to count visits.</p></main>';
    const styles = vi.spyOn(window, 'getComputedStyle').mockImplementationOnce(() => {
      throw new Error('a hostile page');
    });
    try {
      const seen = watch();
      await firstLook();
      expect(styles).toHaveBeenCalled();
      expect(seen).toEqual([]);
      const banner = document.createElement('div');
      banner.setAttribute('style', fixed);
      banner.innerHTML = '<p>Wir verwenden Cookies.</p><button>Ablehnen</button>';
      document.body.append(banner);
      await vi.advanceTimersByTimeAsync(50);
      expect(seen).toEqual([{ adapter: null }]);
    } finally {
      styles.mockRestore();
    }
  });

  it('sees a shadow root on a custom element deep in a list, and one attached after the page was parsed', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<ul><li><a href="/">Home</a><consent-box></consent-box></li></ul><section id="late"></section>';
    document.querySelector('consent-box')!.attachShadow({ mode: 'open' }).innerHTML = '<div style="position:fixed">Zgoda na pliki</div>';
    const first = watch();
    await firstLook();
    expect(first).toEqual([{ adapter: null }]);
    document.body.innerHTML = '<main><section id="late"></section></main>';
    const seen = watch();
    await firstLook();
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog">We use cookies</div>';
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([]);
    // No mutation tells of a shadow root: the look after the page's start-up finds it.
    await vi.advanceTimersByTimeAsync(2500);
    expect(seen).toEqual([{ adapter: null }]);
  });

  it('starts each later look just after a frame, when the page\'s style is worked out', async () => {
    vi.useFakeTimers();
    const pending: FrameRequestCallback[] = [];
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (pending.push(callback), pending.length));
    try {
      document.body.innerHTML = '<main><section id="late"></section></main>';
      const seen = watch();
      pending.splice(0).forEach((callback) => callback(0));
      await firstLook();
      document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog">We use cookies</div>';
      // The look one second in asks for a frame, and waits for it (at most a quarter of a second).
      await vi.advanceTimersByTimeAsync(800);
      expect(pending).toHaveLength(1);
      expect(seen).toEqual([]);
      pending.splice(0).forEach((callback) => callback(0));
      await vi.advanceTimersByTimeAsync(10);
      expect(seen).toEqual([{ adapter: null }]);
    } finally {
      frames.mockRestore();
    }
  });

  it('reads the page text again later only where it has dialog words: a box that becomes fixed is still seen', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="notice"><p>We use cookies to measure visits.</p><button>Reject</button></div>';
    const seen = watch();
    expect(seen).toEqual([]);
    document.getElementById('notice')!.setAttribute('style', fixed);
    await vi.advanceTimersByTimeAsync(2500);
    expect(seen).toEqual([{ adapter: null }]);
  });

  it('does not read the text of a page without dialog words again after the first look', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main><p>The island timetable follows the tides.</p></main>';
    const { reads, spy } = spyOnTextContent();
    try {
      const seen = watch();
      await firstLook();
      expect(reads.filter((node) => node === document.body)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2500);
      expect(reads.filter((node) => node === document.body)).toHaveLength(1);
      expect(seen).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('never reads the whole text of a huge page at once: it walks a bounded number of nodes from each end', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<main>${'<p>The island timetable follows the tides.</p>'.repeat(MAX_TEXT_NODES * 2)}</main>`;
    const { reads, spy } = spyOnTextContent();
    const walks = vi.spyOn(document, 'createTreeWalker');
    try {
      const seen = watch();
      await firstLook();
      expect(seen).toEqual([]);
      expect(reads.filter((node) => node === document.body || node === document.documentElement)).toHaveLength(0);
      expect(walks.mock.calls.filter(([root, what]) => root === document && what === NodeFilter.SHOW_TEXT).length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
      walks.mockRestore();
    }
  }, 60_000);

  it('reads a bounded number of boxes on a huge page whose every paragraph speaks of cookies, and still finds a banner at its end', async () => {
    // One look per paragraph read, at most: not one per paragraph of the page.
    const banner = await boxesLookedAt('<p>Our cookie recipes use butter.</p>'.repeat(MAX_TEXT_NODES * 2), MAX_TEXT_NODES / 2, MAX_TEXT_NODES + 5);
    expect(banner).toBeLessThan(10);
  }, 60_000);

  it('reads about half its character budget from each end of a page of few but long paragraphs', async () => {
    // Each paragraph speaks of cookies, so each one read costs one style lookup of its box.
    const long = `Our cookie recipes use butter. ${'The dough rests overnight in a cool cellar. '.repeat(200)}`;
    const budgeted = Math.ceil(MAX_TEXT_CHARS / 2 / long.length);
    // The paragraphs of both ends' budgets (and main, body and html), not all four times as many.
    const paragraphs = `<p>${long}</p>`.repeat(budgeted * 4);
    await boxesLookedAt(paragraphs, budgeted * 2 - 2, budgeted * 2 + 5);
    // The start's half is read too: a banner placed first is found.
    watches.splice(0).forEach((stop) => stop());
    vi.useFakeTimers();
    document.body.innerHTML = `<div style="${fixed}"><p>We use cookies.</p><button>Reject</button></div><main>${paragraphs}</main>`;
    const seen = watch();
    await firstLook();
    expect(seen).toEqual([{ adapter: null }]);
  }, 60_000);

  it('looks up the style of each box once per look, however many of its lines speak of cookies', async () => {
    vi.useFakeTimers();
    const styles = vi.spyOn(window, 'getComputedStyle');
    try {
      document.body.innerHTML = `<main><section>${'<span>cookie</span>'.repeat(300)}</section></main>`;
      const seen = watch();
      await firstLook();
      expect(seen).toEqual([]);
      expect(styles.mock.calls.length).toBeGreaterThan(0);
      // 300 spans, their section, main, body and html: each once.
      expect(styles.mock.calls.length).toBeLessThanOrEqual(304);
    } finally {
      styles.mockRestore();
    }
  });

  it('asks a bounded number of elements for a shadow root on a huge page, and still finds a dialog in one at its end', async () => {
    vi.useFakeTimers();
    let owner: object = document.createElement('div');
    while (!Object.getOwnPropertyDescriptor(owner, 'shadowRoot')) owner = Object.getPrototypeOf(owner) as object;
    const getter = Object.getOwnPropertyDescriptor(owner, 'shadowRoot')!.get!;
    let asked = 0;
    const spy = vi.spyOn(owner as Element, 'shadowRoot', 'get').mockImplementation(function (this: Element) {
      asked++;
      return getter.call(this) as ShadowRoot | null;
    });
    try {
      document.body.innerHTML = '<div></div>'.repeat(MAX_SHADOW_HOSTS * 2);
      const none = watch();
      await firstLook();
      expect(none).toEqual([]);
      expect(asked).toBeGreaterThan(MAX_SHADOW_HOSTS / 2);
      expect(asked).toBeLessThanOrEqual(MAX_SHADOW_HOSTS + 5);
      watches.splice(0).forEach((stop) => stop());
      const host = document.createElement('div');
      document.body.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog">Wir verwenden Cookies.</div>';
      const seen = watch();
      await firstLook();
      expect(seen).toEqual([{ adapter: null }]);
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  it('reads a huge page in slices, letting the page run between them', async () => {
    document.body.innerHTML = `<main>${'<p>Our cookie recipes use butter.</p>'.repeat(MAX_TEXT_NODES)}</main>`;
    const styles = vi.spyOn(window, 'getComputedStyle');
    try {
      const seen = watch();
      // The page's own timer, run as often as it gets the thread: what the look had done by then.
      const between: number[] = [];
      await new Promise<void>((resolve) => {
        const tick = () => {
          between.push(styles.mock.calls.length);
          const quiet = between.length > 20 && between.at(-1)! > 0 && between.at(-20) === between.at(-1);
          if (quiet || between.length > 20_000) resolve();
          else setTimeout(tick, 1);
        };
        tick();
      });
      const total = styles.mock.calls.length;
      expect(seen).toEqual([]);
      expect(total).toBeGreaterThan(MAX_TEXT_NODES / 2);
      // The page ran while the look was part way through, more than once.
      expect(new Set(between.filter((n) => n > 0 && n < total)).size).toBeGreaterThan(1);
    } finally {
      styles.mockRestore();
    }
  }, 60_000);
});
