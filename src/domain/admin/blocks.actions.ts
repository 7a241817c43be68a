/**
 * Sign-up blocks as admins add and remove them at /admin/blocks: the form's fields checked (kind,
 * value, reason), then the change and its staff-log line in one transaction.
 */
import type { Db } from '../../db/schema.js'
import { fail, msg, type Result } from '../shared/index.js'
import {
  addSignUpBlock,
  removeSignUpBlock,
  type SignUpBlock,
  type SignUpBlockKind,
} from '../users/index.js'

export const BLOCK_KINDS = [
  'email',
  'email-domain',
  'ip',
  'ip-range',
] as const satisfies readonly SignUpBlockKind[]
export const BLOCK_REASON_MAX = 500

export async function addBlock(
  db: Db,
  input: { kind: string; value: string; reason: string; actorId: number },
  now = Date.now(),
): Promise<Result<SignUpBlock>> {
  if (!(BLOCK_KINDS as readonly string[]).includes(input.kind))
    return fail.invalid('kind', msg('Choose what to block: {kinds}.'), {
      kinds: BLOCK_KINDS.join(', '),
    })
  const reason = input.reason.trim()
  if (reason.length > BLOCK_REASON_MAX)
    return fail.invalid('reason', msg('A reason is at most {blockReasonMax} characters.'), {
      blockReasonMax: BLOCK_REASON_MAX,
    })
  return db.transaction().execute((trx) =>
    addSignUpBlock(
      trx,
      {
        kind: input.kind as SignUpBlockKind,
        value: input.value,
        reason: reason === '' ? null : reason,
        actorId: input.actorId,
      },
      now,
    ),
  )
}

export function removeBlock(
  db: Db,
  input: { id: number; actorId: number },
  now = Date.now(),
): Promise<Result<null>> {
  return db.transaction().execute((trx) => removeSignUpBlock(trx, input, now))
}
