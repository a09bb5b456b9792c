/**
 * The rights-request engine: regimes as data, the deadline engine, letters,
 * contacts and the send channels. Pure TypeScript, no browser APIs.
 */
export * from './types';
export { REGIMES, regimeById, isRegimeId, requestTypesFor, requestTypeSpec, chooseRegime } from './regimes';
export { computeDeadline, dueDateOf, statusAt, reminderDays, RUNNING_STATUSES, isRunningStatus } from './deadline';
export { isIsoDay, localIsoDay, addCalendarDays, daysBetween } from './days';
export { renderLetter, renderFollowUp, formatDay, formatPeriod, localCitation, uiCitation, uiPeriod } from './letter';
export { renderTemplate, parseTemplate, TemplateError } from './template';
export { buildMailto, buildEml, buildIcs, checkEmailAddress, MAILTO_MAX_LENGTH } from './channels';
export { lookupCompany, resolveContacts, allCompanies, COMPANY_INDEX_CREDIT } from './companies';
export { authorityFor, authoritiesFor } from './authorities';
export { replyChecklist } from './checklist';
export { letterLanguageFor } from './letterLanguage';
export { isByPost, periodStart, periodStartOf, receiptDay, sentDay, type ReceiptFacts } from './receipt';
export { afterReply, pauseCitationOf, pauseKindsOf } from './pause';
