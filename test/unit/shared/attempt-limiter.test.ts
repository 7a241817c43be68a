import { describe, expect, it } from 'vitest'
import { AttemptLimiter, forgetEveryAttempt } from '../../../src/domain/shared/index.js'

describe('AttemptLimiter', () => {
  it('holds a key past its limit until the window ends', () => {
    const limiter = new AttemptLimiter({ max: 2, windowMs: 60_000 })
    expect(limiter.take('10.0.0.1', 0)).toBe(0)
    expect(limiter.take('10.0.0.1', 1_000)).toBe(0)
    expect(limiter.take('10.0.0.1', 2_000)).toBe(58) // seconds until the window that began at 0 ends
    expect(limiter.take('10.0.0.2', 2_000)).toBe(0) // another key counts apart
    expect(limiter.take('10.0.0.1', 60_000)).toBe(0)
  })

  it('forgetEveryAttempt empties every limiter of the process, held keys included', () => {
    const posts = new AttemptLimiter({ max: 1, windowMs: 60_000 })
    const flags = new AttemptLimiter({ max: 1, windowMs: 60_000 })
    posts.take('1', 0)
    flags.take('1', 0)
    expect([posts.retryAfterS('1', 0), flags.retryAfterS('1', 0)]).toEqual([60, 60])
    forgetEveryAttempt()
    expect([posts.retryAfterS('1', 0), flags.retryAfterS('1', 0)]).toEqual([0, 0])
    expect(posts.take('1', 0)).toBe(0)
  })
})
