/**
 * Letters from hostile text: every field that comes from a page, a policy or the user carries header
 * injections, mailto specials, HTML, template look-alikes, bidi and zero-width characters, NUL, lone
 * surrogates and 100,000-character strings, for every regime x type, in each language, as request,
 * reminder and complaint. Each letter then goes through every channel (mailto, .eml, .ics) and is parsed
 * back: exactly the intended recipient and headers, nothing injected, nothing expanded.
 */
import { describe, expect, it } from 'vitest';
import { buildEml, buildIcs, buildMailto, checkEmailAddress, MAILTO_MAX_LENGTH } from '../../../../core/requests/channels';
import { renderFollowUp, renderLetter } from '../../../../core/requests/letter';
import { REGIMES } from '../../../../core/requests/regimes';
import { LETTER_LANGUAGES, type FollowUpInput, type LedgerFacts, type Letter, type LetterInput } from '../../../../core/requests/types';

const GUARD = 30_000;
const LONG = 'L'.repeat(100_000);

/** Hostile strings, each named, as a page, a policy or a user could put them in any field. */
const PAYLOADS: Record<string, string> = {
  header: 'x\r\nBcc: evil@attacker.example',
  headerBody: 'x\r\n\r\nBcc: evil@attacker.example\r\n\r\nforged body',
  bareBreaks: 'x\rCc: evil@attacker.example\nTo: evil@attacker.example',
  unicodeBreaks: 'x\u2028Bcc: evil@attacker.example\u2029\u0085Cc: evil@attacker.example\u000b\u000c',
  mailto: '?&#=%25%0D%0Abcc=evil@attacker.example&body=forged#frag%',
  html: '<img src=x onerror=alert(1)><script>alert(2)</script>',
  textarea: '</textarea></pre><b onmouseover=alert(3)>bold</b>',
  tokens: '{{user.email}} {{identity.email}} {{> letter}} {{#each facts.cookies}}C{{/each}} {{!c}} \\{{ {{facts.stored.tcString}}',
  uiTokens: '{to} {count} {{ {date}',
  bidi: '\u202eelgoog\u202c \u2066x\u2069 pri\u200dvacy\u200b',
  nul: 'nul\u0000byte\u0001\u007f',
  surrogates: 'lone\ud800high\udc00low',
  ics: 'BEGIN:VEVENT\r\nSUMMARY:forged\r\nEND:VEVENT\r\nEND:VCALENDAR',
  encodedWord: '=?UTF-8?B?QmNjOiBldmlsQGF0dGFja2VyLmV4YW1wbGU=?=',
  long: LONG,
};
/** Every payload but the long one in one string (the long one goes through each channel on its own below). */
const ALL = Object.entries(PAYLOADS).filter(([k]) => k !== 'long').map(([, v]) => v).join(' | ');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What oneLine-style text looks like: no C0/C1 line breaks, no NUL, no lone surrogate. */
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** In a letter body: only line feeds and tabs as control characters, no lone surrogate. */
const FORBIDDEN_IN_BODY = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hostileFacts(p: string): LedgerFacts {
  return {
    asked: { purposes: [p, 'analytics', '__proto__', 'constructor'], vendors: [p, `Vendor ${p}`], formFields: ['email'], permissions: ['geolocation'] },
    refused: { purposes: [p, 'advertising'], at: Date.UTC(2026, 2, 4, 9, 30) },
    cookiesDespiteRefusal: [{ name: p, domain: p, purpose: p, at: Date.UTC(2026, 2, 4, 9, 31) }, { name: '_ga', domain: 'shop.example', purpose: 'analytics', at: Date.UTC(2026, 2, 4, 9, 32) }],
    storedConsent: { cmp: p, purposesOn: [p], purposesOff: [p], legitimateInterestOn: [p], tcString: p, readAt: Date.UTC(2026, 2, 4, 9, 30, 5) },
    thirdParties: [p, 'tracker.example'],
    policy: { controller: p, url: `https://shop.example/${p}` },
  };
}

function hostileInput(p: string, over: Partial<LetterInput> = {}): LetterInput {
  return {
    regime: 'gdpr',
    type: 'access',
    language: 'en',
    company: { name: `Shop ${p}`, site: `shop.example${p}`, contact: `Privacy team ${p}\n1 Road ${p}\nHanoi` },
    identity: {
      name: `Lan ${p}`,
      email: `lan${p}@mail.example`,
      postalAddress: `1 Street ${p}\nCity ${p}`,
      accountIds: [{ label: `Customer ${p}`, value: `C-${p}` }],
    },
    facts: hostileFacts(p),
    today: '2026-03-10',
    details: `I ask ${p}\nagain ${p}`,
    ...over,
  };
}

function followUp(p: string, over: Partial<LetterInput>): FollowUpInput {
  return {
    ...hostileInput(p, over),
    original: { sentAt: '2026-03-10', dueDate: '2026-04-10', channel: p },
    authority: { slug: 'x', name: `Authority ${p}`, country: 'DE', email: null, webForm: null, address: `Street ${p}\nBerlin`, web: null, credit: p },
  };
}

