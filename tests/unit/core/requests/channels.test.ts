import { describe, expect, it } from 'vitest';
import { buildEml, buildIcs, buildMailto, checkEmailAddress, foldLine, icsText } from '../../../../core/requests/channels';

function decodeBase64Utf8(b64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
}

describe('buildMailto', () => {
  it('encodes subject and body per RFC 6068, with CRLF line breaks', () => {
    const r = buildMailto('privacy@shop.example', 'Access & more?', 'Line 1\nLine 2 – ü');
    expect(r).toEqual({
      url: 'mailto:privacy@shop.example?subject=Access%20%26%20more%3F&body=Line%201%0D%0ALine%202%20%E2%80%93%20%C3%BC',
    });
  });

  it('cannot be made to add headers or recipients', () => {
    const r = buildMailto('privacy@shop.example', 'Hi\r\nBcc: spy@evil.example', 'x&cc=spy@evil.example');
    if (!('url' in r)) throw new Error('expected a URL');
    const params = new URL(r.url).searchParams;
    expect([...params.keys()]).toEqual(['subject', 'body']);
    expect(params.get('subject')).toBe('Hi  Bcc: spy@evil.example');
    expect(params.get('body')).toBe('x&cc=spy@evil.example');
    expect(() => buildMailto('a@b.example?cc=spy@evil.example', 's', 'b')).toThrow('Not');
    expect(() => buildMailto('a@b.example\r\nBcc: x@y.example', 's', 'b')).toThrow('usable');
    expect(() => buildMailto('a@b.example,c@d.example', 's', 'b')).toThrow('usable');
  });

  it('says tooLong above the limit instead of cutting the letter', () => {
    const r = buildMailto('privacy@shop.example', 'S', 'x'.repeat(8100));
    expect(r).toEqual({ tooLong: true, length: expect.any(Number) });
    expect('tooLong' in r && r.length > 8000).toBe(true);
    expect('url' in buildMailto('privacy@shop.example', 'S', 'x'.repeat(100))).toBe(true);
  });

  it('refuses things that are not email addresses', () => {
    for (const bad of ['', 'shop.example', '@shop.example', 'a@', 'a@localhost', 'a b@c.example', '<a@b.example>']) {
      expect(() => checkEmailAddress(bad)).toThrow();
    }
    expect(checkEmailAddress(' dpo+requests@shop.example ')).toBe('dpo+requests@shop.example');
  });
});

describe('buildEml', () => {
  const base = { to: 'privacy@shop.example', subject: 'Yêu cầu truy cập dữ liệu cá nhân – shop.example', body: 'Xin chào,\nTrân trọng', date: Date.UTC(2026, 2, 10, 9, 30) };

  it('writes headers, a UTF-8 base64 body and an encoded-word subject', () => {
    const eml = buildEml({ ...base, from: 'lan@mail.example' });
    const [head, body] = eml.split('\r\n\r\n') as [string, string];
    expect(head).toContain('From: lan@mail.example\r\nTo: privacy@shop.example\r\n');
    expect(head).toContain('Date: Tue, 10 Mar 2026 09:30:00 +0000');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    const subjectLines = head.slice(head.indexOf('Subject: ')).split('\r\n').filter((l, i) => i === 0 || l.startsWith(' '));
    const words = subjectLines.map((l) => l.replace('Subject: ', '').trim());
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(w.startsWith('=?UTF-8?B?') && w.endsWith('?=')).toBe(true);
    }
    expect(words.map((w) => decodeBase64Utf8(w.slice(10, -2))).join('')).toBe(base.subject);
    for (const line of body.trim().split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeBase64Utf8(body.split('\r\n').join(''))).toBe('Xin chào,\r\nTrân trọng');
  });

  it('keeps a short ASCII subject readable', () => {
    expect(buildEml({ ...base, subject: 'Request for erasure' })).toContain('Subject: Request for erasure\r\n');
  });

  it('cannot be made to add headers', () => {
    const eml = buildEml({ ...base, subject: 'Hi\r\nBcc: spy@evil.example' });
    const head = eml.split('\r\n\r\n')[0] as string;
    expect(head.split('\r\n').some((l) => l.startsWith('Bcc:'))).toBe(false);
    expect(() => buildEml({ ...base, to: 'a@b.example\nBcc: spy@evil.example' })).toThrow();
    expect(() => buildEml({ ...base, from: 'x@y.example\r\nSubject: other' })).toThrow();
  });
});

describe('buildIcs', () => {
  const now = Date.UTC(2026, 2, 10, 9, 30);

  it('writes one all-day VEVENT per request with alarms', () => {
    const ics = buildIcs(
      [
        { id: 'req-1', summary: 'Answer due: shop.example', description: 'Access request, Art. 12(3) GDPR', dueDate: '2026-04-10', alarmDaysBefore: [3, 0] },
        { id: 'req-2', summary: 'Second', description: 'x', dueDate: '2026-12-31', alarmDaysBefore: [1] },
      ],
      now,
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(ics).toContain('UID:req-1@privacy-ledger');
    expect(ics).toContain('DTSTAMP:20260310T093000Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260410\r\nDTEND;VALUE=DATE:20260411');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
    expect(ics).toContain('TRIGGER:-P2DT15H'); // 09:00 three days before
    expect(ics).toContain('TRIGGER:PT9H'); // 09:00 on the day
    expect(ics).toContain('TRIGGER:-PT15H'); // 09:00 the day before
    expect(ics).toContain('DESCRIPTION:Access request\\, Art. 12(3) GDPR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text and cannot be made to add properties', () => {
    const ics = buildIcs([{ id: 'x\r\nATTACH:evil', summary: 'a;b,c\\d\nEND:VEVENT', description: 'd', dueDate: '2026-04-10', alarmDaysBefore: [] }], now);
    expect(ics).toContain('SUMMARY:a\\;b\\,c\\\\d\\nEND:VEVENT');
    expect(ics.split('\r\n').filter((l) => l === 'END:VEVENT')).toHaveLength(1);
    expect(ics).toContain('UID:xATTACHevil@privacy-ledger');
    expect(icsText('a\r\nb')).toBe('a\\nb');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = 'DESCRIPTION:' + 'Yêu cầu xóa dữ liệu cá nhân '.repeat(10);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('refuses a bad due day', () => {
    expect(() => buildIcs([{ id: 'a', summary: 's', description: 'd', dueDate: '2026-13-01', alarmDaysBefore: [] }], now)).toThrow('2026-13-01');
  });
});
