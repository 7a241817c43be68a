/**
 * Uploading and removing a person's own avatar. The viewer is the only person whose avatar a call can
 * change: there is no user id to pass. Uploads are limited per person (AVATAR_LIMITS.uploadsPerHour).
 */
import type { Db } from '../../db/schema.js'
import {
  AttemptLimiter,
  takeAttempts,
  fail,
  msg,
  inTransaction,
  ok,
  type Result,
  type Viewer,
} from '../shared/index.js'
import { clearAvatar, saveAvatar } from './avatars.queries.js'
import { readImageHeader, type ImageType } from './image-header.js'

/** The limits of an uploaded avatar; the settings page, the server and docs/avatars.md say the same. */
export const AVATAR_LIMITS = {
  bytesMax: 512 * 1024,
  pixelsMax: 1024,
  pixelsMin: 16,
  uploadsPerHour: 10,
} as const

const HOUR = 60 * 60 * 1000

/**
 * Uploads per person and hour, counted when an upload is received (refused files count too). An object,
 * so a test can give each test file fresh counters (user ids repeat across test databases).
 */
export const avatarLimits = {
  // Named: with REDIS_URL the count is shared by every process (docs/scale.md).
  uploads: new AttemptLimiter({
    max: AVATAR_LIMITS.uploadsPerHour,
    windowMs: HOUR,
    name: 'avatar-uploads',
  }),
}

/**
 * Seconds until the person may upload again (0: now), without counting an attempt: this process's own
 * count, a check before the file is read; the counted take in {@link uploadAvatar} is the shared one.
 */
export function secondsUntilAvatarUpload(viewer: Viewer, now = Date.now()): number {
  return avatarLimits.uploads.retryAfterS(String(viewer.id), now)
}

const KB = 1024

/**
 * The checks of an uploaded image, before anything is stored: its type by magic bytes, its size in bytes
 * and in pixels. The failure names the `avatar` field.
 * @example checkAvatarImage(bytes) // { ok: true, value: 'image/png' }
 */
export function checkAvatarImage(bytes: Uint8Array): Result<ImageType> {
  if (bytes.length === 0) return fail.invalid('avatar', msg('Choose an image file to upload.'))
  if (bytes.length > AVATAR_LIMITS.bytesMax)
    return fail.invalid(
      'avatar',
      msg('The image is {size} KB; an avatar may be at most {max} KB.'),
      { size: Math.ceil(bytes.length / KB), max: AVATAR_LIMITS.bytesMax / KB },
    )
  const facts = readImageHeader(bytes)
  if (!facts)
    return fail.invalid(
      'avatar',
      msg(
        'This file is not a PNG, JPEG, WebP or GIF image (SVG is not accepted). Choose one of those.',
      ),
    )
  const { width, height } = facts
  const max = AVATAR_LIMITS.pixelsMax
  const min = AVATAR_LIMITS.pixelsMin
  if (width > max || height > max)
    return fail.invalid(
      'avatar',
      msg('The image is {width}×{height} pixels; an avatar may be at most {max}×{max}.'),
      { width, height, max },
    )
  if (width < min || height < min)
    return fail.invalid(
      'avatar',
      msg('The image is {width}×{height} pixels; an avatar must be at least {min}×{min}.'),
      { width, height, min },
    )
  return ok(facts.type)
}

/**
 * Makes `bytes` the viewer's avatar when they pass {@link checkAvatarImage}; the new version, which
 * names the image's URL. Counts one upload against the hourly limit, refused or not.
 */
export async function uploadAvatar(
  db: Db,
  viewer: Viewer,
  bytes: Uint8Array,
  now = Date.now(),
): Promise<Result<{ version: number }>> {
  const wait = await takeAttempts([[avatarLimits.uploads, String(viewer.id)]], now)
  if (wait > 0) return fail.rateLimited(wait)
  const checked = checkAvatarImage(bytes)
  if (!checked.ok) return checked
  return inTransaction(db, async (trx) =>
    ok({ version: await saveAvatar(trx, viewer.id, { bytes, contentType: checked.value }, now) }),
  )
}

/** Back to the generated avatar. Removing when there is none is not an error. */
export async function removeAvatar(db: Db, viewer: Viewer, now = Date.now()): Promise<void> {
  await db.transaction().execute((trx) => clearAvatar(trx, viewer.id, now))
}
