/**
 * `npm run bench:feed-latency`: how long after a commit PostgreSQL's change feed (src/db/change-feed.ts)
 * hears of it, which is how long another process's write can leave a cached page stale. In a schema of
 * its own on the local server (created, migrated, then dropped), it commits one row `--commits` times
 * and times from the moment the committing query returns to the writer until the feed's version moves.
 *
 *   npm run bench:feed-latency -- [--commits 200] [--url postgres://postgres@127.0.0.1:5432/test]
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { createDb } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { PG_ADMIN_URL } from './load/database.js'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '200' },
    url: { type: 'string', default: PG_ADMIN_URL },
  },
})

const schema = `feed_latency_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ connectionString: values.url })
await admin.connect()
await admin.query(`create schema ${schema}`)
const handle = createDb({ dialect: 'postgres', url: values.url, schema })
try {
  await migrateToLatest(handle.db)
  const feed = handle.openChangeFeed?.()
  if (!feed) throw new Error('a PostgreSQL handle has a change feed')
  const moved = async (from: number | null) => {
    while (feed.version() === from) await new Promise((resolve) => setImmediate(resolve))
  }
  await moved(null)
  const waits: number[] = []
  for (let i = 0; i < Number(values.commits); i++) {
    const before = feed.version()
    await sql`insert into common_terms (term) values (${`latency-${i}`})`.execute(handle.db)
    const committed = performance.now()
    await moved(before)
    waits.push(performance.now() - committed)
  }
  await feed.close()
  waits.sort((a, b) => a - b)
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(waits.length * q))] ?? 0
  console.log(
    `${waits.length} commits: the feed heard each ${at(0.5).toFixed(3)} ms (median), ` +
      `${at(0.95).toFixed(3)} ms (p95), ${at(1).toFixed(3)} ms (worst) after the commit returned`,
  )
} finally {
  await handle.close()
  await admin.query(`drop schema ${schema} cascade`)
  await admin.end()
}
