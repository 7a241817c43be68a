/**
 * The `quorum` command end to end, in process: each call loads the config from the environment and
 * opens the database itself, exactly as bin/quorum.js does. PostgreSQL runs get a database of their own.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli.js'
import { enqueueMail } from '../../../src/domain/mail/index.js'
import { createDb, type DbHandle } from '../../../src/db/connect.js'
import { parseDatabaseUrl, type DatabaseConfig } from '../../../src/config.js'
import { DIALECTS, TEST_POSTGRES_URL } from '../../support/dialects.js'

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

describe.each(DIALECTS)('%s: the quorum command', (dialect) => {
  let url: string
  let cleanup: () => Promise<void>
  const output: string[] = []
  const run = async (...args: string[]) => {
    output.length = 0
    return main(args)
  }
  const withDb = async <T>(fn: (h: DbHandle) => Promise<T>) => {
    const handle = createDb(parseDatabaseUrl(url) as DatabaseConfig)
    try {
      return await fn(handle)
    } finally {
      await handle.close()
    }
  }

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-cli-'))
      url = `sqlite:${path.join(dir, 'forum.db')}`
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    } else {
      const name = `quorum_cli_${randomBytes(4).toString('hex')}`
      await admin(`create database ${name}`)
      url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`)
      cleanup = () => admin(`drop database if exists ${name} with (force)`)
    }
    vi.stubEnv('DATABASE_URL', url)
    vi.stubEnv('LOG_LEVEL', 'silent')
    const capture = (...parts: unknown[]) => void output.push(parts.join(' '))
    vi.spyOn(console, 'log').mockImplementation(capture)
    vi.spyOn(console, 'error').mockImplementation(capture)
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    await cleanup?.()
  })

  it('prints help and rejects unknown commands', async () => {
    expect(await run('--help')).toBe(0)
    expect(output.join('\n')).toMatch(/serve[\s\S]*migrate[\s\S]*seed[\s\S]*user/)
    expect(await run('frobnicate')).toBe(2)
    expect(await run('seed', '--help')).toBe(0)
    expect(output.join('\n')).toContain('quorum seed --demo')
  })

  it('stops with a clear message on a bad setting', async () => {
    vi.stubEnv('PORT', 'eighty')
    expect(await run('migrate')).toBe(2)
    expect(output.join('\n')).toContain('PORT')
    vi.stubEnv('PORT', '')
  })

  it('refuses a number of workers it cannot run, before serving', async () => {
    for (const bad of ['0', 'many', '257']) {
      expect(await run('serve', '--workers', bad)).toBe(2)
      expect(output.join('\n')).toContain(
        `--workers: "${bad}" must be auto or a whole number 1–256`,
      )
      expect(await run('start', '--workers', bad)).toBe(2)
    }
    vi.stubEnv('WORKERS', 'lots')
    expect(await run('serve')).toBe(2)
    expect(output.join('\n')).toContain('WORKERS: "lots"')
    vi.stubEnv('WORKERS', '')
  })

  it('migrates, then seeds the demo forum once', async () => {
    expect(await run('migrate')).toBe(0)
    expect(await run('migrate')).toBe(0)
    expect(output.join('\n')).toContain('up to date')
    expect(await run('seed', '--demo')).toBe(0)
    expect(await run('seed', '--demo')).toBe(1)
    const kernel = await withDb(({ db }) =>
      db
        .selectFrom('tags')
        .select('thread_count')
        .where('slug', '=', 'kernel')
        .executeTakeFirstOrThrow(),
    )
    expect(kernel.thread_count).toBeGreaterThanOrEqual(45)
  })

  it('lists jobs, runs a dead one again, and runs what is due', async () => {
    expect(await run('migrate')).toBe(0)
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-cli-outbox-'))
    vi.stubEnv('MAIL_OUTBOX', outbox)
    const id = await withDb(async ({ db }) => {
      await enqueueMail(db, 'cli-dead', {
        to: 'ops@example.test',
        template: { name: 'email-changed', username: 'ops', newAddressHint: 'o…@example.test' },
      })
      const row = await db
        .updateTable('jobs')
        .set({ state: 'dead', attempts: 8, last_error: 'SMTP said no' })
        .where('key', '=', 'mail:cli-dead')
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    expect(await run('jobs', 'list', '--state', 'dead')).toBe(0)
    expect(output.join('\n')).toMatch(/dead 1/)
    expect(output.join('\n')).toContain('SMTP said no')
    expect(await run('jobs', 'retry', '999999')).toBe(1)
    expect(await run('jobs', 'retry', String(id))).toBe(0)
    expect(await run('jobs', 'list')).toBe(0)
    expect(output.join('\n')).toMatch(/pending 1/)
    expect(await run('jobs', 'run-once')).toBe(0)
    expect(output.join('\n')).toContain('Ran 1 job(s).')
    const written = fs.readdirSync(outbox)
    expect(written).toHaveLength(1)
    expect(fs.readFileSync(path.join(outbox, written[0] ?? ''), 'utf8')).toContain(
      'ops@example.test',
    )
    expect(await run('jobs', 'list', '--state', 'nonsense')).toBe(2)
    vi.stubEnv('MAIL_OUTBOX', '')
    fs.rmSync(outbox, { recursive: true, force: true })
  })

  it('creates an admin with a title, and changes titles and roles', async () => {
    expect(
      await run(
        'user',
        'create',
        'cli_admin',
        '--email',
        'cli@example.test',
        '--password',
        'a long cli passphrase',
        '--admin',
        '--title',
        'Forum Lead',
      ),
    ).toBe(0)
    expect(await run('user', 'create', 'cli_admin', '--password', 'a long cli passphrase')).toBe(1)
    expect(await run('user', 'create', 'weak_one', '--password', 'password1')).toBe(1)
    expect(output.join('\n')).toContain('password')
    expect(await run('user', 'set-title', 'cli_admin', 'DTS Engineer')).toBe(0)
    expect(await run('user', 'set-role', 'cli_admin', 'moderator')).toBe(0)
    expect(await run('user', 'set-role', 'cli_admin', 'overlord')).toBe(2)
    expect(await run('user', 'set-title', 'nobody_here', 'x')).toBe(1)
    const row = await withDb(({ db }) =>
      db
        .selectFrom('users')
        .select(['role', 'title', 'password_hash'])
        .where('username_key', '=', 'cli_admin')
        .executeTakeFirstOrThrow(),
    )
    expect(row).toMatchObject({ role: 'moderator', title: 'DTS Engineer' })
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('imports JSON Lines, reporting a bad line by number and importing the rest', async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-import-')),
      'threads.jsonl',
    )
    const good = {
      title: 'Imported thread about vnode_put',
      tags: ['kernel', 'brand-new-tag'],
      author: 'importer_one',
      created_at: '2025-06-01T10:00:00Z',
      body: 'Body with `code`.',
      replies: [
        {
          author: 'importer_two',
          created_at: '2025-06-02T10:00:00Z',
          body: 'A reply.',
          accepted: true,
        },
      ],
    }
    fs.writeFileSync(
      file,
      [
        JSON.stringify(good),
        '{"title": "broken',
        JSON.stringify({ ...good, tags: [] }),
        JSON.stringify({ ...good, title: 'Second imported thread' }),
      ].join('\n'),
    )
    expect(await run('import', file)).toBe(1)
    const said = output.join('\n')
    expect(said).toMatch(/line 2 skipped/)
    expect(said).toMatch(/line 3 skipped: tags/)
    expect(said).toContain('Imported 2 thread(s); skipped 2 bad line(s).')
    const rows = await withDb(({ db }) =>
      db
        .selectFrom('threads')
        .select(['title', 'accepted_post_id'])
        .where('title', 'in', ['Imported thread about vnode_put', 'Second imported thread'])
        .execute(),
    )
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.accepted_post_id !== null)).toBe(true)
    expect(await run('import', '/no/such/file.jsonl')).toBe(1)
  })

  it('renders posts again from their Markdown, writing only those whose HTML changed', async () => {
    // The demo forum is seeded (above): every post's HTML is what the renderer makes today.
    expect(await run('posts', 'rerender')).toBe(0)
    expect(output.join('\n')).toMatch(/Rendered [\d,]+ post\(s\); 0 changed\./)
    // One post's HTML as an older renderer left it.
    const post = await withDb(({ db }) =>
      db.selectFrom('posts').select(['id', 'body_html']).orderBy('id').executeTakeFirstOrThrow(),
    )
    await withDb(({ db }) =>
      db
        .updateTable('posts')
        .set({ body_html: '<p>rendered by an older Quorum</p>' })
        .where('id', '=', post.id)
        .execute(),
    )
    expect(await run('posts', 'rerender')).toBe(0)
    expect(output.join('\n')).toMatch(/; 1 changed\./)
    const after = await withDb(({ db }) =>
      db
        .selectFrom('posts')
        .select(['body_html', 'edited_at'])
        .where('id', '=', post.id)
        .executeTakeFirstOrThrow(),
    )
    expect(after.body_html).toBe(post.body_html)
    expect(after.edited_at).toBeNull()
    expect(await run('posts', 'nonsense')).toBe(2)
  })
})
