/**
 * The signature corpora through the real write path on each database: every labelled post is imported as a
 * thread, its stored signatures are scored against the labels (precision and recall, printed), and every twin
 * report must find the other among its five most similar threads (printed with the ranks).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createImportContext,
  finishImport,
  importThread,
} from '../../../src/domain/importer/index.js'
import { findSimilarThreads, getThreadMentions } from '../../../src/domain/signatures/index.js'
import { HOLDOUT_POSTS } from '../../fixtures/signatures/posts-holdout.js'
import { SIGNATURE_POSTS } from '../../fixtures/signatures/posts.js'
import { TWIN_PAIRS } from '../../fixtures/signatures/twins.js'
import type { SignatureCase, TwinThread } from '../../fixtures/signatures/types.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

const POSTS: SignatureCase[] = [...SIGNATURE_POSTS, ...HOLDOUT_POSTS]
const symbolKey = (s: string) => s.replace(/^_+/, '').replace(/\(\)$/, '').toLowerCase()

describe.each(DIALECTS)('%s: signature corpora', (dialect) => {
  const t = useTestDb(dialect)
  const postIds = new Map<string, number>()
  const twinIds = new Map<string, number>()

  beforeAll(async () => {
    const at = Date.UTC(2025, 10, 1)
    let n = 0
    const thread = (
      title: string,
      body: string,
      attachments: { name: string; content: string }[] = [],
    ) => ({
      title,
      body,
      attachments,
      tags: ['kernel'],
      author: `asker${n % 7}`,
      created_at: at - ++n * 60_000,
      replies: [],
    })
    await t.db.transaction().execute(async (trx) => {
      const ctx = await createImportContext(trx)
      for (const p of POSTS) {
        const files = (p.attachments ?? []).map((a) => ({ name: a.fileName, content: a.text }))
        // The corpus labels the body; a neutral title keeps the title out of the score.
        postIds.set(
          p.name,
          await importThread(trx, thread(`Corpus post ${n + 1}`, p.text, files), ctx),
        )
      }
      const add = async (key: string, twin: TwinThread) =>
        twinIds.set(
          key,
          await importThread(trx, thread(twin.title, twin.body, twin.attachments), ctx),
        )
      for (const pair of TWIN_PAIRS) {
        await add(`${pair.name}:a`, pair.a)
        await add(`${pair.name}:b`, pair.b)
      }
      await finishImport(trx, ctx)
    })
  })

  it('stores the labelled signatures of every post: precision ≥ 95 %, recall ≥ 90 %', async () => {
    expect(POSTS.length).toBeGreaterThanOrEqual(40)
    let tp = 0
    let fp = 0
    let fn = 0
    const misses: string[] = []
    for (const post of POSTS) {
      const rows = await t.db
        .selectFrom('thread_signatures')
        .select(['kind', 'key', 'label', 'detail'])
        .where('thread_id', '=', postIds.get(post.name) ?? 0)
        .execute()
      const got = new Set(
        rows
          .filter((r) => r.kind !== 'crash')
          .map((r) => `${r.kind}:${r.kind === 'symbol' ? r.key : r.label}`),
      )
      const want = new Set([
        ...(post.expected.os ?? []).map((o) => `os:${o}`),
        ...(post.expected.errors ?? []).map((e) => `error:${e}`),
        ...(post.expected.symbols ?? []).map((s) => `symbol:${symbolKey(s)}`),
        ...(post.expected.references ?? []).map((r) => `reference:${r}`),
      ])
      for (const g of got) {
        if (want.has(g)) tp++
        else {
          fp++
          misses.push(`${post.name}: unexpected ${g}`)
        }
      }
      for (const w of want) {
        if (!got.has(w)) {
          fn++
          misses.push(`${post.name}: missing ${w}`)
        }
      }
      const crashes = rows.filter((r) => r.kind === 'crash').map((r) => r.detail)
      const used = new Set<number>()
      for (const piece of post.expected.crashes ?? []) {
        const i = crashes.findIndex((c, j) => !used.has(j) && c.includes(piece))
        if (i < 0) {
          fn++
          misses.push(`${post.name}: missing crash ${piece}`)
        } else {
          used.add(i)
          tp++
        }
      }
      fp += crashes.length - used.size
      for (const [j, c] of crashes.entries())
        if (!used.has(j)) misses.push(`${post.name}: unexpected crash ${c}`)
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    console.log(
      `signature corpus (${dialect}): ${POSTS.length} posts, ${tp + fn} labelled signatures; ` +
        `precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %` +
        (misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''),
    )
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.9)
  })

  it('finds each twin crash report among the five threads most similar to the other', async () => {
    expect(TWIN_PAIRS.length).toBeGreaterThanOrEqual(10)
    const ranks: string[] = []
    const lost: string[] = []
    for (const pair of TWIN_PAIRS) {
      for (const [me, twin] of [
        ['a', 'b'],
        ['b', 'a'],
      ] as const) {
        const similar = await findSimilarThreads(t.db, twinIds.get(`${pair.name}:${me}`) ?? 0)
        const rank = similar.findIndex((s) => s.id === twinIds.get(`${pair.name}:${twin}`))
        expect(similar.length).toBeLessThanOrEqual(5)
        ranks.push(rank < 0 ? '-' : String(rank + 1))
        if (rank < 0) lost.push(`${pair.name} (${me})`)
      }
    }
    const found = ranks.filter((r) => r !== '-').length
    console.log(
      `twin crash reports (${dialect}): ${found}/${ranks.length} find their twin in the top 5 (ranks ${ranks.join(' ')})`,
    )
    expect(lost).toEqual([])
  })

  it('says how many other threads share a twin crash', async () => {
    const pair = TWIN_PAIRS[0]
    const { crashes } = await getThreadMentions(t.db, twinIds.get(`${pair?.name}:a`) ?? 0)
    expect(crashes.length).toBeGreaterThan(0)
    // The twin and the labelled post that quotes the same panic.
    expect(crashes[0]?.threadCount).toBeGreaterThanOrEqual(2)
  })
})
