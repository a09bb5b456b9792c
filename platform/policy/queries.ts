import type { ConsentRecord } from '../../core/consent/record';
import type { FormFieldsData } from '../../core/ledger/eventData';
import type { PolicyRecord } from '../../core/ledger/records';
import { consentFacts, isHttps } from '../../core/policy/scorecardFacts';
import type { SiteFacts } from '../../core/policy/scorecard';
import { database } from '../db';
import { siteRows } from '../ledger/siteRows';
import { isVersion } from './policyStore';
import { queries } from '../queries';

/** What the policy views show about one site. */
export interface PolicyView {
  /** Versions read, newest first. */
  versions: PolicyRecord[];
  /** The last failed attempt, when it came after the latest version. */
  failure: PolicyRecord | null;
  facts: SiteFacts;
}

/** How many `form.fields` events are looked at for an insecure submission. */
const FORM_EVENTS = 200;

/**
 * Reads a site's policy rows and the ledger facts the scorecard weighs, from
 * the site's index ranges only. `pageUrl`: the page the user is on, when known.
 */
export async function policyView(site: string, pageUrl: string | null): Promise<PolicyView> {
  const db = database();
  const [rows, record, answers, forms] = await Promise.all([
    siteRows(db, site).policies.toArray(),
    db.sites.get(site),
    queries.eventsOfKinds(site, ['consent.answer'], 1),
    queries.eventsOfKinds(site, ['form.fields'], FORM_EVENTS),
  ]);
  const versions = rows.filter(isVersion).reverse();
  const failed = rows.filter((r) => !isVersion(r)).at(-1) ?? null;
  const failure = failed && (!versions[0] || failed.fetchedAt >= (versions[0].checkedAt ?? versions[0].fetchedAt)) ? failed : null;
  const latest = versions[0] ?? null;
  const formData = forms.map((e) => e.data as FormFieldsData);
  const pageHttps = isHttps(pageUrl ?? formData[0]?.url ?? latest?.url ?? null);
  const facts: SiteFacts = {
    policyStatus: failure?.status ?? (latest ? 'ok' : null),
    summary: latest?.summary ?? null,
    consent: answers[0] ? consentFacts(answers[0].data as ConsentRecord) : null,
    cookieViolations: record?.violations ?? 0,
    thirdParties: record?.thirdParties ?? 0,
    formFields: record?.fields ?? [],
    insecureSubmit: formData.some((f) => f.insecureSubmit === true),
    pageHttps,
  };
  return { versions, failure, facts };
}
