import { describe, expect, it } from 'vitest'
import {
  renderInlineMarkdown,
  renderMarkdown,
  USER_LINK_REL,
} from '../../../src/domain/markdown/index.js'

/** The text inside each `<code>` of rendered output, spans removed and entities decoded: what a reader sees. */
function codeBlocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) =>
    decodeHtml(stripTags(m[1]!)),
  )
}
function stripTags(html: string): string {
  return html.replace(/<\/?span[^>]*>/g, '')
}
function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
}
const countNewlines = (text: string) => text.split('\n').length - 1

describe('renderMarkdown: text', () => {
  it('renders CommonMark paragraphs, emphasis and lists', () => {
    expect(renderMarkdown('Hello *kernel* **world**')).toBe(
      '<p>Hello <em>kernel</em> <strong>world</strong></p>\n',
    )
    expect(renderMarkdown('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n')
    expect(renderMarkdown('3. c\n4. d')).toContain('<ol start="3">')
  })

  it('escapes raw HTML instead of rendering it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
    expect(renderMarkdown('a <b onclick="x()">b</b>')).toBe(
      '<p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>\n',
    )
    expect(renderMarkdown('<div>\n\n*x*\n\n</div>')).not.toContain('<div')
  })

  it('enables strikethrough and tables, with alignment as a class rather than a style attribute', () => {
    expect(renderMarkdown('~~gone~~')).toBe('<p><s>gone</s></p>\n')
    const table = renderMarkdown('| a | b | c | d |\n|:-|:-:|-:|-|\n| 1 | 2 | 3 | 4 |')
    expect(table).toContain('<th class="align-left">a</th>')
    expect(table).toContain('<th class="align-center">b</th>')
    expect(table).toContain('<td class="align-right">3</td>')
    expect(table).toContain('<td>4</td>')
    expect(table).not.toContain('style=')
  })

  it('does not apply typographic replacements (code-heavy prose must stay literal)', () => {
    expect(renderMarkdown('"quotes" -- (c) ...')).toBe('<p>&quot;quotes&quot; -- (c) ...</p>\n')
  })
})

describe('renderMarkdown: headings', () => {
  it('renders "# Title" as <h2>, since the page owns the only <h1>', () => {
    expect(renderMarkdown('# Title')).toBe('<h2>Title</h2>\n')
    expect(renderMarkdown('Title\n=====')).toBe('<h2>Title</h2>\n')
  })

  it('keeps h2 to h6 as written', () => {
    expect(renderMarkdown('## Two')).toBe('<h2>Two</h2>\n')
    expect(renderMarkdown('Two\n---')).toBe('<h2>Two</h2>\n')
    expect(renderMarkdown('### Three')).toBe('<h3>Three</h3>\n')
    expect(renderMarkdown('###### Six')).toBe('<h6>Six</h6>\n')
  })

  it('never emits <h1>', () => {
    expect(renderMarkdown('# a\n\nb\n=\n\n> # c\n\n- # d')).not.toMatch(/<\/?h1/)
  })
})

describe('renderMarkdown: links and images', () => {
  it('gives every link rel="nofollow ugc noopener noreferrer" and no target', () => {
    expect(renderMarkdown('[x](https://a.test)')).toBe(
      '<p><a href="https://a.test" rel="nofollow ugc noopener noreferrer">x</a></p>\n',
    )
    const html = renderMarkdown(
      '[rel](/threads/1) [mail](mailto:a@b.test) <https://auto.test> https://linkified.test/a [ref]\n\n[ref]: http://ref.test',
    )
    const anchors = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0])
    expect(anchors).toHaveLength(5)
    for (const a of anchors) {
      expect(a).toContain(`rel="${USER_LINK_REL}"`)
      expect(a).not.toContain('target=')
    }
  })

  it('keeps a link title, escaped', () => {
    expect(renderMarkdown('[a](https://a.test "x\\" onmouseover=\\"alert(1)")')).toBe(
      `<p><a href="https://a.test" title="x&quot; onmouseover=&quot;alert(1)" rel="${USER_LINK_REL}">a</a></p>\n`,
    )
  })

  it('linkifies only explicit http(s) and mailto URLs, not file names or e-mail lookalikes', () => {
    const html = renderMarkdown(
      'See https://developer.apple.com/docs, main.rs, setup.py, file.cc, git@github.com, www.example.com, ftp://x.test and //x.test',
    )
    expect(html.match(/<a /g)).toHaveLength(1)
    expect(html).toContain(`<a href="https://developer.apple.com/docs" rel="${USER_LINK_REL}">`)
  })

  it('does not linkify inside code', () => {
    expect(renderMarkdown('`https://a.test`')).toBe('<p><code>https://a.test</code></p>\n')
    expect(renderMarkdown('```\nhttps://a.test\n```')).not.toContain('<a ')
  })

  it('renders an image as a link to the image, never as <img>', () => {
    expect(renderMarkdown('![stack trace](https://i.test/a.png "shot")')).toBe(
      `<p><a href="https://i.test/a.png" class="image-link" rel="${USER_LINK_REL}" title="shot">Image: stack trace</a></p>\n`,
    )
    expect(renderMarkdown('![](/attachments/1/a.png)')).toContain(
      '>Image: /attachments/1/a.png</a>',
    )
  })

  it('renders an image inside a link as its alt text, so links never nest', () => {
    expect(renderMarkdown('[![build](https://ci.test/b.svg)](https://ci.test)')).toBe(
      `<p><a href="https://ci.test" rel="${USER_LINK_REL}">build</a></p>\n`,
    )
  })

  it('escapes image alt text', () => {
    const html = renderMarkdown('![x"onerror="alert(1)<b>](https://i.test/a.png)')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('Image: x&quot;onerror=&quot;alert(1)&lt;b&gt;</a>')
  })
})

