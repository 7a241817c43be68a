/**
 * Reads the query box: words, identifiers and "quoted phrases", plus the operators tag:, user:, is:, after:,
 * before: and sort:, and the signature operators os:, build:, errno:, sym:, fb: and crash: (their values are read
 * by the signatures feature). A value may be quoted: `os:"macOS 26"`. Nothing here throws: an unknown operator, a
 * bad value or an unbalanced quote is searched as text, with a notice saying so. The result holds only tokens
 * from our tokenizer, never raw text for an engine.
 */
import {
  parseSignatureOperator,
  SIGNATURE_OPERATORS,
  type SignatureOperator,
} from '../signatures/index.js'
import { msg, type Message } from '../shared/index.js'
import { STOP_WORDS } from './stopwords.js'
import { SEARCH_SORTS, type ParsedQuery, type QueryTerm, type SearchSort } from './search.types.js'
import { analyseToken, scanTokens, wordsOf } from './tokenize.js'

/** Longest query read; the rest is dropped with a notice. */
export const MAX_QUERY_LENGTH = 500
/** Most terms (words and phrases) matched; the rest are dropped with a notice. */
export const MAX_TERMS = 12

const OBJC_METHOD = String.raw`[-+]\[[\p{L}_$][\p{L}\p{N}_$]*(?:\([\p{L}\p{N}_$]*\))?\s+[\p{L}_$][\p{L}\p{N}_$:]*\]`
const CHUNK_RE = new RegExp(`(${OBJC_METHOD})|([A-Za-z]+):"([^"]*)"|"([^"]*)"|([^\\s"]+)`, 'gu')
const OPERATORS: readonly string[] = [
  'tag',
  'user',
  'is',
  'after',
  'before',
  'sort',
  ...SIGNATURE_OPERATORS,
]
const OPERATOR_RE = new RegExp(`^(${OPERATORS.join('|')}):(.+)$`, 'iu')
const TAG_RE = /^[a-z0-9][a-z0-9-]{0,39}$/u
const USER_RE = /^[A-Za-z0-9_-]{1,30}$/u
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u

/**
 * Parses a query as typed into terms, filters and a sort.
 * @example parseSearchQuery('tag:kernel "zone map" vnode_setmultipath is:solved sort:newest')
 * // terms: phrase "zone map", word vnode_setmultipath; tags ['kernel']; solved true; sort 'newest'
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    terms: [],
    tags: [],
    user: null,
    solved: null,
    after: null,
    before: null,
    signatures: [],
    sort: 'relevance',
    notices: [],
    plainText: '',
  }
  let text = input.replace(/\s+/gu, ' ').trim()
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH)
    query.notices.push({
      message: msg('Only the first {max, number} characters of the query were searched.'),
      values: { max: MAX_QUERY_LENGTH },
    })
  }
  if ((text.match(/"/gu)?.length ?? 0) % 2 === 1) {
    const last = text.lastIndexOf('"')
    text = text.slice(0, last) + ' ' + text.slice(last + 1)
    query.notices.push({ message: msg('The query had an unmatched quote mark; it was ignored.') })
  }
  const plain: string[] = []
  const ignored = new Set<string>()
  const terms: QueryTerm[] = []
  for (const match of text.matchAll(CHUNK_RE)) {
    const [, objc, name, quoted, phrase, chunk] = match
    if (objc !== undefined) {
      addWord(terms, objc, ignored)
      plain.push(objc)
    } else if (name !== undefined && quoted !== undefined) {
      if (readOperator(query, `${name}:${quoted}`, `${name}:"${quoted}"`)) continue
      addWord(terms, name, ignored)
      addPhrase(terms, quoted, ignored)
      plain.push(`${name} ${quoted}`.trim())
    } else if (phrase !== undefined) {
      addPhrase(terms, phrase, ignored)
      if (phrase.trim() !== '') plain.push(phrase.trim())
    } else if (chunk !== undefined && !readOperator(query, chunk)) {
      scanTokens(chunk, (token) => addWord(terms, token.raw, ignored))
      plain.push(chunk)
    }
  }
  const unique = dedupe(terms)
  if (unique.length > MAX_TERMS)
    query.notices.push({
      message: msg('Only the first {max, number} words were searched.'),
      values: { max: MAX_TERMS },
    })
  query.terms = unique.slice(0, MAX_TERMS)
  if (ignored.size > 0 && query.terms.length > 0)
    query.notices.push({
      message: msg('Very common words were left out: {words}.'),
      values: { words: [...ignored].join(', ') },
    })
  query.plainText = plain.join(' ').trim()
  return query
}

function addWord(terms: QueryTerm[], raw: string, ignored: Set<string>): void {
  const token = analyseToken(raw)
  if (!token) return
  if (token.whole === null && token.words.every((w) => STOP_WORDS.has(w))) {
    for (const w of token.words) ignored.add(w)
    return
  }
  const parts =
    token.parts.length > 0 && token.parts.join(' ') !== token.words.join(' ') ? token.parts : null
  terms.push({ kind: 'word', text: raw, words: token.words, whole: token.whole, parts })
}

function addPhrase(terms: QueryTerm[], phrase: string, ignored: Set<string>): void {
  const words = wordsOf(phrase)
  if (words.length === 0) return
  if (words.every((w) => STOP_WORDS.has(w))) {
    for (const w of words) ignored.add(w)
    return
  }
  terms.push({ kind: 'phrase', text: phrase.trim(), words, whole: null, parts: null })
}

/** One term per kind and words: `panic Panic PANIC` is one term (keeping the identifier reading of `PANIC`). */
function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const byKey = new Map<string, QueryTerm>()
  for (const term of terms) {
    const key = `${term.kind}:${term.words.join(' ')}`
    const seen = byKey.get(key)
    if (!seen || (seen.whole === null && term.whole !== null))
      byKey.set(key, seen ? { ...term, text: seen.text } : term)
  }
  return [...byKey.values()]
}

