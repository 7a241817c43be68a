/**
 * SECURITY.md rows 17, 18, 22 and 23 at the unit tier: the rendered HTML of hostile Markdown contains only the
 * elements and attributes we emit on purpose, and every URL in it uses an allowed scheme. No HTML parser is
 * installed, so a strict scanner stands in for one: every "<" must start a known tag with double-quoted
 * attributes, which is exactly the shape markdown-it and highlight.js produce when they escape correctly.
 */
import { describe, expect, it } from 'vitest'
import {
  isAllowedLinkUrl,
  renderInlineMarkdown,
  renderMarkdown,
} from '../../../src/domain/markdown/index.js'

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel', 'class'],
  p: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  em: [],
  s: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['class'],
  td: ['class'],
  pre: ['class', 'data-lang', 'tabindex'],
  code: ['class'],
  span: ['class'],
}

interface Tag {
  name: string
  closing: boolean
  attrs: Map<string, string>
}

/** Every tag in `html`; throws on any "<" that does not open or close a well-formed, known tag. */
function scanTags(html: string): Tag[] {
  const tags: Tag[] = []
  const tagRe = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*\/?>/
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const match = tagRe.exec(html.slice(i, i + 2_000))
    if (!match) throw new Error(`unescaped "<" at ${i}: ${JSON.stringify(html.slice(i, i + 60))}`)
    const [, slash, name, rawAttrs] = match
    if (!(name! in ALLOWED_ATTRIBUTES)) throw new Error(`unexpected element <${name}>`)
    const attrs = new Map<string, string>()
    for (const [, attr, value] of rawAttrs!.matchAll(/([a-z][a-z-]*)="([^"]*)"/g)) {
      if (!ALLOWED_ATTRIBUTES[name!]!.includes(attr!))
        throw new Error(`unexpected attribute ${attr} on <${name}>`)
      attrs.set(attr!, value!)
    }
    tags.push({ name: name!, closing: slash === '/', attrs })
  }
  return tags
}

/** What a browser would see as the attribute value: the HTML entities our renderers emit, decoded. */
function attributeValue(raw: string): string {
  return raw
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The scheme a browser would use for an href: after stripping what the URL parser strips (WHATWG URL). */
function browserScheme(href: string): string | null {
  const stripped = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  return /^([a-z][a-z0-9+.-]*):/i.exec(stripped)?.[1]?.toLowerCase() ?? null
}

/** Asserts the static detector's verdict on one rendered document (SECURITY.md row 17). */
function expectSafe(html: string): Tag[] {
  const tags = scanTags(html)
  for (const tag of tags) {
    const href = tag.attrs.get('href')
    if (href !== undefined) {
      const scheme = browserScheme(attributeValue(href))
      expect(scheme === null || ['http', 'https', 'mailto'].includes(scheme), `href ${href}`).toBe(
        true,
      )
    }
  }
  expect(html).not.toMatch(
    /<(script|img|iframe|svg|object|embed|style|form|input|base|meta|link)\b/i,
  )
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i)
  return tags
}

const hrefs = (html: string) =>
  scanTags(html).flatMap((t) => (t.attrs.has('href') ? [t.attrs.get('href')!] : []))

