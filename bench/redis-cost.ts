/**
 * `npm run bench:redis-cost`: what sharing through Redis (REDIS_URL) costs a request. The same app on
 * in-memory SQLite answers 3,000 GET /robots.txt (through the request limit) without Redis, then with
 * the Redis at REDIS_URL (default redis://127.0.0.1:6379, keys under a prefix of its own, deleted
 * after); and 3,000 sign-in attempt counts (takeAttempts) in memory and in Redis. Prints the time per
 * request and per count, and requests per second for 64 concurrent requests, from one run.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { createDb } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { AttemptLimiter, takeAttempts } from '../src/domain/shared/index.js'

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `bench:${randomBytes(3).toString('hex')}:`
const N = 3000

async function measure(redis: boolean) {
  const handle = createDb({ dialect: 'sqlite', url: ':memory:' })
  await migrateToLatest(handle.db)
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'sqlite::memory:',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...(redis ? { REDIS_URL: url, REDIS_PREFIX: prefix } : {}),
  })
  const app = await buildApp(config, { db: handle, viewsFlushMs: 0 })
  await app.ready()
  while (redis && !app.redis?.isUp) await new Promise((r) => setTimeout(r, 20))
  const get = (i: number) =>
    app.inject({ url: '/robots.txt', remoteAddress: `10.1.${i % 200}.${i % 100}` })
  for (let i = 0; i < 300; i++) await get(i) // warm up
  let started = process.hrtime.bigint()
  for (let i = 0; i < N; i++) await get(i)
  const sequentialUs = Number(process.hrtime.bigint() - started) / 1000 / N
  started = process.hrtime.bigint()
  for (let i = 0; i < N; i += 64)
    await Promise.all(Array.from({ length: 64 }, (_, j) => get(i + j)))
  const perSecond = Math.round(N / (Number(process.hrtime.bigint() - started) / 1e9))
  const limiter = new AttemptLimiter({ name: 'bench', max: 1e9, windowMs: 60_000 })
  started = process.hrtime.bigint()
  for (let i = 0; i < N; i++) await takeAttempts([[limiter, `k${i % 50}`]])
  const attemptUs = Number(process.hrtime.bigint() - started) / 1000 / N
  await app.close()
  await handle.close()
  return { sequentialUs, perSecond, attemptUs }
}

const without = await measure(false)
const withRedis = await measure(true)
const cleanup = new Redis(url)
const keys = await cleanup.keys(`${prefix}*`)
if (keys.length > 0) await cleanup.del(...keys)
await cleanup.quit()
const row = (name: string, r: typeof without) =>
  `| ${name.padEnd(14)} | ${r.sequentialUs.toFixed(0).padStart(6)} µs | ${String(r.perSecond).padStart(7)} | ${r.attemptUs.toFixed(1).padStart(6)} µs |`
console.log('| request limit  | one request | 64 at once (req/s) | one attempt count |')
console.log('| -------------- | ----------- | ------------------ | ----------------- |')
console.log(row('in memory', without))
console.log(row('Redis', withRedis))
