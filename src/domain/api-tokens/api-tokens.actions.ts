/**
 * Personal access tokens: made under /settings/tokens, shown once, kept as a SHA-256 hash (a token is
 * 256 random bits, so a fast hash is enough: nothing to guess), listed with their last use, revocable.
 * A request with `Authorization: Bearer <token>` acts as the owner, within the token's scopes and never
 * beyond the owner's role.
 */
import { randomBytes } from 'node:crypto'
import type { Executor } from '../../db/schema.js'
import { hashToken } from '../sessions/index.js'
import { fail, msg, isAdmin, isStaff, ok, type Result, type Viewer } from '../shared/index.js'
import {
  findTokenOwner,
  insertToken,
  listLiveTokens,
  revokeOwnToken,
  touchToken,
} from './api-tokens.queries.js'
import {
  API_SCOPES,
  TOKEN_LIFETIMES_DAYS,
  TOKEN_NAME_MAX,
  TOKENS_PER_PERSON,
  type ApiScope,
  type ApiTokenView,
} from './api-tokens.types.js'

const PREFIX = 'qrm_'
const DAY_MS = 86_400_000
/** The last use is recorded at most this often per token (like a session's last seen). */
const TOUCH_EVERY_MS = 60_000

/** The scopes the viewer's role allows, in order: what a session has and a token is cut to. */
export function scopesFor(viewer: Viewer): ApiScope[] {
  return API_SCOPES.filter((scope) => scopeFitsRole(viewer, scope))
}

/** Whether the viewer's role allows a scope at all (a member cannot hold `moderate`). */
function scopeFitsRole(viewer: Viewer, scope: ApiScope): boolean {
  if (scope === 'moderate') return isStaff(viewer)
  if (scope === 'admin') return isAdmin(viewer)
  return true
}

export interface NewTokenInput {
  name: string
  scopes: string[]
  /** One of TOKEN_LIFETIMES_DAYS, as the form sends it ('never' for null). */
  lifetime: string
}

export async function createToken(
  db: Executor,
  viewer: Viewer,
  input: NewTokenInput,
  now = Date.now(),
): Promise<Result<{ token: string; view: ApiTokenView }>> {
  const name = input.name.trim()
  if (name === '' || name.length > TOKEN_NAME_MAX)
    return fail.invalid(
      'name',
      msg('Name the token (1 to {tokenNameMax} characters), e.g. “CI bot”.'),
      { tokenNameMax: TOKEN_NAME_MAX },
    )
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s))
  if (scopes.length === 0 || scopes.length !== new Set(input.scopes).size)
    return fail.invalid('scopes', msg('Choose at least one scope: read, write, moderate or admin.'))
  const beyond = scopes.find((s) => !scopeFitsRole(viewer, s))
  if (beyond)
    return fail.invalid('scopes', msg('Your role cannot hold the “{beyond}” scope.'), { beyond })
  const days = TOKEN_LIFETIMES_DAYS.find((d) => String(d ?? 'never') === input.lifetime)
  if (days === undefined)
    return fail.invalid(
      'lifetime',
      msg('Choose how long the token lasts: 7, 30, 90 or 365 days, or never.'),
    )
  if ((await listLiveTokens(db, viewer.id, now)).length >= TOKENS_PER_PERSON)
    return fail.invalid(
      'name',
      msg('You have {tokensPerPerson} tokens already: revoke one you no longer use first.'),
      { tokensPerPerson: TOKENS_PER_PERSON },
    )
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const expiresAt = days === null ? null : now + days * DAY_MS
  const prefix = token.slice(0, PREFIX.length + 6)
  const id = await insertToken(db, {
    userId: viewer.id,
    name,
    tokenHash: hashToken(token),
    prefix,
    scopes,
    now,
    expiresAt,
  })
  return ok({
    token,
    view: {
      id,
      name,
      prefix,
      scopes,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      lastUsedIp: null,
    },
  })
}

export async function listTokens(db: Executor, viewer: Viewer, now = Date.now()) {
  return listLiveTokens(db, viewer.id, now)
}

/** Revokes one of the viewer's own tokens; another person's is `not_found`. */
export async function revokeToken(
  db: Executor,
  viewer: Viewer,
  tokenId: number,
  now = Date.now(),
): Promise<Result<null>> {
  return (await revokeOwnToken(db, viewer.id, tokenId, now)) ? ok(null) : fail.notFound('token')
}

export interface TokenAuth {
  viewer: Viewer
  /** The token's scopes, cut down to what the owner's role allows today. */
  scopes: ApiScope[]
  /** The owner has an address they have not confirmed (posting may wait for it). */
  emailUnverified: boolean
}

/**
 * The person and scopes a bearer token stands for, or undefined (unknown, revoked, expired, or the
 * owner is deleted or suspended). Records the last use at most once a minute.
 */
export async function authenticateToken(
  db: Executor,
  token: string,
  ip: string,
  now = Date.now(),
): Promise<TokenAuth | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined
  const row = await findTokenOwner(db, hashToken(token), now)
  if (!row || row.deletedAt !== null) return undefined
  if (row.suspendedUntil !== null && row.suspendedUntil > now) return undefined
  if (row.lastUsedAt === null || now - row.lastUsedAt >= TOUCH_EVERY_MS || row.lastUsedIp !== ip)
    await touchToken(db, row.tokenId, now, ip)
  const viewer: Viewer = {
    id: row.id,
    username: row.username,
    title: row.title,
    role: row.role,
    trustLevel: row.trustLevel,
    silencedUntil: row.silencedUntil,
  }
  return {
    viewer,
    scopes: row.scopes.filter((s) => scopeFitsRole(viewer, s)),
    emailUnverified: row.email !== null && row.emailVerifiedAt === null,
  }
}
