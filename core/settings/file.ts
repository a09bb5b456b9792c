import { DEFAULT_RETENTION_DAYS, SETTINGS_FORMAT, SETTINGS_VERSION, settingsSchemaV2, type Settings } from './schema';
import { problemsFromIssue, type SettingsProblem } from './problems';

/** A settings file larger than this is not ours; refuse before parsing it. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

export type SettingsParse = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/**
 * Migrations from each older version to the next, applied in turn. Each one
 * only adds what its version introduced; the result is checked by the current
 * schema, so a wrong field of an old file is still named.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 adds the ledger's retention: files from before keep a year.
  1: (v1) => ({ ...v1, version: 2, ledgerRetentionDays: DEFAULT_RETENTION_DAYS }),
};

/** Reads a settings value (from storage or an imported file) and says exactly what is wrong with it. */
export function parseSettings(value: unknown): SettingsParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ kind: 'notSettings' }] };
  }
  let data = value as Record<string, unknown>;
  if (data.format !== SETTINGS_FORMAT) return { ok: false, problems: [{ kind: 'notSettings' }] };
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ kind: 'badVersion' }] };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, problems: [{ kind: 'newerVersion', version, supported: SETTINGS_VERSION }] };
  }
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, problems: [{ kind: 'badVersion' }] };
    data = migrate(data);
  }
  const result = settingsSchemaV2.safeParse(data, { reportInput: true });
  if (!result.success) {
    return { ok: false, problems: result.error.issues.flatMap(problemsFromIssue) };
  }
  return { ok: true, settings: result.data };
}

/** Reads the text of an imported file. Nothing is changed by reading. */
export function parseSettingsFile(text: string): SettingsParse {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SETTINGS_FILE_BYTES) {
    return { ok: false, problems: [{ kind: 'tooLarge', limitBytes: MAX_SETTINGS_FILE_BYTES }] };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, problems: [{ kind: 'empty' }] };
  let value: unknown;
  // The schema never sees a "__proto__" key (building its result would drop it), so it is looked for here: such a file is refused, not quietly trimmed.
  let protoKey = false;
  try {
    value = JSON.parse(trimmed, (key, v: unknown) => {
      if (key === '__proto__') protoKey = true;
      return v;
    });
  } catch (error) {
    return { ok: false, problems: [{ kind: 'notJson', detail: error instanceof Error ? error.message : String(error) }] };
  }
  if (protoKey) return { ok: false, problems: [{ kind: 'field', path: '__proto__', reason: 'unknownField' }] };
  return parseSettings(value);
}

/** The export file: the stored format, indented for people, keys in a stable order. */
export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
