/**
 * `npm run bench:page-parts`: what the parts of an uncached page cost, in process (no sockets): the
 * thread page's data (its statements and their mapping) and its rendering, for the five-post and the
 * 50-reply thread of the load benchmark, and a word search with its ranked statement on its own. The
 * request path around them is measured under load by the `robots-uncached` scenario of `npm run bench`.
 * docs/performance.md ("What an uncached page is made of") has the numbers.
 *
 *   npm run bench:page-parts -- [--dialect sqlite|postgres] [--threads 100000] [--runs 400]
 */
import { parseArgs } from 'node:util'
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config.js'
import { createDb } from '../src/db/connect.js'
import { searchThreads } from '../src/domain/search/index.js'
import { getThreadSignaturePanels } from '../src/domain/signatures/index.js'
import { getThreadPage } from '../src/domain/threads/index.js'
import { ThreadPage } from '../src/views/pages/thread-page.js'
import { renderDocument } from '../src/views/render.js'
import type { SiteContext } from '../src/views/site.js'
import { describeShape, ensureDatabase } from './load/database.js'
import { findTargets } from './load/scenarios.js'

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    threads: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '400' },
  },
})
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite'
const shape = { threads: Number(values.threads), replies: 4, tags: 50, seed: 1 }
const runs = Math.max(10, Number(values.runs))
const warmups = Math.ceil(runs / 4)

const url = await ensureDatabase(dialect, shape)
let ranked = 0
const { db, close } = createDb(parseDatabaseUrl(url) as DatabaseConfig, {
  // The search's ranked statement is the one that starts `with m as materialized` (ranked-page.queries.ts).
  onQuery: (event) => {
    if (event.query.sql.trimStart().startsWith('with m as materialized'))
      ranked += event.queryDurationMillis
  },
})
const targets = await findTargets(url)
const site: SiteContext = {
  name: 'Quorum',
  description: '',
  baseUrl: 'http://127.0.0.1',
  assets: { css: '/assets/quorum.css', js: '/assets/build/main.js' },
  viewer: null,
  now: Date.now(),
  csrfToken: null,
}
const ms = (total: number) => (total / runs).toFixed(3).padStart(7)

console.log(`${dialect}, ${describeShape(shape)}, mean of ${runs} runs after ${warmups} warm-ups`)
console.log('page                   data ms  render ms  characters')
try {
  for (const [label, id] of [
    ['five-post thread', targets.shortThread],
    ['50-reply thread', targets.longThread],
  ] as const) {
    let data = 0
    let render = 0
    let characters = 0
    for (let i = 0; i < warmups + runs; i++) {
      const started = performance.now()
      const page = await getThreadPage(db, id)
      if (!page) throw new Error(`thread ${id} is not in the bench database`)
      const signatures = await getThreadSignaturePanels(db, id)
      const fetched = performance.now()
      const html = renderDocument(
        ThreadPage({ site: { ...site, now: Date.now() }, data: page, signatures }),
      )
      if (i < warmups) continue
      data += fetched - started
      render += performance.now() - fetched
      characters = html.length
    }
    console.log(`${label.padEnd(20)} ${ms(data)}  ${ms(render)}    ${characters}`)
  }
  let search = 0
  for (let i = 0; i < warmups + runs; i++) {
    if (i === warmups) ranked = 0
    const started = performance.now()
    await searchThreads(db, dialect, { q: 'panic' })
    if (i >= warmups) search += performance.now() - started
  }
  console.log(`search "panic": ${ms(search)} ms, of which its ranked statement ${ms(ranked)} ms`)
} finally {
  await close()
}
