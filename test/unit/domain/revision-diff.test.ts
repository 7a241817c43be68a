/** The edit history's word-level diff (issue 26), over jsdiff's diffWords. */
import { describe, expect, it } from 'vitest'
import { diffText } from '../../../src/domain/posts/index.js'

describe('diffText', () => {
  it('marks a replaced word as removed then added, keeping the shared words whole', () => {
    expect(diffText('the quick fox', 'the slow fox')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' fox' },
    ])
  })

  it('keeps code and line breaks byte for byte in every part', () => {
    const before = 'Run:\n\n```\nkextload -v 6 ./My.kext\n```'
    const after = 'Run:\n\n```\nsudo kextload -v 6 ./My.kext\n```\n'
    const parts = diffText(before, after)
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before)
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after)
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('sudo')
  })

  it('answers equal texts as one shared part, and empty texts as nothing', () => {
    expect(diffText('same', 'same')).toEqual([{ kind: 'same', text: 'same' }])
    expect(diffText('', '')).toEqual([])
    expect(diffText('', 'new')).toEqual([{ kind: 'added', text: 'new' }])
  })

  it('shows a rewrite past the edit bound as the old text removed and the new one added', () => {
    const before = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(' ')
    const after = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(' ')
    expect(diffText(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ])
  })
})
