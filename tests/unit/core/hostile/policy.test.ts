/**
 * Hostile text through the policy reader: huge, binary, malformed and adversarial inputs, Unicode tricks and
 * hostile link lists. Every input must give a summary of the documented shape whose quotes are exact
 * substrings of the normalised text at their offsets, with every cap respected and reported. Work is bounded
 * by counted caps (asserted below); no test measures time. The per-test timeout is only a hang guard: the
 * inputs marked "was quadratic" ran for minutes before their fix.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { analysePolicy, policyText } from '../../../../core/policy/analyse';
import { findEmails, MAX_EMAIL_ANCHORS, scanEmails } from '../../../../core/policy/extract/emails';
import { htmlToStructuredText, MAX_HTML_CHARS, MAX_HTML_DEPTH } from '../../../../core/policy/html';
import { detectLanguage } from '../../../../core/policy/language';
import { MAX_LINK_CANDIDATES, MAX_LINK_HREF_CHARS, rankPolicyLinks } from '../../../../core/policy/links';
import { linksInText } from '../../../../core/policy/links-in-text';
import { MAX_INPUT_CHARS, normaliseText } from '../../../../core/policy/normalise';
import { isLikelyPolicyPage } from '../../../../core/policy/policyPage';
import { MAX_SECTION_HEADING_CHARS, segment } from '../../../../core/policy/segment';
import {
  CONTACT_CHANNELS, CONTACT_ROLES, LANGUAGES, SALE_VALUES, type AnalyseInput, type Evidence, type LinkCandidate, type PolicySummary,
} from '../../../../core/policy/types';
import {
  ADVERSARIAL_TEXTS, BINARY_TEXTS, bytes, fill, HUGE_HTML, HUGE_TEXTS, latin1, MALFORMED_HTML,
} from '../../../../scripts/lib/hostileTexts';

const GUARD = 30_000;

/**
 * The hang guard for synchronous work: a per-test timeout cannot interrupt a reading that runs on (the timer
 * fires only after it returns), so these readings run in a worker thread that is stopped at GUARD. Nothing
 * is measured; a reading either ends or is stopped.
 */
function readInWorker(input: AnalyseInput): Promise<{ textLength: number; warnings: string[] }> {
  const file = new URL('./analyseWorker.ts', import.meta.url).href;
  const boot = `require('tsx/cjs/api').register(); require(require('node:url').fileURLToPath(${JSON.stringify(file)}));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: input });
    const stop = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the reading did not end within the ${GUARD / 1000} s hang guard`));
    }, GUARD);
    worker.once('message', (value: { textLength: number; warnings: string[] }) => {
      clearTimeout(stop);
      void worker.terminate();
      resolve(value);
    });
    worker.once('error', (error) => {
      clearTimeout(stop);
      reject(error);
    });
  });
}

/** Every Evidence inside a summary, wherever it sits. */
function allEvidence(value: unknown, out: Evidence[] = []): Evidence[] {
  if (Array.isArray(value)) for (const v of value) allEvidence(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string' && typeof o.start === 'number' && typeof o.end === 'number') out.push(o as unknown as Evidence);
    else for (const v of Object.values(o)) allEvidence(v, out);
  }
  return out;
}

