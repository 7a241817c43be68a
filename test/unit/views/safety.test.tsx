import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../../src/views/render.js'
import { ErrorPage } from '../../../src/views/pages/error-page.js'
import { HomePage } from '../../../src/views/pages/home-page.js'
import { TagPage } from '../../../src/views/pages/tag-page.js'
import { TagsIndexPage } from '../../../src/views/pages/tags-index-page.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { AskPage } from '../../../src/views/pages/ask-page.js'
import { EditPostPage } from '../../../src/views/pages/edit-post-page.js'
import { LoginPage } from '../../../src/views/pages/login-page.js'
import { ProfilePage } from '../../../src/views/pages/profile-page.js'
import { RegisterPage } from '../../../src/views/pages/register-page.js'
import { RevisionsPage } from '../../../src/views/pages/revisions-page.js'
import { SettingsPage } from '../../../src/views/pages/settings-page.js'
import {
  ALL_CONTROLS,
  defaultListing,
  makeViewerState,
  NOW,
  postForms,
  kernelTag,
  makeAttachment,
  makePaging,
  makePost,
  makeSite,
  makeThreadItem,
  makeThreadPageData,
} from './fixtures.js'

const XSS = '<script>alert(1)</script>'
const viewer = { username: 'ada_fs', title: 'Kernel "Team"', role: 'member' as const }

/** Every page in the states that add markup: signed in, with attachments, long and short previews. */
function everyPage(): [string, string][] {
  const site = makeSite({ viewer, csrfToken: 'tok' })
  const long = makeAttachment({ id: 'a2', lineCount: 400 })
  const data = makeThreadPageData({ question: makePost({ attachments: [makeAttachment(), long] }) })
  return [
    [
      'home',
      renderDocument(
        <HomePage
          site={site}
          latest={[makeThreadItem({ pinned: true, solved: true, locked: true })]}
          tags={[kernelTag]}
        />,
      ),
    ],
    ['tags', renderDocument(<TagsIndexPage site={site} tags={[kernelTag]} />)],
    [
      'tag',
      renderDocument(
        <TagPage
          site={site}
          tag={kernelTag}
          threads={[makeThreadItem()]}
          paging={makePaging({ page: 2 })}
          listing={{ ...defaultListing, sortBy: 'views' }}
        />,
      ),
    ],
    [
      'empty tag',
      renderDocument(
        <TagPage
          site={makeSite()}
          tag={kernelTag}
          threads={[]}
          paging={makePaging({ total: 0, pageCount: 0 })}
          listing={defaultListing}
        />,
      ),
    ],
    ['thread', renderDocument(<ThreadPage site={site} data={data} />)],
    ['thread signed out', renderDocument(<ThreadPage site={makeSite()} data={data} />)],
    [
      'error',
      renderDocument(<ErrorPage site={site} status={404} title="Not found" message="Gone." />),
    ],
    ...formPages(site),
  ]
}

/** The pages added with accounts and the write path, in their fullest states (errors, previews, every control). */
function formPages(site: ReturnType<typeof makeSite>): [string, string][] {
  const errors = { body: 'Problem.', title: 'Problem.', tags: 'Problem.', password: 'Problem.' }
  const post = { id: 501, threadId: 101, threadTitle: 'T', threadSlug: 't' }
  const data = makeThreadPageData()
  const visitor = makeSite({ csrfToken: 'tok' })
  return [
    [
      'thread with every control',
      renderDocument(
        <ThreadPage
          site={site}
          data={data}
          viewer={makeViewerState(ALL_CONTROLS)}
          form={{ values: { body: 'x' }, errors }}
          commentForm={{ postId: 503, form: { values: { body: 'x' }, errors } }}
        />,
      ),
    ],
    [
      'register',
      renderDocument(
        <RegisterPage
          site={visitor}
          form={{ values: { username: 'a', email: 'b' }, errors, formError: 'Slow down.' }}
          registration="invite"
          stamp="stamp-1"
        />,
      ),
    ],
    [
      'login',
      renderDocument(
        <LoginPage site={visitor} form={{ values: { login: 'a' }, errors }} next="/threads/1" />,
      ),
    ],
    [
      'settings',
      renderDocument(<SettingsPage site={site} form={{ values: {}, errors }} notice="Done." />),
    ],
    [
      'ask',
      renderDocument(
        <AskPage
          site={site}
          form={{ values: { title: 't', body: 'b', tags: 'kernel' }, errors }}
          tags={[kernelTag]}
          previewHtml="<p>b</p>"
        />,
      ),
    ],
    [
      'edit',
      renderDocument(
        <EditPostPage
          site={site}
          post={{ ...post, kind: 'question' }}
          form={{ values: { title: 't', body: 'b' }, errors }}
          previewHtml="<p>b</p>"
        />,
      ),
    ],
    [
      'revisions',
      renderDocument(
        <RevisionsPage
          site={site}
          post={post}
          revisions={[1, 2].map((number) => ({
            number,
            editor: { username: 'ada_fs', title: null },
            createdAt: NOW,
            title: null,
            bodyMarkdown: '# x',
          }))}
        />,
      ),
    ],
    [
      'profile',
      renderDocument(
        <ProfilePage
          site={site}
          profile={{
            username: 'ada_fs',
            title: 'Kernel',
            role: 'admin',
            joinedAt: NOW,
            counts: { threads: 1, replies: 2, boostsReceived: 3, accepted: 4 },
          }}
          threads={[makeThreadItem()]}
          paging={makePaging()}
        />,
      ),
    ],
  ]
}

