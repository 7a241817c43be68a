/**
 * Reading and changing site settings. A value is checked against its bounds on the way in and on the way
 * out (a row written by an older version that no longer fits falls back to the default). Every change is
 * written to the staff log with its old and new value, in the same transaction.
 */
import { recordAudit } from '../audit-log/index.js'
import type { Db } from '../../db/schema.js'
import { readSettingRows, writeSettingRow } from './site-settings.queries.js'
import { SETTINGS, type SettingKey, type SiteSettings } from './site-settings.types.js'
import { msg } from '../shared/index.js'

const KEYS = Object.keys(SETTINGS) as SettingKey[]

export function defaultSettings(): SiteSettings {
  return Object.fromEntries(KEYS.map((k) => [k, SETTINGS[k].default])) as SiteSettings
}

/** The value a form field carries, checked: the setting's value, or the message the form shows. */
export function parseSetting(
  key: SettingKey,
  raw: unknown,
): { value: string | number } | { error: string } {
  const def = SETTINGS[key]
  if (def.kind === 'int') {
    const n =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim())
          ? Number(raw)
          : NaN
    if (!Number.isInteger(n) || n < def.min || n > def.max)
      return { error: `${def.label} must be a whole number from ${def.min} to ${def.max}.` }
    return { value: n }
  }
  if (typeof raw !== 'string') return { error: `${def.label} is missing.` }
  if (def.kind === 'choice') {
    if (!(def.choices as readonly string[]).includes(raw))
      return { error: `${def.label} must be one of: ${def.choices.join(', ')}.` }
    return { value: raw }
  }
  const text = raw.trim()
  if (text.length < def.min || text.length > def.max)
    return {
      error:
        def.min > 0
          ? `${def.label} must be ${def.min} to ${def.max} characters.`
          : `${def.label} must be at most ${def.max} characters.`,
    }
  return { value: text }
}

export async function loadSiteSettings(db: Db): Promise<SiteSettings> {
  const settings = defaultSettings() as Record<SettingKey, string | number>
  for (const row of await readSettingRows(db)) {
    if (!(row.key in SETTINGS)) continue
    const parsed = parseSetting(row.key as SettingKey, JSON.parse(row.valueJson) as unknown)
    if ('value' in parsed) settings[row.key as SettingKey] = parsed.value
  }
  return settings as SiteSettings
}

/**
 * Changes the settings named in `changes` (the others stay). All or nothing: any value out of bounds
 * refuses the whole change with each field's message.
 */
export async function saveSiteSettings(
  db: Db,
  changes: Partial<Record<SettingKey, unknown>>,
  actorId: number,
  now: number,
): Promise<{ ok: true; value: SiteSettings } | { ok: false; errors: Record<string, string> }> {
  const values: Partial<Record<SettingKey, string | number>> = {}
  const errors: Record<string, string> = {}
  for (const [key, raw] of Object.entries(changes)) {
    if (!(key in SETTINGS)) {
      errors[key] = msg('There is no such setting.')
      continue
    }
    const parsed = parseSetting(key as SettingKey, raw)
    if ('error' in parsed) errors[key] = parsed.error
    else values[key as SettingKey] = parsed.value
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const value = await db.transaction().execute(async (trx) => {
    const current = (await loadSiteSettings(trx)) as Record<SettingKey, string | number>
    for (const [key, value] of Object.entries(values) as [SettingKey, string | number][]) {
      if (current[key] === value) continue
      await writeSettingRow(trx, { key, valueJson: JSON.stringify(value), actorId, now })
      await recordAudit(
        trx,
        {
          actorId,
          action: 'setting.change',
          targetType: 'setting',
          targetId: null,
          targetLabel: key,
          before: current[key],
          after: value,
        },
        now,
      )
      current[key] = value
    }
    return current as SiteSettings
  })
  return { ok: true, value }
}
