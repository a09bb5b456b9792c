import data from './data/regimes.json';
import type {
  AcknowledgementRule,
  DeadlineRule,
  ExtensionRule,
  PauseRule,
  Regime,
  RegimeChoice,
  RegimeId,
  RequestType,
  RequestTypeSpec,
  VerificationLevel,
  LetterLanguage,
  Duration,
} from './types';
import { REGIME_IDS } from './types';

/** A type entry in regimes.json: the regime's defaults apply to every field it leaves out. */
interface RawType {
  type: string;
  citations: string[];
  primary?: string;
  deadline?: DeadlineRule;
  extension?: ExtensionRule | null;
  acknowledgement?: AcknowledgementRule | null;
  verification?: string;
  verificationNote?: string;
  verificationCitation?: string;
  sourceUrl?: string;
  confirmed?: boolean;
}

interface RawRegime {
  id: string;
  name: string;
  law: string;
  countries: string[];
  appliesTo: string;
  residentsOnly?: boolean;
  siteTlds: string[];
  languages: string[];
  sourceUrl: string;
  confirmed: boolean;
  pauses: PauseRule[];
  complaintFollowUp: (Duration & { citation: string; confirmed: boolean }) | null;
  complaint: { citation: string; confirmed: boolean; note: string };
  defaults: Omit<Required<RawType>, 'type' | 'citations' | 'primary'>;
  types: RawType[];
}

function expand(raw: RawRegime): Regime {
  const d = raw.defaults;
  return {
    id: raw.id as RegimeId,
    name: raw.name,
    law: raw.law,
    countries: raw.countries,
    appliesTo: raw.appliesTo,
    residentsOnly: raw.residentsOnly ?? false,
    siteTlds: raw.siteTlds,
    languages: raw.languages as LetterLanguage[],
    pauses: raw.pauses,
    complaintFollowUp: raw.complaintFollowUp,
    complaint: raw.complaint,
    sourceUrl: raw.sourceUrl,
    confirmed: raw.confirmed,
    types: raw.types.map(
      (t): RequestTypeSpec => ({
        type: t.type as RequestType,
        citations: t.citations,
        primary: t.primary === 'get' || t.primary === 'delete' ? t.primary : null,
        deadline: t.deadline ?? d.deadline,
        extension: t.extension === undefined ? d.extension : t.extension,
        acknowledgement: t.acknowledgement === undefined ? d.acknowledgement : t.acknowledgement,
        verification: (t.verification ?? d.verification) as VerificationLevel,
        verificationNote: t.verificationNote ?? d.verificationNote,
        verificationCitation: t.verificationCitation ?? d.verificationCitation,
        sourceUrl: t.sourceUrl ?? d.sourceUrl,
        // A type is only as confirmed as its regime's defaults and its own deadline.
        confirmed: (t.confirmed ?? d.confirmed) && (t.deadline ?? d.deadline).confirmed,
      }),
    ),
  };
}

/** Every regime, expanded from regimes.json, in REGIME_IDS order. */
export const REGIMES: readonly Regime[] = (data.regimes as unknown as RawRegime[]).map(expand);

export function regimeById(id: RegimeId): Regime {
  const found = REGIMES.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown regime: ${id}`);
  return found;
}

export function isRegimeId(value: unknown): value is RegimeId {
  return typeof value === 'string' && (REGIME_IDS as readonly string[]).includes(value);
}

/** The request types a regime knows, in the order the composer offers them. */
export function requestTypesFor(regime: RegimeId): RequestTypeSpec[] {
  return regimeById(regime).types;
}

/** One type's rules, or an error naming the pair when the regime has no such right. */
export function requestTypeSpec(regime: RegimeId, type: RequestType): RequestTypeSpec {
  const spec = regimeById(regime).types.find((t) => t.type === type);
  if (!spec) throw new Error(`The ${regimeById(regime).name} has no request type "${type}"`);
  return spec;
}

function byCountry(country: string | null | undefined): RegimeId | null {
  if (!country) return null;
  const code = country.trim().toUpperCase();
  return REGIMES.find((r) => r.countries.includes(code))?.id ?? null;
}

/** The last label of a site's host name, lower-case: its top-level domain. */
export function siteTld(site: string): string {
  return site.trim().toLowerCase().split('.').pop() ?? '';
}

function byTld(site: string): RegimeId | null {
  const tld = siteTld(site);
  return REGIMES.find((r) => r.siteTlds.includes(tld))?.id ?? null;
}

/**
 * The regime a request is written under: the user's country of residence
 * first (the rights follow the person), else the company's country, else the
 * site's country-code domain, else the GDPR (the widest reach, Art. 3(2)).
 * A regime whose letters say where the user lives (`residentsOnly`) is chosen
 * only from the user's country. The other regimes any of these signals point
 * to come back as alternatives the user can switch to.
 */
export function chooseRegime(userCountry: string | null, site: string, companyCountry?: string | null): RegimeChoice {
  const signals: [RegimeChoice['reason'], RegimeId | null][] = [
    ['residence', byCountry(userCountry)],
    ['companyCountry', byCountry(companyCountry)],
    ['siteTld', byTld(site)],
  ];
  const first = signals.find(([reason, id]) => id !== null && (reason === 'residence' || !regimeById(id).residentsOnly));
  const regime = first?.[1] ?? 'gdpr';
  const reason = first?.[0] ?? 'fallback';
  const alternatives: RegimeId[] = [];
  for (const [, id] of signals) if (id && id !== regime && !alternatives.includes(id)) alternatives.push(id);
  return { regime, reason, alternatives };
}
