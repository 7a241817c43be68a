/**
 * inTransaction: a write of several steps commits whole, rolls back when a step returns a failure
 * (nothing half-done), and rethrows what a step throws.
 */
import { describe, expect, it } from 'vitest'
import { fail, inTransaction, ok } from '../../../src/domain/shared/index.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: inTransaction', (dialect) => {
  const t = useTestDb(dialect)

  const tagNamed = async (slug: string) =>
    t.db.selectFrom('tags').select('slug').where('slug', '=', slug).executeTakeFirst()
  const rename =
    (from: string, to: string) =>
    async (trx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => {
      await trx.updateTable('tags').set({ slug: to }).where('slug', '=', from).execute()
      return ok(to)
    }

  it('commits what the steps wrote when they succeed', async () => {
    await make.tag(t.db, 'tx-commit')
    expect(await inTransaction(t.db, rename('tx-commit', 'tx-committed'))).toEqual(
      ok('tx-committed'),
    )
    expect(await tagNamed('tx-committed')).toBeDefined()
  })

  it('rolls back every step when one returns a failure, and returns that failure', async () => {
    await make.tag(t.db, 'tx-refused')
    const result = await inTransaction(t.db, async (trx) => {
      await rename('tx-refused', 'tx-half-done')(trx)
      return fail.conflict('the second step was refused')
    })
    expect(result).toEqual(fail.conflict('the second step was refused'))
    expect(await tagNamed('tx-half-done')).toBeUndefined()
    expect(await tagNamed('tx-refused')).toBeDefined()
  })

  it('rolls back and rethrows what a step throws', async () => {
    await make.tag(t.db, 'tx-thrown')
    await expect(
      inTransaction(t.db, async (trx) => {
        await rename('tx-thrown', 'tx-gone')(trx)
        throw new Error('disk on fire')
      }),
    ).rejects.toThrow('disk on fire')
    expect(await tagNamed('tx-gone')).toBeUndefined()
  })
})
