import { describe, expect, it } from 'vitest'
import {
  parseAcceptResult,
  parseBoostResult,
  parsePreviewResult,
  parseReplyResult,
} from '../../../src/client/lib/results.js'

describe('island response parsers', () => {
  it('accept exactly the documented shapes', () => {
    expect(parseBoostResult({ boosted: true, boostCount: 3 })).toEqual({
      boosted: true,
      boostCount: 3,
    })
    expect(parseAcceptResult({ accepted: false, acceptedPostId: null })).toEqual({
      accepted: false,
      acceptedPostId: null,
    })
    expect(parseAcceptResult({ accepted: true, acceptedPostId: 7 })).toEqual({
      accepted: true,
      acceptedPostId: 7,
    })
    expect(parseReplyResult({ postId: 9, html: '<article></article>' })).toEqual({
      postId: 9,
      html: '<article></article>',
    })
    expect(parseReplyResult({ postId: 9, html: '', held: 'approval' })).toEqual({
      postId: 9,
      html: '',
      held: 'approval',
    })
    expect(parseReplyResult({ postId: 9, html: '', held: 'whatever' })).toEqual({
      postId: 9,
      html: '',
    })
    expect(parsePreviewResult({ html: '' })).toEqual({ html: '' })
  })

  it.each([
    null,
    'x',
    [],
    {},
    { boosted: 'yes', boostCount: 1 },
    { boosted: true, boostCount: -1 },
  ])('rejects boost answer %j', (json) => expect(parseBoostResult(json)).toBeNull())

  it('rejects answers with wrong types', () => {
    expect(parseAcceptResult({ accepted: true, acceptedPostId: '7' })).toBeNull()
    expect(parseAcceptResult({ acceptedPostId: 7 })).toBeNull()
    expect(parseReplyResult({ postId: 1.5, html: '' })).toBeNull()
    expect(parseReplyResult({ postId: 1 })).toBeNull()
    expect(parsePreviewResult({ error: { code: 'invalid' } })).toBeNull()
  })
})
