import { addCalendarDays, parseIsoDay } from './days';
import type { EmlInput, IcsEntry, MailtoResult } from './types';

/**
 * The ways a letter leaves the extension: a mailto: link (RFC 6068), an .eml
 * draft (RFC 5322 + MIME, UTF-8) and an .ics calendar of due days (RFC 5545).
 * Outside text never reaches a header or a URL unencoded, and a line break
 * can never start a new header.
 */

/**
 * Above this many characters a mailto: link is not offered with the letter in it. Browsers pass far
 * longer links, but the hand-over to a desktop mail client goes through the operating system, where
 * long command lines are cut; 8,000 keeps a whole letter with its logged facts (about 2,000 to 5,000
 * characters once encoded, more in Vietnamese) and sends anything longer through copy or .eml.
 */
export const MAILTO_MAX_LENGTH = 8000;

const CONTROL = (ch: string) => {
  const code = ch.codePointAt(0) as number;
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
};

const INVISIBLE = /[\p{C}\p{Z}]/u;

/** An email address as a header or mailto: may carry it, or an error saying why not. */
export function checkEmailAddress(address: string): string {
  const value = address.trim();
  const at = value.lastIndexOf('@');
  // Format, unassigned, private-use and lone surrogate characters too: a bidi override or zero-width joiner
  // changes how an address reads without changing where it goes.
  const bad = [...value].find((ch) => CONTROL(ch) || INVISIBLE.test(ch) || ' <>(),;:"[]\\?#&%/'.includes(ch));
  if (bad !== undefined) throw new Error(`Not a usable email address (it contains ${JSON.stringify(bad)}): ${JSON.stringify(value)}`);
  if (at < 1 || value.indexOf('@') !== at || at === value.length - 1 || !value.slice(at + 1).includes('.')) {
    throw new Error(`Not an email address: ${JSON.stringify(value)}`);
  }
  return value;
}

/** Lone surrogates (half characters) as U+FFFD: encodeURIComponent throws on them, TextEncoder replaces them the same way. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** One header line's worth of text: line breaks and control characters become spaces. */
function headerText(text: string): string {
  return [...text].map((ch) => (CONTROL(ch) ? ' ' : ch)).join('').trim();
}

function crlf(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').join('\r\n');
}

/**
 * A mailto: URL, or `tooLong` when it would pass {@link MAILTO_MAX_LENGTH}
 * (the interface then offers copy and .eml instead).
 */
export function buildMailto(to: string, subject: string, body: string, maxLength = MAILTO_MAX_LENGTH): MailtoResult {
  const address = checkEmailAddress(to);
  const [local, domain] = [address.slice(0, address.lastIndexOf('@')), address.slice(address.lastIndexOf('@') + 1)];
  const url =
    `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}` +
    `?subject=${encodeURIComponent(wellFormed(headerText(subject)))}&body=${encodeURIComponent(wellFormed(crlf(body)))}`;
  return url.length > maxLength ? { tooLong: true, length: url.length } : { url };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const utf8 = new TextEncoder();

/** RFC 2047 encoded words (base64, at most 75 characters each), folded onto continuation lines. */
function encodedWords(text: string): string {
  if ([...text].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) < 0x7f) && text.length <= 66 && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of UTF-8 make 60 base64 characters: 72 with the =?UTF-8?B?…?= wrapper.
    if (utf8.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8.encode(w))}?=`).join('\r\n ');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/**
 * An unsent email as an .eml file: UTF-8 text, the body in base64 (76-character
 * lines), the subject as encoded words; opens as a draft in most mail clients.
 */
export function buildEml(input: EmlInput): string {
  const headers = [
    ...(input.from ? [`From: ${checkEmailAddress(input.from)}`] : []),
    `To: ${checkEmailAddress(input.to)}`,
    `Subject: ${encodedWords(headerText(input.subject))}`,
    `Date: ${rfc5322Date(input.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
  ];
  const encoded = base64(utf8.encode(crlf(input.body)));
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return `${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}

/** RFC 5545 TEXT escaping. */
export function icsText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\\') out += '\\\\';
    else if (ch === ';') out += '\\;';
    else if (ch === ',') out += '\\,';
    else if (ch === '\n') out += '\\n';
    else if (CONTROL(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = utf8.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(day: string): string {
  parseIsoDay(day);
  return day.split('-').join('');
}

function icsStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** An alarm `daysBefore` the due day, at 09:00 on that day (relative to the all-day start). */
function trigger(daysBefore: number): string {
  const minutes = -daysBefore * 24 * 60 + 9 * 60;
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  return `${minutes < 0 ? '-' : ''}P${days ? `${days}D` : ''}${hours ? `T${hours}H` : days ? '' : 'T0H'}`;
}

/** A calendar with one all-day event per due day, each with its alarms. */
export function buildIcs(entries: IcsEntry[], now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Privacy Ledger//Rights requests//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of entries) {
    const uid = [...e.id].filter((ch) => /[A-Za-z0-9._-]/.test(ch)).join('') || 'request';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@privacy-ledger`,
      `DTSTAMP:${icsStamp(now)}`,
      `DTSTART;VALUE=DATE:${icsDate(e.dueDate)}`,
      `DTEND;VALUE=DATE:${icsDate(addCalendarDays(e.dueDate, 1))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      'TRANSP:TRANSPARENT',
    );
    for (const days of [...new Set(e.alarmDaysBefore)].sort((a, b) => b - a)) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${icsText(e.summary)}`, `TRIGGER:${trigger(days)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
