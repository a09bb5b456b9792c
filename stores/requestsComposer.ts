import { useMemo, useState } from 'preact/hooks';
import type { RequestInput } from '../core/messaging/protocol';
import {
  buildMailto, chooseRegime, letterLanguageFor, computeDeadline, isByPost, requestTypeSpec, uiCitation, uiPeriod, localIsoDay, lookupCompany, REGIMES, renderLetter, requestTypesFor, resolveContacts,
  type ContactCandidate, type LedgerFacts, type Letter, type LetterIdentity, type LetterLanguage,
  type MailtoResult, type PolicyContactLike, type RegimeId, type RequestType,
} from '../core/requests';
import type { Identity } from '../core/settings/schema';

/**
 * The composer's state and everything derived from it: the regime chosen from
 * the user's country and the site, the request types it knows, the contacts
 * (policy, company index, typed) with their source, the identity fields to
 * disclose, the letter and its mailto link. The component only shows it.
 */

export interface ComposerSource {
  site: string;
  /** What the user asked for from the popup or the site page. */
  start: 'access' | 'erasure';
  identity: Identity | null;
  facts: LedgerFacts;
  policyContact: PolicyContactLike | null;
  now: number;
}

/** Which identity fields go into the letter. Minimal by default: name and email. */
export interface Disclosure {
  name: boolean;
  email: boolean;
  postalAddress: boolean;
  accounts: boolean[];
}

export interface ComposerChoices {
  regime: RegimeId;
  type: RequestType;
  language: LetterLanguage;
  /** Index into the contacts; the typed contact is one of them once given. */
  contact: number;
  typedContact: string;
  disclose: Disclosure;
}


const PRIMARY: Record<ComposerSource['start'], 'get' | 'delete'> = { access: 'get', erasure: 'delete' };

/** The regime's type for "get my data" or "delete my data", or its first type. */
function primaryType(regime: RegimeId, kind: 'get' | 'delete'): RequestType {
  const types = requestTypesFor(regime);
  return (types.find((t) => t.primary === kind) ?? types[0]!).type;
}

/** The same request under another regime: the same type if it has it, else its counterpart ("get" or "delete"). */
function typeUnder(regime: RegimeId, type: RequestType, start: ComposerSource['start']): RequestType {
  const types = requestTypesFor(regime);
  if (types.some((t) => t.type === type)) return type;
  const from = REGIMES.flatMap((r) => r.types).find((t) => t.type === type)?.primary ?? PRIMARY[start];
  return primaryType(regime, from);
}

export function letterIdentity(identity: Identity | null, disclose: Disclosure): LetterIdentity {
  return {
    name: disclose.name ? (identity?.name ?? '') : '',
    email: disclose.email ? identity?.email || null : null,
    postalAddress: disclose.postalAddress ? identity?.postalAddress || null : null,
    accountIds: (identity?.accountIds ?? []).filter((_, i) => disclose.accounts[i]),
  };
}

function initialChoices(source: ComposerSource): ComposerChoices {
  const company = lookupCompany(source.site);
  const choice = chooseRegime(source.identity?.country || null, source.site, company?.country ?? null);
  return {
    regime: choice.regime,
    type: primaryType(choice.regime, PRIMARY[source.start]),
    language: letterLanguageFor({ regime: choice.regime, site: source.site, company }),
    contact: 0,
    typedContact: '',
    disclose: {
      name: Boolean(source.identity?.name),
      email: Boolean(source.identity?.email),
      postalAddress: false,
      accounts: (source.identity?.accountIds ?? []).map(() => false),
    },
  };
}

function mailtoFor(contact: ContactCandidate | null, letter: Letter | null, body: string): MailtoResult | null {
  if (!letter || contact?.channel !== 'email') return null;
  try {
    return buildMailto(contact.value, letter.subject, body);
  } catch {
    return null; // not a usable address: the other channels remain
  }
}

/** Derives the model; pure, so a test can check it without a page. */
export function composerModel(source: ComposerSource, choices: ComposerChoices) {
  const company = lookupCompany(source.site);
  const regimeChoice = chooseRegime(source.identity?.country || null, source.site, company?.country ?? null);
  const contacts = resolveContacts({ policyBestContact: source.policyContact, site: source.site, userEntered: choices.typedContact.trim() || null });
  const contact = contacts[Math.min(choices.contact, contacts.length - 1)] ?? null;
  const byPost = isByPost(contact);
  // The company index's name, else the controller the policy names, else the site.
  const companyName = company?.name ?? (source.facts.policy?.controller || source.site);
  let letter: Letter | null = null;
  let letterError: string | null = null;
  try {
    letter = renderLetter({
      regime: choices.regime,
      type: choices.type,
      language: choices.language,
      company: { name: companyName, site: source.site, contact: contact?.value ?? null },
      identity: letterIdentity(source.identity, choices.disclose),
      facts: source.facts,
      today: localIsoDay(source.now),
      byPost,
    });
  } catch (error) {
    letterError = error instanceof Error ? error.message : String(error);
  }
  const deadline = computeDeadline(choices.regime, choices.type, localIsoDay(source.now));
  const mailto = mailtoFor(contact, letter, letter?.body ?? '');
  // Too long for a mailto link: the body goes through the clipboard and the link carries the subject only.
  const short = mailto && 'tooLong' in mailto ? mailtoFor(contact, letter, '') : null;
  return {
    site: source.site,
    company,
    companyName,
    regimeChoice,
    regimes: REGIMES.map((r) => ({ id: r.id, name: r.name })),
    types: requestTypesFor(choices.regime),
    contacts,
    contact,
    letter,
    letterError,
    mailto,
    shortMailto: short && 'url' in short ? short.url : null,
    deadline,
    /** The deadline's provision as each interface language names it. */
    deadlineCitation: uiCitation(deadline.citation),
    /** Addressed to a postal address: the period runs from a delivery day the user gives. */
    byPost,
    /** The period to answer in, as each interface language says it. */
    deadlinePeriod: uiPeriod(requestTypeSpec(choices.regime, choices.type).deadline),
    choices,
    facts: source.facts,
    identity: source.identity,
  };
}

/** The request as the background stores it, once the user says it went out. */
export function requestInput(model: ReturnType<typeof composerModel>, channel: RequestInput['channel'], sentOn: string | null, receivedOn: string | null = null): RequestInput {
  const { contact, letter, choices } = model;
  return {
    site: model.site,
    company: model.companyName,
    regime: choices.regime,
    type: choices.type,
    language: choices.language,
    contact: contact ? { channel: contact.channel, value: contact.value, source: contact.source, confidence: contact.confidence } : null,
    subject: letter?.subject ?? '',
    body: letter?.body ?? '',
    channel,
    sentOn,
    ...(model.byPost && sentOn && receivedOn ? { receivedOn } : {}),
  };
}

export function useComposer(source: ComposerSource) {
  const [choices, setChoices] = useState<ComposerChoices>(() => initialChoices(source));
  const model = useMemo(() => composerModel(source, choices), [source, choices]);
  const update = (patch: Partial<ComposerChoices>) =>
    setChoices((current) => {
      const next = { ...current, ...patch };
      if (patch.regime && patch.regime !== current.regime) next.type = typeUnder(patch.regime, current.type, source.start);
      return next;
    });
  return { model, update };
}
