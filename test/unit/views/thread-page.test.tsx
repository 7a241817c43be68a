import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../../src/views/render.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { count, makeAttachment, makePost, makeSite, makeThreadPageData } from './fixtures.js'

describe('ThreadPage', () => {
  it('has one h1 (the title), the replies heading and the accepted answer first', () => {
    const html = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain(
      '<h1><bdi>vnop_open never sees the new hard link after vnode_setmultipath</bdi></h1>',
    )
    expect(html).toContain('>2 Replies</h2>')
    expect(html.indexOf('Accepted answer</span>')).toBeLessThan(
      html.indexOf('This reply was deleted.'),
    )
    expect(html).toContain('Recommended</span>')
    expect(html).toContain(
      '<link rel="canonical" href="https://quorum.example/threads/101/vnop-open-never-sees-the-new-hard-link"/>',
    )
    expect(html).toContain('<meta property="og:type" content="article"/>')
  })

  it('shows the meta line: author, date, views, last activity and markers', () => {
    const html = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(html).toContain('Asked by')
    expect(html).toContain('17 Nov 2025</time>')
    expect(html).toContain('1.8k</data> views')
    expect(html).toContain('Last activity <time')
    expect(html).toMatch(/Solved<\/span>/)
  })

  it('shows staff titles beside names, edit markers, boosts and comments', () => {
    const html = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(html).toContain(
      '<a class="user-link" href="/users/quinn_dts">quinn_dts</a> <span class="staff-title">DTS Engineer</span>',
    )
    expect(html).toContain('edited <time')
    expect(html).toContain('2 boosts')
    expect(html).toContain('<li id="comment-9" class="comment">')
    expect(html).toContain('<p>That fixed it, thanks.</p>')
  })

  it('asks a signed-out reader to sign in, and gives a member the reply form', () => {
    const signedOut = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(signedOut).toContain('<a href="/login?next=/threads/101">Sign in to reply</a>')
    const viewer = { username: 'ada_fs', title: null, role: 'member' as const }
    const signedIn = renderDocument(
      <ThreadPage
        site={makeSite({ viewer, csrfToken: 'tok' })}
        data={makeThreadPageData()}
        viewer={{ controls: {}, canReply: true }}
      />,
    )
    expect(signedIn).not.toContain('Sign in to reply')
    expect(signedIn).toContain('action="/threads/101/replies"')
  })

  it('renders an attachment with its size and an open preview up to 30 lines', () => {
    const html = renderDocument(<ThreadPage site={makeSite()} data={makeThreadPageData()} />)
    expect(html).toContain(
      '<a href="/attachments/att1/udp_probe.c" download="udp_probe.c">udp_probe.c</a>',
    )
    expect(html).toContain('12.4 KB')
    expect(html).toMatch(
      /<details class="attachment-preview" open><summary>udp_probe.c \(12 lines\)<\/summary><pre class="code"(?: tabindex="0")?><code class="hljs"><span class="hljs-keyword">int<\/span>/,
    )
  })

  it('folds an attachment longer than 30 lines into a closed <details>', () => {
    const data = makeThreadPageData({
      question: makePost({
        attachments: [makeAttachment({ fileName: 'panic.txt', lineCount: 31 })],
      }),
    })
    const html = renderDocument(<ThreadPage site={makeSite()} data={data} />)
    expect(html).toContain(
      '<details class="attachment-preview"><summary>Show all 31 lines of panic.txt</summary>',
    )
  })

  it('links download-only attachments without a preview', () => {
    const data = makeThreadPageData({
      question: makePost({
        attachments: [
          makeAttachment({ fileName: 'trace.ips', previewHtml: null, lineCount: 0, size: 900 }),
        ],
      }),
    })
    const html = renderDocument(<ThreadPage site={makeSite()} data={data} />)
    expect(html).toContain('900 bytes')
    expect(html).not.toContain('<details')
  })

  it('says a locked thread takes no replies', () => {
    const base = makeThreadPageData()
    const html = renderDocument(
      <ThreadPage site={makeSite()} data={{ ...base, thread: { ...base.thread, locked: true } }} />,
    )
    expect(html).toContain('This thread is locked')
    expect(html).toMatch(/Locked<\/span>/)
    expect(html).not.toContain('Sign in to reply')
  })
})
