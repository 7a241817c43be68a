/**
 * Imports a stream of JSON Lines in batched transactions. Every line is validated before anything is
 * written, so a bad line is reported by number and skipped, never half-imported.
 */
import type { Db } from '../../db/schema.js'
import { createImportContext, finishImport, importThreadBatch } from './import.actions.js'
import { validateImportThread, type ImportThread } from './import.schema.js'
import type { ThreadContent } from '../thread-contents/index.js'

export interface ImportProgress {
  imported: number
  skipped: number
}

export interface ImportOptions {
  /** Threads per transaction. */
  batchSize?: number
  onProgress?: (progress: ImportProgress) => void
  onBadLine?: (lineNumber: number, problems: string[]) => void
  now?: number
  /**
   * 'each' (the default): each thread is searchable once its batch commits. 'later': the caller runs
   * `rebuildThreadText` after the import, which is much faster for bulk loads (`quorum bench-data` does).
   */
  search?: 'each' | 'later'
  /**
   * Called after each batch commits with the contents of the threads it wrote (as loadThreadContents would
   * read them), awaited before the next batch: a bulk load derives their text without reading them back.
   */
  onWritten?: (contents: ThreadContent[]) => Promise<void> | void
}

/** Imports already-parsed threads (the demo seed and generators use this). */
export async function importThreads(
  db: Db,
  threads: Iterable<ImportThread> | AsyncIterable<ImportThread>,
  options: ImportOptions = {},
): Promise<ImportProgress> {
  async function* numbered() {
    let n = 0
    for await (const thread of threads) yield { lineNumber: ++n, value: thread as unknown }
  }
  return importValues(db, numbered(), options)
}

/**
 * Imports JSON Lines text, one thread a line; blank lines are ignored.
 * Pass a lazy source (src/cli/file-lines.ts): a readline interface made before an await loses lines.
 * @example await importJsonLines(db, fileLines('threads.jsonl'))
 */
export async function importJsonLines(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportProgress> {
  async function* parsed() {
    let n = 0
    for await (const line of lines) {
      n++
      if (line.trim() === '') continue
      try {
        yield { lineNumber: n, value: JSON.parse(line) as unknown }
      } catch (error) {
        yield {
          lineNumber: n,
          value: undefined,
          parseError: `not valid JSON (${(error as Error).message})`,
        }
      }
    }
  }
  return importValues(db, parsed(), options)
}

async function importValues(
  db: Db,
  values: AsyncIterable<{ lineNumber: number; value: unknown; parseError?: string }>,
  options: ImportOptions,
): Promise<ImportProgress> {
  const batchSize = options.batchSize ?? 200
  const progress: ImportProgress = { imported: 0, skipped: 0 }
  const ctx = await createImportContext(db, options.now, { search: options.search ?? 'each' })
  if (options.onWritten) ctx.written = []
  let batch: ImportThread[] = []
  const flush = async () => {
    if (batch.length === 0) return
    const current = batch
    batch = []
    if (ctx.written) ctx.written.length = 0 // a failed batch's contents never reach onWritten
    await db.transaction().execute(async (trx) => {
      await importThreadBatch(trx, current, ctx)
      await finishImport(trx, ctx)
    })
    progress.imported += current.length
    options.onProgress?.({ ...progress })
    if (ctx.written) await options.onWritten?.(ctx.written.splice(0))
  }
  for await (const { lineNumber, value, parseError } of values) {
    const problems = parseError ? [parseError] : validateImportThread(value)
    if (problems.length > 0) {
      progress.skipped++
      options.onBadLine?.(lineNumber, problems)
      continue
    }
    batch.push(value as ImportThread)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  return progress
}
