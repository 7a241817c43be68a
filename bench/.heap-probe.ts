import v8 from 'node:v8'
import { buildApp } from '../src/app.js'
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from '../src/config.js'
import { createDb } from '../src/db/connect.js'
const url = process.env.PROBE_URL ?? 'sqlite:/tmp/g100k.db'
const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' })
const db = createDb(parseDatabaseUrl(url) as DatabaseConfig)
const app = await buildApp(config, { db, viewsFlushMs: 0 })
const mem = (label: string) => { globalThis.gc?.(); const m = process.memoryUsage(); console.log(label, 'rss', (m.rss/1e6).toFixed(0), 'heap', (m.heapUsed/1e6).toFixed(0), 'ext', (m.external/1e6).toFixed(0), 'ab', (m.arrayBuffers/1e6).toFixed(0)) }
mem('start')
const ids = (await db.selectFrom('threads').select('id').orderBy('id').limit(400).execute()).map((r) => r.id)
for (const id of ids) await app.inject({ url: `/threads/${id}` })
mem('after 400 threads')
for (const q of ['panic', 'vnode_put', '"zone element"', 'kernel panic tag:kernel', 'ENOSPC', 'sosend', 'IOService::start', 'crash is:solved']) for (let p = 1; p <= 5; p++) await app.inject({ url: `/search?q=${encodeURIComponent(q)}&page=${p}` })
mem('after searches')
for (let p = 1; p <= 50; p++) await app.inject({ url: `/tags/kernel?page=${p}` })
mem('after tag pages')
if (process.env.SNAP) v8.writeHeapSnapshot(process.env.SNAP)
await app.close(); await db.close()
