/**
 * Mail (src/domain/mail, views/mail, src/mail) against a real SMTP server on 127.0.0.1: a queued
 * message arrives with both parts, the site's name and absolute links built from PUBLIC_URL; a server
 * that refuses or cannot be reached fails the attempt, which is retried and delivered later; without
 * SMTP_URL the message is written to the outbox folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config.js'
import { JobRunner, listJobs, retryDelayMs } from '../../../src/domain/jobs/index.js'
import { enqueueMail, MAIL_JOB } from '../../../src/domain/mail/index.js'
import { mailJobHandler } from '../../../src/mail/mail-job.js'
import { createMailer } from '../../../src/mail/mailer.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { parseHtml } from '../../support/html.js'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import { useTestDb } from '../../support/test-db.js'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

describe.each(DIALECTS)('%s: mail jobs', (dialect) => {
  const t = useTestDb(dialect)
  let smtp: TestSmtp
  let app: FastifyInstance

  beforeAll(async () => {
    smtp = await startSmtp()
    app = await buildTestApp(t.handle, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Quorum <forum@quorum.test>',
      PUBLIC_URL: 'https://forum.quorum.test',
    })
  })
  beforeEach(async () => {
    await t.db.deleteFrom('jobs').execute()
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('delivers a queued message with both parts and absolute links from PUBLIC_URL', async () => {
    await enqueueMail(t.db, 'reset:1:a', {
      to: 'ada@example.test',
      template: {
        name: 'password-reset',
        username: 'ada <script>',
        link: '/password/reset?token=abc123',
        expiresInMinutes: 60,
      },
    })
    const before = smtp.received.length
    expect(await app.jobs.drain()).toBe(1)
    const mail = smtp.received[before]
    expect(mail?.from?.text).toBe('"Quorum" <forum@quorum.test>')
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('ada@example.test')
    expect(mail?.subject).toBe('Reset your Quorum password')
    expect(mail?.messageId).toMatch(/^<[\w-]+@forum\.quorum\.test>$/)
    expect(mail?.text).toContain('https://forum.quorum.test/password/reset?token=abc123')
    expect(mail?.text).toContain('Hello ada <script>,')
    const html = parseHtml(String(mail?.html))
    const link = html.querySelector('a[href*="/password/reset"]')
    expect(link?.getAttribute('href')).toBe('https://forum.quorum.test/password/reset?token=abc123')
    expect(html.querySelector('script')).toBeNull() // the name was text, not markup
    expect(html.body.textContent).toContain('Hello ada <script>,')
    const [job] = await listJobs(t.db, { limit: 1 })
    expect(job).toMatchObject({ state: 'done', attempts: 1 })
  })

  it('retries a refused or unreachable send later, and delivers once the server takes it', async () => {
    let clock = Date.now()
    const runner = new JobRunner(
      t.db,
      new Map([[MAIL_JOB, mailJobHandler(t.db, createMailer(app.config.mail), site(), quiet)]]),
      quiet,
      { now: () => clock },
    )
    await enqueueMail(
      t.db,
      'verify:2:b',
      {
        to: 'bob@example.test',
        template: {
          name: 'verify-email',
          username: 'bob',
          link: '/email/verify?token=t',
          expiresInHours: 24,
        },
      },
      clock,
    )
    smtp.answers.push({ refuse: 451, message: 'try later' })
    const before = smtp.received.length
    await runner.drain()
    let [job] = await listJobs(t.db, { limit: 1 })
    expect(job).toMatchObject({ state: 'pending', attempts: 1 })
    expect(job?.lastError).toContain('try later')
    expect(smtp.received.length).toBe(before)

    // The server is unreachable for the next attempt.
    const unreachable = new JobRunner(
      t.db,
      new Map([
        [
          MAIL_JOB,
          mailJobHandler(
            t.db,
            createMailer({ ...app.config.mail, smtpUrl: 'smtp://127.0.0.1:1' }),
            site(),
            quiet,
          ),
        ],
      ]),
      quiet,
      { now: () => clock },
    )
    clock += retryDelayMs(1)
    await unreachable.drain()
    ;[job] = await listJobs(t.db, { limit: 1 })
    expect(job).toMatchObject({ state: 'pending', attempts: 2 })
    expect(job?.lastError).toMatch(/ECONNREFUSED|connect/i)

    clock += retryDelayMs(2)
    await runner.drain()
    ;[job] = await listJobs(t.db, { limit: 1 })
    expect(job).toMatchObject({ state: 'done', attempts: 3 })
    expect(smtp.received.length).toBe(before + 1)
    expect(smtp.received.at(-1)?.subject).toBe('Confirm your email address for Quorum')
  })

  it('writes the message to the outbox folder when there is no SMTP server', async () => {
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-outbox-'))
    const config = loadConfig({ MAIL_OUTBOX: outbox, PUBLIC_URL: 'http://localhost:3000' })
    expect(config.mail.smtpUrl).toBeNull()
    const mailer = createMailer(config.mail)
    const { where } = await mailer.send({
      to: 'carol@example.test',
      subject: 'Hello',
      text: 'plain part',
      html: '<p>html part</p>',
      messageId: '<one@localhost>',
    })
    mailer.close()
    expect(path.dirname(where)).toBe(outbox)
    const eml = fs.readFileSync(where, 'utf8')
    expect(eml).toMatch(/^From: Quorum <no-reply@localhost>$/m)
    expect(eml).toMatch(/^Message-ID: <one@localhost>$/m)
    expect(eml).toContain('plain part')
    fs.rmSync(outbox, { recursive: true, force: true })
  })
})

function site() {
  return { name: 'Quorum', baseUrl: 'https://forum.quorum.test' }
}
