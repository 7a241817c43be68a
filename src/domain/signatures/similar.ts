/**
 * Similar threads: for a thread (its side panel) or a question being typed (/ask), the top few live threads
 * by text similarity plus shared signatures (docs/signatures.md, "Similar threads").
 * - Text: each thread's stored term vector (terms.ts) against the query's, on the query's most distinctive
 *   terms, each weighted by its rarity (idf²), normalised so an identical text scores 1.
 * - Signatures: each shared one adds its kind's weight times its rarity, so sharing a crash fingerprint or an
 *   FB number counts for much, a common errno or an OS release for little.
 * Both read small inverted indexes ((term, thread) and (kind, key, thread)), so a query costs a handful of
 * index range scans whatever the forum's size.
 */
import type { Executor } from '../../db/schema.js'
import { extractSignaturesOfParts, signatureItems } from './extract.js'
import { listThreadSignatures, type StoredSignature } from './signatures.queries.js'
import {
  countSignatureThreads,
  countTermThreads,
  estimateThreadCount,
  listSignaturePostings,
  listTermPostings,
  listThreadSummaries,
  listThreadTerms,
} from './similar.queries.js'
import type {
  RankedSimilar,
  SignatureItem,
  SignatureKind,
  SimilarThread,
} from './signatures.types.js'
import { similarityTerms, threadTerms } from './terms.js'
import { MAX_POSTINGS } from './term-postings.queries.js'

export const SIMILAR_LIMIT = 5
/** Query terms matched: the most distinctive of the query's words. */
const QUERY_TERMS = 40
/** Of a long text's terms, only the heaviest are looked up at all (their rarity is read per term). */
const CANDIDATE_TERMS = 60
/** Postings read for the text part, at most: chosen terms are taken best first until their counts reach it. */
const POSTINGS_BUDGET = 10_000
/**
 * MAX_POSTINGS: a term or signature in more threads than this is left out: reading its postings would cost
 * more than everything else on the page, and so common a word says almost nothing about similarity (its idf
 * is small). Together with QUERY_TERMS it bounds the rows a query reads, whatever the forum's size. Terms
 * past it keep no postings at all (term-postings.ts).
 */
export { MAX_POSTINGS }
/** Below this a thread is not shown: a few shared common words are not similarity. */
export const MIN_SCORE = 0.06

/** What one shared signature of each kind adds (times its rarity, 0 to 1), and the most a kind can add. */
const SIGNATURE_WEIGHTS: Readonly<Record<SignatureKind, { each: number; cap: number }>> = {
  crash: { each: 1.2, cap: 1.5 },
  reference: { each: 0.8, cap: 1 },
  symbol: { each: 0.1, cap: 0.4 },
  error: { each: 0.08, cap: 0.2 },
  os: { each: 0.04, cap: 0.08 },
}

interface Query {
  terms: Map<string, number>
  signatures: readonly Pick<SignatureItem, 'kind' | 'key' | 'label'>[]
  excludeId: number | null
}

/**
 * The threads most like a thread, best first, without the thread itself.
 * @example const similar = await findSimilarThreads(db, threadId) // [{ id, title, solved, shared: ['ENOBUFS'], … }]
 */
export async function findSimilarThreads(
  db: Executor,
  threadId: number,
  limit = SIMILAR_LIMIT,
  known: { stored?: readonly StoredSignature[]; counts?: ReadonlyMap<string, number> } = {},
): Promise<SimilarThread[]> {
  return withSummaries(db, await rankSimilarTo(db, threadId, limit, known), limit)
}

/**
 * A thread's ranking before the live rows are read: twice `limit` candidates, best first, so that `limit`
 * remain when some are deleted or hidden by the time a page shows them. What rankings.ts stores.
 * @example await rankSimilarTo(db, threadId) // [{ id: 812, score: 0.412, shared: ['ENOBUFS'] }, …]
 */
export async function rankSimilarTo(
  db: Executor,
  threadId: number,
  limit = SIMILAR_LIMIT,
  known: { stored?: readonly StoredSignature[]; counts?: ReadonlyMap<string, number> } = {},
): Promise<RankedSimilar[]> {
  const [terms, signatures] = await Promise.all([
    listThreadTerms(db, threadId),
    known.stored ?? listThreadSignatures(db, threadId),
  ])
  return rank(db, { terms, signatures, excludeId: threadId }, limit, known.counts)
}

/**
 * The threads most like a question being written: its title and body are read as a saved thread's would be.
 * @example await findSimilarToDraft(db, { title: 'ENOBUFS from sendto', body: '…' })
 */
export async function findSimilarToDraft(
  db: Executor,
  draft: { title: string; body: string },
  limit = SIMILAR_LIMIT,
): Promise<SimilarThread[]> {
  const terms = similarityTerms(threadTerms(draft.title, draft.body))
  const signatures = signatureItems(extractSignaturesOfParts([draft.title, draft.body]))
  if (terms.size === 0 && signatures.length === 0) return []
  return withSummaries(db, await rank(db, { terms, signatures, excludeId: null }, limit), limit)
}

