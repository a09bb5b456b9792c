import { evidenceUrl } from '../../core/ledger/pageUrl';
import { pageConfig } from '../../core/settings/siteRules';
import { database } from '../db';
import { recordFormFields, recordPermissionPrompt } from '../ledger/asked';
import type { CallerContext, HandlerModule } from '../messaging/router';
import { loadSettings } from '../settingsStorage';
import { tabUrl } from '../tabAddress';

/**
 * Where a content script's observation belongs: the site of the tab's top
 * page as the browser reports it (never what the page claims), and the
 * address of the frame that asked as the browser reports it (an about:blank
 * frame counts as its tab's page), without its query string. The URL in the
 * payload is not used: a page may claim anything. Null when the
 * extension is paused there.
 */
async function whereAsked(caller: CallerContext): Promise<{ site: string; url: string } | null> {
  const topUrl = caller.sender.tab?.url ?? (caller.tabId !== null ? await tabUrl(caller.tabId) : null);
  if (!topUrl) return null;
  const config = pageConfig(await loadSettings(), topUrl);
  if (!config.active || !config.site) return null;
  const url = evidenceUrl(caller.sender.url) ?? evidenceUrl(topUrl);
  return url ? { site: config.site, url } : null;
}

/** What content scripts saw a page ask for: form fields and permission prompts. */
export const observeHandlers: HandlerModule = {
  content: {
    'ledger.formFields': async (report, caller) => {
      const where = await whereAsked(caller);
      if (where) await recordFormFields(database(), where.site, Date.now(), { url: where.url, fields: report.fields, insecureSubmit: report.insecureSubmit });
      return null;
    },
    'ledger.permission': async (report, caller) => {
      const where = await whereAsked(caller);
      if (where) await recordPermissionPrompt(database(), where.site, Date.now(), { url: where.url, permission: report.permission, result: report.result });
      return null;
    },
  },
};
