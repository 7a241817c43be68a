/**
 * One limit, stated the same way everywhere (issue 26 defect 3): the numbers the forms show and the
 * browser checks (views/forms.ts ASK_LIMITS) are the ones the server enforces (domain/posts LIMITS),
 * and the server's message names them in the same units.
 */
import { describe, expect, it } from 'vitest'
import { checkBody, LIMITS } from '../../../src/domain/posts/index.js'
import { formatByteSize } from '../../../src/views/components/byte-size.js'
import { ASK_LIMITS } from '../../../src/views/forms.js'
import { failureMessage } from '../../../src/http/failure.js'

describe('limits', () => {
  it('are the same in the forms and on the server', () => {
    for (const key of Object.keys(ASK_LIMITS) as (keyof typeof ASK_LIMITS)[])
      expect(ASK_LIMITS[key], key).toBe(LIMITS[key])
  })

  it('are named in the server’s message as the forms name them', () => {
    const refusal = checkBody('x'.repeat(LIMITS.bodyMaxBytes + 1))
    expect(refusal).toMatchObject({ ok: false, failure: { code: 'invalid', field: 'body' } })
    const message =
      refusal && !refusal.ok && refusal.failure.code === 'invalid'
        ? failureMessage(refusal.failure, 'en')
        : ''
    expect(message).toContain(formatByteSize(LIMITS.bodyMaxBytes))
    expect(checkBody('x'.repeat(LIMITS.bodyMaxBytes))).toBeUndefined()
  })
})
