/**
 * "Redact before posting" in Chromium: on the ask form, a pasted log's user names, serial number, UDID,
 * email address and host name are found in the browser (no request is made), the chosen ones are replaced
 * in the question, and the question posted is the text as it then stands.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

const BODY = `The agent cannot open its state file:

Path:                  /Users/okafor/Library/Tidewater/agent
Serial Number (system): C02ZK9QXMD6T
Hardware UUID: 7E6D5C4B-3A29-4180-9F7E-6D5C4B3A2918
okafor@Ngozi-MacBook-Air ~ % ls /Users/okafor/Library/Tidewater
Reach me at ngozi.okafor@tidewater.org.`

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: redact before posting', (dialect) => {
  let server: E2eServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(async () => server?.close())

  it('finds personal details in the browser and replaces the chosen ones', async () => {
    const context = await newContext(browser, server.origin)
    await context.addCookies([
      {
        name: server.app.sessionCookieName,
        value: server.known.member.sessionToken,
        url: server.origin,
      },
    ])
    const page = await context.newPage()
    await page.goto('/ask')
    await page.locator('#ask-title').fill('Agent cannot open its state file after migration')
    await page.locator('#ask-body').fill(BODY)
    await page.locator('#ask-tags').fill('kernel')

    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.getByRole('button', { name: 'Check for personal details' }).click()
    const items = page.locator('.redact-item')
    await expect.poll(() => items.count()).toBe(5)
    const listed = await items.allTextContents()
    expect(listed.join('\n')).toContain('user name okafor (3 times) → USER')
    expect(listed.join('\n')).toContain('serial number C02ZK9QXMD6T')
    expect(listed.join('\n')).toContain('email address ngozi.okafor@tidewater.org')
    // Looking is done here: nothing about the text went to the server. The composer's own features that
    // read what is typed (the similar-questions list, the preview a pause in typing asks for) may still
    // be answering the fills above on a busy machine; they are not the check.
    const composer = ['/ask/similar', '/preview']
    expect(requests.filter((u) => !composer.some((path) => u.includes(path)))).toEqual([])

    // Keep the host name; replace the rest.
    await items.filter({ hasText: 'Ngozi-MacBook-Air' }).locator('input').uncheck()
    await page.getByRole('button', { name: 'Replace the chosen details' }).click()
    const body = await page.locator('#ask-body').inputValue()
    expect(body).toContain('Path:                  /Users/USER/Library/Tidewater/agent')
    expect(body).toContain('Serial Number (system): SERIAL')
    expect(body).toContain('Hardware UUID: UDID')
    expect(body).toContain('USER@Ngozi-MacBook-Air ~ % ls /Users/USER/Library/Tidewater')
    expect(body).toContain('Reach me at user@example.com.')
    expect(body).not.toMatch(/okafor|C02ZK9QXMD6T|7E6D5C4B/)
    await expect.poll(() => items.count()).toBe(1)
    await screenshot(page, `redact-${dialect}`)

    // What is posted is the text as it stands; the server stores it as sent.
    await Promise.all([
      page.waitForURL((url) => /^\/threads\/\d+/.test(url.pathname)),
      page.getByRole('button', { name: 'Post question' }).click(),
    ])
    const stored = await server.db
      .selectFrom('posts')
      .select('body_markdown')
      .where('kind', '=', 'question')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    expect(stored.body_markdown.replace(/\r\n/g, '\n')).toBe(body)
    expect(context.foreignRequests).toEqual([])
    await context.close()
  })
})
