/**
 * Text built to break the policy reader: huge, binary, malformed and
 * adversarial inputs. One list, read by the reader's unit tests
 * (tests/unit/core/hostile/policy.test.ts) and served by the fixture server
 * as the privacy policies of the `hostile-text-N.test` sites, which the
 * built extension reads in tests/e2e/security-hostile-corpus.e2e.ts. Each
 * input is made when asked for (some are megabytes), never kept.
 */

export const MB = 1024 * 1024;

/** `unit` repeated to at least `chars` characters. */
export const fill = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length));

/** A deterministic pseudo-random byte source (xorshift), so every run feeds the same bytes. */
export function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
export const latin1 = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);
export const utf8Lossy = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);

/** A named input: `text` is read as plain text, `html` as a page. */
export interface HostileText {
  name: string;
  kind: 'text' | 'html';
  make: () => string;
}

const text = (name: string, make: () => string): HostileText => ({ name, kind: 'text', make });
const html = (name: string, make: () => string): HostileText => ({ name, kind: 'html', make });

/** Past the reader's input cap (and the fetcher's 2 MiB). */
export const HUGE_TEXTS: readonly HostileText[] = [
  text('4 MB of policy keywords ("email @ sell days")', () => fill('email @ sell days privacy@ ', 4 * MB)),
  text('one 3 MB line without a break or a full stop', () => fill('we sell your personal data and keep it 30 days ', 3 * MB)),
  text('a million "email"s', () => 'email '.repeat(1_000_000)),
  text('3 MB of "@"', () => '@'.repeat(3 * MB)),
  text('a million "sell"s, then a denial', () => `${'sell '.repeat(1_000_000)} We do not sell your data.`),
  text('a million "days"', () => '30 days '.repeat(1_000_000)),
];

/** 3.5 MB of HTML, past the HTML cap. */
export const HUGE_HTML: HostileText = html('3.5 MB of HTML', () => fill('<p>We keep your email address for 30 days.</p>', 3.5 * MB));

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

/** Files that are not text, read as if they were (the unit tests read each as text and as HTML). */
export const BINARY_TEXTS: readonly HostileText[] = [
  text('1 MB of random bytes (latin1)', () => latin1(bytes(MB))),
  text('1 MB of random bytes decoded as UTF-8 (replacement characters)', () => utf8Lossy(bytes(MB, 11))),
  text('a million NULs', () => '\u0000'.repeat(1_000_000)),
  text('lone and reversed surrogates', () => '\ud800x\udc00\udbff\ud800'.repeat(100_000)),
  text('a PDF', () => `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nstream\n${latin1(bytes(300_000, 3))}\nendstream\n%%EOF`),
  text('a ZIP', () => `PK\u0003\u0004\u0014\u0000\u0000\u0000${latin1(bytes(300_000, 5))}`),
  text('a PNG', () => `${latin1(new Uint8Array(PNG_HEAD))}${latin1(bytes(300_000, 9))}`),
];

export const MALFORMED_HTML: readonly HostileText[] = [
  html('100,000 unclosed <div>s', () => '<div>'.repeat(100_000) + 'We sell your data.'),
  html('100,000 unclosed inline <b>s', () => '<b>'.repeat(100_000) + 'We sell your data.'),
  html('an attribute flood', () => `<p ${'a="b" '.repeat(400_000)}>We do not sell your data.</p>`),
  html('an attribute with 2 MB of value', () => `<a href="mailto:${'a'.repeat(2 * MB)}@x.com">privacy</a>`),
  html('a script flood', () => '<script>we sell your data</script>'.repeat(80_000)),
  html('an unclosed script', () => `<p>We do not sell your data.</p><script>${'we sell your personal data. '.repeat(50_000)}`),
  html('a style flood', () => '<style>p{color:red}</style>'.repeat(100_000)),
  html('a comment bomb', () => '<!--'.repeat(700_000)),
  html('an unclosed comment', () => `<p>We do not sell your data.</p><!--${'x'.repeat(2 * MB)}`),
  html('an entity flood', () => '&amp;'.repeat(600_000)),
  html('numeric entity flood, out of range and surrogate code points', () => '&#99999999;&#xD800;&#0;&#x110000;&bogus;'.repeat(60_000)),
  html('a table of 100,000 rows (was quadratic)', () => `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(100_000)}</table>`),
  html('200,000 paragraphs (was quadratic)', () => '<p>x</p>'.repeat(200_000)),
  html('a CDATA and processing-instruction flood', () => '<![CDATA[x]]><?xml x?>'.repeat(100_000)),
  html('unterminated tags', () => '<a href="'.repeat(200_000)),
  html('tag names and attributes that are not names', () => '<\u0000 \u0001=\u0002><<<>>>'.repeat(100_000)),
  html('headings that cannot be placed in the text (was quadratic)', () => '<h2>a<br>b</h2>'.repeat(150_000)),
  html('links that cannot be placed in the text (was quadratic)', () => '<p>e<a href="https://shop.example/privacy">\u0301</a>'.repeat(60_000)),
];

