import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { Mention } from '../../../src/domain/signatures/signatures.types.js'
import { CrashNotes, MentionsLine } from '../../../src/views/components/mentions.js'

const mention = (overrides: Partial<Mention> = {}): Mention => ({
  kind: 'error',
  key: 'ENOBUFS',
  label: 'ENOBUFS',
  detail: '55',
  href: '/signatures/error/ENOBUFS',
  threadCount: 3,
  threadCountIsLowerBound: false,
  ...overrides,
})

describe('MentionsLine and CrashNotes', () => {
  it('say how many other threads share a mention', () => {
    const html = render(
      <MentionsLine mentions={{ mentions: [mention()], moreSymbols: 0, crashes: [] }} />,
    )
    expect(html).toContain('title="2 other threads mention ENOBUFS"')
  })

  it('say "more than" when the count stopped at its cap', () => {
    const capped = mention({ threadCount: 1000, threadCountIsLowerBound: true })
    const line = render(
      <MentionsLine mentions={{ mentions: [capped], moreSymbols: 0, crashes: [] }} />,
    )
    expect(line).toContain('title="more than 999 other threads mention ENOBUFS"')
    const crash = mention({
      kind: 'crash',
      key: 'a1b2c3d4e5f6',
      threadCount: 1000,
      threadCountIsLowerBound: true,
    })
    expect(render(<CrashNotes crashes={[crash]} />)).toContain(
      'more than 999 other threads share this crash.',
    )
    expect(render(<CrashNotes crashes={[mention({ kind: 'crash', threadCount: 1 })]} />)).toContain(
      'no other thread shares this crash yet.',
    )
  })
})
