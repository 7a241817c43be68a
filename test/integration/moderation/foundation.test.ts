/**
 * The moderation kernel every moderation feature writes through: the append-only staff log, site
 * settings with their bounds, a person's standing (silence, suspension, trust level), sign-up blocks
 * (addresses, domains, IPs, CIDR ranges) and holding a post for review.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listAuditActions, listAuditEntries } from '../../../src/domain/audit-log/index.js'
import { holdForReview, unhidePost } from '../../../src/domain/review/index.js'
import { createSession, findSessionViewer } from '../../../src/domain/sessions/index.js'
import { SiteSettingsStore, defaultSettings } from '../../../src/domain/site-settings/index.js'
import {
  addSignUpBlock,
  checkLogin,
  createAccount,
  findSignUpBlock,
  findStanding,
  listSignUpBlocks,
  normalizeBlock,
  removeSignUpBlock,
  setTrustLevel,
  silenceMessage,
  silenceUser,
  suspendUser,
} from '../../../src/domain/users/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'
import { failureMessage } from '../../../src/http/failure.js'
import { translateMessage } from '../../../src/i18n/index.js'

const PASSWORD = 'correct horse battery staple 42'

describe('the staff log is append-only', () => {
  it('no source file updates or deletes audit_log rows', async () => {
    const root = path.resolve('src')
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'))
    const offenders: string[] = []
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8')
      if (/(updateTable|deleteFrom)\(\s*'audit_log/.test(text)) offenders.push(file)
      if (/(update|delete\s+from)\s+audit_log/i.test(text)) offenders.push(file)
    }
    expect(offenders).toEqual([])
    expect(files.length).toBeGreaterThan(100)
  })
})

describe.each(DIALECTS)('%s: moderation kernel', (dialect) => {
  const t = useTestDb(dialect)

  async function member(username: string, role: 'member' | 'moderator' = 'member') {
    const made = await createAccount(t.db, {
      username,
      email: `${username}@example.test`,
      password: PASSWORD,
      role,
      title: null,
    })
    if (!made.ok) throw new Error(made.failure.code)
    return made.value.id
  }

  it('settings: defaults, bounds refused field by field, changes logged with before and after', async () => {
    const admin = await member('settings_admin', 'moderator')
    const store = new SiteSettingsStore(t.db, 0)
    expect(await store.get()).toEqual(defaultSettings())
    const refused = await store.save(
      { flagsToHide: '0', siteName: ' ', registration: 'sometimes' },
      admin,
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(Object.keys(refused.errors).sort()).toEqual([
        'flagsToHide',
        'registration',
        'siteName',
      ])
    expect((await store.get()).flagsToHide).toBe(3)
    const saved = await store.save({ flagsToHide: '5', siteName: 'Kernel Q&A' }, admin, 1_000)
    expect(saved.ok).toBe(true)
    expect(await new SiteSettingsStore(t.db).get()).toMatchObject({
      flagsToHide: 5,
      siteName: 'Kernel Q&A',
    })
    const log = await listAuditEntries(t.db, { action: 'setting.change' })
    expect(log.map((e) => [e.targetLabel, e.before, e.after]).sort()).toEqual([
      ['flagsToHide', 3, 5],
      ['siteName', 'Quorum', 'Kernel Q&A'],
    ])
    expect(log[0]?.actor?.username).toBe('settings_admin')
  })

  it('silence and suspension: the person is told why; suspension ends sessions and refuses sign-in', async () => {
    const mod = await member('standing_mod', 'moderator')
    const id = await member('standing_member')
    const token = await createSession(t.db, id)
    const refused = await silenceUser(t.db, { userId: id, days: 3, reason: ' ', actorId: mod })
    expect(refused.ok ? null : refused.failure).toMatchObject({ field: 'reason' })
    const silenced = await silenceUser(t.db, {
      userId: id,
      days: 3,
      reason: 'Posting ads',
      actorId: mod,
    })
    expect(silenced.ok && silenced.value.silencedUntil).toBeGreaterThan(Date.now())
    const viewer = await findSessionViewer(t.db, token)
    expect(viewer?.viewer.silencedUntil).toBeGreaterThan(Date.now())
    expect(translateMessage('en', silenceMessage(86_400_000, 'Posting ads'))).toBe(
      'Your account cannot post until 1970-01-02: Posting ads',
    )
    await suspendUser(t.db, { userId: id, days: 7, reason: 'Spam links', actorId: mod })
    expect(await findSessionViewer(t.db, token)).toBeUndefined()
    const login = await checkLogin(t.db, {
      login: 'standing_member',
      password: PASSWORD,
      ip: '10.9.9.9',
    })
    expect(login.ok ? null : login.failure).toMatchObject({ code: 'forbidden' })
    if (!login.ok && login.failure.code === 'forbidden')
      expect(failureMessage(login.failure, 'en')).toMatch(
        /^This account is suspended until \d{4}-\d\d-\d\d: Spam links$/,
      )
    await suspendUser(t.db, { userId: id, days: 0, reason: '', actorId: mod })
    expect(
      (await checkLogin(t.db, { login: 'standing_member', password: PASSWORD, ip: '10.9.9.9' })).ok,
    ).toBe(true)
    const staff = await suspendUser(t.db, { userId: mod, days: 1, reason: 'no', actorId: mod })
    expect(staff.ok).toBe(false)
    const actions = (await listAuditEntries(t.db, { targetType: 'user', targetId: id })).map(
      (e) => e.action,
    )
    expect(actions).toEqual(['user.unsuspend', 'user.suspend', 'user.silence'])
  })

  it('trust level: staff sets it and automatic promotion leaves it alone', async () => {
    const mod = await member('trust_mod', 'moderator')
    const id = await member('trust_member')
    expect((await findStanding(t.db, id))?.trustLevel).toBe('new')
    await setTrustLevel(t.db, { userId: id, level: 'member', actorId: null })
    expect((await findStanding(t.db, id))?.trustLevel).toBe('member')
    await setTrustLevel(t.db, { userId: id, level: 'new', actorId: mod, reason: 'Watch them' })
    await setTrustLevel(t.db, { userId: id, level: 'trusted', actorId: null })
    expect(await findStanding(t.db, id)).toMatchObject({
      trustLevel: 'new',
      trustLevelLocked: true,
    })
    expect(await listAuditActions(t.db)).toContain('user.trust-level')
  })

  it('sign-up blocks: an address, a domain, an IP and a range, normalised, each matched', async () => {
    expect(normalizeBlock('ip-range', 'not a range').ok).toBe(false)
    expect(normalizeBlock('email-domain', '@Spam.Example').ok && 'ok').toBe('ok')
    const made = await addSignUpBlock(t.db, {
      kind: 'email',
      value: ' Spammer@Example.test ',
      reason: 'spam',
      actorId: null,
    })
    expect(made.ok && made.value.value).toBe('spammer@example.test')
    await addSignUpBlock(t.db, {
      kind: 'email-domain',
      value: 'junk.example',
      reason: null,
      actorId: null,
    })
    await addSignUpBlock(t.db, {
      kind: 'ip',
      value: '::ffff:198.51.100.7',
      reason: null,
      actorId: null,
    })
    await addSignUpBlock(t.db, {
      kind: 'ip-range',
      value: '203.0.113.0/24',
      reason: null,
      actorId: null,
    })
    const found = (email: string | null, ip: string) =>
      findSignUpBlock(t.db, { email, ip }).then((b) => b?.kind)
    expect(await found('SPAMMER@example.test', '10.0.0.1')).toBe('email')
    expect(await found('anyone@junk.example', '10.0.0.1')).toBe('email-domain')
    expect(await found('a@b.example', '198.51.100.7')).toBe('ip')
    expect(await found(null, '203.0.113.200')).toBe('ip-range')
    expect(await found(null, '::ffff:203.0.113.9')).toBe('ip-range')
    expect(await found('fine@example.test', '203.0.114.1')).toBeUndefined()
    const blocks = await listSignUpBlocks(t.db)
    expect(blocks).toHaveLength(4)
    const range = blocks.find((b) => b.kind === 'ip-range')
    if (!range) throw new Error('no range')
    await removeSignUpBlock(t.db, { id: range.id, actorId: 1 })
    expect(await found(null, '203.0.113.200')).toBeUndefined()
  })

  it('holding a question hides it and its thread, opens one review item, and logs it', async () => {
    const threadId = await make.thread(t.db, { author: 'held_asker' })
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await holdForReview(t.db, { postId: question.id, kind: 'approval', note: 'First posts wait.' })
    await holdForReview(t.db, { postId: question.id, kind: 'approval', note: 'First posts wait.' })
    const thread = await t.db
      .selectFrom('threads')
      .select(['hidden_reason'])
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow()
    expect(thread.hidden_reason).toBe('approval')
    const items = await t.db
      .selectFrom('review_items')
      .select(['kind', 'status'])
      .where('post_id', '=', question.id)
      .execute()
    expect(items).toEqual([{ kind: 'approval', status: 'pending' }])
    await unhidePost(t.db, { postId: question.id, actorId: null })
    const shown = await t.db
      .selectFrom('threads')
      .select(['hidden_at'])
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow()
    expect(shown.hidden_at).toBeNull()
    const log = await listAuditEntries(t.db, { targetType: 'post', targetId: question.id })
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['post.unhide', null],
      ['post.hide', null],
      ['post.hide', null],
    ])
  })
})
