/**
 * Cheap signs that a page may be showing a consent (or age) dialog, used to
 * decide whether the consent engine is worth loading into a frame at all.
 * Deliberately broad: a false alarm only costs loading the engine, a miss
 * costs an unanswered banner. The engine itself decides what is a banner.
 */

/**
 * Word stems nearly every consent or age dialog contains, in the twelve
 * languages of the unknown-banner lexicons (core/consent/heuristic/lexicon/):
 * cookies, consent, privacy, and ages ("18+", "18 years", "of age"). Words
 * common in ordinary prose (partners, tracking, a bare 18) are left out: each
 * match costs a look at the computed style of the text's ancestors.
 */
export const DIALOG_WORDS =
  /cookie|kakor|ciasteczk|témoin|traceur|consent|consens|consimț|consimţ|einwillig|zustimm|datenschutz|privac|prywatn|soukrom|souhlas|confidential|confidenți|vie privée|integritet|samtycke|toestemming|zgod[aęyą]|đồng ý|riêng tư|(?<!\d)(?:18|21)\s*(?:\+|years?\b|jahre|ans\b|años|anni\b|anos\b|jaar\b|lat\b|let\b|ani\b|år\b|tuổi)|\b(?:age|âge|edad|età|idade|leeftijd|wiek|wieku|věk|věku|ålder|alter|altersverifikation)\b|vârst|volljährig|majeur|maggiorenn|meerderjarig|pełnoletn|plnolet|myndig|mayor de edad|maior de idade|sunt major|đủ tuổi/i;

/** At or above this z-index a positioned element is an overlay (the unknown-banner heuristic's threshold). */
export const OVERLAY_Z_INDEX = 1000;

/** Whether text contains any of the words. */
export function mentionsDialogWords(text: string): boolean {
  return DIALOG_WORDS.test(text);
}
