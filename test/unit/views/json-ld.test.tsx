import { describe, expect, it } from 'vitest'
import { serializeJsonLd } from '../../../src/views/layout/layout.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { postText, qaPageData } from '../../../src/views/pages/thread-structured-data.js'
import { renderDocument } from '../../../src/views/render.js'
import { attrOf, elementsOf, parseDocument, textOf } from '../../conformance/support/html-tree.js'
import { makePost, makeSite, makeThreadPageData } from './fixtures.js'

const BREAKOUT = '</script><script>alert(1)</script><!--'

/** The page's JSON-LD blocks, as the HTML parser (parse5, as browsers) sees them. */
function jsonLdBlocks(html: string) {
  const scripts = elementsOf(parseDocument(html)).filter((el) => el.tagName === 'script')
  return {
    scripts,
    data: scripts
      .filter((s) => attrOf(s, 'type') === 'application/ld+json')
      .map((s) => JSON.parse(textOf(s)) as unknown),
  }
}

describe('serializeJsonLd (SECURITY.md row 21)', () => {
  it('escapes <, > and & so a string cannot close the script element, and parses back to the same data', () => {
    const data = { name: BREAKOUT, text: 'a & b > c', line: 'x\u2028y\u2029z' }
    const json = serializeJsonLd(data)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json).toContain('\\u003c/script\\u003e')
    expect(JSON.parse(json)).toEqual(data)
  })
})

describe('QAPage structured data on the thread page', () => {
  it('is emitted for a thread with an accepted answer, and survives </script> in the title', () => {
    const data = makeThreadPageData()
    data.thread.title = BREAKOUT
    const html = renderDocument(<ThreadPage site={makeSite()} data={data} />)
    const { scripts, data: blocks } = jsonLdBlocks(html)
    expect(
      scripts.every(
        (s) => attrOf(s, 'type') === 'application/ld+json' || attrOf(s, 'src') !== undefined,
      ),
    ).toBe(true)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: BREAKOUT,
        answerCount: 1, // the deleted reply does not count
        acceptedAnswer: {
          '@type': 'Answer',
          text: 'Purge the name cache on the source directory as well.',
          url: 'https://quorum.example/threads/101/vnop-open-never-sees-the-new-hard-link#post-503',
          author: { '@type': 'Person', name: 'quinn_dts' },
        },
      },
    })
  })

  it('is absent when no reply is accepted, or the accepted one is deleted', () => {
    const open = makeThreadPageData({ replies: [makePost({ id: 7 })] })
    expect(qaPageData(makeSite(), open)).toBeUndefined()
    expect(jsonLdBlocks(renderDocument(<ThreadPage site={makeSite()} data={open} />)).data).toEqual(
      [],
    )
    const deleted = makeThreadPageData({
      replies: [makePost({ id: 8, accepted: true, deleted: true })],
    })
    expect(qaPageData(makeSite(), deleted)).toBeUndefined()
  })

  it('takes the text of stored HTML: tags dropped, entities decoded, highlighting joined', () => {
    expect(
      postText(
        '<p>a &amp; <code>b</code> &lt;c&gt; &#39;d&#x27;</p>\n<pre class="code"><code><span class="hljs-meta">#<span class="hljs-keyword">include</span></span></code></pre>',
      ),
    ).toBe("a & b <c> 'd' #include")
  })
})
