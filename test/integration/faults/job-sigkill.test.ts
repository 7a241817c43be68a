/**
 * A job survives its process being killed (SIGKILL) mid-run, and is done exactly once from the
 * reader's point of view (issue 21). A real server process runs its job runner against a real SMTP
 * server; the lease is 2 s so the test need not wait a minute, and every process has the same
 * PUBLIC_URL, as the processes of one forum do.
 *
 * 1. The SMTP server never answers the message: the process is killed while sending. A second process
 *    takes the job over when the lease ends and delivers it: one message arrives.
 * 2. The SMTP server accepts the message, but the process is stopped before it can record the job as
 *    done, then killed. The second process sends it again; both copies carry the same Message-ID, so a
 *    mail program shows one message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listJobs } from '../../../src/domain/jobs/index.js'
import { enqueueMail } from '../../../src/domain/mail/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { startSmtp, type TestSmtp } from '../../support/smtp.js'
import {
  serverDatabase,
  startServer,
  type ServerDatabase,
  type ServerProcess,
} from './support/server-process.js'

const WAIT = { timeout: 20_000, interval: 50 }

describe.runIf(process.platform === 'linux').each(DIALECTS)(
  '%s: a job whose process is killed',
  (dialect) => {
    let database: ServerDatabase
    let smtp: TestSmtp
    const servers: ServerProcess[] = []

    beforeAll(async () => {
      database = await serverDatabase(dialect)
      smtp = await startSmtp()
    }, 60_000)
    afterAll(async () => {
      for (const s of servers) await s.stop()
      await smtp?.close()
      await database?.dispose()
    })

    const serve = async () => {
      const server = await startServer(database.url, {
        SMTP_URL: smtp.url,
        JOBS_LEASE_SECONDS: '2',
        PUBLIC_URL: 'https://forum.quorum.test',
        LOG_LEVEL: 'info',
      })
      servers.push(server)
      return server
    }
    const kill = async (server: ServerProcess) => {
      const exited = new Promise((resolve) => server.child.once('exit', resolve))
      server.child.kill('SIGKILL')
      await exited
    }
    const jobOf = async (key: string) =>
      (await listJobs(database.handle.db, { limit: 50 })).find((j) => j.key === `mail:${key}`)
    const queue = (key: string) =>
      enqueueMail(database.handle.db, key, {
        to: 'dana@example.test',
        template: {
          name: 'password-reset',
          username: 'dana',
          link: `/password/reset?token=${key}`,
          expiresInMinutes: 60,
        },
      })

    it('is taken over and delivered once after its process dies while sending', async () => {
      smtp.answers.push('hang')
      await queue('killed-while-sending')
      const first = await serve()
      await vi.waitUntil(() => smtp.arrived() >= 1, WAIT)
      await kill(first)
      expect(await jobOf('killed-while-sending')).toMatchObject({ state: 'running', attempts: 1 })
      expect(smtp.received).toHaveLength(0)

      const second = await serve()
      await smtp.waitFor(1)
      await vi.waitUntil(async () => (await jobOf('killed-while-sending'))?.state === 'done', WAIT)
      expect(await jobOf('killed-while-sending')).toMatchObject({ state: 'done', attempts: 2 })
      expect(smtp.received).toHaveLength(1)
      expect(smtp.received[0]?.text).toContain('/password/reset?token=killed-while-sending')
      await second.stop()
    }, 90_000)

    it('sends the same message again, with the same Message-ID, when killed after sending', async () => {
      const before = smtp.received.length
      // The SMTP server stops the sending process (SIGSTOP) as it takes the message.
      const sender: { process?: ServerProcess } = {}
      smtp.answers.push({ acceptAfter: () => sender.process?.child.kill('SIGSTOP') })
      await queue('killed-after-sending')
      const victim = (sender.process = await serve())
      await smtp.waitFor(before + 1)
      await kill(victim) // stopped since the server took the message: it never recorded it as done
      expect(await jobOf('killed-after-sending')).toMatchObject({ state: 'running', attempts: 1 })

      const heir = await serve()
      await smtp.waitFor(before + 2)
      await vi.waitUntil(async () => (await jobOf('killed-after-sending'))?.state === 'done', WAIT)
      const [a, b] = smtp.received.slice(before)
      expect(a?.messageId).toBeTruthy()
      expect(b?.messageId).toBe(a?.messageId)
      expect(b?.subject).toBe(a?.subject)
      expect(b?.text).toBe(a?.text)
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length - 1)
      await heir.stop()
    }, 90_000)
  },
)