/**
 * The plain-text checks every letter passes, whatever went in. Multi-line fields (the user's own words, the
 * postal addresses that head the letter) keep their lines, so their lines may start with anything; no other
 * field may start a line.
 */
function expectInert(letter: Letter, p: string): void {
  expect(letter.subject).not.toMatch(FORBIDDEN_IN_LINE);
  expect(letter.body).not.toMatch(FORBIDDEN_IN_BODY);
  const multiLine = [`I ask ${p}\nagain ${p}`, `Privacy team ${p}\n1 Road ${p}\nHanoi`, `Street ${p}\nBerlin`];
  // Addresses keep their '\n' lines, the user's words any line break: both ways of splitting count.
  const lines = multiLine.flatMap((v) => [...v.split('\n'), ...v.split(/\r\n?|[\n\u2028\u2029]/)]);
  const own = new Set(lines.map((l) => l.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(LONE_SURROGATE, '\ufffd').trim()));
  const others = letter.body.split('\n').filter((line) => !own.has(line.trim())).join('\n');
  expect(others).not.toMatch(/^\s*(?:Bcc|Cc|To|BEGIN|END|SUMMARY):/m);
}

// ---------------------------------------------------------------------------
// Parsing the channels back

const RECIPIENT = 'privacy@shop.example';

function checkMailto(letter: Letter): void {
  const built = buildMailto(RECIPIENT, letter.subject, letter.body, Number.MAX_SAFE_INTEGER);
  if (!('url' in built)) throw new Error('expected a URL');
  const url = new URL(built.url);
  expect(url.protocol).toBe('mailto:');
  expect(decodeURIComponent(url.pathname)).toBe(RECIPIENT);
  expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  expect(url.searchParams.get('subject')).toBe(letter.subject);
  expect(url.searchParams.get('body')).toBe(letter.body.replace(/\n/g, '\r\n'));
  expect(url.hash).toBe('');
  // The default limit: long letters are refused, not cut.
  const capped = buildMailto(RECIPIENT, letter.subject, letter.body);
  if ('url' in capped) expect(capped.url).toBe(built.url);
  else expect(capped.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
}

function decodeWords(value: string): string {
  const words = value.split(' ').filter(Boolean);
  if (!words.every((w) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=$/.test(w))) return value;
  const bytes = words.flatMap((w) => [...atob(w.slice(10, -2))].map((c) => c.charCodeAt(0)));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function checkEml(letter: Letter, from: string | null): void {
  const eml = buildEml({ from, to: RECIPIENT, subject: letter.subject, body: letter.body, date: Date.UTC(2026, 2, 10, 9) });
  // Every line break is CRLF.
  expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const split = eml.indexOf('\r\n\r\n');
  const head = eml.slice(0, split).split('\r\n');
  for (const line of head) expect(line.length).toBeLessThanOrEqual(998);
  // Unfold: a line starting with a space continues the one before.
  const fields: string[] = [];
  for (const line of head) {
    if (line.startsWith(' ')) fields[fields.length - 1] += line;
    else fields.push(line);
  }
  const names = fields.map((f) => f.slice(0, f.indexOf(':')));
  expect(names).toEqual([...(from ? ['From'] : []), 'To', 'Subject', 'Date', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'X-Unsent']);
  expect(fields.find((f) => f.startsWith('To:'))).toBe(`To: ${RECIPIENT}`);
  const subject = fields.find((f) => f.startsWith('Subject: '))!.slice('Subject: '.length);
  expect(decodeWords(subject)).toBe(letter.subject);
  // The body: base64 lines of at most 76 characters, decoding to the letter.
  const bodyLines = eml.slice(split + 4).split('\r\n').filter(Boolean);
  for (const line of bodyLines) expect(line).toMatch(/^[A-Za-z0-9+/=]{1,76}$/);
  const raw = atob(bodyLines.join(''));
  expect(new TextDecoder().decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)))).toBe(letter.body.replace(/\n/g, '\r\n'));
}

function unescapeIcs(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function checkIcs(summary: string, description: string): void {
  const ics = buildIcs([{ id: `req-${summary}`, summary, description, dueDate: '2026-04-10', alarmDaysBefore: [3, 0] }], Date.UTC(2026, 2, 10));
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = ics.split('\r\n').slice(0, -1);
  const encoder = new TextEncoder();
  for (const line of physical) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const names = lines.map((l) => /^[A-Z-]+/.exec(l)?.[0]);
  expect(names).toEqual([
    'BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD',
    'BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'TRANSP',
    'BEGIN', 'ACTION', 'DESCRIPTION', 'TRIGGER', 'END', 'BEGIN', 'ACTION', 'DESCRIPTION', 'TRIGGER', 'END',
    'END', 'END',
  ]);
  expect(lines.filter((l) => l.startsWith('BEGIN:') || l.startsWith('END:'))).toEqual([
    'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'BEGIN:VALARM', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR',
  ]);
  expect(lines.find((l) => l.startsWith('UID:'))).toMatch(/^UID:[A-Za-z0-9._-]+@privacy-ledger$/);
  const flat = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, ' ');
  expect(unescapeIcs(lines.find((l) => l.startsWith('SUMMARY:'))!.slice(8))).toBe(flat(summary));
  expect(unescapeIcs(lines.find((l) => l.startsWith('DESCRIPTION:'))!.slice(12))).toBe(flat(description));
}

