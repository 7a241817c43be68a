/**
 * One interface, two implementations: FTS5 on SQLite, tsvector + GIN on PostgreSQL. Everything above this file
 * (parsing, documents, snippets, paging) is shared, so both engines answer the same queries the same way.
 */
import type { Dialect } from '../../config.js'
import type { SearchEngine } from './engine.types.js'
import { fts5Engine } from './fts5.queries.js'
import { tsvectorEngine } from './tsvector.queries.js'

export type { Matcher, MatchPlan, SearchEngine, SnippetTexts } from './engine.types.js'

export function engineFor(dialect: Dialect): SearchEngine {
  return dialect === 'postgres' ? tsvectorEngine : fts5Engine
}

/** The dialect behind a connection or transaction (for callers that only have `db`, like reindexThread). */
export { dialectOf } from '../../db/dialect.js'
