import type { Kysely } from 'kysely'
import { isPostgres, sql } from './helpers.js'

/**
 * The search index, one row per live thread (docs/search.md). Columns: title, body (the question with its code
 * and text attachments), answer (the accepted reply), replies (the rest), and whole identifiers with their
 * parts, made by the app's tokenizer: title_identifiers (from the title and attachment names), identifiers
 * (from the question and answer) and reply_identifiers (found only in the other replies).
 * - SQLite: an FTS5 table whose rowid is the thread id; porter + unicode61 for every column (queries go through
 *   the same tokenizer, so identifier tokens stay consistent).
 * - PostgreSQL: a table with a generated tsvector (title and its identifiers A, question and answer B, their
 *   identifiers C, other replies and their identifiers D; prose with the `english` config, identifiers with
 *   `simple`) and a GIN index on it.
 * Existing threads are indexed by `quorum search reindex`, which needs the app's tokenizer (a migration may not
 * import app code).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`create virtual table search_fts using fts5(
      title, body, answer, replies, title_identifiers, identifiers, reply_identifiers,
      tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db)
    return
  }
  await db.schema
    .createTable('search_documents')
    .addColumn('thread_id', 'integer', (c) =>
      c.primaryKey().references('threads.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('replies', 'text', (c) => c.notNull())
    .addColumn('title_identifiers', 'text', (c) => c.notNull())
    .addColumn('identifiers', 'text', (c) => c.notNull())
    .addColumn('reply_identifiers', 'text', (c) => c.notNull())
    .addColumn('search_vector', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english', ${prose('title')}), 'A')
            || setweight(to_tsvector('simple', title_identifiers), 'A')
            || setweight(to_tsvector('english', ${prose('body')}), 'B')
            || setweight(to_tsvector('english', ${prose('answer')}), 'B')
            || setweight(to_tsvector('simple', identifiers), 'C')
            || setweight(to_tsvector('english', ${prose('replies')}), 'D')
            || setweight(to_tsvector('simple', reply_identifiers), 'D')`,
        )
        .stored(),
    )
    .execute()
  // fastupdate off: no pending list for every search to scan linearly after a burst of writes.
  await sql`create index search_documents_vector on search_documents using gin (search_vector) with (fastupdate = off)`.execute(
    db,
  )
  // Keep the heap narrow: every column is moved out of line (the vector uncompressed), so a bitmap scan over
  // thousands of matches reads a few small pages instead of kilobytes of text per row, and a plain-word match
  // never decompresses anything. See docs/search.md, "PostgreSQL storage".
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db)
  await sql`alter table search_documents alter column search_vector set storage external`.execute(
    db,
  )
  // A longer list of common lexemes makes the planner's estimates for rare words rare enough that it uses the
  // GIN index, instead of walking the newest rows for matches that do not exist.
  await sql`alter table search_documents alter column search_vector set statistics 1000`.execute(db)
}

/** Every ASCII punctuation character, and as many spaces (translate() deletes characters it has no partner for). */
const PUNCTUATION = `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`
const SPACES = ' '.repeat(PUNCTUATION.length)

/**
 * Prose is indexed as runs of letters and digits, as FTS5's unicode61 tokenizer sees it, so both engines split
 * text alike: PostgreSQL's parser would otherwise skip anything shaped like an HTML tag or entity (`<b>`,
 * `&amp;`) and keep paths, hosts and versions as single tokens (`linux/kobject.h`). Whole identifiers live in
 * the identifier columns, indexed with the `simple` config.
 */
function prose(column: string) {
  return sql`translate(${sql.ref(column)}, ${sql.lit(PUNCTUATION)}, ${sql.lit(SPACES)})`
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`drop table search_fts`.execute(db)
    return
  }
  await db.schema.dropTable('search_documents').execute()
}
