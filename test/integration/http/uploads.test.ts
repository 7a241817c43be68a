/**
 * Multipart bodies (issue 28 findings 1 and 8; SECURITY.md "Uploads"): only the ask form takes them;
 * there the session, the form's token and the asker's rate limit are decided before an attachment is
 * read, files wait in temporary files, a process-wide budget caps the bytes in flight, and every limit
 * brings the form back with what the person typed. The memory a real server holds under such requests
 * is measured in test/integration/faults/upload-memory.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { writeLimits } from '../../../src/domain/posts/index.js'
import { AttemptLimiter } from '../../../src/domain/shared/attempt-limiter.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const MB = 1024 * 1024
const QUESTION = {
  title: 'Kernel extension fails to load after the update',
  body: 'kextload says the signature is invalid; what changed?',
  tags: 'kernel',
}

/** The temporary upload folders this process has now. */
const uploadDirs = () =>
  fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('quorum-uploads-'))
const filesInUploadDirs = () =>
  uploadDirs().flatMap((d) => fs.readdirSync(path.join(os.tmpdir(), d)))

/** A multipart body as a browser encodes it, fields in the order given, then the files. */
async function multipartBody(
  fields: [string, string][],
  files: { name: string; content: Uint8Array | string }[] = [],
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData()
  for (const [k, v] of fields) form.append(k, v)
  for (const f of files) form.append('attachments', new Blob([f.content as BlobPart]), f.name)
  const encoded = new Request('http://quorum.test/', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  }
}

