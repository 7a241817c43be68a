/**
 * Automatic promotion: after each of a person's writes and once a day for everyone (the
 * `trust.review-levels` job). It only ever raises a level, through setTrustLevel with no actor, which
 * leaves alone a level staff set.
 */
import type { Db, Executor } from '../../db/schema.js'
import { enqueueJob, type JobHandler } from '../jobs/index.js'
import { loadSiteSettings, type SiteSettings } from '../site-settings/index.js'
import { setTrustLevel } from '../users/index.js'
import { earnedLevel, isPromotion } from './trust.policy.js'
import {
  findTrustSubject,
  listPromotionCandidates,
  loadTrustFacts,
  pruneBodyHashes,
} from './trust.queries.js'

const DAY_MS = 86_400_000

/** Raises the person’s level when they have earned more (never lowers it). */
export async function evaluateTrust(
  db: Executor,
  userId: number,
  settings: SiteSettings,
  now = Date.now(),
): Promise<void> {
  const subject = await findTrustSubject(db, userId)
  if (!subject || subject.locked || subject.role !== 'member') return
  if (subject.trustLevel === 'trusted') return
  // Too young for any promotion (a member: for trust): no need to count anything.
  const age = now - subject.createdAt
  if (age < settings.newAccountDays * DAY_MS) return
  if (subject.trustLevel === 'member' && age <= settings.trustedDays * DAY_MS) return
  const earned = earnedLevel(await loadTrustFacts(db, userId, subject.createdAt), settings, now)
  if (isPromotion(subject.trustLevel, earned))
    await setTrustLevel(
      db,
      { userId, level: earned, actorId: null, reason: 'Promoted automatically.' },
      now,
    )
}

/** The daily job's kind. */
export const TRUST_REVIEW_JOB = 'trust.review-levels'

function dayKey(at: number): string {
  return new Date(at).toISOString().slice(0, 10)
}

/**
 * Queues the daily review for the next midnight (UTC) after `now`, once per day whatever the number of
 * processes (the job's key is the day).
 */
export async function scheduleTrustReview(db: Executor, now = Date.now()): Promise<void> {
  const next = (Math.floor(now / DAY_MS) + 1) * DAY_MS
  await enqueueJob(
    db,
    {
      kind: TRUST_REVIEW_JOB,
      key: `${TRUST_REVIEW_JOB}:${dayKey(next)}`,
      payload: {},
      runAfter: next,
    },
    now,
  )
}

/** Evaluates every member who may have earned more, in batches, and forgets old body hashes. */
export async function reviewTrustLevels(db: Db, now = Date.now()): Promise<void> {
  const settings = await loadSiteSettings(db)
  const createdBefore = now - settings.newAccountDays * DAY_MS
  let afterId = 0
  for (;;) {
    const ids = await listPromotionCandidates(db, { createdBefore, afterId, limit: 500 })
    for (const id of ids)
      await db.transaction().execute((trx) => evaluateTrust(trx, id, settings, now))
    if (ids.length < 500) break
    afterId = ids[ids.length - 1]!
  }
  await pruneBodyHashes(db, now - DAY_MS)
}

/** The daily job: the review, then the next day's job (idempotent: the review only raises levels). */
export function trustReviewJobHandler(db: Db, clock: () => number = Date.now): JobHandler {
  return async () => {
    const now = clock()
    await reviewTrustLevels(db, now)
    await scheduleTrustReview(db, now)
  }
}
