/**
 * Addresses refused at sign-up (an email, an email domain, an IP address or a CIDR range), set by
 * "delete the spammer" at /review and by admins. Matching a range uses ipaddr.js (IPv4, IPv6 and
 * IPv4-mapped IPv6 alike). Adding and removing a block is written to the staff log.
 */
import ipaddr from 'ipaddr.js'
import type { Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { fail, msg, ok, type Result } from '../shared/index.js'

export type SignUpBlockKind = 'email' | 'email-domain' | 'ip' | 'ip-range'

export interface SignUpBlock {
  id: number
  kind: SignUpBlockKind
  value: string
  reason: string | null
  createdAt: number
}

const parseIp = (value: string) => {
  const ip = ipaddr.parse(value)
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip
}

/** The block's value in its one stored form, or why it is not one. */
export function normalizeBlock(kind: SignUpBlockKind, raw: string): Result<string> {
  const value = raw.trim().toLowerCase()
  switch (kind) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254
        ? ok(value)
        : fail.invalid('value', msg('Enter a whole email address, such as name@example.com.'))
    case 'email-domain': {
      const domain = value.replace(/^@/, '')
      return /^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(domain) && domain.length <= 253
        ? ok(domain)
        : fail.invalid('value', msg('Enter a domain, such as example.com.'))
    }
    case 'ip':
      return ipaddr.isValid(value)
        ? ok(parseIp(value).toString())
        : fail.invalid('value', msg('Enter an IP address, such as 203.0.113.7 or 2001:db8::1.'))
    case 'ip-range':
      try {
        const [ip, bits] = ipaddr.parseCIDR(value)
        return ok(`${ip.toString()}/${bits}`)
      } catch {
        return fail.invalid('value', msg('Enter a range in CIDR form, such as 203.0.113.0/24.'))
      }
  }
}

export async function addSignUpBlock(
  db: Executor,
  input: { kind: SignUpBlockKind; value: string; reason: string | null; actorId: number | null },
  now = Date.now(),
): Promise<Result<SignUpBlock>> {
  const normalized = normalizeBlock(input.kind, input.value)
  if (!normalized.ok) return normalized
  const value = normalized.value
  const existing = await db
    .selectFrom('sign_up_blocks')
    .select(['id', 'kind', 'value', 'reason', 'created_at as createdAt'])
    .where('kind', '=', input.kind)
    .where('value', '=', value)
    .executeTakeFirst()
  if (existing) return ok(existing)
  const row = await db
    .insertInto('sign_up_blocks')
    .values({
      kind: input.kind,
      value,
      reason: input.reason,
      created_by: input.actorId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'sign-up-block.add',
      targetType: 'sign-up-block',
      targetId: row.id,
      targetLabel: `${input.kind} ${value}`,
      reason: input.reason,
    },
    now,
  )
  return ok({ id: row.id, kind: input.kind, value, reason: input.reason, createdAt: now })
}

export async function removeSignUpBlock(
  db: Executor,
  input: { id: number; actorId: number },
  now = Date.now(),
): Promise<Result<null>> {
  const row = await db
    .selectFrom('sign_up_blocks')
    .select(['kind', 'value'])
    .where('id', '=', input.id)
    .executeTakeFirst()
  if (!row) return fail.notFound('block')
  await db.deleteFrom('sign_up_blocks').where('id', '=', input.id).execute()
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'sign-up-block.remove',
      targetType: 'sign-up-block',
      targetId: input.id,
      targetLabel: `${row.kind} ${row.value}`,
    },
    now,
  )
  return ok(null)
}

export async function listSignUpBlocks(db: Executor): Promise<SignUpBlock[]> {
  return db
    .selectFrom('sign_up_blocks')
    .select(['id', 'kind', 'value', 'reason', 'created_at as createdAt'])
    .orderBy('id', 'desc')
    .execute()
}

/** The block that refuses this address or IP, if any. */
export async function findSignUpBlock(
  db: Executor,
  input: { email: string | null; ip: string },
): Promise<SignUpBlock | undefined> {
  const email = input.email?.trim().toLowerCase() ?? null
  const domain = email?.split('@')[1] ?? null
  const ip = ipaddr.isValid(input.ip) ? parseIp(input.ip) : null
  const rows = await db
    .selectFrom('sign_up_blocks')
    .select(['id', 'kind', 'value', 'reason', 'created_at as createdAt'])
    .where((eb) =>
      eb.or([
        ...(email !== null ? [eb.and([eb('kind', '=', 'email'), eb('value', '=', email)])] : []),
        ...(domain !== null
          ? [eb.and([eb('kind', '=', 'email-domain'), eb('value', '=', domain)])]
          : []),
        ...(ip !== null ? [eb.and([eb('kind', '=', 'ip'), eb('value', '=', ip.toString())])] : []),
        eb('kind', '=', 'ip-range'),
      ]),
    )
    .execute()
  return rows.find((block) => {
    if (block.kind !== 'ip-range') return true
    if (ip === null) return false
    const [net, bits] = ipaddr.parseCIDR(block.value)
    return net.kind() === ip.kind() && ip.match(net, bits)
  })
}
