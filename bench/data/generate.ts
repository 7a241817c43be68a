/**
 * The benchmark forum: threads in the import format (docs/import.md), generated from a seed so two runs
 * with the same options and `now` write the same forum. Shapes follow a real developer forum: tags and
 * people are Zipf-distributed (one tag, "kernel", is the busiest; a few people write most posts), views
 * and boosts are heavy-tailed, about 60% of answered threads have an accepted reply, some posts carry
 * code blocks, a few threads a text attachment, and activity spreads over five years, growing over time.
 */
import type { ImportThread } from '../../src/domain/importer/index.js'
import {
  TAG_SLUGS,
  makeAttachment,
  makeComment,
  makeQuestionBody,
  makeReplyBody,
  makeTitle,
} from './content.js'
import { Random, Zipf } from './random.js'

export interface BenchDataOptions {
  threads: number
  /** Mean replies per thread (each thread gets 0..2R; every 2,000th thread gets 50). */
  replies: number
  tags: number
  seed: number
  /** The end of the five years of activity (epoch ms). */
  now: number
}

const YEAR_MS = 365.25 * 86_400_000
const SPAN_MS = 5 * YEAR_MS
/** Every LONG_EVERY-th thread has LONG_REPLIES replies: the bench's "thread with 50 replies". */
export const LONG_EVERY = 2000
export const LONG_REPLIES = 50
const POOL_SIZE = 4000

/** Tag slugs for `count` tags: real names first, then numbered topics. */
export function benchTagSlugs(count: number): string[] {
  return Array.from({ length: count }, (_, i) => TAG_SLUGS[i] ?? `topic-${i + 1}`)
}

/** How many people write the generated threads (about one per ten threads, at least 200). */
export function benchUserCount(threads: number): number {
  return Math.max(200, Math.round(threads / 10))
}

const NAME_PARTS = ['kext', 'vfs', 'usb', 'net', 'io', 'dev', 'mach', 'zone', 'sock', 'pci']

/** Generated usernames; the first ten are staff with a title. */
export function benchUsername(rank: number): string {
  return `${NAME_PARTS[rank % NAME_PARTS.length]}_${rank.toString(36)}`
}

/**
 * The threads, lazily, oldest first (ids grow with time, as in a real forum).
 * @example for (const thread of generateThreads({ threads: 10, replies: 4, tags: 5, seed: 1, now })) ...
 */
export function* generateThreads(options: BenchDataOptions): Generator<ImportThread> {
  const random = new Random(options.seed)
  const pool = new Random(options.seed ^ 0x5bd1e995)
  const questions = Array.from({ length: Math.min(POOL_SIZE, Math.max(50, options.threads)) }, () =>
    makeQuestionBody(pool),
  )
  const answers = Array.from({ length: POOL_SIZE }, () => makeReplyBody(pool))
  const files = Array.from({ length: 50 }, () => makeAttachment(pool))
  const slugs = benchTagSlugs(Math.max(1, options.tags))
  const tagZipf = new Zipf(slugs.length, 1)
  const users = benchUserCount(options.threads)
  const userZipf = new Zipf(users, 0.9)
  const start = options.now - SPAN_MS
  const author = () => {
    const rank = userZipf.draw(random)
    return { name: benchUsername(rank), staff: rank < 10 }
  }

  for (let i = 0; i < options.threads; i++) {
    const createdAt = Math.min(
      options.now - 60_000,
      Math.round(start + SPAN_MS * Math.sqrt((i + random.next()) / options.threads)),
    )
    const tagSet = new Set([slugs[tagZipf.draw(random)] ?? 'kernel'])
    while (random.chance(0.35) && tagSet.size < 3) tagSet.add(slugs[tagZipf.draw(random)] ?? 'kernel')
    const asker = author()
    const replyCount =
      i % LONG_EVERY === LONG_EVERY / 2
        ? LONG_REPLIES
        : options.replies > 0
          ? random.int(0, 2 * options.replies)
          : 0
    let at = createdAt
    const replies: NonNullable<ImportThread['replies']> = []
    for (let r = 0; r < replyCount; r++) {
      at += Math.round(random.exponential(6 * 3_600_000)) + 60_000
      const who = author()
      const replyAt = Math.min(at, options.now)
      const reply: NonNullable<ImportThread['replies']>[number] = {
        author: who.name,
        ...(who.staff ? { author_title: 'DTS Engineer' } : {}),
        created_at: replyAt,
        body: random.pick(answers),
        boosts: random.pareto(0.3, 1.4, 40),
      }
      if (random.chance(0.12)) {
        reply.comments = Array.from({ length: random.int(1, 3) }, (_, c) => ({
          author: author().name,
          created_at: Math.min(replyAt + (c + 1) * 1_800_000, options.now),
          body: makeComment(random),
        }))
      }
      replies.push(reply)
    }
    if (replies.length > 0 && random.chance(0.6)) {
      const accepted = replies[random.int(0, replies.length - 1)]
      if (accepted) accepted.accepted = true
    }
    yield {
      title: makeTitle(random),
      tags: [...tagSet],
      author: asker.name,
      ...(asker.staff ? { author_title: 'DTS Engineer' } : {}),
      created_at: createdAt,
      body: random.pick(questions),
      views: random.pareto(40, 1.1, 5_000_000) + replyCount * 3,
      boosts: random.pareto(0.8, 1.2, 200),
      ...(i < 3 ? { pinned: true, tags: ['kernel'] } : {}),
      ...(random.chance(0.005) ? { locked: true } : {}),
      ...(random.chance(0.01) ? { attachments: [random.pick(files)] } : {}),
      replies,
    }
  }
}