/** `signatureCounts`: threads per signature (`kind:key`) already counted with a cap of at least MAX_POSTINGS. */
async function rank(
  db: Executor,
  query: Query,
  limit: number,
  signatureCounts?: ReadonlyMap<string, number>,
): Promise<RankedSimilar[]> {
  const n = Math.max(1, await estimateThreadCount(db))
  const idf = (df: number) => Math.log(1 + n / Math.max(1, df))
  const scores = new Map<
    number,
    {
      text: number
      signatures: Map<SignatureKind, number>
      shared: { label: string; weight: number }[]
    }
  >()
  const entry = (id: number) => {
    let e = scores.get(id)
    if (!e) scores.set(id, (e = { text: 0, signatures: new Map(), shared: [] }))
    return e
  }

  // Text: the query's most distinctive terms, by weight × idf.
  const candidates = [...query.terms].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_TERMS)
  const [df, sigCounts] = await Promise.all([
    countTermThreads(
      db,
      candidates.map(([term]) => term),
      MAX_POSTINGS,
    ),
    signatureCounts ?? countSignatureThreads(db, query.signatures, MAX_POSTINGS),
  ])
  let budget = POSTINGS_BUDGET
  const chosen = candidates
    .filter(([term]) => {
      const count = df.get(term) ?? 0
      return count > (query.excludeId === null ? 0 : 1) && count <= MAX_POSTINGS
    })
    .map(([term, w]) => ({ term, w, df: df.get(term) ?? 1, idf: idf(df.get(term) ?? 1) }))
    .sort((a, b) => b.w * b.idf - a.w * a.idf)
    .slice(0, QUERY_TERMS)
    .filter((t) => (budget -= t.df) >= 0)
  const self = chosen.reduce((sum, t) => sum + (t.w * t.idf) ** 2, 0) || 1
  const byTerm = new Map(chosen.map((t) => [t.term, t]))
  for (const p of await listTermPostings(db, [...byTerm.keys()], query.excludeId)) {
    const t = byTerm.get(p.term)
    if (t) entry(p.threadId).text += (t.w * p.weight * t.idf * t.idf) / self
  }

  // Signatures: each shared one by its kind's weight and its rarity among all threads.
  const distinctive = query.signatures.filter(
    (s) => (sigCounts.get(`${s.kind}:${s.key}`) ?? 0) <= MAX_POSTINGS,
  )
  const postings = await listSignaturePostings(db, distinctive, query.excludeId)
  const sharing = new Map<string, number>()
  for (const p of postings)
    sharing.set(`${p.kind}:${p.key}`, (sharing.get(`${p.kind}:${p.key}`) ?? 0) + 1)
  const labels = new Map(query.signatures.map((s) => [`${s.kind}:${s.key}`, s.label]))
  for (const p of postings) {
    const kind = p.kind as SignatureKind
    const weight = SIGNATURE_WEIGHTS[kind]
    if (!weight) continue
    const id = `${p.kind}:${p.key}`
    const rarity = idf((sharing.get(id) ?? 0) + (query.excludeId === null ? 0 : 1)) / idf(1)
    const e = entry(p.threadId)
    e.signatures.set(kind, (e.signatures.get(kind) ?? 0) + weight.each * rarity)
    e.shared.push({ label: labels.get(id) ?? p.label, weight: weight.each * rarity })
  }

  const ranked = [...scores]
    .map(([id, e]) => {
      let sig = 0
      for (const [kind, value] of e.signatures) sig += Math.min(value, SIGNATURE_WEIGHTS[kind].cap)
      return { id, score: e.text + sig, shared: e.shared }
    })
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit * 2)
  // Ties in weight go by label: the postings come in no set order, and a stored ranking must not depend on it.
  const byWeight = (a: { label: string; weight: number }, b: { label: string; weight: number }) =>
    b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  return ranked.map((r) => ({
    id: r.id,
    score: Math.round(r.score * 1000) / 1000,
    shared: [...new Set(r.shared.sort(byWeight).map((x) => x.label))].slice(0, 3),
  }))
}

/** The first `limit` of `ranked` that are live, with their titles and state. */
async function withSummaries(
  db: Executor,
  ranked: readonly RankedSimilar[],
  limit: number,
): Promise<SimilarThread[]> {
  const summaries = await listThreadSummaries(
    db,
    ranked.map((r) => r.id),
  )
  const out: SimilarThread[] = []
  for (const r of ranked) {
    const s = summaries.get(r.id)
    if (!s) continue
    out.push({ ...s, shared: r.shared, score: r.score })
    if (out.length >= limit) break
  }
  return out
}