describe.each(DIALECTS)('%s: multipart bodies and the ask form', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent
  let askerId: number

  const threadCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('threads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  /** POSTs a multipart body as `agent`, with the token of its last page unless `csrf` says otherwise. */
  const postAsk = async (
    agent: Agent,
    fields: Record<string, string>,
    files: { name: string; content: Uint8Array | string }[] = [],
    csrf: string | null = agent.csrf,
  ) => {
    const { payload, contentType } = await multipartBody(
      [...(csrf === null ? [] : [['_csrf', csrf] as [string, string]]), ...Object.entries(fields)],
      files,
    )
    return app.inject({
      method: 'POST',
      url: '/ask',
      remoteAddress: agent.ip,
      payload,
      headers: { 'content-type': contentType, cookie: agent.cookieHeader },
    })
  }
  /** The ask page that came back: its fields' values and its messages. */
  const formOf = (html: string) => {
    const doc = parseHtml(html)
    return {
      title: doc.querySelector<HTMLInputElement>('input[name=title]')?.value,
      body: doc.querySelector('textarea[name=body]')?.textContent,
      tags: doc.querySelector<HTMLInputElement>('input[name=tags]')?.value,
      token: doc.querySelector<HTMLInputElement>('input[name=_csrf]')?.value,
      messages: texts(doc, 'main').join(' '),
    }
  }

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle, { UPLOADS_IN_FLIGHT_MB: '10' })
    const signed = await signedIn(app, t.db, 'upload_asker')
    asker = signed.agent
    askerId = signed.id
    await asker.get('/ask')
  })
  beforeEach(() => {
    writeLimits.threads = new AttemptLimiter({ max: 10, windowMs: 3_600_000 })
  })
  afterAll(async () => app?.close())

  it.each(['/login', '/register', '/logout', '/threads/1/replies', '/ask/similar'])(
    'refuses a multipart body to %s, which takes no files, with 415 before reading it',
    async (url) => {
      const { payload, contentType } = await multipartBody(
        [['login', 'someone']],
        [{ name: 'big.bin', content: new Uint8Array(MB) }],
      )
      const res = await app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': contentType, cookie: asker.cookieHeader },
      })
      expect(res.statusCode).toBe(415)
    },
  )

  it('refuses an anonymous ask with 403, storing nothing', async () => {
    const before = await threadCount()
    const res = await postAsk(new Agent(app, '10.8.0.1'), QUESTION, [
      { name: 'a.log', content: 'x'.repeat(1000) },
    ])
    expect(res.statusCode).toBe(403)
    expect(await threadCount()).toBe(before)
  })

  it.each([
    ['no token', null],
    ['another session’s token', 'not-a-token-of-this-session'],
  ])('refuses an ask with %s at the first file: 403, nothing stored', async (_name, csrf) => {
    const before = await threadCount()
    const res = await postAsk(
      asker,
      QUESTION,
      [{ name: 'panic.log', content: 'panic(cpu 0 caller 0x1): test\n' }],
      csrf === null ? null : csrf,
    )
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('Form expired')
    expect(await threadCount()).toBe(before)
    expect(filesInUploadDirs()).toEqual([])
    expect(app.uploadBudget.bytesInFlight).toBe(0)
  })

  it('refuses a held asker before their attachments, with the question they typed', async () => {
    for (let i = 0; i < 10; i++) writeLimits.threads.hit(String(askerId))
    const before = await threadCount()
    const res = await postAsk(asker, QUESTION, [
      { name: 'trace.txt', content: 'frame #0: 0x0000 kernel`panic\n' },
    ])
    expect(res.statusCode).toBe(429)
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    const form = formOf(res.body)
    expect(form).toMatchObject({ title: QUESTION.title, body: QUESTION.body, tags: 'kernel' })
    expect(form.messages).toMatch(/Try again in \d+ minutes?/)
    expect(form.token).toBeTruthy()
    expect(await threadCount()).toBe(before)
  })

  it('brings the form back, filled in, for six attachments (the limit is five)', async () => {
    const files = Array.from({ length: 6 }, (_, i) => ({
      name: `part${i}.log`,
      content: `log ${i}`,
    }))
    const res = await postAsk(asker, QUESTION, files)
    expect(res.statusCode).toBe(413)
    const form = formOf(res.body)
    expect(form).toMatchObject({ title: QUESTION.title, body: QUESTION.body })
    expect(form.messages).toContain('Attach at most 5 files')
    expect(form.token).toBeTruthy()
    expect(filesInUploadDirs()).toEqual([])
  })

  it('brings the form back, filled in, for a file over 4 MB', async () => {
    const res = await postAsk(asker, QUESTION, [
      { name: 'huge.core', content: new Uint8Array(4 * MB + 10) },
    ])
    expect(res.statusCode).toBe(413)
    const form = formOf(res.body)
    expect(form).toMatchObject({ title: QUESTION.title, body: QUESTION.body })
    expect(form.messages).toContain('huge.core is larger than 4 MB')
    expect(filesInUploadDirs()).toEqual([])
    expect(app.uploadBudget.bytesInFlight).toBe(0)
  })

  it('answers 503 with Retry-After past the bytes in flight, keeping the text; then accepts', async () => {
    // 10 MB for the process: two 4 MB files and a third of 3 MB declare more than that.
    const files = [
      { name: 'one.bin', content: new Uint8Array(4 * MB) },
      { name: 'two.bin', content: new Uint8Array(4 * MB) },
      { name: 'three.bin', content: new Uint8Array(3 * MB) },
    ]
    const busy = await postAsk(asker, QUESTION, files)
    expect(busy.statusCode).toBe(503)
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0)
    expect(formOf(busy.body)).toMatchObject({ title: QUESTION.title, body: QUESTION.body })
    expect(app.uploadBudget.bytesInFlight).toBe(0)

    const fits = await postAsk(asker, QUESTION, files.slice(0, 2))
    expect(fits.statusCode).toBe(303)
    expect(app.uploadBudget.bytesInFlight).toBe(0)
    expect(filesInUploadDirs()).toEqual([])
    const stored = await t.db
      .selectFrom('attachments')
      .select(['file_name as name', 'size'])
      .where('file_name', 'in', ['one.bin', 'two.bin'])
      .execute()
    expect(stored.map((a) => a.size)).toEqual([4 * MB, 4 * MB])
  })

  it('previews with attachments chosen, and the previewed form can be posted', async () => {
    const preview = await postAsk(asker, { ...QUESTION, intent: 'preview' }, [
      { name: 'dmesg.txt', content: 'usb 1-1: device descriptor read/64, error -71\n' },
    ])
    expect(preview.statusCode).toBe(200)
    const form = formOf(preview.body)
    expect(form.title).toBe(QUESTION.title)
    expect(form.token).toBeTruthy()
    asker.csrf = form.token ?? null
    const posted = await postAsk(asker, { ...QUESTION, title: `${QUESTION.title} (posted)` }, [
      { name: 'dmesg.txt', content: 'usb 1-1: device descriptor read/64, error -71\n' },
    ])
    expect(posted.statusCode).toBe(303)
    const page = await asker.get(String(posted.headers.location))
    expect(page.body).toContain('dmesg.txt')
  })

  it.each([
    ['a body cut off in a file', (b: Buffer) => b.subarray(0, b.length - 40)],
    ['text where the parts should be', () => Buffer.from('not a multipart body at all')],
    ['no boundary', () => Buffer.from('just text')],
  ])('answers 400, not 500, for a malformed multipart body: %s', async (_name, damage) => {
    const { payload, contentType } = await multipartBody(
      [['_csrf', asker.csrf ?? ''], ...Object.entries(QUESTION)],
      [{ name: 'x.log', content: 'y'.repeat(5000) }],
    )
    const res = await app.inject({
      method: 'POST',
      url: '/ask',
      remoteAddress: asker.ip,
      payload: damage(payload),
      headers: {
        'content-type': _name === 'no boundary' ? 'multipart/form-data' : contentType,
        cookie: asker.cookieHeader,
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toMatch(/could not be read|Bad request/)
    expect(app.uploadBudget.bytesInFlight).toBe(0)
  })

  it('still takes a question without attachments as an urlencoded form', async () => {
    await asker.get('/ask')
    const res = await asker.post('/ask', { ...QUESTION, title: `${QUESTION.title} (no files)` })
    expect(res.statusCode).toBe(303)
    const refused = await asker.post('/ask', QUESTION, { csrf: null })
    expect(refused.statusCode).toBe(403)
  })

  it('leaves no temporary folder behind when the app closes', async () => {
    const other = await buildTestApp(t.handle)
    const created = uploadDirs().length
    await other.close()
    expect(uploadDirs().length).toBe(created - 1)
  })
})
