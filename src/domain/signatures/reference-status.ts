/**
 * A bug report's history on the forum (docs/signatures.md, "Bug reports"): when it was first and last cited,
 * and whether staff or an asker whose thread cites it says it is fixed, and in which release ("fixed in
 * macOS 26.2 (25C56)"), linked to that release's page.
 */
import type { Executor } from '../../db/schema.js'
import { slugify, threadPath } from '../format/index.js'
import { referenceFixPosts, referenceSeen } from './mentions.queries.js'
import { extractOs, osKey, osLabel } from './os.js'

export interface ReferenceStatus {
  firstSeenAt: number
  lastSeenAt: number
  /** The latest "fixed" said by staff or an asker, or null when nobody has said so. */
  fixed: {
    /** The release named with it ("macOS 26.2 (25C56)"), and its page; null when none is named. */
    release: { label: string; href: string } | null
    at: number
    by: 'staff' | 'asker'
    thread: { title: string; href: string }
  } | null
}

/** Posts read for a status: the newest few that say "fixed" are enough. */
const FIX_CANDIDATES = 20

/** "Fixed in …" and "is fixed", not "not fixed", "isn't fixed yet", "still not fixed" or "fixed?". */
const FIXED_RE = /\bfixed\b/i
const NOT_FIXED_RE =
  /\b(?:not|never|isn['’]?t|wasn['’]?t|aren['’]?t|hasn['’]?t|no longer|un)\s*(?:\w+\s+){0,2}fixed\b/i

/**
 * The history of one bug report, or undefined when no live post cites it.
 * @example await getReferenceStatus(db, 'FB12345678') // { firstSeenAt, lastSeenAt, fixed: { release: { label: 'macOS 26.2 (25C56)', … } } }
 */
export async function getReferenceStatus(
  db: Executor,
  key: string,
): Promise<ReferenceStatus | undefined> {
  const [seen, posts] = await Promise.all([
    referenceSeen(db, key),
    referenceFixPosts(db, key, FIX_CANDIDATES),
  ])
  if (!seen) return undefined
  let fixed: ReferenceStatus['fixed'] = null
  for (const post of posts) {
    const sentence = fixedSentence(post.body)
    if (sentence === null) continue
    const [os] = extractOs(sentence)
    fixed = {
      release:
        os === undefined
          ? null
          : { label: osLabel(os), href: `/signatures/os/${encodeURIComponent(osKey(os))}` },
      at: post.createdAt,
      by: post.byStaff ? 'staff' : 'asker',
      thread: { title: post.title, href: threadPath(post.threadId, slugify(post.title)) },
    }
    break
  }
  return { firstSeenAt: seen.first, lastSeenAt: seen.last, fixed }
}

/** The first sentence of a post that says something is fixed (not a question, not a denial). */
function fixedSentence(body: string): string | null {
  for (const sentence of body.split(/(?<=[.!?])\s+|\n+/)) {
    if (!FIXED_RE.test(sentence) || NOT_FIXED_RE.test(sentence)) continue
    if (/\?\s*$/.test(sentence)) continue
    return sentence
  }
  return null
}
