/**
 * `quorum backup FILE`: on SQLite, a copy taken while another process keeps writing opens, passes
 * `integrity_check`, and holds every row committed before it began (and none that was half written);
 * on PostgreSQL the command declines and names pg_dump.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli.js'
import { createDb } from '../../../src/db/connect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/dialects.js'
import { make } from '../../support/factories.js'

/** Inserts rows into backup_probe, one transaction each, until killed. */
const WRITER = `
const Database = require('better-sqlite3')
const db = new Database(process.argv[1])
db.pragma('journal_mode = WAL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare('insert into backup_probe (note) values (?)')
const write = () => { for (let i = 0; i < 20; i++) insert.run('probe row ' + Date.now()); setImmediate(write) }
write()
`

describe.each(DIALECTS)('%s: quorum backup', (dialect) => {
  const output: string[] = []
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-backup-'))
    vi.stubEnv('LOG_LEVEL', 'silent')
    const capture = (...parts: unknown[]) => void output.push(parts.join(' '))
    vi.spyOn(console, 'log').mockImplementation(capture)
    vi.spyOn(console, 'error').mockImplementation(capture)
  })
  afterAll(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.runIf(dialect === 'sqlite')(
    'copies a database that is being written to, consistently and restorably',
    async () => {
      const file = path.join(dir, 'forum.db')
      const handle = createDb({ dialect: 'sqlite', url: file })
      await migrateToLatest(handle.db)
      await make.tag(handle.db, 'drivers', { name: 'Drivers' })
      for (let i = 0; i < 5; i++) await make.thread(handle.db, { tags: ['drivers'], replies: 2 })
      await handle.close()
      const own = new SQLite(file)
      own.exec('create table backup_probe (id integer primary key, note text not null)')
      const count = (db: SQLite.Database) =>
        (db.prepare('select count(*) as n from backup_probe').get() as { n: number }).n

      const writer: ChildProcess = spawn(process.execPath, ['-e', WRITER, file], {
        cwd: process.cwd(),
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      try {
        while (count(own) < 200) await new Promise((r) => setTimeout(r, 20))
        const before = count(own)
        vi.stubEnv('DATABASE_URL', `sqlite:${file}`)
        const target = path.join(dir, 'copy.db')
        expect(await main(['backup', target])).toBe(0)
        expect(output.join('\n')).toMatch(/Backed up \d+ pages/)
        expect(writer.exitCode).toBeNull() // it wrote throughout
        const after = count(own)

        const copy = new SQLite(target, { readonly: true })
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
          const copied = count(copy)
          expect(copied).toBeGreaterThanOrEqual(before)
          expect(copied).toBeLessThanOrEqual(after)
          const threads = copy.prepare('select count(*) as n from threads').get() as { n: number }
          expect(threads.n).toBe(5)
          const posts = copy.prepare('select count(*) as n from posts').get() as { n: number }
          expect(posts.n).toBe(15)
        } finally {
          copy.close()
        }
        // It will not overwrite a file unless told to.
        expect(await main(['backup', target])).toBe(1)
        expect(output.join('\n')).toContain('pass --force')
        expect(await main(['backup', target, '--force'])).toBe(0)
        expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([])
      } finally {
        writer.kill('SIGTERM')
        own.close()
      }
    },
  )

  it.runIf(dialect === 'postgres')('declines on PostgreSQL and names pg_dump', async () => {
    vi.stubEnv('DATABASE_URL', TEST_POSTGRES_URL)
    output.length = 0
    expect(await main(['backup', path.join(dir, 'nothing.db')])).toBe(2)
    expect(output.join('\n')).toContain('pg_dump')
    expect(fs.existsSync(path.join(dir, 'nothing.db'))).toBe(false)
  })
})
