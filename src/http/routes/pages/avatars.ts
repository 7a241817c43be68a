/**
 * Uploaded avatars: `/avatars/u/<userId>/<version>`, the bytes stored at upload with the type their magic
 * bytes gave, never sniffed, never run (CSP sandbox), cached for a year since each upload is a new
 * version. An old version redirects to the current image, or to the generated drawing once the image is
 * removed; a deleted or unknown account is a 404.
 *
 * Generated avatars: `/avatars/v<N>/<username>.svg`, drawn from the name alone (domain/avatars). The
 * version in the path changes when the drawing does, so the answer is immutable and cached for a year;
 * nothing is looked up, so the answer says nothing about whether the account exists. The SVG is served
 * with a CSP that lets it run nothing and fetch nothing, and is never an HTML page (no cache, no limit:
 * a thread page asks for one per author, and drawing one costs less than counting it).
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  findAvatar,
  GENERATED_AVATAR_VERSION,
  generatedAvatarSvg,
  uploadedAvatarUrl,
} from '../../../domain/avatars/index.js'
import { sendError } from '../../plugins/errors.js'
import { msg } from '../../../domain/shared/index.js'

const AvatarParams = Type.Object({
  version: Type.String({ pattern: '^v[0-9]{1,4}$' }),
  // A username's characters (imported names may hold dots), then .svg; anything else is a 400.
  file: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}\\.svg$' }),
})

const UploadedParams = Type.Object({
  userId: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }),
  version: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }),
})

export const avatarRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Static<typeof UploadedParams> }>(
    '/avatars/u/:userId/:version',
    { schema: { params: UploadedParams }, config: { pageCache: false } },
    async (req, reply) => {
      const userId = Number(req.params.userId)
      const owner = await findAvatar(req.db, userId)
      if (!owner)
        return sendError(
          req,
          reply,
          404,
          msg('Avatar not found'),
          msg('This person has no avatar here.'),
        )
      const current = owner.current
      if (!current || current.version !== Number(req.params.version)) {
        // A page cached before an upload or a removal: the person's avatar as it is now.
        const now = current
          ? uploadedAvatarUrl(userId, current.version)
          : `/avatars/v${GENERATED_AVATAR_VERSION}/${encodeURIComponent(owner.username)}.svg`
        return reply.header('cache-control', 'no-cache').redirect(now, 302)
      }
      return reply
        .header('content-type', current.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(current.bytes))
    },
  )

  app.get<{ Params: Static<typeof AvatarParams> }>(
    '/avatars/:version/:file',
    { schema: { params: AvatarParams }, config: { pageCache: false, rateLimit: false } },
    async (req, reply) => {
      const username = req.params.file.slice(0, -'.svg'.length)
      const current = `v${GENERATED_AVATAR_VERSION}`
      // An old drawing's URL (a page cached before a change) gets the current one, not a stale year.
      if (req.params.version !== current)
        return reply
          .header('cache-control', 'public, max-age=3600')
          .redirect(`/avatars/${current}/${username}.svg`, 301)
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(generatedAvatarSvg(username))
    },
  )
}
