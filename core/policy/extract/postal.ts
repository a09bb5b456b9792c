/**
 * Postal addresses given as a way to reach the organisation: the text after
 * a postal cue ("by post", "mailing address", "Attn:", "Anschrift",
 * "adresse postale", "dirección postal", "địa chỉ") up to a postcode and
 * place, across line breaks. A fallback channel: letters leave a trace,
 * but most policies give an address for many reasons.
 */
import { compileTerms } from '../match';
import { evidence, type Doc } from '../segment';
import type { Evidence } from '../types';

const CUE = compileTerms([
  'by post', 'by mail at', 'postal mail at', 'mailing address', 'postal address', 'write to us at', 'attn:', 'attn.', 'attention:', 'inquiries may be addressed to',
  'postanschrift', 'anschrift', 'postadresse', 'per post an',
  'adresse postale', 'par courrier à', 'par courrier postal', 'coordonnées',
  'dirección postal', 'por correo postal', 'domicilio social',
  'địa chỉ:', 'địa chỉ liên hệ', 'adresa:', 'sediul',
]);
// A postcode followed by a place ("10115 Berlin", "75009 Paris", "L-2449 Luxembourg"), a US state and ZIP ("CA 94041"), or a UK postcode.
const POSTCODE = /(?:(?<![\p{L}\p{N}])(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{4})?\s\p{Lu}[\p{L}'’.-]{1,30}|(?<![\p{L}])[A-Z]{2}\s\d{5}(?:-\d{4})?|(?<![\p{L}])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\p{L}\p{N}])/u;

export interface PostalHit {
  address: string;
  evidence: Evidence;
}

export function findPostalAddresses(doc: Doc): PostalHit[] {
  const out: PostalHit[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(doc.lower); m && out.length < 10; m = CUE.exec(doc.lower)) {
    let from = m.index + m[0].length;
    while (from < doc.text.length && /[\s:,]/.test(doc.text[from]!)) from++;
    // "by post at …", "per Post an …", "par courrier à …": the preposition is not part of the address.
    const prep = /^(?:at|to|an|à|a|en|tại)\s+/i.exec(doc.text.slice(from, from + 6));
    if (prep) from += prep[0].length;
    let window = doc.text.slice(from, from + 260);
    const blank = window.indexOf('\n\n');
    if (blank >= 0) window = window.slice(0, blank);
    // The last postcode before a blank line: "1301 Second Avenue … Seattle, WA 98101" ends at the ZIP, not the street number.
    let code: RegExpExecArray | null = null;
    const all = new RegExp(POSTCODE.source, 'gu');
    for (let c = all.exec(window); c; c = all.exec(window)) code = c;
    if (!code) continue;
    let end = from + code.index + code[0].length;
    while (end > from && /[.,;]/.test(doc.text[end - 1]!)) end--;
    // The address runs over at most five lines and never across a blank line or a table cell.
    const raw = doc.text.slice(from, end);
    if (raw.includes('\n\n') || raw.split('\n').length > 5 || raw.includes('|')) continue;
    const address = raw.replace(/\s*\n\s*/g, ', ').replace(/\s{2,}/g, ' ').trim();
    if (address.length < 8) continue;
    out.push({ address, evidence: evidence(doc.text, from, end) });
    CUE.lastIndex = end;
  }
  return out;
}
