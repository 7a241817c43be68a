/**
 * `quorum backup <file>`: an online copy of a SQLite database, taken while the forum serves (SQLite's
 * backup API through better-sqlite3, as the sqlite3 shell's `.backup` does). The whole copy is one step
 * inside one read transaction, so it is the database as of one commit: in WAL mode that blocks no writer,
 * and no write that commits meanwhile can make it start over. It is written next to `file` and renamed
 * into place only once SQLite's integrity check passes, so `file` is never a half-written copy.
 * PostgreSQL has its own tool (`pg_dump`, docs/deploy.md "Backups").
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import type { Command } from './command.js'

export const backupCommand: Command = {
  summary: 'Copy the SQLite database to FILE while the forum runs (PostgreSQL: use pg_dump).',
  usage: 'quorum backup <file> [--force]',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false } },
    })
    const [target, ...extra] = positionals
    if (target === undefined || extra.length > 0) {
      console.error(`Usage: ${backupCommand.usage}`)
      return 2
    }
    if (config.database.dialect !== 'sqlite') {
      console.error(
        'quorum backup copies a SQLite database. For PostgreSQL use pg_dump, e.g. `pg_dump --format=custom --file=quorum.dump "$DATABASE_URL"` (docs/deploy.md, "Backups").',
      )
      return 2
    }
    if (config.database.url === ':memory:') {
      console.error('The database is in memory (sqlite::memory:): there is no file to back up.')
      return 2
    }
    const file = path.resolve(target)
    if (fs.existsSync(file) && !values.force) {
      console.error(`${file} exists; pass --force to replace it.`)
      return 1
    }
    const partial = `${file}.partial-${process.pid}`
    const source = new SQLite(config.database.url, { fileMustExist: true })
    try {
      source.pragma('busy_timeout = 5000')
      // Every remaining page in one sqlite3_backup_step, i.e. one consistent snapshot. (better-sqlite3
      // passes the number through: 0 would copy nothing, step after step.)
      const { totalPages } = await source.backup(partial, { progress: () => 0x7fffffff })
      // The copy keeps the source's WAL mode; a backup is one self-contained file, so it leaves it.
      const copy = new SQLite(partial)
      let check: unknown
      try {
        copy.pragma('journal_mode = DELETE')
        check = copy.pragma('integrity_check', { simple: true })
      } finally {
        copy.close()
      }
      if (check !== 'ok')
        throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`)
      fs.renameSync(partial, file)
      const size = fs.statSync(file).size
      console.log(
        `Backed up ${totalPages} pages (${(size / 1024 / 1024).toFixed(1)} MB) to ${file}.`,
      )
      return 0
    } finally {
      source.close()
      for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`])
        fs.rmSync(leftover, { force: true })
    }
  },
}