/** Applies `name:value` when it is a known operator with a valid value; false means "search it as text". */
function readOperator(query: ParsedQuery, chunk: string, label = chunk): boolean {
  const match = OPERATOR_RE.exec(chunk)
  if (!match) return false
  const name = (match[1] ?? '').toLowerCase()
  const value = match[2] ?? ''
  const problem = applyOperator(query, name, value)
  if (problem === null) return true
  query.notices.push({
    message: msg('{problem} “{label}” was searched as text.'),
    values: { problem, label },
  })
  return false
}

function applyOperator(query: ParsedQuery, name: string, value: string): Message | null {
  switch (name) {
    case 'tag': {
      const slug = value.toLowerCase()
      if (!TAG_RE.test(slug)) return { message: msg('tag: takes a tag name such as tag:kernel;') }
      if (!query.tags.includes(slug)) query.tags.push(slug)
      return null
    }
    case 'user':
      if (!USER_RE.test(value))
        return { message: msg('user: takes a username such as user:quinn;') }
      query.user = value
      return null
    case 'is': {
      const v = value.toLowerCase()
      if (v !== 'solved' && v !== 'unsolved')
        return { message: msg('is: takes solved or unsolved;') }
      query.solved = v === 'solved'
      return null
    }
    case 'after':
    case 'before': {
      const at = parseDay(value)
      if (at === null)
        return { message: msg('{name}: takes a date such as {name}:2025-06-01;'), values: { name } }
      query[name] = at
      return null
    }
    case 'sort': {
      const sort = value.toLowerCase() as SearchSort
      if (!SEARCH_SORTS.includes(sort))
        return { message: msg('sort: takes {sorts};'), values: { sorts: SEARCH_SORTS.join(', ') } }
      query.sort = sort
      return null
    }
    default: {
      if (!(SIGNATURE_OPERATORS as readonly string[]).includes(name))
        return { message: msg('{name}: is not an operator;'), values: { name } }
      const filter = parseSignatureOperator(name as SignatureOperator, value)
      if (typeof filter === 'string') return { message: filter }
      query.signatures.push(filter)
      return null
    }
  }
}

/** Start of a UTC day, month or year written as YYYY-MM-DD, YYYY-MM or YYYY; null when not a real date. */
function parseDay(value: string): number | null {
  const m = DATE_RE.exec(value)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1')]
  const at = Date.UTC(year, month - 1, day)
  const check = new Date(at)
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null
  return at
}
