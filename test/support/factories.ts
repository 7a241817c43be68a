/**
 * Test data with sensible defaults, written through the app's own import path so a factory never
 * makes a row the app could not. A test spells out only what it is about.
 */
import type { Db } from '../../src/db/schema.js'
import {
  createImportContext,
  finishImport,
  importThread,
  validateImportThread,
  type ImportThread,
} from '../../src/domain/importer/index.js'
import { ensureTag } from '../../src/domain/tags/index.js'
import { insertPasskey } from '../../src/domain/two-factor/two-factor.queries.js'

/**
 * Numbers the rows a test file makes: thread n is n hours old, so the first thread made is the newest.
 * Starts again at 0 for every test file (test/support/per-file.ts).
 */
let counter = 0
const HOUR = 3_600_000

/** Numbers the next test file's rows from 1 again. */
export function resetFactories(): void {
  counter = 0
}

export interface ThreadSpec extends Partial<Omit<ImportThread, 'replies'>> {
  /** Number of plain replies, or full reply specs. */
  replies?: number | ImportThread['replies']
}

export const make = {
  /**
   * A passkey on an account, as registering one stores it (a second factor for the rules that ask
   * whether there is one; its key signs nothing, so it cannot sign in).
   */
  async passkey(db: Db, userId: number, name = `Key ${++counter}`): Promise<void> {
    await insertPasskey(db, {
      userId,
      credentialId: `test-credential-${++counter}`,
      publicKey: 'AA',
      counter: 0,
      transports: ['internal'],
      name,
      now: Date.now(),
    })
  },

  async tag(
    db: Db,
    slug = `tag-${++counter}`,
    fields: { name?: string; description?: string } = {},
  ): Promise<number> {
    return ensureTag(
      db,
      { slug, name: fields.name ?? slug, description: fields.description ?? `About ${slug}.` },
      Date.now(),
    )
  },

  /** Imports one thread and returns its id. */
  async thread(db: Db, spec: ThreadSpec = {}): Promise<number> {
    const n = ++counter
    const createdAt = typeof spec.created_at === 'number' ? spec.created_at : Date.now() - n * HOUR
    const replies =
      typeof spec.replies === 'number'
        ? Array.from({ length: spec.replies }, (_, i) => ({
            author: `replier${i % 3}`,
            created_at: createdAt + (i + 1) * 60_000,
            body: `Reply ${i + 1} to thread ${n}.`,
          }))
        : (spec.replies ?? [])
    const thread: ImportThread = {
      title: `Thread number ${n} about kernel things`,
      tags: ['kernel'],
      author: 'asker',
      body: `Question ${n}: why does my kext panic?`,
      ...spec,
      created_at: createdAt,
      replies,
    }
    const problems = validateImportThread(thread)
    if (problems.length > 0) throw new Error(`factory thread is invalid: ${problems.join('; ')}`)
    return db.transaction().execute(async (trx) => {
      const ctx = await createImportContext(trx)
      const id = await importThread(trx, thread, ctx)
      await finishImport(trx, ctx)
      return id
    })
  },
}

/** The id of a thread's question post (what a test edits, hides or deletes to change the thread). */
export async function questionOf(db: Db, threadId: number): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('thread_id', '=', threadId)
    .where('kind', '=', 'question')
    .executeTakeFirstOrThrow()
  return row.id
}
