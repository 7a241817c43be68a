/**
 * How fast one person may post (SECURITY.md row 30; Stack Overflow and Discourse keep similar limits).
 * Staff are not limited. Replaceable in tests.
 */
import { AttemptLimiter } from '../shared/index.js'

const HOUR = 3_600_000

export const writeLimits = {
  threads: new AttemptLimiter({ max: 10, windowMs: HOUR }),
  posts: new AttemptLimiter({ max: 60, windowMs: HOUR }),
}

/** Runs a write counted by `limiter.take`; when it throws, the author gets the attempt back. */
export async function refundOnThrow<T>(
  limiter: AttemptLimiter,
  viewer: { id: number },
  now: number,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    limiter.refund(String(viewer.id), now)
    throw error
  }
}
