/**
 * Signing up and in through the pages, as a person does: the forms by their field ids, each step waiting
 * for the page the app answers with. Sign-up signs nobody in (its answer is the same whether the address
 * has an account), so a test that needs a member signs up, then signs in.
 */
import net from 'node:net'
import type { Page } from 'playwright-core'
import type { Db } from '../../../src/db/schema.js'
import { setTrustLevel } from '../../../src/domain/users/index.js'

/** Fills /register and waits for "check your email". */
export async function signUp(
  page: Page,
  username: string,
  password: string,
  email = `${username}@example.test`,
): Promise<void> {
  await page.goto('/register')
  await page.locator('#register-username').fill(username)
  await page.locator('#register-email').fill(email)
  await page.locator('#register-password').fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/register/check-email'),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])
}

/**
 * Makes a signed-up person an established member (as the daily promotion does after their first week),
 * for journeys about posting rather than about the new-account limits (docs/moderation.md).
 */
export async function establish(db: Db, username: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  await setTrustLevel(db, { userId: user.id, level: 'member', actorId: null })
}

/** Signs in with a password and waits for `landing` (home, or the second step's page). */
export async function signIn(
  page: Page,
  login: string,
  password: string,
  landing = '/',
): Promise<void> {
  await page.goto('/login')
  await page.locator('#login-name').fill(login)
  await page.locator('#login-password').fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname === landing),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ])
}

/** A TCP port free on 127.0.0.1 now, for a PUBLIC_URL that must be known before the server starts. */
export async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
