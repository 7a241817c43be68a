/**
 * `quorum signatures extract [FILE]`, `quorum signatures rebuild` and `quorum signatures rank`, in process as
 * bin/quorum.js runs them. Extract needs no database; rebuild and rank run against a database of their own
 * per dialect.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli.js'
import { parseDatabaseUrl, type DatabaseConfig } from '../../../src/config.js'
import { createDb } from '../../../src/db/connect.js'
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/dialects.js'

const PANIC_LOG = `panic(cpu 4 caller 0xfffffe002c1f88a4): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435
OS version: 25B78
open("/tmp/x\\0", 0x0, 0x0)		 = -1 Err#2
Filed FB12345678; vnode_put() is called twice.
`

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

describe.each(DIALECTS)('%s: quorum signatures', (dialect) => {
  const output: string[] = []
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-signatures-'))
  let url: string
  let cleanup: () => Promise<void> = async () => {}
  const run = async (...args: string[]) => {
    output.length = 0
    return main(args)
  }

  beforeAll(async () => {
    if (dialect === 'sqlite') url = `sqlite:${path.join(dir, 'forum.db')}`
    else {
      const name = `quorum_sig_${randomBytes(4).toString('hex')}`
      await admin(`create database ${name}`)
      url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`)
      cleanup = () => admin(`drop database if exists ${name} with (force)`)
    }
    vi.stubEnv('DATABASE_URL', url)
    vi.stubEnv('LOG_LEVEL', 'silent')
    const capture = (...parts: unknown[]) => void output.push(parts.join(' '))
    vi.spyOn(console, 'log').mockImplementation(capture)
    vi.spyOn(console, 'error').mockImplementation(capture)
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    fs.rmSync(dir, { recursive: true, force: true })
    await cleanup()
  })

  it('prints the signatures of a file as JSON with the five keys', async () => {
    const file = path.join(dir, 'panic.txt')
    fs.writeFileSync(file, PANIC_LOG)
    expect(await run('signatures', 'extract', file)).toBe(0)
    const json = JSON.parse(output.join('\n')) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(['os', 'errors', 'symbols', 'references', 'crashes'])
    expect(json).toMatchObject({
      os: [{ name: 'macOS', version: '26', build: '25B78' }],
      errors: [{ name: 'ENOENT', number: 2, domain: 'errno' }],
      references: ['FB12345678'],
      crashes: [
        { text: 'panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c' },
      ],
    })
    // The author's words first, then the pasted output's (docs/signatures.md).
    expect(json.symbols).toEqual(['vnode_put()', 'apfs_io_lock_exclusive', 'open()'])
  })

  it('refuses a missing file and an unknown action', async () => {
    expect(await run('signatures', 'extract', path.join(dir, 'nope.txt'))).toBe(1)
    expect(await run('signatures', 'frobnicate')).toBe(2)
    expect(output.join('\n')).toContain('quorum signatures extract [FILE]')
  })

  it('rebuilds every thread’s signatures', async () => {
    expect(await run('seed', '--demo')).toBe(0)
    const handle = createDb(parseDatabaseUrl(url) as DatabaseConfig)
    try {
      await handle.db.deleteFrom('thread_signatures').execute()
      expect(await run('signatures', 'rebuild')).toBe(0)
      expect(output.join('\n')).toMatch(/Derived the signatures of \d+ live thread\(s\) of \d+\./)
      const row = await handle.db
        .selectFrom('thread_signatures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(row.n)).toBeGreaterThan(100)
    } finally {
      await handle.close()
    }
  })

  it('ranks the similar threads of the threads that are due, or of all', async () => {
    const handle = createDb(parseDatabaseUrl(url) as DatabaseConfig)
    const count = async (table: 'similar_threads' | 'similarity_vectors', due = false) => {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(due, (qb) => qb.where('ranked_at', '=', 0))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    }
    try {
      // The seeded demo is ranked (seed ranks what its own threads marked due).
      expect(await count('similarity_vectors', true)).toBe(0)
      expect(await count('similar_threads')).toBeGreaterThan(20)
      await handle.db.deleteFrom('similar_threads').execute()
      await handle.db.updateTable('similarity_vectors').set({ ranked_at: 0 }).execute()
      expect(await run('signatures', 'rank')).toBe(0)
      const threads = await count('similarity_vectors')
      expect(output.join('\n')).toContain(`Ranked the similar threads of ${threads} thread(s).`)
      expect(await count('similar_threads')).toBeGreaterThan(20)
      expect(await run('signatures', 'rank')).toBe(0)
      expect(output.join('\n')).toContain('Ranked the similar threads of 0 thread(s).')
      expect(await run('signatures', 'rank', '--all')).toBe(0)
      expect(output.join('\n')).toContain(`Ranked the similar threads of ${threads} thread(s).`)
      expect(await run('signatures', 'rank', '--some')).toBe(2)
    } finally {
      await handle.close()
    }
  })
})
