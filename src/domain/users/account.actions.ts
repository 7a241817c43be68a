/**
 * A person's own account as a whole: take everything out (the export), or delete it. Deletion keeps the
 * posts (others' answers and comments hang on them) under an account row with nothing personal left,
 * shown as "deleted user"; the name is held for 30 days, then free.
 */
import type { Db, Executor } from '../../db/schema.js'
import { translateMessage } from '../../i18n/index.js'
import { deleteJobsMentioning } from '../jobs/index.js'
import { deleteUserSessions, describeUserAgent } from '../sessions/index.js'
import {
  AttemptLimiter,
  deletedUsername,
  fail,
  msg,
  ok,
  type Result,
  type Viewer,
} from '../shared/index.js'
import {
  countAdmins,
  eraseUserRow,
  findAccountProfile,
  listAccountBoosts,
  listAccountDrafts,
  listAccountPosts,
  listAccountRevisions,
  listAccountSessions,
} from './account-data.queries.js'
import type { AccountExport } from './account.types.js'
import { purgeRetiredUsernames, retireUsername } from './retired-names.queries.js'
import { matchPassword } from './users.actions.js'

const HOUR = 3_600_000

/** Limits on the account page's two actions, per account; replaceable in tests. */
export const accountLimits = createAccountLimits()

export function createAccountLimits() {
  return {
    /** Exports: each reads all of a person's posts; a few an hour is plenty for a person. */
    exports: new AttemptLimiter({ max: 5, windowMs: HOUR }),
    /** Deletion attempts with a wrong password: a borrowed session cannot guess the password here. */
    deletions: new AttemptLimiter({ max: 10, windowMs: HOUR / 4 }),
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/**
 * Everything the account holds, as the JSON the person downloads. Rate-limited per account (429 with
 * the wait past 5 an hour).
 * @example const result = await exportAccount(db, viewer, req.sessionIdHash)
 */
export async function exportAccount(
  db: Db,
  viewer: Viewer,
  currentIdHash: string | null,
  now = Date.now(),
): Promise<Result<AccountExport>> {
  const wait = accountLimits.exports.take(`user:${viewer.id}`, now)
  if (wait > 0) return fail.rateLimited(wait)
  const profile = await findAccountProfile(db, viewer.id)
  if (!profile) return fail.notFound('account')
  const [posts, revisions, boosts, drafts, sessions] = await Promise.all([
    listAccountPosts(db, viewer.id),
    listAccountRevisions(db, viewer.id),
    listAccountBoosts(db, viewer.id),
    listAccountDrafts(db, viewer.id),
    listAccountSessions(db, viewer.id),
  ])
  return ok({
    format: 'quorum-account-export/1',
    exportedAt: iso(now) ?? '',
    profile: { ...profile, createdAt: iso(profile.createdAt) ?? '' },
    posts: posts.map((p) => ({
      ...p,
      createdAt: iso(p.createdAt) ?? '',
      editedAt: iso(p.editedAt),
      deletedAt: iso(p.deletedAt),
    })),
    revisions: revisions.map((r) => ({ ...r, createdAt: iso(r.createdAt) ?? '' })),
    boosts: boosts.map((b) => ({ ...b, createdAt: iso(b.createdAt) ?? '' })),
    drafts: drafts.map((d) => ({ ...d, updatedAt: iso(d.updatedAt) ?? '' })),
    sessions: sessions
      .filter((s) => s.expiresAt > now)
      .map((s) => ({
        device: translateMessage('en', describeUserAgent(s.userAgent)),
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: iso(s.createdAt) ?? '',
        lastSeenAt: iso(s.lastSeenAt) ?? '',
        current: s.idHash === currentIdHash,
      })),
  })
}

export interface DeleteAccountInput {
  password: string
  /** The username, typed again. */
  confirm: string
}

/** Deletes what one feature keeps about a person, inside the deletion's transaction. */
export type AccountEraser = (trx: Executor, userId: number) => Promise<void>

/**
 * Deletes the viewer's account after their password and their username typed again. In one
 * transaction: the name is retired (held 30 days), queued mail to the address is dropped, every session
 * ends, and the user row loses its name, email, password hash and title. Posts, revisions and boosts
 * stay, attributed to the emptied row ("deleted user"): boost counts on others' posts stay true.
 * Features above users that keep personal rows (linked identities, second factors, notifications) hand
 * their erasers in `alsoErase`: each runs in the same transaction, so an account is gone whole or not at
 * all (the caller, the account route, lists them).
 */
export async function deleteAccount(
  db: Db,
  viewer: Viewer,
  input: DeleteAccountInput,
  now = Date.now(),
  alsoErase: readonly AccountEraser[] = [],
): Promise<Result<{ endedSessions: number }>> {
  if (input.confirm.trim().toLowerCase() !== viewer.username.toLowerCase())
    return fail.invalid('confirm', msg('Type your username, {username}, to confirm.'), {
      username: viewer.username,
    })
  const key = `user:${viewer.id}`
  const wait = accountLimits.deletions.take(key, now)
  if (wait > 0) return fail.rateLimited(wait)
  const password = await matchPassword(db, viewer.id, input.password)
  if (password === 'none') {
    accountLimits.deletions.refund(key, now)
    return fail.invalid(
      'password',
      msg(
        'Your account has no password: you sign in with a provider. Set a password under Settings, Password, then delete the account with it.',
      ),
    )
  }
  if (password !== 'right') return fail.invalid('password', msg('That is not your password.'))
  accountLimits.deletions.refund(key, now)
  // A forum with no admin cannot be run from its pages: the last one hands the role on first.
  if (viewer.role === 'admin' && (await countAdmins(db)) <= 1)
    return fail.forbidden(
      msg(
        'You are the only admin. Give another account the admin role first (quorum user set-role).',
      ),
    )
  const profile = await findAccountProfile(db, viewer.id)
  if (!profile) return fail.notFound('account')
  const endedSessions = await db.transaction().execute(async (trx) => {
    await purgeRetiredUsernames(trx, now)
    await retireUsername(trx, profile.username, now)
    await deleteJobsMentioning(trx, [
      ...(profile.email !== null ? [profile.email] : []),
      JSON.stringify(profile.username),
    ])
    const ended = await deleteUserSessions(trx, viewer.id)
    for (const erase of alsoErase) await erase(trx, viewer.id)
    await eraseUserRow(trx, viewer.id, deletedUsername(viewer.id), now)
    return ended
  })
  return ok({ endedSessions })
}
