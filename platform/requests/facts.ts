import type { PolicyContact } from '../../core/policy/types';
import type { ConsentRecord } from '../../core/consent/record';
import type { CookieRecord, FieldKind, LedgerEvent, PermissionKind } from '../../core/ledger/records';
import type { FormFieldsData, PermissionPromptData } from '../../core/ledger/eventData';
import type { ThirdPartySummary } from '../../core/ledger/thirdPartySummary';
import type { LedgerFacts, PolicyContactLike } from '../../core/requests';
import { database } from '../db';
import { latestVersion } from '../policy/policyStore';
import { queries } from '../queries';

/** How far back the letter's third parties reach. */
export const FACT_DAYS = 90;

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** The latest answered banner: the one the letter speaks of. */
const latestAnswer = (answers: ConsentRecord[]) => answers.find((a) => a.outcome !== 'working' && a.intent !== null) ?? null;

/**
 * What the ledger holds about a site, in the letter's terms: what the banner
 * asked, what the user refused, cookies set despite the refusal, what the CMP
 * stored, the form fields and permissions the site asked for, and the third
 * parties its pages contacted. Pure: the reads are in {@link readLedgerFacts}.
 */
export function ledgerFacts(
  answers: ConsentRecord[],
  cookies: CookieRecord[],
  asked: LedgerEvent[],
  parties: ThirdPartySummary[],
  policyUrl: string | null,
  controller: string | null = null,
): LedgerFacts {
  const answer = latestAnswer(answers);
  const categories = answer?.asked?.categories ?? [];
  const askedPurposes = unique(categories.filter((c) => !c.required).map((c) => c.purpose ?? c.label));
  const intent = answer?.intent?.purposes ?? null;
  const refused = intent ? (Object.keys(intent) as (keyof typeof intent)[]).filter((p) => intent[p] === false) : [];
  const stored = answer?.stored ?? null;
  const purposesOn = stored ? Object.entries(stored.purposes).filter(([, on]) => on).map(([p]) => p) : [];
  const purposesOff = stored ? Object.entries(stored.purposes).filter(([, on]) => on === false).map(([p]) => p) : [];
  const formFields: FieldKind[] = unique(asked.filter((e) => e.kind === 'form.fields').flatMap((e) => (e.data as FormFieldsData).fields.map((f) => f.kind)));
  const permissions: PermissionKind[] = unique(asked.filter((e) => e.kind === 'permission.prompt').map((e) => (e.data as PermissionPromptData).permission));
  return {
    asked: { purposes: askedPurposes, vendors: [], formFields, permissions },
    refused: { purposes: refused, at: refused.length ? (answer?.startedAt ?? null) : null },
    cookiesDespiteRefusal: cookies
      .filter((c) => c.violation)
      .map((c) => ({ name: c.name, domain: c.domain, purpose: c.violation!.purpose, at: c.violation!.at }))
      .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)),
    storedConsent: answer && stored
      ? {
          cmp: answer.cmp, purposesOn: [...purposesOn, ...(stored.otherOn ?? [])], purposesOff,
          legitimateInterestOn: stored.legitimateInterestOn, tcString: null, readAt: answer.startedAt + (answer.durationMs ?? 0),
        }
      : null,
    thirdParties: parties.map((p) => p.party),
    policy: policyUrl ? { controller, url: policyUrl } : null,
  };
}

/**
 * The policy reader's best contact for the site, from a stored policy row
 * (`summary.bestContact`: the contact, with the extractor's confidence). Rows
 * are read defensively: an older or damaged row gives no contact, never a wrong one.
 */
export function policyContact(row: unknown): PolicyContactLike | null {
  const field = (row as { summary?: { bestContact?: unknown } } | undefined)?.summary?.bestContact as
    | { value?: Partial<PolicyContact>; confidence?: unknown }
    | null
    | undefined;
  const best = field?.value;
  if (!best || typeof best.value !== 'string' || !best.value.trim()) return null;
  const channel = best.channel === 'webForm' || best.channel === 'postal' ? best.channel : best.channel === 'email' ? 'email' : null;
  if (!channel) return null;
  const confidence = typeof field.confidence === 'number' && field.confidence >= 0 && field.confidence <= 1 ? field.confidence : undefined;
  return { channel, value: best.value.trim(), ...(typeof best.role === 'string' ? { role: best.role } : {}), ...(confidence !== undefined ? { confidence } : {}) };
}

/** The controller the policy reader named, from a stored policy row, or null. */
export function policyController(row: unknown): string | null {
  const name = (row as { summary?: { controller?: { value?: { name?: unknown } } | null } } | undefined)?.summary?.controller?.value?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

export interface SiteRequestContext {
  facts: LedgerFacts;
  policyContact: PolicyContactLike | null;
}

/** Reads the site's slice of each table the letter draws on. */
export async function readLedgerFacts(site: string, now: number): Promise<SiteRequestContext> {
  const [answers, cookies, asked, parties, policy] = await Promise.all([
    queries.consentAnswers(site),
    queries.siteCookies(site),
    queries.eventsOfKinds(site, ['form.fields', 'permission.prompt'], 200),
    queries.siteThirdParties(site, now, FACT_DAYS),
    latestVersion(database(), site),
  ]);
  // The latest text read speaks for the site: a failed attempt since then lends it no address.
  return {
    facts: ledgerFacts(answers, cookies, asked, parties, policy?.url ?? null, policyController(policy)),
    policyContact: policyContact(policy),
  };
}
