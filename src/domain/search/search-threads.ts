/**
 * searchThreads: parse the query, resolve its filters, take the newest RANK_WINDOW matches with their scores
 * (every term first, any term when that finds nothing) and have the database order, count and page them in
 * the same statement, then load the page's rows and cut highlighted snippets.
 */
import type { Dialect } from '../../config.js'
import type { Executor } from '../../db/schema.js'
import { msg } from '../shared/index.js'
import { threadListItems } from '../thread-lists/index.js'
import { engineFor, type Matcher, type MatchPlan, type SnippetTexts } from './engine.js'
import { parseSearchQuery } from './parse-query.js'
import { rankedPage } from './ranked-page.queries.js'
import { filterMatcher, findTagIds, findUserId, type SearchFilters } from './search.queries.js'
import {
  DEFAULT_PAGE_SIZE,
  MAX_COUNTED,
  RANK_WINDOW,
  type ParsedQuery,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
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
  // Each sort orders by its key; recency breaks ties, then the id (ranked-page.queries.ts).
  const rank = async () => {
    const candidates = await matcher.candidatesSql(db, plan, window + 1)
    if (candidates === null) return { ids: [], found: 0 }
    return rankedPage(db, candidates, query.sort, window, (page - 1) * pageSize, pageSize)
  }
  let { ids, found } = await rank()
  let relaxed = false
  if (found === 0 && query.terms.length > 1) {
    plan.mode = 'any'
    ;({ ids, found } = await rank())
    relaxed = found > 0
  }
  if (found === 0) return { ...empty, relaxed }
  const total = Math.min(found, MAX_COUNTED, window)
  return {
    query,
    hits: await loadHits(db, engine.texts.bind(engine), ids, query),
    total,
    totalIsLowerBound: found > total,
    paging: { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total, pageSize },
    relaxed,
    windowed: found > window,
  }
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