/**
 * One crafted input per regular expression in core/policy: long runs of what its quantifiers accept,
 * followed by what makes it fail. (core/requests has no regular expression with a nested or unbounded
 * quantifier over outside text: its templates are parsed by hand.)
 */
export const ADVERSARIAL_TEXTS: readonly HostileText[] = [
  text('normalise INVISIBLE / CONTROL / HORIZONTAL_SPACE', () => fill(' \t\u00a0\u2000\u200b\u00ad\u0001', 600_000) + 'x'),
  text('normalise line breaks ( ?\\n ?, \\n{3,})', () => fill(' \n \r\n\u2028', 600_000) + 'x'),
  text('segment SETEXT_UNDERLINE', () => `Title\n${'='.repeat(500_000)}-`),
  text('segment bold heading **…**', () => fill('**a', 500_000)),
  text('segment numbered heading', () => fill('1.1.1.1. ', 500_000)),
  text('segment SENTENCE_END and ABBREVIATION', () => fill('e.g. i.e. a. ', 600_000)),
  text('segment a Markdown heading of the whole text (was quadratic)', () => `# sharing rights retention privacy ${'x'.repeat(280_000)}\n${'We share it. '.repeat(24_000)}`),
  text('language NOISE ](…)', () => fill('](', 600_000)),
  text('language NOISE URL and address', () => fill('https://a', 300_000) + fill('a.', 300_000)),
  text('links-in-text MARKDOWN_LINK', () => fill('[', 600_000)),
  text('links-in-text MARKDOWN_LINK target', () => fill('[](http://a', 600_000)),
  text('links-in-text MARKDOWN_LINK title', () => `[a](https://x "${'b'.repeat(600_000)}`),
  text('links-in-text BARE_URL and its trailing-punctuation trim', () => fill(`http://${'.'.repeat(993)} `, 600_000)),
  text('links-in-text Markdown and bare links mixed (was quadratic)', () => fill('[a](https://x.example/p) https://y.example/q ', 600_000)),
  text('emails PLAIN_OR_BRACKETED local part', () => fill('a.', 300_000) + '@'),
  text('emails PLAIN_OR_BRACKETED domain labels', () => `a@${fill('a-', 600_000)}`),
  text('emails PLAIN_OR_BRACKETED dotted labels', () => fill(`a@${'a.'.repeat(5)}`, 600_000)),
  text('emails AT_BRACKETED / DOT_BRACKETED', () => fill('a [at] b [dot] ', 600_000)),
  text('emails SPELLED', () => fill('a at b dot ', 600_000)),
  text('emails ANCHOR lookahead', () => fill(` at ${'a'.repeat(63)}`, 600_000)),
  text('emails: 60,000 distinct addresses (was quadratic)', () => Array.from({ length: 60_000 }, (_, i) => `u${i}@shop.example`).join(' ')),
  text('emails: many "x@"', () => 'x@'.repeat(300_000)),
  text('contacts PHONE', () => fill('phone ', 300_000) + fill('tel. +1 ', 300_000)),
  text('contacts mailto address check', () => `<a href="mailto:a@${'a.'.repeat(100_000)}1">x</a>`),
  text('postal CUE and POSTCODE', () => fill(`by post ${'12345 '.repeat(40)}`, 600_000)),
  text('controller ORG', () => fill('Aa Bb Cc Dd Ee Ff Gg ', 300_000) + fill('A AG x ', 300_000)),
  text('controller ORG word runs', () => fill('A', 600_000)),
  text('controller ORG_VI', () => fill('Công ty TNHH Aa ', 600_000)),
  text('controller nameFromSite', () => 'x'.repeat(600_000)),
  text('sale negation and CLAUSE_END', () => fill('we do not sell, but ', 600_000)),
  text('sale sharesForAdvertising .{0,80}?', () => fill('share ', 600_000)),
  text('sale HEDGE', () => fill('opt out ', 300_000) + fill('sell data ', 300_000)),
  text('duration NUMBER', () => fill('1 - 1 ', 300_000) + '1'.repeat(300_000)),
  text('duration number words', () => fill('eighteen (18) ', 600_000)),
  text('dates after "last updated"', () => fill('last updated 12.12.12 may may 2024 ngày 1 tháng ', 600_000)),
  text('childrenAge AGE', () => fill('children under 13 years ', 600_000)),
  text('sharing DENIED_HERE and CLAUSE_BREAK', () => fill('we do not share it with not ', 600_000)),
  text('sharing NEGATION_AFTER', () => fill('übermitteln ', 600_000)),
  text('rights RIGHTS_SECTION', () => fill('right to access ', 600_000)),
  text('match: every lexicon trie at once', () => fill('personal data controller retain cookies third parties ', 600_000)),
];

