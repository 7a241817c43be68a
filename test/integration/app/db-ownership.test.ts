/**
 * Who closes the database: a handle given to buildApp stays open after the app closes, unless `closeDb`
 * hands it over (`quorum start` serves the handle it migrated and seeded, and shuts it with the app).
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { openTestDb } from '../../support/test-db.js'

const alive = (db: Awaited<ReturnType<typeof openTestDb>>['handle']['db']) =>
  sql`select 1 as one`.execute(db)

describe('the app and the database handle it is given', () => {
  it('leaves the handle open when the caller owns it', async () => {
    const opened = await openTestDb('sqlite')
    try {
      const app = await buildTestApp(opened.handle)
      await app.close()
      await expect(alive(opened.handle.db)).resolves.toMatchObject({ rows: [{ one: 1 }] })
    } finally {
      await opened.dispose()
    }
  })

  it('closes the handle with the app when closeDb hands it over', async () => {
    const opened = await openTestDb('sqlite')
    try {
      const app = await buildTestApp(opened.handle, {}, { closeDb: true })
      await app.close()
      await expect(alive(opened.handle.db)).rejects.toThrow()
    } finally {
      await opened.dispose()
    }
  })
})
