/** Search requests, parsed queries and results (view models). Times are epoch milliseconds. */
import type { Message } from '../shared/index.js'
import type { SignatureFilter } from '../signatures/index.js'
import type { Paging, ThreadListItem } from '../thread-lists/index.js'

export const SEARCH_SORTS = ['relevance', 'newest', 'activity', 'boosts'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** What a caller asks for: the query as typed and a page. */
export interface SearchRequest {
  q: string
  /** 1-based; defaults to 1. */
  page?: number
  /** Defaults to {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number
  /** Defaults to {@link RANK_WINDOW}; smaller values let tests exercise the window without 2,000 threads. */
  rankWindow?: number
}

/** One search term: a word or identifier as typed, or a quoted phrase. */
export interface QueryTerm {
  kind: 'word' | 'phrase'
  /** As typed (a phrase without its quotes). */
  text: string
  /** Letter-and-digit runs, lower case: what word-splitting engines index. */
  words: string[]
  /** The whole-identifier token (see tokenize.ts) when the term is an identifier, else null. */
  whole: string | null
  /** Fine parts (camelCase and acronym splits) when they differ from `words`, else null. */
  parts: string[] | null
}

/** A query after parsing: terms to match, filters, the sort, and what the user should be told. */
export interface ParsedQuery {
  terms: QueryTerm[]
  /** Tag slugs from `tag:`; a thread must carry all of them. */
  tags: string[]
  /** Username from `user:` (the thread's author). */
  user: string | null
  /** `is:solved` → true, `is:unsolved` → false. */
  solved: boolean | null
  /** `after:DATE`: created at or after the start of that UTC day. */
  after: number | null
  /** `before:DATE`: created before the start of that UTC day. */
  before: number | null
  /** `os:`, `build:`, `errno:`, `sym:`, `fb:`, `crash:`: a thread must carry every one (docs/signatures.md). */
  signatures: SignatureFilter[]
  sort: SearchSort
  /** Plain-language notes about how the query was read (cut, ignored words, operators taken as text). */
  notices: Message[]
  /** The query's words without operators or quotes, for "search for these words instead". */
  plainText: string
}

/** A run of snippet or title text; `mark` runs matched the query. Views escape both. */
export interface TextPart {
  text: string
  mark: boolean
}

/**
 * One result row: a thread-list row (threadListItems) with a highlighted title, and a snippet around the match
 * in place of the question's excerpt.
 */
export interface SearchHit extends Omit<ThreadListItem, 'excerpt'> {
  titleParts: TextPart[]
  snippet: TextPart[]
}

export interface SearchResults {
  query: ParsedQuery
  hits: SearchHit[]
  /** Matching threads, counted up to {@link MAX_COUNTED}; see `totalIsLowerBound`. */
  total: number
  /** True when more threads matched than were counted ("1,000+ results"). */
  totalIsLowerBound: boolean
  paging: Paging
  /** True when no thread had every term, so threads with any of them are shown. */
  relaxed: boolean
  /** True when more than RANK_WINDOW threads matched, so only the newest of them were ranked. */
  windowed: boolean
}

/** Multipliers on the engines' relevance scores (docs/search.md): a solved thread ranks a little higher. */
export const RANK_BOOSTS = { solved: 1.1 } as const

export const DEFAULT_PAGE_SIZE = 20
/** Results are counted (and paged) up to this many; past it the page says "1,000+". */
export const MAX_COUNTED = 1000
/**
 * A query matching more threads than this ranks (and sorts) only the newest this many of them, so "kernel" on a
 * forum of 100,000 kernel threads costs what a narrow query costs. At least MAX_COUNTED, so every page shown is full.
 */
export const RANK_WINDOW = 1000
