/**
 * Upload bodies cannot make the server hold memory (issue 28 finding 1). A real server process receives
 * many concurrent 20 MB multipart bodies that it must refuse: anonymous sign-ins, an ask form with a
 * wrong token, and an asker past their limit. Before the fix each body was read into memory before any
 * check (300 such requests took the server from 146 MB to 4.9 GB); now the refusals come before the
 * files, so the server's peak resident memory stays within a bound of its idle size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../../src/domain/users/index.js'
import { TEST_PASSWORD } from '../../support/agent.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { SocketClient } from './support/http-client.js'
import {
  memoryOf,
  serverDatabase,
  startServer,
  type ServerDatabase,
  type ServerProcess,
} from './support/server-process.js'

const MB = 1024 * 1024
/** Concurrent bodies of each kind; each carries five 4 MB files. */
const EACH = 30
/** Growth of the server's peak resident memory allowed over its size before the bodies. */
const BOUND = 120 * MB

describe.runIf(process.platform === 'linux').each(DIALECTS)(
  '%s: memory under refused uploads',
  (dialect) => {
    let database: ServerDatabase
    let server: ServerProcess

    beforeAll(async () => {
      database = await serverDatabase(dialect)
      await make.tag(database.handle.db, 'kernel', { name: 'Kernel' })
      for (const username of ['mem_wrong_token', 'mem_held'])
        await createAccount(database.handle.db, {
          username,
          email: `${username}@example.test`,
          password: TEST_PASSWORD,
          role: 'member',
          title: null,
          trustLevel: 'member', // established: the test is about memory, not new-account limits
        })
      server = await startServer(database.url)
    }, 90_000)
    afterAll(async () => {
      await server?.stop()
      await database?.dispose()
    })

    it('refuses 90 concurrent 20 MB bodies before reading their files, and stays within the bound', async () => {
      const wrongToken = new SocketClient(server.url)
      await wrongToken.signIn('mem_wrong_token', TEST_PASSWORD)
      const held = new SocketClient(server.url)
      await held.signIn('mem_held', TEST_PASSWORD)
      for (let i = 0; i < 10; i++) {
        const asked = await held.post('/ask', {
          title: `Question number ${i} about a kernel panic`,
          body: 'The machine panics at boot with a page fault.',
          tags: 'kernel',
        })
        expect(asked.status).toBe(303)
      }
      await held.get('/ask')
      const anonymous = new SocketClient(server.url)
      const question = {
        title: 'A crash log too large to paste',
        body: 'Attached.',
        tags: 'kernel',
      }
      const before = memoryOf(server.child.pid ?? 0)

      const answers = await Promise.all([
        ...Array.from({ length: EACH }, () =>
          anonymous.sendLargeForm('/login', { login: 'x', password: 'y' }, 5, 4 * MB),
        ),
        ...Array.from({ length: EACH }, () =>
          wrongToken.sendLargeForm('/ask', { _csrf: 'forged', ...question }, 5, 4 * MB),
        ),
        ...Array.from({ length: EACH }, () =>
          held.sendLargeForm('/ask', { _csrf: held.token, ...question }, 5, 4 * MB),
        ),
      ])

      const after = memoryOf(server.child.pid ?? 0)
      // A multipart body where no route takes one is refused unread; Node then closes the connection,
      // and the client may see the reset before the 415.
      for (const answer of answers.slice(0, EACH)) expect([415, 'reset']).toContain(answer)
      expect(answers.slice(EACH, 2 * EACH)).toEqual(Array(EACH).fill(403))
      expect(answers.slice(2 * EACH)).toEqual(Array(EACH).fill(429))
      expect(after.peak - before.rss).toBeLessThan(BOUND)
      // Still serving.
      expect((await anonymous.get('/')).status).toBe(200)
    }, 120_000)
  },
)