describe('renderMarkdown: code', () => {
  const C_SOURCE = [
    '#include <stdio.h>',
    '',
    'int main(int argc, char **argv) {',
    "\tif (argc > 1 && argv[1][0] == '-') {",
    '\t\tprintf("flag: %s\\n", argv[1]);',
    '\t}',
    '',
    '',
    '\treturn 0; // "done" & <ok>',
    '}',
    '',
  ].join('\n')

  it('highlights a C fence in the agreed markup', () => {
    const html = renderMarkdown('```c\nint x = 0;\n```')
    expect(html).toMatch(
      /^<pre class="code" data-lang="c" tabindex="0"><code class="hljs language-c">/,
    )
    expect(html).toContain('<span class="hljs-type">int</span>')
    expect(html.endsWith('</code></pre>\n')).toBe(true)
  })

  it('keeps every line break and tab of a C fence byte for byte', () => {
    const html = renderMarkdown('```c\n' + C_SOURCE + '```\n')
    const [code] = codeBlocks(html)
    expect(code).toBe(C_SOURCE)
    expect(countNewlines(code!)).toBe(countNewlines(C_SOURCE))
    expect(code).toContain('\t\tprintf')
  })

  it('normalises CRLF to LF and keeps the line count', () => {
    const crlf = C_SOURCE.replace(/\n/g, '\r\n')
    const html = renderMarkdown('Intro\r\n\r\n```c\r\n' + crlf + '```\r\n')
    expect(html).not.toContain('\r')
    expect(codeBlocks(html)).toEqual([C_SOURCE])
  })

  it('keeps a 10k-line log whole', () => {
    const log =
      Array.from(
        { length: 10_000 },
        (_, i) => `2025-07-14 09:03:${String(i % 60).padStart(2, '0')} kernel[0]: line ${i}\t<x>`,
      ).join('\n') + '\n'
    const html = renderMarkdown('```log\n' + log + '```')
    expect(html).toContain('data-lang="plaintext"')
    expect(codeBlocks(html)).toEqual([log])
  })

  it('maps fence aliases to one language id', () => {
    const lang = (label: string) =>
      /data-lang="([^"]*)"/.exec(renderMarkdown('```' + label + '\nx\n```'))?.[1]
    expect(lang('objc')).toBe('objectivec')
    expect(lang('mm')).toBe('objectivec')
    expect(lang('sh')).toBe('bash')
    expect(lang('zsh')).toBe('bash')
    expect(lang('console')).toBe('shell')
    expect(lang('plist')).toBe('xml')
    expect(lang('h')).toBe('c')
    expect(lang('C++')).toBe('cpp')
    expect(lang('Swift')).toBe('swift')
    expect(lang('text')).toBe('plaintext')
    expect(lang('txt')).toBe('plaintext')
    expect(lang('log')).toBe('plaintext')
    expect(lang('diff')).toBe('diff')
    expect(lang('json')).toBe('json')
    expect(lang('python')).toBe('python')
  })

  it('takes only the first word of the info string', () => {
    expect(renderMarkdown('```swift title="x.swift" {1,3}\nlet x = 1\n```')).toContain(
      'data-lang="swift"',
    )
  })

  it('renders unknown languages as escaped plain text', () => {
    const html = renderMarkdown('```rust\nfn main() { println!("<hi>"); }\n```')
    expect(html).toBe(
      '<pre class="code" data-lang="plaintext" tabindex="0"><code class="hljs language-plaintext">fn main() { println!(&quot;&lt;hi&gt;&quot;); }\n</code></pre>\n',
    )
  })

  it('renders long unlabelled fences as plain text without auto-detection', () => {
    const longC = 'int x = 0; /* padding */\n'.repeat(200) // > 2 KB
    expect(renderMarkdown('```\n' + longC + '```')).toContain('data-lang="plaintext"')
  })

  it('renders indented code like an unlabelled fence', () => {
    expect(renderMarkdown('    plain words here\n')).toBe(
      '<pre class="code" data-lang="plaintext" tabindex="0"><code class="hljs language-plaintext">plain words here\n</code></pre>\n',
    )
  })

  it('escapes HTML inside highlighted code', () => {
    const html = renderMarkdown('```c\nchar *s = "</code></pre><script>alert(1)</script>";\n```')
    expect(html).not.toContain('<script')
    expect(html.match(/<\/code>/g)).toHaveLength(1)
  })

  it('keeps inline code literal', () => {
    expect(renderMarkdown('`a && <b>`')).toBe('<p><code>a &amp;&amp; &lt;b&gt;</code></p>\n')
  })
})

describe('renderInlineMarkdown', () => {
  it('turns headings into bold paragraphs', () => {
    expect(renderInlineMarkdown('# really?')).toBe('<p><strong>really?</strong></p>\n')
    expect(renderInlineMarkdown('### also\ntext')).toBe(
      '<p><strong>also</strong></p>\n<p>text</p>\n',
    )
    expect(renderInlineMarkdown('# a\n## b\n###### c')).not.toMatch(/<h\d/)
  })

  it('applies the same link, image, HTML and code rules as posts', () => {
    const src =
      'see [x](https://a.test) ![i](https://i.test/a.png) <b>no</b> [bad](javascript:alert(1))\n\n```c\nint x;\n```'
    expect(renderInlineMarkdown(src)).toBe(renderMarkdown(src))
  })

  it('does not change rendering of posts rendered afterwards', () => {
    renderInlineMarkdown('# comment')
    expect(renderMarkdown('# post')).toBe('<h2>post</h2>\n')
  })
})
