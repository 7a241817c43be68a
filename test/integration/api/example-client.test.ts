/**
 * The example client (examples/ask-and-poll.mjs) against a real server on 127.0.0.1, on both databases:
 * it asks with a crash log using a token from its environment and polls; once it has said which thread
 * it asked, a reply is posted through the domain, and the script must print that reply and exit 0.
 * The polls are bounded (QUORUM_POLLS), so a broken client fails the test instead of hanging it.
 */
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import { postReply } from '../../../src/domain/posts/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { createAccount } from '../../../src/domain/users/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

const SCRIPT = fileURLToPath(new URL('../../../examples/ask-and-poll.mjs', import.meta.url))

describe.each(DIALECTS)('%s: the example API client', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let url = ''

  async function person(username: string): Promise<Viewer> {
    const made = await createAccount(t.db, {
      username,
      email: `${username}@example.test`,
      password: 'correct horse battery staple 7',
      role: 'member',
      title: null,
      trustLevel: 'member',
    })
    if (!made.ok) throw new Error(`no account ${username}`)
    return {
      id: made.value.id,
      username,
      title: null,
      role: 'member',
      trustLevel: 'member',
      silencedUntil: null,
    }
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await app.listen({ host: '127.0.0.1', port: 0 })
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    await make.tag(t.db, 'example-kernel')
  })
  afterAll(async () => app?.close())

  it('asks with a crash log, polls, prints the reply and exits 0', async () => {
    const asker = await person('example_ci')
    const helper = await person('example_helper')
    const made = await createToken(t.db, asker, {
      name: 'CI',
      scopes: ['read', 'write'],
      lifetime: '7',
    })
    if (!made.ok) throw new Error('token refused')

    const child = spawn(process.execPath, [SCRIPT], {
      env: {
        PATH: process.env.PATH ?? '',
        QUORUM_URL: url,
        QUORUM_TOKEN: made.value.token,
        QUORUM_TAG: 'example-kernel',
        QUORUM_POLLS: '400',
        QUORUM_POLL_SECONDS: '0.05',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    // The thread it asked, once it says so.
    const threadId = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const asked = /^asked: thread (\d+) /m.exec(stdout)
        if (asked) resolve(Number(asked[1]))
      })
      void exited.then(() => reject(new Error(`exited before asking: ${stdout}${stderr}`)))
    })

    const thread = await t.db
      .selectFrom('threads')
      .select(['title', 'author_id'])
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow()
    expect(thread).toEqual({
      title: 'Kernel panic in vnode_put after a forced unmount',
      author_id: asker.id,
    })
    const replied = await postReply(t.db, helper, {
      threadId,
      body: 'Unmount with `-f` only after `lsof +D` shows nothing holding the vnode.',
    })
    expect(replied.ok).toBe(true)

    expect(await exited, stderr).toBe(0)
    expect(stdout).toContain(
      'by example_helper: Unmount with -f only after lsof +D shows nothing holding the vnode.',
    )
  })

  it('says so and exits 1 when the token is refused', async () => {
    const child = spawn(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH ?? '', QUORUM_URL: url, QUORUM_TOKEN: 'qrm_not-a-real-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(1)
    expect(stderr).toContain('401 unauthenticated')
  })
})
