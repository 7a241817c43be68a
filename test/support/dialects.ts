import { inject } from 'vitest'
import { CONFIGURED_POSTGRES_URL, parseDialects } from './test-env.js'

/** The dialects integration tests run against: DIALECTS=sqlite,postgres (the default) or one of them. */
export const DIALECTS = parseDialects(process.env.DIALECTS)

/**
 * The PostgreSQL server tests use; each test file gets a database of its own on it (test-db.ts). The global setup picks it:
 * TEST_POSTGRES_URL when that answers, otherwise an embedded PostgreSQL started for the run.
 */
export const TEST_POSTGRES_URL = inject('testPostgresUrl') ?? CONFIGURED_POSTGRES_URL
