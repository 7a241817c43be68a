/** translateMessage(): messages with values, values that are messages, and text that is not valid ICU. */
import { describe, expect, it } from 'vitest'
import { describeWait } from '../../../src/domain/shared/index.js'
import { verbatim } from '../../../src/http/text.js'
import { translateMessage } from '../../../src/i18n/index.js'

describe('translateMessage', () => {
  it('translates a message and the messages among its values', () => {
    const wait = {
      message: 'Too many attempts. Try again in {wait}.',
      values: { wait: describeWait(300) },
    }
    expect(translateMessage('en', wait)).toBe('Too many attempts. Try again in 5 minutes.')
    expect(translateMessage('de', wait)).toBe(
      'Zu viele Versuche. Versuchen Sie es in 5 Minuten erneut.',
    )
  })

  it('shows text that is not valid ICU as written, and verbatim text untouched', () => {
    expect(translateMessage('de', 'A stray { brace')).toBe('A stray { brace')
    expect(translateMessage('de', verbatim('Body {is} too large'))).toBe('Body {is} too large')
  })
})
