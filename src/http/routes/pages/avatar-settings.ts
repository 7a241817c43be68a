/**
 * /settings/avatar: upload an image as one's avatar (a multipart form, streamed like the ask form's
 * attachments: http/uploads.ts) and /settings/avatar/remove: back to the generated drawing. Only the
 * viewer's own avatar can change: no route takes a user id. The CSRF token and the hourly upload limit
 * are decided before a byte of the file is read; a refused file comes back as the settings page with the
 * message at the field (422), never a bare error page.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  AVATAR_LIMITS,
  findAvatarVersion,
  removeAvatar,
  secondsUntilAvatarUpload,
  uploadAvatar,
} from '../../../domain/avatars/index.js'
import { describeWait, msg, uploadedAvatarRef, type Message } from '../../../domain/shared/index.js'
import { hasPassword } from '../../../domain/users/index.js'
import { emptyForm, type FormState } from '../../../views/forms.js'
import { SettingsPage } from '../../../views/pages/settings-page.js'
import { failureMessage, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { sendFormExpired } from '../../plugins/errors.js'
import { isCsrfTokenValid } from '../../plugins/session.js'
import { EmptyForm } from '../../schemas/forms.js'
import {
  discardRest,
  maxFormBytes,
  receiveMultipartForm,
  type UploadLimits,
} from '../../uploads.js'
import { translate, translateMessage } from '../../../i18n/index.js'

/** One file and the CSRF token. The file may be one byte over, so "too large" names the field. */
const AVATAR_UPLOAD_LIMITS: UploadLimits = {
  files: 1,
  fileBytes: AVATAR_LIMITS.bytesMax,
  fields: 4,
  fieldBytes: 1024,
}

/**
 * How much of a refused upload's body is read and thrown away so the person gets the page back: a photo
 * straight from a camera (several MB) chosen without JavaScript must still get the message at the field.
 * Past this the connection is cut.
 */
const DISCARD_MAX_BYTES = 32 * 1024 * 1024

const SIGN_IN = { code: 'forbidden', reason: msg('Sign in to change your avatar.') } as const

/** "You have changed your avatar 10 times this hour. Try again in 12 minutes." */
function tooManyAvatars(retryAfterS: number): Message {
  return {
    message: msg('You have changed your avatar {count} times this hour. Try again in {wait}.'),
    values: { count: AVATAR_LIMITS.uploadsPerHour, wait: describeWait(retryAfterS) },
  }
}

/** The settings page as the viewer sees it, with `errors` at the avatar field and an optional notice. */
export async function sendSettingsPage(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  options: { form?: FormState<Record<string, never>>; notice?: string | null } = {},
): Promise<FastifyReply> {
  const viewer = req.viewer
  if (!viewer) return sendFailure(req, reply, SIGN_IN)
  return sendPage(reply, status, SettingsPage, {
    site: siteFor(req),
    form: options.form ?? emptyForm({}),
    notice: options.notice ?? null,
    hasPassword: await hasPassword(req.db, viewer.id),
    avatar: uploadedAvatarRef(viewer.id, await findAvatarVersion(req.db, viewer.id)),
  })
}

const avatarError = (avatar: string, formError?: string): FormState<Record<string, never>> => ({
  values: {},
  errors: { avatar },
  ...(formError === undefined ? {} : { formError }),
})

export const avatarSettingsRoutes: FastifyPluginAsync = async (app) => {
  // This scope's own multipart parser: only the upload route below reads multipart bodies here.
  await app.register(multipart)
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'quorum-avatars-'))
  app.addHook('onClose', async () => fs.rm(dir, { recursive: true, force: true }))
  const most = maxFormBytes(AVATAR_UPLOAD_LIMITS)
  const discard = (req: FastifyRequest) => discardRest(req, DISCARD_MAX_BYTES)

  app.post(
    '/settings/avatar',
    { bodyLimit: most, config: { csrf: 'route' } },
    async (req, reply) => {
      const viewer = req.viewer
      if (!viewer || !req.isMultipart()) {
        if (!(await discard(req))) return reply.hijack()
        if (!viewer) return sendFailure(req, reply, SIGN_IN)
        return sendSettingsPage(req, reply, 422, {
          form: avatarError(translate(req.locale, 'Choose an image file to upload.')),
        })
      }
      const received = await receiveMultipartForm(req, {
        dir,
        budget: app.uploadBudget,
        limits: AVATAR_UPLOAD_LIMITS,
        admit: (fields) => {
          if (!isCsrfTokenValid(req, fields._csrf)) return { kind: 'expired' }
          const wait = secondsUntilAvatarUpload(viewer)
          return wait > 0 ? { kind: 'rate_limited', retryAfterS: wait } : null
        },
      })
      let bytes: Uint8Array | null = null
      try {
        const file = received.files.find((f) => f.field === 'avatar')
        if (!received.refusal && file) bytes = await fs.readFile(file.path)
      } finally {
        await received.dispose()
      }
      const refusal = received.refusal
      if (refusal) {
        if (!(await discard(req))) return reply.hijack()
        switch (refusal.kind) {
          case 'expired':
            return sendFormExpired(req, reply)
          case 'rate_limited':
          case 'busy':
            reply.header('retry-after', String(refusal.retryAfterS))
            return sendSettingsPage(req, reply, refusal.kind === 'busy' ? 503 : 429, {
              form: avatarError(
                translateMessage(
                  req.locale,
                  refusal.kind === 'busy'
                    ? {
                        message: msg(
                          'The forum is receiving many uploads right now. Try again in {wait}.',
                        ),
                        values: { wait: describeWait(refusal.retryAfterS) },
                      }
                    : tooManyAvatars(refusal.retryAfterS),
                ),
              ),
            })
          case 'file_too_large':
            return sendSettingsPage(req, reply, 422, {
              form: avatarError(
                translate(
                  req.locale,
                  'The image is larger than {max} KB; an avatar may be at most {max} KB.',
                  { max: AVATAR_LIMITS.bytesMax / 1024 },
                ),
              ),
            })
          default:
            return sendSettingsPage(req, reply, 422, {
              form: avatarError(
                translate(
                  req.locale,
                  'The form could not be read. Choose the image again and upload it.',
                ),
              ),
            })
        }
      }
      const result = await uploadAvatar(req.db, viewer, bytes ?? new Uint8Array(0))
      if (!result.ok) {
        const failure = result.failure
        if (failure.code === 'rate_limited') {
          reply.header('retry-after', String(failure.retryAfterS))
          return sendSettingsPage(req, reply, 429, {
            form: avatarError(translateMessage(req.locale, tooManyAvatars(failure.retryAfterS))),
          })
        }
        const message =
          failure.code === 'invalid'
            ? failureMessage(failure, req.locale)
            : translate(req.locale, 'The image was not saved.')
        return sendSettingsPage(req, reply, 422, { form: avatarError(message) })
      }
      req.log.info({ userId: viewer.id, version: result.value.version }, 'avatar uploaded')
      return reply.redirect('/settings?avatar=saved#avatar-heading', 303)
    },
  )

  app.post('/settings/avatar/remove', { schema: { body: EmptyForm } }, async (req, reply) => {
    if (!req.viewer) return sendFailure(req, reply, SIGN_IN)
    await removeAvatar(req.db, req.viewer)
    req.log.info({ userId: req.viewer.id }, 'avatar removed')
    return reply.redirect('/settings?avatar=removed#avatar-heading', 303)
  })
}
