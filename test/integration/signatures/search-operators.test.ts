/**
 * The search operators over signatures, on each database: each narrows results to the threads that carry the
 * signature, whatever spelling the post used, alone or with words.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { searchThreads } from '../../../src/domain/search/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'
import { translateMessage } from '../../../src/i18n/index.js'

describe.each(DIALECTS)('%s: signature search operators', (dialect) => {
  const t = useTestDb(dialect)
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    ids.dtruss = await make.thread(t.db, {
      title: 'Installer probes for a missing plist',
      body: 'dtruss shows `open("/Library/Acme/a.plist\\0", 0x0, 0x0) = -1 Err#2` on macOS 26.1 (25B78).',
    })
    ids.named = await make.thread(t.db, {
      title: 'stat fails with ENOENT on our volume',
      body: 'stat() returns ENOENT in vnop_lookup right after create, on Sequoia 15.6.1. Filed FB12345678.',
    })
    ids.iokit = await make.thread(t.db, {
      title: 'IOServiceOpen refused from the app',
      body: 'It returns 0xe00002e2 on macOS 26.0.1 (25A362).',
    })
    ids.panic = await make.thread(t.db, {
      title: 'Overlay panics in APFS',
      body: '```\npanic(cpu 4 caller 0xfffffe002c1f88a4): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435\n```',
    })
  })

  const found = async (q: string) => {
    const results = await searchThreads(t.db, dialect, { q })
    return results.hits.map((h) => h.id).sort((a, b) => a - b)
  }
  const sorted = (...list: (number | undefined)[]) => list.map(Number).sort((a, b) => a - b)

  it('errno: matches every spelling of an error', async () => {
    expect(await found('errno:ENOENT')).toEqual(sorted(ids.dtruss, ids.named))
    expect(await found('errno:Err#2')).toEqual(sorted(ids.dtruss, ids.named))
    expect(await found('errno:2')).toEqual(sorted(ids.dtruss, ids.named))
    expect(await found('errno:"no such file or directory"')).toEqual(sorted(ids.dtruss, ids.named))
    expect(await found('errno:0xe00002e2')).toEqual(sorted(ids.iokit))
    expect(await found('errno:kIOReturnNotPermitted')).toEqual(sorted(ids.iokit))
  })

  it('os: and build: match releases, by version prefix or exact build', async () => {
    expect(await found('os:"macOS 26"')).toEqual(sorted(ids.dtruss, ids.iokit))
    expect(await found('os:"macOS 26.1"')).toEqual(sorted(ids.dtruss))
    expect(await found('os:Sequoia')).toEqual(sorted(ids.named))
    expect(await found('build:25B78')).toEqual(sorted(ids.dtruss))
    expect(await found('build:25b78')).toEqual(sorted(ids.dtruss))
  })

  it('sym:, fb: and crash: match symbols, bug reports and crash fingerprints', async () => {
    expect(await found('sym:vnop_lookup')).toEqual(sorted(ids.named))
    expect(await found('sym:apfs_io_lock_exclusive')).toEqual(sorted(ids.panic))
    expect(await found('fb:FB12345678')).toEqual(sorted(ids.named))
    const crash = await t.db
      .selectFrom('thread_signatures')
      .select('key')
      .where('kind', '=', 'crash')
      .where('thread_id', '=', ids.panic ?? 0)
      .executeTakeFirstOrThrow()
    expect(await found(`crash:${crash.key}`)).toEqual(sorted(ids.panic))
  })

  it('combines with words and other operators', async () => {
    expect(await found('errno:ENOENT installer')).toEqual(sorted(ids.dtruss))
    expect(await found('errno:ENOENT os:Sequoia')).toEqual(sorted(ids.named))
  })

  it('searches a value it cannot read as text, and says so', async () => {
    const results = await searchThreads(t.db, dialect, { q: 'errno:EBOGUS' })
    expect(results.query.notices.map((n) => translateMessage('en', n)).join(' ')).toContain(
      'errno: takes an error',
    )
  })
})
