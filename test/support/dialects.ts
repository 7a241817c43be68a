import type { Dialect } from '../../src/config.js'

/** The dialects integration tests run against: DIALECTS=sqlite,postgres (the default) or one of them. */
export const DIALECTS = (process.env.DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres')

/** The PostgreSQL server tests use; each test file gets its own schema in it. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
