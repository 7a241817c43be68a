import { describe, expect, it } from 'vitest'
import { emptyForm } from '../../../src/views/forms.js'
import { AskPage } from '../../../src/views/pages/ask-page.js'
import { EditPostPage } from '../../../src/views/pages/edit-post-page.js'
import { RevisionsPage } from '../../../src/views/pages/revisions-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { count, driverKitTag, formFor, kernelTag, NOW, signedInSite } from './fixtures.js'

const site = signedInSite()
const emptyAsk = emptyForm({ title: '', body: '', tags: '' })

describe('AskPage', () => {
  const render = (props: Partial<Parameters<typeof AskPage>[0]> = {}) =>
    renderDocument(
      <AskPage
        site={site}
        form={emptyAsk}
        tags={[kernelTag, driverKitTag]}
        previewHtml={null}
        {...props}
      />,
    )

  it('posts multipart to /ask with the CSRF token, one h1, and the four fields', () => {
    const html = render()
    expect(count(html, /<h1[\s>]/)).toBe(1)
    const form = formFor(html, '/ask')
    expect(form).toMatch(/^<form [^>]*action="\/ask" enctype="multipart\/form-data">/)
    expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(form).toMatch(
      /<input type="text"[^>]* name="title" required minlength="15" maxlength="150"/,
    )
    expect(form).toMatch(/<textarea id="ask-body" name="body" class="markdown-input"/)
    expect(form).toMatch(/<input type="text"[^>]* name="tags"/)
    expect(form).toContain('<code>Kernel, Network Extension</code>')
    expect(form).toContain('<input id="ask-attachments" type="file" name="attachments" multiple')
    expect(form).toContain('Up to 5 files, 4 MB each.')
    expect(form).toContain('.c .h .log .crash .ips .diff')
  })

  it('lets the empty form be indexed, and keeps a preview or a refused post out of indexes', () => {
    const robots = /<meta name="robots" content="noindex"\/>/
    const empty = render()
    expect(empty).not.toMatch(robots)
    expect(empty).toMatch(/<link rel="canonical" href="[^"]*\/ask"\/>/)
    expect(render({ previewHtml: '<p>Draft</p>' })).toMatch(robots)
    expect(
      render({ form: { values: emptyAsk.values, errors: { title: 'Add a title.' } } }),
    ).toMatch(robots)
  })

  it('offers the available tags as help', () => {
    const html = render()
    expect(html).toContain('<summary>Available tags (2)</summary>')
    expect(html).toContain('<code>driverkit</code>')
  })

  it('has Preview and Post question buttons carrying intent', () => {
    const html = render()
    expect(html).toContain(
      '<button class="button button-quiet" type="submit" name="intent" value="preview">Preview</button>',
    )
    expect(html).toContain(
      '<button class="button" type="submit" name="intent" value="post">Post question</button>',
    )
  })

  it('hides the empty preview panel but keeps the live-preview target and status region', () => {
    const html = render()
    expect(html).toMatch(/<section class="preview-panel" id="ask-preview" [^>]*hidden>/)
    expect(html).toMatch(
      /<div class="preview-body prose" data-island="composer-preview" data-source="body" data-status="ask-preview-status"><\/div>/,
    )
    expect(html).toContain('<p class="visually-hidden" id="ask-preview-status" aria-live="polite">')
  })

  it('shows the server preview, refilled values, and errors linked to their fields', () => {
    const html = render({
      form: {
        values: {
          title: 'USB stalls',
          body: '```c\nint main(void) { return 0; }\n```',
          tags: 'usbx',
        },
        errors: { title: 'Use at least 15 characters.', tags: 'There is no tag "usbx".' },
      },
      previewHtml: '<pre><code class="language-c">int main(void)</code></pre>',
    })
    expect(html).toMatch(
      /<section class="preview-panel" id="ask-preview" aria-labelledby="ask-preview-heading">/,
    )
    expect(html).toContain('<pre><code class="language-c">int main(void)</code></pre>')
    expect(html).toContain('value="USB stalls"')
    expect(html).toContain('>```c\nint main(void) { return 0; }\n```</textarea>')
    expect(html).toContain('value="usbx"')
    expect(html).toContain('<a href="#ask-title">Use at least 15 characters.</a>')
    expect(html).toContain('<a href="#ask-tags">There is no tag &quot;usbx&quot;.</a>')
    expect(html).toMatch(
      /id="ask-tags"[^>]*aria-invalid="true" aria-describedby="ask-tags-hint ask-tags-error"/,
    )
    expect(html).toContain('choose them again')
  })
})

describe('EditPostPage', () => {
  const post = {
    id: 501,
    threadId: 101,
    threadTitle: 'vnop_open never sees the new hard link',
    threadSlug: 'vnop-open',
    kind: 'question' as const,
  }

  it('edits a question: title and body, preview and save, back link to the post', () => {
    const html = renderDocument(
      <EditPostPage
        site={site}
        post={post}
        form={emptyForm({ title: 'A title long enough', body: 'Body *text*' })}
        previewHtml={null}
      />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain('<h1>Edit question</h1>')
    const form = formFor(html, '/posts/501/edit')
    expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(form).toContain('value="A title long enough"')
    expect(form).toContain('>Body *text*</textarea>')
    expect(form).toContain('name="intent" value="preview"')
    expect(form).toContain('name="intent" value="save"')
    expect(html).toContain('href="/threads/101/vnop-open#post-501"')
  })

  it('has no title field for a reply, and a 600-character limit for a comment', () => {
    const reply = renderDocument(
      <EditPostPage
        site={site}
        post={{ ...post, kind: 'reply' }}
        form={{ values: { body: '' }, errors: { body: 'Write something.' } }}
        previewHtml="<p>x</p>"
      />,
    )
    expect(reply).not.toContain('name="title"')
    expect(reply).toContain('<a href="#edit-body">Write something.</a>')
    expect(reply).toContain('<p>x</p>')
    const comment = renderDocument(
      <EditPostPage
        site={site}
        post={{ ...post, id: 9, kind: 'comment' }}
        form={emptyForm({ body: 'ok' })}
        previewHtml={null}
      />,
    )
    expect(comment).toContain('<h1>Edit comment</h1>')
    expect(comment).toContain('maxlength="600"')
    expect(comment).toContain('href="/threads/101/vnop-open#comment-9"')
  })
})

describe('RevisionsPage', () => {
  it('lists revisions newest first, with editor, time and the Markdown source in a <pre>', () => {
    const html = renderDocument(
      <RevisionsPage
        site={site}
        post={{ id: 501, threadId: 101, threadTitle: 'Hard links', threadSlug: 'hard-links' }}
        revisions={[
          {
            number: 1,
            editor: { username: 'ada_fs', title: null },
            createdAt: NOW - 86_400_000,
            title: 'Hard links',
            bodyMarkdown: 'First <b>draft</b>',
          },
          {
            number: 2,
            editor: { username: 'quinn_dts', title: 'DTS Engineer' },
            createdAt: NOW - 3_600_000,
            title: 'Hard links',
            bodyMarkdown: '```c\nint x;\n```',
          },
        ]}
      />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html.indexOf('Revision 2')).toBeLessThan(html.indexOf('Original'))
    expect(html).toContain('<pre class="revision-source" tabindex="0">```c\nint x;\n```</pre>')
    expect(html).toContain('First &lt;b>draft&lt;/b>')
    expect(html).toContain('<span class="staff-title">DTS Engineer</span>')
    expect(html).toContain('href="/threads/101/hard-links#post-501"')
    expect(html).toContain('2 versions, newest first')
  })
})
