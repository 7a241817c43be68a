/** Sessions in the domain: a sign-in sweeps out every expired session, and keeps the live ones. */
import { describe, expect, it } from 'vitest'
import {
  createSession,
  findSessionViewer,
  SESSION_TTL_MS,
} from '../../../src/domain/sessions/index.js'
import { createAccount } from '../../../src/domain/users/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: sessions', (dialect) => {
  const t = useTestDb(dialect)

  async function member(username: string): Promise<number> {
    const made = await createAccount(t.db, {
      username,
      email: null,
      password: 'correct horse battery staple 42',
      role: 'member',
      title: null,
    })
    if (!made.ok) throw new Error(made.failure.code)
    return made.value.id
  }

  const rowsOf = async (userId: number) =>
    (await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute())
      .length

  it('sweeps out expired sessions, anyone’s, when someone signs in', async () => {
    const old = await member('sweep_old')
    const recent = await member('sweep_recent')
    await createSession(t.db, old, 1_000)
    const live = await createSession(t.db, recent, SESSION_TTL_MS)
    expect(await rowsOf(old)).toBe(1)
    await createSession(t.db, recent, SESSION_TTL_MS + 1_000) // the first one expired at TTL + 1,000
    expect(await rowsOf(old)).toBe(0)
    expect(await rowsOf(recent)).toBe(2)
    expect(await findSessionViewer(t.db, live, SESSION_TTL_MS + 2_000)).toBeDefined()
  })
})
