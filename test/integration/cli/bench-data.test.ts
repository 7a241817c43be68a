/**
 * `quorum bench-data`, in process as bin/quorum.js runs it, on each database: a generated forum gets its
 * rows, tags, search index, signatures and similarity terms (derived on a worker thread, as by default),
 * the same seed and date give the same forum, and a forum that has threads is refused.
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
import { searchThreads } from '../../../src/domain/search/index.js'
import { rebuildThreadText } from '../../../src/domain/text-pipeline/index.js'
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/dialects.js'

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

describe.each(DIALECTS)('%s: quorum bench-data', (dialect) => {
  let url: string
  let cleanup: () => Promise<void>
  const output: string[] = []

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-data-'))
      url = `sqlite:${path.join(dir, 'forum.db')}`
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    } else {
      const name = `quorum_bench_data_${randomBytes(4).toString('hex')}`
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
    await cleanup?.()
  })

  it('fills an empty forum with threads, their derived rows and indexes, then refuses to fill it again', async () => {
    const args = ['bench-data', '--threads', '60', '--tags', '5', '--now', '2026-06-01']
    expect(await main([...args, '--workers', '1'])).toBe(0)
    expect(output.join('\n')).toMatch(/Wrote 60 threads/)
    const handle = createDb(parseDatabaseUrl(url) as DatabaseConfig)
    try {
      const { db } = handle
      const count = async (table: 'threads' | 'posts' | 'thread_signatures' | 'similarity_terms') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      expect(await count('threads')).toBe(60)
      expect(await count('posts')).toBeGreaterThan(60)
      expect(await count('similarity_terms')).toBeGreaterThan(60 * 5)
      expect(await count('thread_signatures')).toBeGreaterThan(0)
      // Every thread is findable by a word of its own title.
      const thread = await db
        .selectFrom('threads')
        .select(['id', 'title'])
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const word = thread.title.split(/\s+/).find((w) => /^[a-z]{5,}$/i.test(w)) ?? thread.title
      const found = await searchThreads(db, handle.dialect, { q: word, pageSize: 100 })
      expect(found.total).toBeGreaterThan(0)
      // The indexes dropped for the load are back.
      const indexes =
        dialect === 'sqlite'
          ? (
              await db
                .selectFrom('sqlite_master' as never)
                .select('name' as never)
                .execute()
            ).map((r) => (r as { name: string }).name)
          : (
              await db
                .selectFrom('pg_indexes' as never)
                .select('indexname' as never)
                .execute()
            ).map((r) => (r as { indexname: string }).indexname)
      expect(indexes).toEqual(
        expect.arrayContaining(['posts_thread', 'tt_activity', 'similarity_terms_term']),
      )
      // Derived from the rows in memory as they were written: the same as a rebuild that reads them back.
      const derived = async () => ({
        signatures: await db
          .selectFrom('thread_signatures')
          .selectAll()
          .orderBy('thread_id')
          .orderBy('position')
          .execute(),
        vectors: await db
          .selectFrom('similarity_vectors')
          .select(['thread_id', 'terms'])
          .orderBy('thread_id')
          .execute(),
        // Ranked once every thread was written (and again by the rebuild, after its last batch).
        similar: await db
          .selectFrom('similar_threads')
          .selectAll()
          .orderBy('thread_id')
          .orderBy('rank')
          .execute(),
        postings: await db
          .selectFrom('similarity_terms')
          .selectAll()
          .orderBy('thread_id')
          .orderBy('term')
          .execute(),
        common: await db.selectFrom('common_terms').selectAll().orderBy('term').execute(),
        sites: await db
          .selectFrom('crash_sites')
          .selectAll()
          .orderBy('thread_id')
          .orderBy('cause')
          .orderBy('site')
          .orderBy('process')
          .execute(),
      })
      const written = await derived()
      expect(written.vectors).toHaveLength(60)
      expect(written.similar.length).toBeGreaterThan(60)
      expect(
        await db
          .selectFrom('similarity_vectors')
          .select('thread_id')
          .where('ranked_at', '=', 0)
          .execute(),
      ).toEqual([])
      for (const table of [
        dialect === 'sqlite' ? 'search_fts' : 'search_documents',
        'thread_signatures',
        'similarity_vectors',
        'similarity_terms',
        'common_terms',
        'crash_sites',
        'similar_threads',
      ] as const)
        await db.deleteFrom(table).execute()
      await rebuildThreadText(db, { fresh: true })
      expect(await derived()).toEqual(written)
    } finally {
      await handle.close()
    }
    output.length = 0
    expect(await main(args)).toBe(1)
    expect(output.join('\n')).toContain('already has threads')
  })

  it('refuses bad numbers, naming what it wants', async () => {
    output.length = 0
    expect(await main(['bench-data', '--threads', '10', '--workers', 'two'])).toBe(2)
    expect(output.join('\n')).toContain('Give whole numbers')
  })
})