describe('link scheme allowlist (SECURITY.md row 18)', () => {
  const hostile: Array<[string, string]> = [
    ['javascript:', '[x](javascript:alert(1))'],
    ['upper case', '[x](JAVASCRIPT:alert(1))'],
    ['mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['leading space', '[x]( javascript:alert(1))'],
    ['angle brackets with space', '[x](< javascript:alert(1)>)'],
    ['decimal entity', '[x](&#106;avascript:alert(1))'],
    ['hex entity', '[x](&#x6A;avascript:alert(1))'],
    ['entity without semicolon-free tricks', '[x](&#0000106;avascript:alert(1))'],
    ['named entity colon', '[x](javascript&colon;alert(1))'],
    ['entity tab inside', '[x](java&#9;script:alert(1))'],
    ['entity newline inside', '[x](java&#10;script:alert(1))'],
    ['named tab entity', '[x](java&Tab;script:alert(1))'],
    ['percent-encoded letter', '[x](%6Aavascript:alert(1))'],
    ['control char prefix', '[x](\u0001javascript:alert(1))'],
    ['NUL inside', '[x](java\u0000script:alert(1))'],
    ['zero-width space inside', '[x](java\u200bscript:alert(1))'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['data:text/html', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data:image (allowed by markdown-it by default)', '[x](data:image/png;base64,iVBORw0KGgo=)'],
    ['file:', '[x](file:///etc/passwd)'],
    ['svg: style scheme', '[x](svg:alert(1))'],
    ['unknown scheme', '[x](intent://scan/#Intent;end)'],
    ['image javascript:', '![x](javascript:alert(1))'],
    ['image data:', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['image entity', '![x](&#106;avascript:alert(1))'],
    ['autolink javascript:', '<javascript:alert(1)>'],
    ['autolink vbscript:', '<vbscript:msgbox(1)>'],
    ['autolink data:', '<data:text/html,<script>alert(1)</script>>'],
    ['reference definition', '[x]\n\n[x]: javascript:alert(1)'],
    ['reference definition, entity', '[x][r]\n\n[r]: &#106;avascript:alert(1)'],
    ['link title cannot smuggle a scheme', '[x](javascript:alert(1) "https://a.test")'],
    ['nested in emphasis', '*[x](javascript:alert(1))*'],
    ['bare text javascript: is not linkified', 'javascript:alert(1)'],
    ['linkify ftp', 'ftp://files.test/a'],
  ]

  it.each(hostile)('%s never becomes a link with that scheme', (_name, markdown) => {
    for (const render of [renderMarkdown, renderInlineMarkdown]) {
      const html = render(markdown)
      expectSafe(html)
      for (const href of hrefs(html)) {
        expect(['http', 'https', 'mailto', null]).toContain(browserScheme(attributeValue(href)))
      }
      expect(html).not.toMatch(/href="\s*(?:javascript|vbscript|data|file|svg|intent):/i)
    }
  })

  // Issue 28 finding 11: markdown-it percent-encodes non-ASCII before validating, so an invisible or
  // full-width character before the scheme reached the check as `%E2%80%8Bjavascript:`.
  it.each([
    ['zero-width space', '\u200b'],
    ['soft hyphen', '\u00ad'],
    ['word joiner', '\u2060'],
    ['right-to-left mark', '\u200f'],
  ])('refuses a link with a %s before javascript:', (_name, invisible) => {
    for (const markdown of [
      `[x](${invisible}javascript:alert(1))`,
      `[x]: <${invisible}javascript:alert(1)>`,
    ]) {
      expect(hrefs(renderMarkdown(markdown))).toEqual([])
    }
    expect(isAllowedLinkUrl(encodeURI(`${invisible}javascript:alert(1)`))).toBe(false)
  })

  it('refuses full-width letters that fold to a forbidden scheme', () => {
    expect(hrefs(renderMarkdown('[x](\uff4aavascript:alert(1))'))).toEqual([])
    expect(hrefs(renderMarkdown('[x](\uff4a\uff41\uff56\uff41script:alert(1))'))).toEqual([])
    expect(isAllowedLinkUrl('%EF%BD%8Aavascript:alert(1)')).toBe(false)
  })

  it('keeps links whose non-ASCII characters are not part of a scheme', () => {
    expect(hrefs(renderMarkdown('[x](https://a.test/caf\u00e9)'))).toEqual([
      'https://a.test/caf%C3%A9',
    ])
    expect(hrefs(renderMarkdown('[x](/tags/\u00fcber)'))).toEqual(['/tags/%C3%BCber'])
    expect(isAllowedLinkUrl('%C3%28javascript:alert(1)')).toBe(true) // not UTF-8: byte by byte, then relative
    expect(isAllowedLinkUrl('%C2%A0javascript:alert(1)')).toBe(false)
  })

  it('renders a rejected link as its source text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n')
    expect(renderMarkdown('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>\n')
  })

  it.each([
    ['https://a.test/x?y=1#z', 'https://a.test/x?y=1#z'],
    ['http://a.test', 'http://a.test'],
    ['HTTPS://A.TEST/', 'HTTPS://A.TEST/'],
    ['mailto:dev@a.test', 'mailto:dev@a.test'],
    ['/threads/1/crash', '/threads/1/crash'],
    ['../tags/kernel', '../tags/kernel'],
    ['#post-3', '#post-3'],
    ['?page=2', '?page=2'],
    ['//cdn.a.test/x', '//cdn.a.test/x'],
    ['docs/a:b', 'docs/a:b'],
  ])('allows %s', (url, expected) => {
    expect(hrefs(renderMarkdown(`[x](${url})`))).toEqual([expected])
  })

  it('isAllowedLinkUrl agrees with the rendered output', () => {
    expect(isAllowedLinkUrl('https://a.test')).toBe(true)
    expect(isAllowedLinkUrl('relative/path')).toBe(true)
    expect(isAllowedLinkUrl('')).toBe(true)
    expect(isAllowedLinkUrl(' &#106;ava\tscript:alert(1)')).toBe(false)
    expect(isAllowedLinkUrl('%256Aavascript:alert(1)')).toBe(false) // double percent-encoding
    expect(isAllowedLinkUrl('&amp;#106;avascript:alert(1)')).toBe(false) // double entity-encoding
    expect(isAllowedLinkUrl('\u00a0javascript:alert(1)')).toBe(false)
    expect(isAllowedLinkUrl('\ufeffjavascript:alert(1)')).toBe(false)
    expect(isAllowedLinkUrl('tel:+15555550100')).toBe(false)
  })
})

describe('external links (SECURITY.md row 23)', () => {
  it('carry rel="nofollow ugc noopener noreferrer" and never a target', () => {
    const html = renderMarkdown(
      '[x](https://a.test) <https://b.test> https://c.test [r]\n\n[r]: https://d.test',
    )
    const anchors = scanTags(html).filter((t) => t.name === 'a' && !t.closing)
    expect(anchors).toHaveLength(4)
    for (const a of anchors) {
      expect(a.attrs.get('rel')).toBe('nofollow ugc noopener noreferrer')
      expect(a.attrs.has('target')).toBe(false)
    }
  })
})

describe('raw HTML and attribute injection (SECURITY.md rows 17 and 22)', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<style>body{display:none}</style>',
    '<!-- <script>alert(1)</script> -->',
    '<scr<script>ipt>alert(1)</script>',
    '<<script>alert(1)//<</script>',
    '<details open ontoggle=alert(1)>',
    '[<img src=x onerror=alert(1)>](https://a.test)',
    '[x](https://a.test "\\"><script>alert(1)</script>")',
    "[x](https://a.test'onmouseover=alert(1)')",
    '[x](https://a.test"onmouseover="alert(1))',
    '![x"onerror="alert(1)](https://i.test/a.png)',
    '![x](https://i.test/a.png"onerror="alert(1))',
    '`<script>alert(1)</script>`',
    '```\n<script>alert(1)</script>\n```',
    '```"><img src=x onerror=alert(1)>\ncode\n```',
    '```c"><img src=x onerror=alert(1)>\ncode\n```',
    '~~~ onmouseover="alert(1)"\ncode\n~~~',
    '```&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\ncode\n```',
    '```c class="x" onclick="alert(1)"\nint x;\n```',
    '| <script>alert(1)</script> | b |\n|-|-|\n| <img src=x onerror=alert(1)> | d |',
    '> <script>alert(1)</script>\n> - <img src=x onerror=alert(1)>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    'https://a.test/"onmouseover="alert(1)',
    'https://a.test/<script>alert(1)</script>',
    '<https://a.test/"onmouseover="alert(1)>',
    '[x]: https://a.test "title\\"onmouseover=alert(1)"\n\n[x]',
  ]

  it.each(vectors)('%j renders with no element or attribute we did not put there', (markdown) => {
    expectSafe(renderMarkdown(markdown))
    expectSafe(renderInlineMarkdown(markdown))
  })

  it('escapes <script> in text', () => {
    expect(renderMarkdown('a <script>alert(1)</script> b')).toBe(
      '<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n',
    )
  })

  it('cannot inject an attribute through a fence info string', () => {
    const html = renderMarkdown('```"><img src=x onerror=alert(1)>\ncode\n```')
    expect(html).toBe(
      '<pre class="code" data-lang="plaintext" tabindex="0"><code class="hljs language-plaintext">code\n</code></pre>\n',
    )
    const [pre, code] = scanTags(html)
    expect([...pre!.attrs.keys()]).toEqual(['class', 'data-lang', 'tabindex'])
    expect([...code!.attrs.keys()]).toEqual(['class'])
  })

  it('emits only our language ids in code attributes', () => {
    for (const info of [
      'c"x',
      "c'x",
      'c<x',
      'c&x',
      'c x="y"',
      'C#',
      'objective-c++',
      'a'.repeat(200),
    ]) {
      const html = renderMarkdown('```' + info + '\nx\n```')
      const [pre] = expectSafe(html)
      expect(pre!.attrs.get('data-lang')).toMatch(/^[a-z]+$/)
    }
  })
})
