import type { Purpose } from '../../core/consent/purposes';
import type { MessageKey, Translate } from '../../core/i18n/translate';
import type { CookiePurpose, FieldKind, PermissionKind } from '../../core/ledger/records';
import type { PermissionPromptData } from '../../core/ledger/eventData';
import type { IconName } from '../ui/Icon';

/**
 * Plain words for the ledger's codes. Each family of keys is listed in the
 * i18n test, so a code without words in both languages fails the suite.
 */

/** Tracker categories we have words for (Ghostery TrackerDB ids); others are shown as given. */
export const TRACKER_CATEGORIES = [
  'advertising', 'site_analytics', 'social_media', 'essential', 'customer_interaction', 'audio_video_player',
  'cdn', 'extensions', 'hosting', 'consent', 'adult_advertising', 'misc', 'utilities',
] as const;

export const PERMISSION_RESULTS = ['granted', 'denied', 'dismissed', 'unknown'] as const;

export const PERMISSION_ICON: Record<PermissionKind, IconName> = {
  geolocation: 'pin', notifications: 'bell', camera: 'camera', microphone: 'mic', clipboardRead: 'clipboard',
};

const PURPOSE_WORDS = ['necessary', 'functional', 'analytics', 'personalization', 'advertising', 'social', 'legitimateInterest', 'other'];

export const fieldName = (t: Translate, kind: FieldKind) => t(`field.${kind}` as MessageKey);
export const permissionName = (t: Translate, p: PermissionKind) => t(`permission.${p}` as MessageKey);
export const permissionResult = (t: Translate, r: PermissionPromptData['result']) => t(`permission.result.${r}` as MessageKey);
export const cookiePurposeName = (t: Translate, p: CookiePurpose) => t(`cookie.purpose.${p}` as MessageKey);

/** A purpose in running text, lower case: "analytics", "phân tích". Unknown codes are shown as given. */
export function purposeWord(t: Translate, purpose: Purpose | string | null): string {
  const key = PURPOSE_WORDS.includes(purpose ?? 'other') ? `purpose.${purpose ?? 'other'}` : null;
  return key ? t(key as MessageKey).toLocaleLowerCase(t.locale) : String(purpose);
}

export function categoryName(t: Translate, category: string | null): string {
  if (category === null) return t('tracker.category.unknown');
  return (TRACKER_CATEGORIES as readonly string[]).includes(category) ? t(`tracker.category.${category}` as MessageKey) : category;
}
