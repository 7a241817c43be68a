/** The shape of a `quorum` subcommand, and helpers the commands share. */
import type { Config } from '../config.js'
import { createDb, type DbHandle } from '../db/connect.js'

export interface Command {
  /** One line for `quorum --help`. */
  summary: string
  usage: string
  run(args: string[], config: Readonly<Config>): Promise<number>
}

/** Opens the configured database for the duration of `fn`. */
export async function withDb<T>(
  config: Readonly<Config>,
  fn: (handle: DbHandle) => Promise<T>,
): Promise<T> {
  const handle = createDb(config.database)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}
