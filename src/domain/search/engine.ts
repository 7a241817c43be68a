/**
 * One interface, two implementations: FTS5 on SQLite, tsvector + GIN on PostgreSQL. Everything above this file
 * (parsing, documents, snippets, paging) is shared, so both engines answer the same queries the same way.
 */
import { PostgresAdapter } from 'kysely'
import type { Dialect } from '../../config.js'
import type { Executor } from '../../db/schema.js'
import type { SearchDocument } from './document.js'
import { fts5Engine } from './fts5.queries.js'
import type { MatchPage, SearchFilters } from './search.queries.js'
import type { QueryTerm, SearchSort } from './search.types.js'
import { tsvectorEngine } from './tsvector.queries.js'

/** What to match, how to narrow and order it, and which slice to return. */
export interface MatchPlan {
  terms: QueryTerm[]
  /** 'all': every term must match; 'any': at least one (the fallback when 'all' finds nothing). */
  mode: 'all' | 'any'
  filters: SearchFilters
  sort: SearchSort
  limit: number
  offset: number
  /** Count matches up to this many (plus one, to tell "more than"). */
  countCap: number
}

/** The stored texts a snippet is cut from. */
export interface SnippetTexts {
  body: string
  answer: string
  replies: string
}

export interface SearchEngine {
  /** Inserts or replaces the index rows of these threads. */
  write(db: Executor, docs: readonly SearchDocument[]): Promise<void>
  remove(db: Executor, threadIds: readonly number[]): Promise<void>
  /** Removes rows whose thread is gone or deleted. */
  removeOrphans(db: Executor): Promise<void>
  /** Housekeeping after a bulk rebuild. */
  optimize(db: Executor): Promise<void>
  match(db: Executor, plan: MatchPlan): Promise<MatchPage>
  texts(db: Executor, threadIds: readonly number[]): Promise<Map<number, SnippetTexts>>
}

export function engineFor(dialect: Dialect): SearchEngine {
  return dialect === 'postgres' ? tsvectorEngine : fts5Engine
}

/** The dialect behind a connection or transaction (for callers that only have `db`, like reindexThread). */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
