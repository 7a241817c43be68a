/**
 * searchThreads: parse the query, resolve its filters, fetch the newest RANK_WINDOW matches with their scores
 * (every term first, any term when that finds nothing), order and page them, then load the page's rows and cut
 * highlighted snippets.
 */
import type { Dialect } from '../../config.js'
import type { Executor } from '../../db/schema.js'
import { msg } from '../shared/index.js'
import { threadListItems } from '../thread-lists/index.js'
import {
  engineFor,
  type Candidate,
  type Matcher,
  type MatchPlan,
  type SnippetTexts,
} from './engine.js'
import { parseSearchQuery } from './parse-query.js'
import { filterMatcher, findTagIds, findUserId, type SearchFilters } from './search.queries.js'
import {
  DEFAULT_PAGE_SIZE,
  MAX_COUNTED,
  RANK_WINDOW,
  type ParsedQuery,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
  type SearchSort,
} from './search.types.js'
import { highlighterFor, highlightText, makeSnippet, type Highlighter } from './snippet.js'

/**
 * Searches live threads. Never throws on user input: whatever the query, the result is a (possibly empty) page
 * with notices explaining how the query was read.
 * @example const results = await searchThreads(db, 'sqlite', { q: 'vnode_setmultipath tag:kernel', page: 1 })
 */
export async function searchThreads(
  db: Executor,
  dialect: Dialect,
  request: SearchRequest,
): Promise<SearchResults> {
  const query = parseSearchQuery(request.q)
  const pageSize = Math.min(100, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)))
  const page = Math.max(1, Math.floor(request.page ?? 1))
  const empty: SearchResults = {
    query,
    hits: [],
    total: 0,
    totalIsLowerBound: false,
    paging: { page, pageCount: 1, total: 0, pageSize },
    relaxed: false,
    windowed: false,
  }
  const filters = await resolveFilters(db, query)
  if (filters === null) return empty
  if (query.terms.length === 0 && !hasOperators(query)) {
    query.notices.push({ message: msg('The query has no words to search for.') })
    return empty
  }

  const engine = engineFor(dialect)
  const matcher: Matcher = query.terms.length === 0 ? filterMatcher : engine
  const plan: MatchPlan = { terms: query.terms, mode: 'all', filters, sort: query.sort }
  const window = request.rankWindow ?? RANK_WINDOW
  let found = await matcher.candidates(db, plan, window + 1)
  let relaxed = false
  if (found.length === 0 && query.terms.length > 1) {
    plan.mode = 'any'
    found = await matcher.candidates(db, plan, window + 1)
    relaxed = found.length > 0
  }
  if (found.length === 0) return { ...empty, relaxed }
  const ranked = found.slice(0, window).sort(ORDER[query.sort])
  const ids = ranked.slice((page - 1) * pageSize, page * pageSize).map((c) => c.id)
  const total = Math.min(found.length, MAX_COUNTED, window)
  return {
    query,
    hits: await loadHits(db, engine.texts.bind(engine), ids, query),
    total,
    totalIsLowerBound: found.length > total,
    paging: { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total, pageSize },
    relaxed,
    windowed: found.length > window,
  }
}

/** Each sort as a comparator; recency breaks ties, then the id. */
const ORDER: Record<SearchSort, (a: Candidate, b: Candidate) => number> = {
  relevance: (a, b) => b.score - a.score || b.lastActivityAt - a.lastActivityAt || b.id - a.id,
  newest: (a, b) => b.createdAt - a.createdAt || b.id - a.id,
  activity: (a, b) => b.lastActivityAt - a.lastActivityAt || b.id - a.id,
  boosts: (a, b) =>
    b.boostCount - a.boostCount || b.lastActivityAt - a.lastActivityAt || b.id - a.id,
}

function hasOperators(q: ParsedQuery): boolean {
  return (
    q.tags.length > 0 ||
    q.user !== null ||
    q.solved !== null ||
    q.after !== null ||
    q.before !== null ||
    q.signatures.length > 0
  )
}

/** Filters as ids; null (with a notice) when a named tag or user does not exist, so nothing can match. */
async function resolveFilters(db: Executor, query: ParsedQuery): Promise<SearchFilters | null> {
  const tagIds = await findTagIds(db, query.tags)
  const missingTags = query.tags.filter((slug) => !tagIds.has(slug))
  for (const slug of missingTags)
    query.notices.push({ message: msg('There is no tag “{slug}”.'), values: { slug } })
  const authorId = query.user === null ? null : ((await findUserId(db, query.user)) ?? undefined)
  if (authorId === undefined)
    query.notices.push({
      message: msg('There is nobody called “{name}”.'),
      values: { name: query.user ?? '' },
    })
  if (missingTags.length > 0 || authorId === undefined) return null
  return {
    tagIds: [...tagIds.values()],
    authorId,
    solved: query.solved,
    after: query.after,
    before: query.before,
    signatures: query.signatures,
  }
}

/** Result rows in rank order, with the title and a snippet highlighted. */
async function loadHits(
  db: Executor,
  loadTexts: (db: Executor, ids: readonly number[]) => Promise<Map<number, SnippetTexts>>,
  ids: number[],
  query: ParsedQuery,
): Promise<SearchHit[]> {
  const [items, texts] = await Promise.all([threadListItems(db, ids), loadTexts(db, ids)])
  const h = highlighterFor(query.terms)
  // A hit shows a snippet cut around the match instead of the question's excerpt.
  return items.map(({ excerpt: _excerpt, ...row }) => ({
    ...row,
    titleParts: highlightText(row.title, h),
    snippet: makeSnippet(snippetSource(texts.get(row.id), h), h),
  }))
}

/** The first stored text with a match (question, accepted answer, other replies), else the question. */
function snippetSource(texts: SnippetTexts | undefined, h: Highlighter): string {
  if (!texts) return ''
  if (h.locate !== null) {
    // search() ignores the regexp's lastIndex, unlike test() on a global regexp.
    for (const text of [texts.body, texts.answer, texts.replies])
      if (text.search(h.locate) >= 0) return text
  }
  return texts.body
}
