/**
 * Notifications by mail. Each person chooses, per kind, immediately (one message per thread for what a
 * window of NOTIFY_EMAIL_WINDOW_SECONDS brought), a daily or weekly digest, or never. A notification
 * already read on the site is never mailed. Every message carries a signed one-click unsubscribe link
 * (RFC 8058) that works without signing in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db, Executor } from '../../db/schema.js'
import { enqueueJob } from '../jobs/index.js'
import { enqueueMail } from '../mail/index.js'
import {
  fail,
  msg,
  getOrCreateSecret,
  ok,
  type Message,
  type Result,
  type Viewer,
} from '../shared/index.js'
import { notificationMessage } from './describe.js'
import {
  findMailUser,
  listEmailPrefRows,
  listTagWatcherIds,
  listTopWatchedThreads,
  listUnsentNotifications,
  markEmailed,
  upsertEmailPref,
  type UnsentRow,
} from './email.queries.js'
import {
  NOTIFICATION_KINDS,
  NOTIFY_DIGEST_JOB,
  NOTIFY_EMAIL_JOB,
  type NotificationKind,
  type NotificationWritten,
} from './notifications.types.js'

export const EMAIL_MODES = ['immediately', 'daily', 'weekly', 'never'] as const
export type EmailMode = (typeof EMAIL_MODES)[number]

/** What a person gets by mail before choosing: what is about them at once, what they watch daily. */
const DEFAULT_MODES: Record<NotificationKind, EmailMode> = {
  reply: 'immediately',
  comment: 'immediately',
  mention: 'immediately',
  accepted: 'immediately',
  recommended: 'immediately',
  edited: 'immediately',
  'new-thread': 'daily',
  'watched-post': 'daily',
  boost: 'never',
  'post-hidden': 'immediately',
  'post-approved': 'immediately',
  'post-removed': 'immediately',
  'flag-agreed': 'never',
  'flag-disagreed': 'never',
}

const DAY = 86_400_000
const PERIOD_MS = { daily: DAY, weekly: 7 * DAY } as const

/** The payload of a notify.email job: one thread's batch, or a digest. */
export type EmailJob =
  | { scope: 'thread'; userId: number; threadId: number; until: number }
  | { scope: 'daily' | 'weekly'; userId: number; until: number }

export async function getEmailPrefs(
  db: Executor,
  userId: number,
): Promise<Record<NotificationKind, EmailMode>> {
  const prefs = { ...DEFAULT_MODES }
  for (const row of await listEmailPrefRows(db, userId))
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind))
      prefs[row.kind as NotificationKind] = row.mode
  return prefs
}

/** Saves the settings form: one mode per kind; a field left out keeps its mode. */
export async function saveEmailPrefs(
  db: Db,
  viewer: Viewer | null,
  form: Partial<Record<string, string>>,
): Promise<Result<Record<NotificationKind, EmailMode>>> {
  if (!viewer) return fail.forbidden(msg('Sign in to choose your notification mail.'))
  const bad = NOTIFICATION_KINDS.find((kind) => {
    const value = form[kind]
    return value !== undefined && !(EMAIL_MODES as readonly string[]).includes(value)
  })
  if (bad !== undefined)
    return fail.invalid(bad, msg('Choose immediately, daily, weekly or never.'))
  await db.transaction().execute(async (trx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const value = form[kind]
      if (value !== undefined) await upsertEmailPref(trx, viewer.id, kind, value as EmailMode)
    }
  })
  return ok(await getEmailPrefs(db, viewer.id))
}

async function unsubscribeSecret(db: Executor): Promise<string> {
  return getOrCreateSecret(db, 'unsubscribe-hmac')
}