describe('rendered pages under a strict CSP', () => {
  it.each(everyPage())('%s has no style attribute and no inline script', (_name, html) => {
    expect(html).not.toMatch(/\sstyle\s*=/i)
    expect(html).not.toMatch(/<style[\s>]/i)
    // Any <script> must load a file: no inline code and no event-handler attributes. The one exception is
    // JSON-LD, a data block the browser never runs (serialised with `<` escaped; test/unit/views/json-ld).
    const LD = /<script type="application\/ld\+json">[^<]*<\/script>/g
    const code = html.replace(LD, '')
    for (const tag of code.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc="[^"]+"/)
    expect(code).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/i)
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  })

  it.each(everyPage())('%s has exactly one h1 and one main', (_name, html) => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html.match(/<main[\s>]/g)).toHaveLength(1)
  })

  it.each(everyPage())('%s uses unique ids', (_name, html) => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(everyPage())('%s puts the CSRF token in every POST form', (_name, html) => {
    const forms = [...html.matchAll(/<form\b[^>]*>/g)].map((m) => m[0])
    const posts = postForms(html)
    expect(posts).toHaveLength(forms.filter((f) => /\smethod="post"/.test(f)).length)
    for (const form of posts)
      expect(form).toMatch(/<input type="hidden" name="_csrf" value="tok"\/>/)
  })

  it.each(everyPage())(
    '%s links every aria-describedby and error link to an element',
    (_name, html) => {
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
      for (const m of html.matchAll(/\saria-(?:describedby|labelledby)="([^"]+)"/g))
        for (const id of m[1]!.split(' ')) expect(ids).toContain(id)
      for (const m of html.matchAll(/<a href="#([^"]+)"/g)) expect(ids).toContain(m[1])
    },
  )

  it.each(everyPage())('%s never sends a password back', (_name, html) => {
    for (const tag of html.match(/<input\b[^>]*type="password"[^>]*>/g) ?? [])
      expect(tag).not.toMatch(/\svalue=/)
  })
})

describe('user text is escaped', () => {
  it('escapes a thread title in the table, the thread page and the document title', () => {
    const site = makeSite()
    const table = renderDocument(
      <TagPage
        site={site}
        tag={kernelTag}
        threads={[makeThreadItem({ title: XSS, excerpt: XSS })]}
        paging={makePaging()}
        listing={defaultListing}
      />,
    )
    const base = makeThreadPageData()
    const thread = renderDocument(
      <ThreadPage site={site} data={{ ...base, thread: { ...base.thread, title: XSS } }} />,
    )
    for (const html of [table, thread]) {
      expect(html).not.toContain(XSS)
      expect(html).toContain('&lt;script>alert(1)&lt;/script>')
    }
    expect(thread).toMatch(/<title>&lt;script>alert\(1\)&lt;\/script> – Quorum<\/title>/)
    expect(thread).toContain(
      '<meta property="og:title" content="&lt;script>alert(1)&lt;/script>"/>',
    )
  })

  it('escapes tag names, usernames, staff titles and attachment names', () => {
    const evilTag = { ...kernelTag, name: XSS, description: XSS }
    const tagHtml = renderDocument(
      <TagPage
        site={makeSite()}
        tag={evilTag}
        threads={[]}
        paging={makePaging({ total: 0 })}
        listing={defaultListing}
      />,
    )
    expect(tagHtml).not.toContain(XSS)
    const data = makeThreadPageData({
      question: makePost({
        author: { username: XSS, title: XSS },
        attachments: [makeAttachment({ fileName: XSS })],
      }),
    })
    const threadHtml = renderDocument(
      <ThreadPage site={makeSite({ viewer, csrfToken: '"><b>' })} data={data} />,
    )
    expect(threadHtml).not.toContain(XSS)
    expect(threadHtml).not.toContain('"><b>')
    expect(threadHtml).toContain('href="/users/%3Cscript%3Ealert(1)%3C%2Fscript%3E"')
  })
})
