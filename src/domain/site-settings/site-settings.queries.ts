/** The SQL of site settings: one row per setting that differs from its default. */
import type { Executor } from '../../db/schema.js'

export async function readSettingRows(db: Executor): Promise<{ key: string; valueJson: string }[]> {
  return db.selectFrom('site_settings').select(['key', 'value_json as valueJson']).execute()
}

export async function writeSettingRow(
  db: Executor,
  row: { key: string; valueJson: string; actorId: number | null; now: number },
): Promise<void> {
  await db
    .insertInto('site_settings')
    .values({
      key: row.key,
      value_json: row.valueJson,
      updated_at: row.now,
      updated_by: row.actorId,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value_json: row.valueJson,
        updated_at: row.now,
        updated_by: row.actorId,
      }),
    )
    .execute()
}
