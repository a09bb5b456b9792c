import type { FieldKind, LedgerEvent, PermissionKind } from '../../core/ledger/records';
import type { FieldEvidence, PermissionReport } from '../../core/messaging/protocol';
import { updateSite, type LedgerDatabase } from '../db';
import { dayBounds } from '../../core/ledger/days';

export interface FormFieldsEvent {
  /** Origin and path of the page (or frame) that asked; never its query string. */
  url: string;
  fields: { kind: FieldKind; via: FieldEvidence; hint: string }[];
  insecureSubmit: boolean;
}

export interface PermissionPromptEvent {
  url: string;
  permission: PermissionKind;
  result: PermissionReport['result'];
}

/** The site's events of one kind on `at`'s local day. */
async function sameDay<T>(db: LedgerDatabase, site: string, kind: string, at: number): Promise<T[]> {
  const [start, end] = dayBounds(at);
  const rows = await db.events.where('[site+at]').between([site, start], [site, end], true, false).toArray();
  return rows.filter((row) => row.kind === kind).map((row) => row.data as T);
}

/**
 * Records the form fields a site asked for. One `form.fields` event per site
 * and day for each report that brings a kind not yet recorded that day (or the
 * first insecure submission), so reloading a page writes nothing new. The
 * site's `fields` keeps every kind ever asked for. Returns whether an event was written.
 */
export async function recordFormFields(db: LedgerDatabase, site: string, at: number, data: FormFieldsEvent): Promise<boolean> {
  const fields = data.fields.filter((field, i) => data.fields.findIndex((f) => f.kind === field.kind) === i);
  if (!fields.length) return false;
  return db.transaction('rw', db.events, db.sites, async () => {
    const today = await sameDay<FormFieldsEvent>(db, site, 'form.fields', at);
    const known = new Set(today.flatMap((event) => event.fields.map((field) => field.kind)));
    const newKind = fields.some((field) => !known.has(field.kind));
    const newlyInsecure = data.insecureSubmit && !today.some((event) => event.insecureSubmit);
    if (!newKind && !newlyInsecure) return false;
    const event: LedgerEvent = { site, at, kind: 'form.fields', data: { ...data, fields } satisfies FormFieldsEvent };
    await db.events.add(event);
    await updateSite(db, site, at, (row) => {
      row.fields = [...new Set([...row.fields, ...fields.map((field) => field.kind)])];
    });
    return true;
  });
}

/**
 * Records a permission prompt and its answer: one `permission.prompt` event
 * per site, day, permission and answer. The site's `permissions` keeps every
 * permission ever asked for. Returns whether an event was written.
 */
export async function recordPermissionPrompt(db: LedgerDatabase, site: string, at: number, data: PermissionPromptEvent): Promise<boolean> {
  return db.transaction('rw', db.events, db.sites, async () => {
    const today = await sameDay<PermissionPromptEvent>(db, site, 'permission.prompt', at);
    if (today.some((event) => event.permission === data.permission && event.result === data.result)) return false;
    await db.events.add({ site, at, kind: 'permission.prompt', data: { ...data } satisfies PermissionPromptEvent });
    await updateSite(db, site, at, (row) => {
      if (!row.permissions.includes(data.permission)) row.permissions = [...row.permissions, data.permission];
    });
    return true;
  });
}
