/**
 * searchThreads: parse the query, resolve its filters, match with the dialect's engine (every term first, any
 * term when that finds nothing), then load the page's rows and cut highlighted snippets.
 */
import type { Dialect } from '../../config.js'
import type { Executor } from '../../db/schema.js'
import { engineFor, type MatchPlan, type SnippetTexts } from './engine.js'
import { parseSearchQuery } from './parse-query.js'
import { findTagIds, findUserId, listHitRows, matchFiltersOnly, type MatchPage, type SearchFilters } from './search.queries.js'
import { DEFAULT_PAGE_SIZE, MAX_COUNTED, type ParsedQuery, type SearchHit, type SearchRequest, type SearchResults } from './search.types.js'
import { highlighterFor, highlightText, makeSnippet, type Highlighter } from './snippet.js'

/**
 * Searches live threads. Never throws on user input: whatever the query, the result is a (possibly empty) page
 * with notices explaining how the query was read.
 * @example const results = await searchThreads(db, 'sqlite', { q: 'vnode_setmultipath tag:kernel', page: 1 })
 */
export async function searchThreads(db: Executor, dialect: Dialect, request: SearchRequest): Promise<SearchResults> {
  const query = parseSearchQuery(request.q)
  const pageSize = Math.min(100, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)))
  const page = Math.max(1, Math.floor(request.page ?? 1))
  const filters = await resolveFilters(db, query)
  const hasFilters = query.tags.length > 0 || query.user !== null || query.solved !== null || query.after !== null || query.before !== null
  if (filters === null || (query.terms.length === 0 && !hasFilters)) {
    if (filters !== null) query.notices.push('The query has no words to search for.')
    return { query, hits: [], total: 0, totalIsLowerBound: false, paging: { page, pageCount: 1, total: 0, pageSize }, relaxed: false }
  }

  const engine = engineFor(dialect)
  const plan: MatchPlan = { terms: query.terms, mode: 'all', filters, sort: query.sort, limit: pageSize, offset: (page - 1) * pageSize, countCap: MAX_COUNTED }
  let matched: MatchPage = query.terms.length === 0 ? await matchFiltersOnly(db, filters, query.sort, plan.limit, plan.offset, MAX_COUNTED) : await engine.match(db, plan)
  let relaxed = false
  if (matched.total === 0 && query.terms.length > 1) {
    matched = await engine.match(db, { ...plan, mode: 'any' })
    relaxed = matched.total > 0
  }
  const total = Math.min(matched.total, MAX_COUNTED)
  const [rows, texts] = await Promise.all([listHitRows(db, matched.ids), engine.texts(db, matched.ids)])
  const h = highlighterFor(query.terms)
  const hits: SearchHit[] = rows.map(({ username, userTitle, ...row }) => ({
    ...row,
    author: { username, title: userTitle },
    titleParts: highlightText(row.title, h),
    snippet: makeSnippet(snippetSource(texts.get(row.id), h), h),
  }))
  return {
    query,
    hits,
    total,
    totalIsLowerBound: matched.total > MAX_COUNTED,
    paging: { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total, pageSize },
    relaxed,
  }
}

/** Filters as ids; null (with a notice) when a named tag or user does not exist, so nothing can match. */
async function resolveFilters(db: Executor, query: ParsedQuery): Promise<SearchFilters | null> {
  const tagIds = await findTagIds(db, query.tags)
  const missingTags = query.tags.filter((slug) => !tagIds.has(slug))
  for (const slug of missingTags) query.notices.push(`There is no tag “${slug}”.`)
  const authorId = query.user === null ? null : ((await findUserId(db, query.user)) ?? undefined)
  if (authorId === undefined) query.notices.push(`There is nobody called “${query.user ?? ''}”.`)
  if (missingTags.length > 0 || authorId === undefined) return null
  return { tagIds: [...tagIds.values()], authorId, solved: query.solved, after: query.after, before: query.before }
}

/** The first stored text with a match (question, accepted answer, other replies), else the question. */
function snippetSource(texts: SnippetTexts | undefined, h: Highlighter): string {
  if (!texts) return ''
  if (h.locate !== null) {
    // search() ignores the regexp's lastIndex, unlike test() on a global regexp.
    for (const text of [texts.body, texts.answer, texts.replies]) if (text.search(h.locate) >= 0) return text
  }
  return texts.body
}