/** The documented shape, exact quotes and the per-field caps of a summary of `text`. */
function expectSound(summary: PolicySummary, text: string): void {
  expect(summary.textLength).toBe(text.length);
  expect(text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  expect([...LANGUAGES, 'und']).toContain(summary.language);
  expect(summary.title === null || typeof summary.title === 'string').toBe(true);
  expect(summary.textHash).toMatch(/^[0-9a-f]+$/);
  expect(SALE_VALUES).toContain(summary.sale.value);
  expect(Array.isArray(summary.warnings) && summary.warnings.every((w) => typeof w === 'string')).toBe(true);
  for (const c of summary.contacts) {
    expect(CONTACT_CHANNELS).toContain(c.channel);
    expect(CONTACT_ROLES).toContain(c.role);
    if (c.channel === 'email') expect(c.value).toMatch(/^[^\s@\p{C}]{1,200}@[^\s@\p{C}]+$/u);
    if (c.channel === 'webForm') expect(new URL(c.value).protocol).toMatch(/^https?:$/);
  }
  for (const ev of allEvidence(summary)) {
    expect(ev.start).toBeGreaterThanOrEqual(0);
    expect(ev.end).toBeGreaterThanOrEqual(ev.start);
    expect(ev.end).toBeLessThanOrEqual(text.length);
    expect(ev.quote.length).toBeLessThanOrEqual(300);
    if (text.slice(ev.start, ev.end) !== ev.quote) expect.fail(`quote not at its offsets: ${JSON.stringify(ev).slice(0, 200)}`);
  }
  // The caps each extractor keeps on what it reports.
  expect(summary.contacts.filter((c) => c.channel === 'phone').length).toBeLessThanOrEqual(20);
  expect(summary.contacts.filter((c) => c.channel === 'postal').length).toBeLessThanOrEqual(10);
  expect(summary.sale.evidence.length).toBeLessThanOrEqual(3);
  expect(summary.retention.evidence.length).toBeLessThanOrEqual(3);
  expect(summary.childrenMinAge.evidence.length).toBeLessThanOrEqual(1);
  expect(summary.sharing.evidence.length).toBeLessThanOrEqual(8);
  expect(summary.lastUpdated.evidence.length).toBeLessThanOrEqual(1);
  for (const f of [summary.dataCategories, summary.purposes, summary.rights, summary.legalBases, summary.regimes]) expect(f.evidence.length).toBeLessThanOrEqual(20);
  // Plain JSON, as it is stored.
  expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
}

function read(input: AnalyseInput): PolicySummary {
  const summary = analysePolicy(input);
  expectSound(summary, policyText(input));
  return summary;
}

describe('huge text', () => {
  const cases = HUGE_TEXTS.map((t) => [t.name, t.make] as const);
  it.each(cases)('%s: cut at the input cap and said so', (_name, make) => {
    const s = read({ text: make() });
    expect(s.textLength).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(s.warnings).toContain(`Text cut to its first ${MAX_INPUT_CHARS} characters.`);
  }, GUARD);

  it(`${HUGE_HTML.name} is cut at the HTML cap, and said so`, () => {
    const s = read({ html: HUGE_HTML.make() });
    expect(s.warnings).toContain(`HTML cut to its first ${MAX_HTML_CHARS} characters.`);
    expect(s.retention.value).toEqual({ kind: 'period', days: 30 });
  }, GUARD);
});

describe('binary', () => {
  const cases = BINARY_TEXTS.map((t) => [t.name, t.make] as const);
  it.each(cases)('%s, as text and as HTML', (_name, make) => {
    const body = make();
    read({ text: body });
    read({ html: body });
    read({ text: body, contentType: 'application/octet-stream' });
  }, GUARD);

  it('control characters and NULs never reach the text', () => {
    const text = policyText({ text: `privacy\u0000@\u0001shop.example ${latin1(bytes(10_000))}` });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });
});

describe('malformed HTML', () => {
  const cases = MALFORMED_HTML.map((t) => [t.name, t.make] as const);
  it.each(cases)('%s', (_name, make) => {
    read({ html: make() });
  }, GUARD);

  it(`stops at ${MAX_HTML_DEPTH} levels of nesting and says so`, () => {
    const s = read({ html: '<div>'.repeat(MAX_HTML_DEPTH + 1) + 'deep' });
    expect(s.warnings.some((w) => w.startsWith('HTML nested too deeply'))).toBe(true);
    const shallow = read({ html: '<div>'.repeat(MAX_HTML_DEPTH - 2) + 'deep' });
    expect(shallow.warnings).toEqual([]);
  }, GUARD);

  it('drops script, style and hidden text, however it is nested or left open', () => {
    const text = policyText({ html: '<p>Visible.</p><script>secret1<p>secret2</script><style><!--secret3</style><template>secret4</template><div hidden>secret5</div><noscript>secret6' });
    expect(text).toBe('Visible.');
  });

  it('headings and links that cannot be placed in the text stop being searched at the cap, and the cut is reported (was quadratic)', () => {
    // A line break inside a heading, and a combining mark that joins the letter before the link, make each a miss.
    const headings = '<h2>a<br>b</h2>'.repeat(150_000);
    const links = '<p>e<a href="https://shop.example/privacy">\u0301</a>'.repeat(60_000);
    for (const html of [headings, links]) {
      const structured = htmlToStructuredText(html);
      expect(structured.searchCut).toBe(true);
      const s = read({ html });
      expect(s.warnings).toContain('Too many headings or links could not be placed in the text: the rest were left out.');
    }
    // An ordinary page is never cut.
    const fine = htmlToStructuredText('<h2>Contact</h2><p>Write to <a href="mailto:privacy@shop.example">privacy@shop.example</a>.</p>'.repeat(2000));
    expect(fine.searchCut).toBeUndefined();
    expect(fine.headings.length).toBe(2000);
    expect(fine.links.every((l) => fine.text.slice(l.start, l.end) === l.text)).toBe(true);
  }, GUARD);
});

const ADVERSARIAL = ADVERSARIAL_TEXTS.map((t) => [t.name, t.make] as const);

describe('inputs built to make each regular expression backtrack', () => {
  it.each(ADVERSARIAL)('%s', (_name, make) => {
    read({ text: make() });
  }, GUARD);

  it('the same inputs inside HTML', () => {
    for (const [, make] of ADVERSARIAL.slice(0, 12)) read({ html: `<p>${make().slice(0, 200_000)}</p>` });
  }, GUARD * 2);

  it(`a sentence carries at most ${MAX_SECTION_HEADING_CHARS} characters of its section heading`, () => {
    const doc = segment(`# ${'x'.repeat(10_000)}\nWe share it. We keep it.`);
    expect(doc.sentences.length).toBe(3);
    for (const s of doc.sentences) expect(s.heading.length).toBeLessThanOrEqual(MAX_SECTION_HEADING_CHARS);
    expect(doc.headings[0]!.text.length).toBe(10_000);
  });

  it(`reads at most ${MAX_EMAIL_ANCHORS} places that may hold an address, and says so`, () => {
    const text = `${'x@ '.repeat(MAX_EMAIL_ANCHORS)}privacy@shop.example`;
    const scanned = scanEmails(text);
    expect(scanned.cut).toBe(true);
    expect(scanned.hits).toEqual([]);
    const s = read({ text });
    expect(s.warnings).toContain(`More than ${MAX_EMAIL_ANCHORS} places that may hold an email address: the rest of the text was not searched for addresses.`);
    // One place fewer and the address is read.
    const under = `${'x@ '.repeat(MAX_EMAIL_ANCHORS - 1)}privacy@shop.example`;
    expect(scanEmails(under).cut).toBe(false);
    expect(findEmails(under).map((h) => h.address)).toEqual(['privacy@shop.example']);
  }, GUARD);

  it('still drops an address glued to a footnote number or to the word before it', () => {
    const hits = findEmails('Write to contact@shop.example or lacontact@shop.example or 90privacy@shop.example or privacy@shop.example.');
    expect(hits.map((h) => h.address)).toEqual(['contact@shop.example', 'privacy@shop.example']);
  });

  it('reads the same summary twice (deterministic)', () => {
    for (const [, make] of ADVERSARIAL.slice(0, 8)) {
      const text = make();
      expect(analysePolicy({ text })).toEqual(analysePolicy({ text }));
    }
  }, GUARD * 2);

  it('language detection and the policy-page test take the same inputs', () => {
    for (const [, make] of ADVERSARIAL) {
      const text = make();
      expect([...LANGUAGES, 'und']).toContain(detectLanguage(text));
      expect(typeof isLikelyPolicyPage({ text, title: text.slice(0, 300), url: null }).likely).toBe('boolean');
    }
  }, GUARD);
});

describe('Unicode tricks', () => {
  it('zero-width characters inside an address are removed and the quote stays exact', () => {
    const s = read({ text: 'To exercise your rights, email priv\u200dacy@sh\u200bop.example.', url: 'https://shop.example/privacy' });
    expect(s.contacts.map((c) => c.value)).toEqual(['privacy@shop.example']);
  });

  it('a full-width or look-alike "@" is not an address', () => {
    const s = read({ text: 'Write to privacy\uff20shop.example or privacy\ufe6bshop.example or privacy\u0040\u0338shop.example.' });
    expect(s.contacts.filter((c) => c.channel === 'email').map((c) => c.value)).toEqual([]);
  });

  it('right-to-left overrides and combining marks stay inert, and quotes stay exact', () => {
    const text = 'We \u202eles ton od\u202c sell your personal data. Privacy: p\u0301rivacy@shop.example. Ce\u0301 GmbH is the controller.';
    const s = read({ text });
    expect(s.sale.value).not.toBe('notMentioned');
    read({ html: `<p dir="rtl">${text}</p><p>${'\u0301'.repeat(100_000)}</p>` });
  });

  it('a bidi override or a zero-width joiner in a mailto link never becomes a contact', () => {
    const html = '<p>To exercise your privacy rights write to <a href="mailto:%E2%80%AEmoc.live@shop.example">our privacy team</a> or <a href="mailto:pri%E2%80%8Dvacy@shop.example">us</a>.</p>';
    const s = read({ html, url: 'https://shop.example/privacy' });
    expect(s.contacts).toEqual([]);
    expect(s.bestContact).toBeNull();
  });

  it('a malformed percent sequence in a mailto link is read as it is instead of throwing', () => {
    const s = read({ html: '<p>Write to <a href="mailto:%E0%A4%A">our privacy team</a> or <a href="mailto:privacy@shop.example%">us</a>.</p>' });
    expect(s.contacts).toEqual([]);
  });
});

describe('hostile link lists', () => {
  const link = (href: string, text = 'Privacy policy', over: Partial<LinkCandidate> = {}): LinkCandidate => ({
    href, text, ariaLabel: null, rel: null, title: null, region: 'footer', ...over,
  });
  const hostile: LinkCandidate[] = [
    link('javascript:alert(1)//privacy'),
    link('JaVaScRiPt:alert(1)'),
    link('\u0000java\tscript:alert(1)'),
    link('data:text/html,<script>alert(1)</script>privacy'),
    link('vbscript:msgbox(1)'),
    link('file:///etc/passwd#privacy'),
    link('blob:https://shop.example/1'),
    link('https://user:pass@shop.example/privacy'),
    link('https://:pass@shop.example/privacy-policy'),
    link('https://shop.example/%E0%A4%A/privacy'),
    link('https://shop.example/privacy#%ff'),
    link(`https://shop.example/${'a'.repeat(MAX_LINK_HREF_CHARS)}/privacy`),
    link('//evil.example/privacy'),
    link('https://shop.example/\u202eycavirp'),
    link('https://[::1/privacy'),
    link('', '<img src=x onerror=alert(1)>', { rel: 'privacy-policy' }),
    link('https://shop.example/privacy', 'x'.repeat(1_000_000), { ariaLabel: '\u0000'.repeat(100_000), title: '\u202e'.repeat(100_000), rel: 'privacy-policy '.repeat(10_000) }),
  ];

  it('never throws, and offers only http(s) links without credentials', () => {
    const ranked = rankPolicyLinks(hostile, 'https://shop.example/');
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      const url = new URL(r.href);
      expect(url.protocol).toMatch(/^https?:$/);
      expect(url.username + url.password).toBe('');
      expect(r.href.length).toBeLessThanOrEqual(MAX_LINK_HREF_CHARS + 100);
    }
    expect(ranked.map((r) => r.href)).toContain('https://shop.example/%E0%A4%A/privacy');
    expect(ranked.some((r) => r.href.includes('user') || r.href.includes('pass'))).toBe(false);
  });

  it('a page at a privacy address is not a policy on its address alone (an error page, a binary file)', () => {
    for (const title of ['Page not found', '\ufffd(\ufffd\ufffd', null]) {
      const signal = isLikelyPolicyPage({ text: 'Sorry, nothing here.', title, url: 'https://shop.example/privacy-policy' });
      expect(signal.likely).toBe(false);
      expect(signal.reason).toBe('URL slug');
    }
    expect(isLikelyPolicyPage({ text: 'Sorry', title: 'Privacy Policy', url: 'https://shop.example/privacy-policy' }).likely).toBe(true);
  });

  it('survives a hostile page URL', () => {
    for (const page of ['javascript:alert(1)', '', 'https://shop.example/%E0%A4%A', 'x'.repeat(100_000)]) {
      expect(() => rankPolicyLinks(hostile, page)).not.toThrow();
      expect(() => isLikelyPolicyPage({ text: 'privacy', title: 'Privacy', url: page })).not.toThrow();
    }
  });

  it(`ranks at most ${MAX_LINK_CANDIDATES} links, skipping hrefs over ${MAX_LINK_HREF_CHARS} characters`, () => {
    const many = [...Array.from({ length: MAX_LINK_CANDIDATES }, (_, i) => link(`https://shop.example/page${i}`, 'About')), link('https://shop.example/privacy')];
    expect(rankPolicyLinks(many, 'https://shop.example/')).toEqual([]);
    expect(rankPolicyLinks(many.slice(1), 'https://shop.example/').map((r) => r.href)).toEqual(['https://shop.example/privacy']);
    const long = `https://shop.example/privacy?${'a'.repeat(MAX_LINK_HREF_CHARS)}`;
    expect(rankPolicyLinks([link(long)], 'https://shop.example/')).toEqual([]);
  });

  it('links in a policy text: hostile schemes are never contacts, and web forms are http(s) only', () => {
    const html = [
      '<p>To exercise your rights, use <a href="javascript:alert(1)">this form</a>, <a href="data:text/html,x">this form</a>,',
      ' <a href="https://user:pw@shop.example/privacy-request">this form</a> or <a href="https://shop.example/privacy-request">this form</a>.</p>',
      `<p><a href="https://shop.example/${'%'.repeat(100_000)}">here</a></p>`,
    ].join('');
    const s = read({ html, url: 'https://shop.example/privacy' });
    for (const c of s.contacts) expect(c.value).not.toMatch(/^(javascript|data):/i);
    const text = policyText({ text: `[a](javascript:alert(1)) [b](https://x.example/${'('.repeat(1000)}) ${'https://'.repeat(50_000)}` });
    expect(linksInText(text).every((l) => /^(https?|mailto):/.test(l.href))).toBe(true);
  }, GUARD);
});

