/**
 * A write made of several features' steps commits whole or not at all: `inTransaction` runs `step` in
 * one transaction and rolls it back when the step returns a failure, so a refused part (a post already
 * gone, a suspension refused) leaves nothing half-done behind it.
 */
import type { Db, Executor } from '../../db/schema.js'
import type { Result } from './result.js'

class RolledBack extends Error {
  constructor(readonly result: Result<never>) {
    super('rolled back on a failure result')
  }
}

export async function inTransaction<T>(
  db: Db,
  step: (trx: Executor) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await step(trx)
      if (!result.ok) throw new RolledBack(result)
      return result
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.result
    throw error
  }
}
