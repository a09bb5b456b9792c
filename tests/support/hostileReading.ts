import { expect } from 'vitest';
import type { PolicyRecord, PolicyStatus } from '../../core/ledger/records';
import { isLikelyPolicyPage } from '../../core/policy';
import type { PolicySummary } from '../../core/policy/types';
import { decodeBody, FETCH_LIMITS } from '../../platform/policy/fetchPolicy';
import { analyse } from '../../platform/policy/reader';
import type { ServedHostileText } from '../../scripts/lib/hostileTexts';

export interface ExpectedReading {
  status: Extract<PolicyStatus, 'ok' | 'notAPolicy' | 'tooBig'>;
  /** The normalised text and the summary an `ok` reading stores. */
  text?: string;
  summary?: PolicySummary;
}

/**
 * What the extension must store for a hostile input served at `url`: the
 * reader's own functions, run here in Node on the bytes the fixture server
 * sends. The end-to-end tests compare the built extension, reading in the
 * browser, with this; the unit suite proves these functions on the same inputs.
 */
export function expectedReading(input: ServedHostileText, url: string): ExpectedReading {
  const bytes = Buffer.from(input.make(), 'utf8');
  if (bytes.byteLength > FETCH_LIMITS.bytes) return { status: 'tooBig' };
  const { text, summary } = analyse({ ok: true, url, body: decodeBody(bytes, input.contentType), contentType: input.kind });
  if (!isLikelyPolicyPage({ text, title: summary.title, url }).likely) return { status: 'notAPolicy' };
  // As stored and read back: plain JSON.
  return { status: 'ok', text, summary: JSON.parse(JSON.stringify(summary)) as PolicySummary };
}

/** The row the extension kept for an input is the reading Node gives: same status, and for a policy kept the same text and summary. */
export function expectKeptAsRead(row: PolicyRecord, expected: ExpectedReading): void {
  expect(row.status).toBe(expected.status);
  if (expected.status === 'ok') {
    expect(row.text).toBe(expected.text);
    expect(row.summary).toEqual(expected.summary);
  } else {
    expect(row.text).toBe('');
  }
}
