/**
 * Flags and review in Chromium: a new account posts spam, two members flag it (flagsToHide is 2), it
 * is hidden from readers, and a moderator deletes the spammer from /review. The staff log holds each
 * step, and the spammer's address is refused for new sign-ups.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listAuditEntries } from '../../src/domain/audit-log/index.js'
import { createAccount, findSignUpBlock } from '../../src/domain/users/index.js'
import { DIALECTS } from '../support/dialects.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { signIn } from './support/members.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

const PASSWORD = 'a long enough test passphrase'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: flag spam, hide it, delete the spammer', (dialect) => {
  let server: E2eServer
  beforeAll(async () => {
    server = await startServer(dialect, {
      demo: false,
      seed: async (db) => {
        for (const [username, role] of [
          ['spam_seller', 'member'],
          ['flagger_one', 'member'],
          ['flagger_two', 'member'],
          ['mod_maria', 'moderator'],
        ] as const) {
          const made = await createAccount(db, {
            username,
            email: `${username}@example.test`,
            password: PASSWORD,
            role,
            title: null,
            // The spammer is a new account; the flaggers are established members.
            trustLevel: username === 'spam_seller' ? 'new' : 'member',
          })
          if (!made.ok) throw new Error(`could not make ${username}`)
        }
      },
    })
    const admin = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', server.known.admin.username)
      .executeTakeFirstOrThrow()
    // Two flags hide a post; a new account's first posts are published (not held) so the community
    // meets the spam, as it does on a forum that turned approval off.
    await server.app.siteSettings.save({ flagsToHide: 2, newAccountApprovalPosts: 0 }, admin.id)
  })
  afterAll(async () => server?.close())

  const pageFor = async (username: string): Promise<Page> => {
    const page = await (await newContext(browser, server.origin)).newPage()
    await signIn(page, username, PASSWORD)
    return page
  }

  const flagAsSpam = async (username: string, postId: number) => {
    const page = await pageFor(username)
    await page.goto(server.known.open.path)
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/posts/${postId}/flag`),
      page.locator(`#post-${postId} a[href="/posts/${postId}/flag"]`).click(),
    ])
    await page.getByLabel('Spam').check()
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/threads/')),
      page.getByRole('button', { name: 'Flag post' }).click(),
    ])
    await page.context().close()
  }

  it('walks from spam to a deleted spammer', async () => {
    const shot = (page: Page, step: string) => screenshot(page, `moderation-${dialect}-${step}`)
    const spammer = await pageFor('spam_seller')
    await spammer.goto(server.known.open.path)
    await spammer.locator('#reply-body').fill('Cheap licences at licences.example.test, buy now!')
    await spammer.getByRole('button', { name: 'Post reply' }).click()
    // The reply island posts it in place (or, without JavaScript, the page reloads): wait for the row.
    const findPost = () =>
      server.db
        .selectFrom('posts as p')
        .innerJoin('users as u', 'u.id', 'p.author_id')
        .select('p.id')
        .where('u.username', '=', 'spam_seller')
        .executeTakeFirst()
    await expect.poll(async () => (await findPost())?.id ?? 0).toBeGreaterThan(0)
    const postId = (await findPost())?.id ?? 0
    expect(postId).toBeGreaterThan(0)

    await flagAsSpam('flagger_one', postId)
    await flagAsSpam('flagger_two', postId)

    const reader = await (await newContext(browser, server.origin)).newPage()
    await reader.goto(server.known.open.path)
    expect(await reader.locator(`#post-${postId}`).textContent()).toContain(
      'This post is hidden: flagged by the community.',
    )
    expect(await reader.content()).not.toContain('licences.example.test')
    await shot(reader, '1-hidden')

    const mod = await pageFor('mod_maria')
    await mod.goto('/review')
    expect(await mod.locator('.review-link').textContent()).toContain('Review (1)')
    const item = mod.locator('.review-item').first()
    expect(await item.textContent()).toContain('spam_seller')
    expect(await item.textContent()).toContain('flagger_two')
    await shot(mod, '2-review')
    await Promise.all([
      mod.waitForURL((url) => url.pathname.endsWith('/spammer')),
      item.getByRole('link', { name: 'Delete the spammer…' }).click(),
    ])
    await Promise.all([
      mod.waitForURL((url) => url.pathname === '/review'),
      mod.getByRole('button', { name: /Delete spam_seller’s posts/ }).click(),
    ])
    expect(await mod.locator('.lede').textContent()).toContain('Nothing is waiting')

    // The staff log shows every step, automatic ones included, on its page.
    await mod.goto('/admin/log')
    const logged = await mod.locator('.admin-log tbody').textContent()
    for (const action of ['post.hide', 'user.suspend', 'sign-up-block.add', 'user.delete-spammer'])
      expect(logged).toContain(action)
    await shot(mod, '3-log')

    const actions = (await listAuditEntries(server.db, {})).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'post.hide',
        'user.suspend',
        'sign-up-block.add',
        'user.delete-spammer',
      ]),
    )
    expect(
      await findSignUpBlock(server.db, { email: 'spam_seller@example.test', ip: '198.51.100.7' }),
    ).toMatchObject({ kind: 'email', value: 'spam_seller@example.test' })
    const deleted = await server.db
      .selectFrom('posts')
      .select('deleted_at')
      .where('id', '=', postId)
      .executeTakeFirstOrThrow()
    expect(deleted.deleted_at).not.toBeNull()
  })
})