// ---------------------------------------------------------------------------

const matrix = REGIMES.flatMap((regime) => regime.types.map((spec) => [regime.id, spec.type] as const));

describe('every regime x type with hostile text in every field', () => {
  it.each(matrix)('%s / %s: request, reminder and complaint, in each language, through mailto, .eml and .ics', (regime, type) => {
    for (const language of LETTER_LANGUAGES) {
      const over = { regime, type, language } as const;
      const letters = [
        renderLetter(hostileInput(ALL, over)),
        renderFollowUp('reminder', followUp(ALL, over)),
        renderFollowUp('complaint', followUp(ALL, over)),
      ];
      for (const letter of letters) {
        expectInert(letter, ALL);
        // Template look-alikes in data are printed as they are, never expanded.
        expect(letter.body).toContain('{{user.email}} {{identity.email}} {{> letter}} {{#each facts.cookies}}C{{/each}} {{!c}} \\{{');
        expect(letter.body).toContain('<img src=x onerror=alert(1)>');
        checkMailto(letter);
        checkEml(letter, null);
        checkIcs(letter.subject, letter.body);
      }
    }
  }, GUARD);
});

describe('each payload on its own', () => {
  it.each(Object.entries(PAYLOADS))('%s', (_name, p) => {
    const letter = renderLetter(hostileInput(p, { type: 'rectification' }));
    expectInert(letter, p);
    expect(letter.body).toContain(p.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(LONE_SURROGATE, '\ufffd').trim().split('  ')[0]);
    checkMailto(letter);
    checkEml(letter, 'lan@mail.example');
    checkIcs(`Answer due: shop.example${p}`, `GDPR · access · ${p}`);
  }, GUARD);

  it('a data value holding a template tag for another field shows the tag, not the field', () => {
    const body = renderLetter(hostileInput('plain', {
      company: { name: '{{user.email}}', site: 'shop.example', contact: null },
      identity: { name: 'Lan', email: null, postalAddress: null, accountIds: [] },
      facts: { ...hostileFacts('{{user.postalAddress}}'), thirdParties: ['{{> identity}}'] },
    })).body;
    expect(body).toContain('{{user.email}}');
    expect(body).toContain('{{user.postalAddress}}');
    expect(body).toContain('{{> identity}}');
    expect(body).not.toContain('lan@mail.example');
  });

  it('NUL, other control characters and lone surrogates in the user\'s own words are made inert, keeping the lines', () => {
    const body = renderLetter(hostileInput('plain', { type: 'rectification', details: 'line one\u0000\u0007\r\nline two \ud800x\u2028three' })).body;
    expect(body).not.toMatch(FORBIDDEN_IN_BODY);
    expect(body).toContain('line one');
    expect(body).toMatch(/line one\s*\nline two \ufffdx/);
  });
});

describe('addresses that could carry an injection are refused', () => {
  const bad = [
    'privacy@shop.example\r\nBcc: evil@attacker.example',
    'privacy@shop.example\nBcc:evil@attacker.example',
    'privacy@shop.example?bcc=evil@attacker.example',
    'privacy@shop.example&body=x',
    'privacy@shop.example#x',
    'privacy%40shop.example',
    'a,b@shop.example',
    '<privacy@shop.example>',
    '"a b"@shop.example',
    'privacy@shop.example\u0000',
    '\u202emoc.live@shop.example',
    'pri\u200dvacy@shop.example',
    'privacy@shop\u200b.example',
    'privacy\ud800@shop.example',
    'privacy@',
    '@shop.example',
    'a@b@shop.example',
  ];
  it.each(bad)('%j', (address) => {
    expect(() => checkEmailAddress(address)).toThrow();
    expect(() => buildMailto(address, 's', 'b')).toThrow();
    expect(() => buildEml({ to: address, subject: 's', body: 'b', date: 0 })).toThrow();
    expect(() => buildEml({ from: address, to: RECIPIENT, subject: 's', body: 'b', date: 0 })).toThrow();
  });

  it('an internationalised address is still accepted, and surrounding white space is trimmed', () => {
    expect(checkEmailAddress('ngườidùng@ví-dụ.vn')).toBe('ngườidùng@ví-dụ.vn');
    expect(checkEmailAddress(' privacy@shop.example\u2028')).toBe('privacy@shop.example');
  });
});