function sign(secret: string, userId: number): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}`).digest('base64url')
}

/** The path of a person's one-click unsubscribe link (signed; no sign-in needed). */
export async function unsubscribePath(db: Executor, userId: number): Promise<`/${string}`> {
  return `/unsubscribe?u=${userId}&t=${sign(await unsubscribeSecret(db), userId)}`
}

/** Whether `token` is the person's unsubscribe signature, compared in constant time. */
export async function isUnsubscribeToken(
  db: Executor,
  userId: number,
  token: string,
): Promise<boolean> {
  const want = Buffer.from(sign(await unsubscribeSecret(db), userId))
  const got = Buffer.from(token)
  return got.length === want.length && timingSafeEqual(got, want)
}

/** One click: every kind of notification mail off for the person the signed link names. */
export async function unsubscribeFromEmail(
  db: Db,
  input: { userId: number; token: string },
): Promise<Result<{ username: string }>> {
  const user = await findMailUser(db, input.userId)
  if (!user || !(await isUnsubscribeToken(db, input.userId, input.token)))
    return fail.invalid(
      't',
      msg('This unsubscribe link is not valid. Sign in to change your mail settings.'),
    )
  await db.transaction().execute(async (trx) => {
    for (const kind of NOTIFICATION_KINDS) await upsertEmailPref(trx, input.userId, kind, 'never')
  })
  return ok({ username: user.username })
}

/**
 * Queues the mail that new notifications call for, by each person's mode: a thread's batch at the end
 * of its window, a digest at the end of its day or week. Keys name the window, so the tenth reply of a
 * window adds nothing: its job is the first one's.
 */
export async function scheduleNotificationEmails(
  trx: Executor,
  written: NotificationWritten[],
  now: number,
  windowMs: number,
): Promise<void> {
  const prefsOf = new Map<number, Record<NotificationKind, EmailMode>>()
  for (const n of written) {
    const prefs = prefsOf.get(n.userId) ?? (await getEmailPrefs(trx, n.userId))
    prefsOf.set(n.userId, prefs)
    const mode = prefs[n.kind]
    if (mode === 'never') continue
    if (mode === 'immediately') {
      const until = windowMs === 0 ? now : (Math.floor(now / windowMs) + 1) * windowMs
      const payload: EmailJob = { scope: 'thread', userId: n.userId, threadId: n.threadId, until }
      await enqueueJob(trx, {
        kind: NOTIFY_EMAIL_JOB,
        key: `notify-email:thread:${n.userId}:${n.threadId}:${until}`,
        payload,
        runAfter: until,
      })
    } else await enqueueDigest(trx, n.userId, mode, now)
  }
}

/** The digest job of a person's period that holds `now` (the same key a notification would give it). */
async function enqueueDigest(
  trx: Executor,
  userId: number,
  mode: 'daily' | 'weekly',
  now: number,
): Promise<void> {
  const until = (Math.floor(now / PERIOD_MS[mode]) + 1) * PERIOD_MS[mode]
  const payload: EmailJob = { scope: mode, userId, until }
  await enqueueJob(trx, {
    kind: NOTIFY_EMAIL_JOB,
    key: `notify-email:${mode}:${userId}:${until}`,
    payload,
    runAfter: until,
  })
}

/**
 * Queues the digest scheduler for the next midnight (UTC) after `now`: once per day whatever the number
 * of processes (the job's key is the day). `quorum serve` calls it at start; each run queues the next.
 */
export async function scheduleDigests(db: Executor, now = Date.now()): Promise<void> {
  const next = (Math.floor(now / DAY) + 1) * DAY
  await enqueueJob(
    db,
    {
      kind: NOTIFY_DIGEST_JOB,
      key: `${NOTIFY_DIGEST_JOB}:${new Date(next).toISOString().slice(0, 10)}`,
      payload: {},
      runAfter: next,
    },
    now,
  )
}

/**
 * The scheduler's run: for each person who watches or tracks a tag and takes "new threads in tags I
 * watch" as a daily or weekly digest, the digest of the period that holds `now` (keyed as the ones
 * notifications queue, so a person gets one per period); then tomorrow's run. A digest with nothing in
 * it sends nothing (sendNotificationEmail).
 */
export async function queueTagDigests(db: Db, now = Date.now()): Promise<void> {
  let afterId = 0
  for (;;) {
    const ids = await listTagWatcherIds(db, afterId, 500)
    for (const userId of ids) {
      const mode = (await getEmailPrefs(db, userId))['new-thread']
      if (mode === 'daily' || mode === 'weekly') await enqueueDigest(db, userId, mode, now)
    }
    if (ids.length < 500) break
    afterId = ids[ids.length - 1]!
  }
  await scheduleDigests(db, now)
}

function groupByThread(rows: UnsentRow[]) {
  const threads = new Map<number, { title: string; link: `/${string}`; lines: Message[] }>()
  for (const row of rows) {
    const entry = threads.get(row.threadId) ?? {
      title: row.threadTitle,
      link: `/threads/${row.threadId}${row.postId !== null ? `#post-${row.postId}` : ''}` as const,
      lines: [],
    }
    entry.lines.push(notificationMessage(row))
    threads.set(row.threadId, entry)
  }
  return [...threads.values()]
}

/**
 * Runs a notify.email job: what is still unread and unmailed becomes one message, queued as a mail job
 * in the transaction that marks it mailed (so a rerun sends nothing twice). Nothing left: no message.
 */
export async function sendNotificationEmail(db: Db, job: EmailJob, key: string): Promise<boolean> {
  const user = await findMailUser(db, job.userId)
  if (!user?.email) return false
  const prefs = await getEmailPrefs(db, job.userId)
  const mode: EmailMode = job.scope === 'thread' ? 'immediately' : job.scope
  const kinds = NOTIFICATION_KINDS.filter((k) => prefs[k] === mode)
  const rows = await listUnsentNotifications(db, {
    userId: job.userId,
    kinds,
    until: job.until,
    ...(job.scope === 'thread' ? { threadId: job.threadId } : {}),
  })
  const topThreads =
    job.scope === 'thread'
      ? []
      : (await listTopWatchedThreads(db, job.userId, job.until - PERIOD_MS[job.scope], 5)).map(
          (t) => ({ title: t.title, link: `/threads/${t.id}` as const }),
        )
  if (rows.length === 0 && topThreads.length === 0) return false
  const unsubscribe = await unsubscribePath(db, job.userId)
  const to = user.email
  await db.transaction().execute(async (trx) => {
    await enqueueMail(trx, key, {
      to,
      unsubscribe,
      template: {
        name: 'notifications',
        username: user.username,
        scope: job.scope,
        threads: groupByThread(rows),
        topThreads,
        settingsLink: '/settings/notifications',
        unsubscribeLink: unsubscribe,
      },
    })
    await markEmailed(
      trx,
      rows.map((r) => r.id),
      Date.now(),
    )
  })
  return true
}