/** A hostile input as a site serves it: its own host, with a home page that links `/privacy`. */
export interface ServedHostileText extends HostileText {
  host: string;
  contentType: 'text/plain; charset=utf-8' | 'text/html; charset=utf-8';
}

/** What opens every served input, so that the reader takes it for a policy and keeps what it read, rather than only reading it and setting it aside. */
const PREAMBLE = {
  text: 'Privacy policy\n\nThis privacy policy says how the shop processes your personal data.\n\n',
  html: '<!doctype html><title>Privacy policy</title><h1>Privacy policy</h1><p>This privacy policy says how the shop processes your personal data.</p>\n',
} as const;

/** Characters a malformed page is cut to when served: under the fetcher's 2 MiB cap, so the browser's reader parses it rather than refusing it unread. */
export const SERVED_HTML_CHARS = 1_900_000;

const served = (input: HostileText, kind: HostileText['kind'] = input.kind, cut = Infinity): HostileText => ({
  name: Number.isFinite(cut) ? `${input.name}, cut to ${cut} characters` : input.name,
  kind,
  make: () => PREAMBLE[kind] + input.make().slice(0, cut),
});

/**
 * Every input above, each at its own site (a policy is kept per site) and
 * after a short preamble that names it a privacy policy. Binary files are
 * served twice, as plain text and as HTML, as misconfigured servers send
 * them; the malformed pages are cut to fit the fetcher's cap (the huge
 * inputs are there to meet it); the adversarial texts once as text and their
 * first twelve again inside a paragraph.
 */
export const SERVED_HOSTILE_TEXTS: readonly ServedHostileText[] = [
  ...HUGE_TEXTS.map((t) => served(t)),
  served(HUGE_HTML),
  ...BINARY_TEXTS.flatMap((t) => [served(t, 'text'), served(t, 'html')]),
  ...MALFORMED_HTML.map((t) => served(t, t.kind, SERVED_HTML_CHARS)),
  ...ADVERSARIAL_TEXTS.map((t) => served(t)),
  ...ADVERSARIAL_TEXTS.slice(0, 12).map((t) => served(html(`${t.name}, in a paragraph`, () => `<p>${t.make().slice(0, 200_000)}</p>`))),
].map((input, i) => ({
  ...input,
  host: `hostile-text-${i}.test`,
  contentType: input.kind === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
}));

/** The served input of `host`, if it is one of the `hostile-text-N.test` sites. */
export function servedHostileText(host: string): ServedHostileText | undefined {
  const match = /^hostile-text-(\d+)\.test$/.exec(host);
  return match ? SERVED_HOSTILE_TEXTS[Number(match[1])] : undefined;
}

/** The home page of a `hostile-text-N.test` site: ordinary, with one link to its policy. */
export function hostileTextHome(input: ServedHostileText): string {
  const name = input.name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Hostile text shop</title></head>
<body>
<h1>A shop whose privacy policy is hostile text</h1>
<p>${name}</p>
<footer><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
`;
}