describe('inputs that were quadratic end within the hang guard', () => {
  const cases: [string, AnalyseInput][] = [
    ['a table of 100,000 rows', { html: `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(100_000)}</table>` }],
    ['headings that cannot be placed', { html: '<h2>a<br>b</h2>'.repeat(150_000) }],
    ['links that cannot be placed', { html: '<p>e<a href="https://shop.example/privacy">\u0301</a>'.repeat(60_000) }],
    ['a Markdown heading of the whole text', { text: `# sharing rights retention privacy ${'x'.repeat(280_000)}\n${'We share it. '.repeat(24_000)}` }],
    ['60,000 distinct addresses', { text: Array.from({ length: 60_000 }, (_, i) => `u${i}@shop.example`).join(' ') }],
    ['Markdown links beside bare links', { text: fill('[a](https://x.example/p) https://y.example/q ', 600_000) }],
  ];
  it.each(cases)('%s', async (_name, input) => {
    const got = await readInWorker(input);
    expect(got.textLength).toBeGreaterThan(0);
  }, GUARD + 10_000);
});

describe('the text the reader quotes from', () => {
  it('normalising is idempotent on hostile input, so stored text re-reads to the same offsets', () => {
    for (const [, make] of [...ADVERSARIAL.slice(0, 4), ['binary', () => latin1(bytes(50_000))] as const]) {
      const once = normaliseText(make());
      expect(normaliseText(once)).toBe(once);
    }
  }, GUARD);
});
