import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/domain/markdown/index.js'
import { parseMentions } from '../../../src/domain/notifications/index.js'

describe('parseMentions', () => {
  it('finds @names in prose, once each, in order, any case', () => {
    expect(parseMentions('Thanks @alice and @Bob_2, and @ALICE again.')).toEqual(['alice', 'Bob_2'])
  })

  it('ignores names inside inline code, fenced and indented code blocks', () => {
    const body = [
      'Ask @carol.',
      '',
      'Run `git log --author=@dave` first.',
      '',
      '```',
      'see @erin here',
      '```',
      '',
      '    indented @frank',
    ].join('\n')
    expect(parseMentions(body)).toEqual(['carol'])
  })

  it('ignores e-mail addresses and names too short to be usernames', () => {
    expect(parseMentions('Mail me@example.com or @ab, but @abc counts.')).toEqual(['abc'])
  })

  it('stops at ten names', () => {
    const body = Array.from({ length: 14 }, (_, i) => `@user${i}`).join(' ')
    const names = parseMentions(body)
    expect(names).toHaveLength(10)
    expect(names.at(-1)).toBe('user9')
  })
})

describe('mentions in rendered Markdown', () => {
  it('links @names in prose to the profile, not in code, links or e-mail addresses', () => {
    const html = renderMarkdown(
      'Ask @carol_1 (or @dave-2). Not `@erin`, [@frank](https://example.com), me@example.com.',
    )
    expect(html).toContain('<a href="/users/carol_1" class="mention">@carol_1</a>')
    expect(html).toContain('<a href="/users/dave-2" class="mention">@dave-2</a>')
    expect(html).toContain('<code>@erin</code>')
    expect(html).not.toContain('/users/frank')
    expect(html).not.toContain('/users/example')
    expect(parseMentions('Not [@frank](https://example.com) but @grace.')).toContain('grace')
  })
})
