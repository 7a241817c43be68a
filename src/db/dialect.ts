/** Which database a connection or transaction talks to, for the few queries whose SQL differs. */
import { PostgresAdapter } from 'kysely'
import type { Dialect } from '../config.js'
import type { Executor } from './schema.js'

/** @example if (dialectOf(trx) === 'postgres') … */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
