/**
 * Attachment downloads, served so a browser never runs them in the forum's origin (SECURITY.md 26–27):
 * text as text/plain, images by magic bytes, everything else as an opaque download; always nosniff and
 * a sandboxing CSP.
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { contentDisposition, findAttachment } from '../../../domain/attachments/index.js'
import { sendError } from '../../plugins/errors.js'
import { msg } from '../../../domain/shared/index.js'

const AttachmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  filename: Type.String({ maxLength: 400 }),
})

export const attachmentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Static<typeof AttachmentParams> }>(
    '/attachments/:id/:filename',
    { schema: { params: AttachmentParams } },
    async (req, reply) => {
      const file = await findAttachment(req.db, req.params.id)
      if (!file)
        return sendError(
          req,
          reply,
          404,
          msg('Attachment not found'),
          msg('This file does not exist or its post has been deleted.'),
        )
      const inline =
        file.contentType.startsWith('text/plain') || file.contentType.startsWith('image/')
      return reply
        .code(200)
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
        )
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(Buffer.from(file.content))
    },
  )
}
