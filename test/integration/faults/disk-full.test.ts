/**
 * A full disk (issue 28 finding 9). Before the fix a write answered 500 and the log said "cannot rollback
 * - no transaction is active": SQLite had already rolled back on SQLITE_FULL, and Kysely's ROLLBACK error
 * replaced the real one. Now a write answers 503 with Retry-After, the log names the real error once per
 * episode, and writes work again as soon as there is room, with nothing to restart.
 *
 * The disk fills without root or a small file system: on SQLite, `max_page_count` caps the database at
 * its current size, so the next page it needs fails with SQLITE_FULL exactly as a full disk does; on
 * PostgreSQL, a trigger raises `disk_full` (53100), the error a full disk gives, from inside the write.
 */
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dialect } from '../../../src/config.js'
import type { Db } from '../../../src/db/schema.js'
import { type Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

/** Makes the next write fail as a full disk does; `undo` gives the room back. */
async function fillDisk(db: Db, dialect: Dialect): Promise<{ undo: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db)
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 1}`).execute(db)
    return { undo: async () => void (await sql`pragma max_page_count = 1073741823`.execute(db)) }
  }
  await sql`
    create function test_disk_full() returns trigger language plpgsql as $$
    begin
      raise exception 'could not extend file "base/16384/16385": No space left on device'
        using errcode = 'disk_full';
    end $$`.execute(db)
  await sql`create trigger test_disk_full before insert on posts
    for each statement execute function test_disk_full()`.execute(db)
  return {
    undo: async () => {
      await sql`drop trigger test_disk_full on posts`.execute(db)
      await sql`drop function test_disk_full()`.execute(db)
    },
  }
}

describe.each(DIALECTS)('%s: a full disk', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let member: Agent
  let threadId: number
  const log: Record<string, unknown>[] = []

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    threadId = await make.thread(t.db, { tags: ['kernel'] })
    const stream = new PassThrough()
    stream.on('data', (line: Buffer) => {
      for (const text of line.toString().split('\n'))
        if (text.trim() !== '') log.push(JSON.parse(text) as Record<string, unknown>)
    })
    app = await buildTestApp(t.handle, { LOG_LEVEL: 'info' }, { logStream: stream })
    member = (await signedIn(app, t.db, 'disk_full_member')).agent
    await member.get(`/threads/${threadId}`)
  })
  afterAll(async () => app?.close())

  /** A reply long enough to need new pages (a short one could fit in a page's free space). */
  const reply = (body: string) =>
    member.post(`/threads/${threadId}/replies`, {
      body: `${body}\n\n${'panic log line\n'.repeat(2000)}`,
    })

  it('answers 503 with Retry-After, logs the real error once, and saves again when room returns', async () => {
    const disk = await fillDisk(t.db, dialect)
    const answers = [await reply('First try.'), await reply('Second try.'), await reply('Third.')]
    for (const res of answers) {
      expect(res.statusCode).toBe(503)
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
      expect(res.body).toContain('cannot save right now')
    }
    // Reading goes on.
    expect((await member.get(`/threads/${threadId}`)).statusCode).toBe(200)

    const errors = log.filter((l) => (l.level as number) >= 50)
    expect(errors).toHaveLength(1)
    const logged = JSON.stringify(errors[0])
    expect(logged).toContain(dialect === 'sqlite' ? 'SQLITE_FULL' : '53100')
    expect(logged).toContain('storage full')
    expect(JSON.stringify(log)).not.toContain('cannot rollback')

    await disk.undo()
    const saved = await reply('Room again: this one is saved.')
    expect(saved.statusCode).toBe(303)
    expect(log.some((l) => String(l.msg).includes('available again after storage full'))).toBe(true)
    const page = await member.get(`/threads/${threadId}`)
    expect(page.body).toContain('Room again: this one is saved.')
    expect(page.body).not.toContain('First try.')
  })
})
