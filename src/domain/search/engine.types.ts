/**
 * The contract both search engines implement (FTS5 on SQLite, tsvector on PostgreSQL) and the filter-only
 * matcher too. Types only: the engines and engine.ts import this file, never each other.
 */
import type { RawBuilder } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { SearchDocument } from './document.js'
import type { SignatureFilter } from '../signatures/index.js'
import type { QueryTerm, SearchSort } from './search.types.js'

/** Filters resolved to ids; every one narrows the result. */
export interface SearchFilters {
  tagIds: number[]
  authorId: number | null
  solved: boolean | null
  after: number | null
  before: number | null
  /** Signatures the thread must carry (`errno:ENOENT`, `os:"macOS 26"`, ...). */
  signatures: SignatureFilter[]
}

/** What to match and how to narrow it. */
export interface MatchPlan {
  terms: QueryTerm[]
  /** 'all': every term must match; 'any': at least one (the fallback when 'all' finds nothing). */
  mode: 'all' | 'any'
  filters: SearchFilters
  /** Only the relevance sort needs a score; the others leave it 0 and skip the engine's ranking function. */
  sort: SearchSort
}

/** A matching thread with what it is sorted by. */
export interface Candidate {
  id: number
  /** Relevance, higher is better; 0 unless the plan sorts by relevance. */
  score: number
  createdAt: number
  lastActivityAt: number
  boostCount: number
}

/** The stored texts a snippet is cut from. */
export interface SnippetTexts {
  body: string
  answer: string
  replies: string
}

/** Finds matching threads: implemented by both engines, and by plain SQL for queries with only filters. */
export interface Matcher {
  /**
   * The statement that reads the newest `cap` matching threads (ids grow with time), newest first, with
   * their sort keys (the columns of {@link Candidate}): one pass in the order both engines read cheaply,
   * scoring only what it returns. The caller's statement counts, orders and pages them
   * (ranked-page.queries.ts). Null when nothing can match, known before the statement.
   */
  candidatesSql(db: Executor, plan: MatchPlan, cap: number): Promise<RawBuilder<Candidate> | null>
}

export interface SearchEngine extends Matcher {
  /** Inserts or replaces the index rows of these threads. */
  /** `fresh`: none of these threads has a row yet (a bulk load into an empty index), so none is replaced. */
  write(db: Executor, docs: readonly SearchDocument[], options?: { fresh?: boolean }): Promise<void>
  remove(db: Executor, threadIds: readonly number[]): Promise<void>
  /** Removes rows whose thread is gone or deleted. */
  removeOrphans(db: Executor): Promise<void>
  /** Before a bulk load into an empty index: defer what {@link optimize} does once at the end. */
  beginBulkLoad(db: Executor): Promise<void>
  /** Housekeeping after a bulk rebuild. */
  optimize(db: Executor): Promise<void>
  texts(db: Executor, threadIds: readonly number[]): Promise<Map<number, SnippetTexts>>
}
