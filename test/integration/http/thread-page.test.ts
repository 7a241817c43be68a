import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const NOW = Date.now()
const MIN = 60_000
const C_SOURCE = [
  '#include <sys/socket.h>',
  '',
  'int main(void) {',
  '\tint s = socket(AF_INET, SOCK_DGRAM, 0);',
  '\treturn s < 0;',
  '}',
].join('\n')
const PANIC =
  'panic(cpu 1 caller 0xfffffe0012345678): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435\nBacktrace (CPU 1), Frame : Return Address\n  0xfffffe00a1b2c3d0 : 0xfffffe0011223344'

describe.each(DIALECTS)('%s: thread page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let threadId: number
  let attachmentUrls: string[] = []

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await t.db
      .insertInto('users')
      .values({
        username: 'quinn',
        username_key: 'quinn',
        role: 'moderator',
        title: 'DTS Engineer',
        created_at: NOW,
      })
      .execute()
    threadId = await make.thread(t.db, {
      title: 'Socket filter drops datagrams with ENOBUFS <b>bold?</b>',
      author: 'asker',
      created_at: NOW - 90 * MIN,
      body: `My reproducer:\n\n\`\`\`c\n${C_SOURCE}\n\`\`\`\n\nAnd the panic:\n\n\`\`\`text\n${PANIC}\n\`\`\`\n\n<script>alert(1)</script>`,
      views: 1849,
      attachments: [
        { name: 'dgramsend.c', content: C_SOURCE },
        { name: 'evil.html', content: '<script>alert(1)</script>' },
        {
          name: 'long.log',
          content: Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n'),
        },
      ],
      replies: [
        {
          author: 'first',
          created_at: NOW - 80 * MIN,
          body: 'Have you tried a bigger buffer?',
          comments: [{ author: 'asker', created_at: NOW - 75 * MIN, body: 'Yes, *no change*.' }],
        },
        {
          author: 'quinn',
          created_at: NOW - 70 * MIN,
          body: 'Call `sock_inject_data_out` instead.',
          accepted: true,
          boosts: 3,
        },
        { author: 'third', created_at: NOW - 60 * MIN, body: 'Same here on 25B78.' },
      ],
    })
    app = await buildTestApp(t.handle)
    const page = parseHtml((await app.inject(`/threads/${threadId}`)).body)
    attachmentUrls = [...page.querySelectorAll('a[href^="/attachments/"]')].map(
      (a) => a.getAttribute('href') ?? '',
    )
  })
  afterAll(async () => app?.close())

  it('renders the question, then the accepted reply first and marked, then the others oldest first', async () => {
    const res = await app.inject(`/threads/${threadId}`)
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, 'h1')).toEqual(['Socket filter drops datagrams with ENOBUFS <b>bold?</b>'])
    const bodies = texts(doc, '.post-body')
    expect(bodies[0]).toContain('My reproducer')
    expect(bodies[1]).toContain('sock_inject_data_out')
    expect(bodies[2]).toContain('bigger buffer')
    expect(bodies[3]).toContain('25B78')
    expect(res.body).toContain('Accepted answer')
    expect(res.body).toContain('DTS Engineer')
    expect(doc.body.textContent).toContain('no change')
  })

  it('keeps every line break of a code block and highlights it', async () => {
    const doc = parseHtml((await app.inject(`/threads/${threadId}`)).body)
    const code = doc.querySelector('.post-body pre code.language-c')
    expect(code).not.toBeNull()
    expect(code?.textContent).toBe(`${C_SOURCE}\n`)
    expect(code?.querySelector('[class^="hljs-"]')).not.toBeNull()
    const log = [...doc.querySelectorAll('.post-body pre code')].find((c) =>
      c.textContent?.includes('Recursive exclusive'),
    )
    expect(log?.textContent?.split('\n').length).toBe(PANIC.split('\n').length + 1)
  })

  it('escapes raw HTML in titles and bodies', async () => {
    const res = await app.inject(`/threads/${threadId}`)
    expect(res.body).not.toContain('<script>alert(1)</script>')
    expect(res.body).not.toContain('<b>bold?</b>')
    // JSON-LD (QAPage) is the only script without src: a data block, never run.
    expect(
      parseHtml(res.body).querySelectorAll('script:not([src]):not([type="application/ld+json"])'),
    ).toHaveLength(0)
  })

  it('lists attachments with name and size and serves text safely', async () => {
    expect(attachmentUrls.some((u) => u.endsWith('/dgramsend.c'))).toBe(true)
    const url = attachmentUrls.find((u) => u.endsWith('/dgramsend.c')) ?? ''
    const res = await app.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe(C_SOURCE)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain('sandbox')
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''dgramsend.c")
  })

  it('never serves an uploaded HTML file as HTML', async () => {
    const url = attachmentUrls.find((u) => u.endsWith('/evil.html')) ?? ''
    const res = await app.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
  })

  it('collapses a long text attachment and shows a short one open', async () => {
    const doc = parseHtml((await app.inject(`/threads/${threadId}`)).body)
    const details = [...doc.querySelectorAll('details')]
    const long = details.find((d) => d.textContent?.includes('line 40'))
    const short = details.find((d) => d.textContent?.includes('sys/socket.h'))
    expect(long?.hasAttribute('open')).toBe(false)
    expect(short?.hasAttribute('open')).toBe(true)
  })

  it('answers 404 for unknown threads and attachments, and redirects a wrong slug', async () => {
    expect((await app.inject('/threads/999999')).statusCode).toBe(404)
    expect((await app.inject('/threads/abc')).statusCode).toBe(404)
    expect((await app.inject('/threads/99999999999999999999')).statusCode).toBe(404)
    expect((await app.inject('/attachments/nope/file.txt')).statusCode).toBe(404)
    const wrong = await app.inject(`/threads/${threadId}/old-title`)
    expect(wrong.statusCode).toBe(301)
    expect(wrong.headers.location).toBe(
      `/threads/${threadId}/socket-filter-drops-datagrams-with-enobufs-b-bold-b`,
    )
    expect((await app.inject(wrong.headers.location ?? '')).statusCode).toBe(200)
  })

  it('sends the security headers', async () => {
    const res = await app.inject(`/threads/${threadId}`)
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })
})
