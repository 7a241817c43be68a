/**
 * What a silenced person is told on every page they open: until when and why they cannot post (the
 * reason staff gave). Only a silenced viewer's pages pay for the one extra read.
 */
import fp from 'fastify-plugin'
import { isSilenced } from '../../domain/shared/index.js'
import { findStanding, silenceMessage } from '../../domain/users/index.js'
import { wantsJson } from '../failure.js'
import { translateMessage } from '../../i18n/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** "Your account cannot post until …: reason" for a silenced viewer, in the page's language; null otherwise. */
    silenceNotice: string | null
  }
}

export const standingNoticePlugin = fp(
  async (app) => {
    app.decorateRequest('silenceNotice', null)
    app.addHook('preHandler', async (req) => {
      if (!isSilenced(req.viewer, Date.now()) || !req.viewer || wantsJson(req)) return
      const standing = await findStanding(req.db, req.viewer.id)
      if (standing !== undefined && standing.silencedUntil !== null)
        req.silenceNotice = translateMessage(
          req.locale,
          silenceMessage(standing.silencedUntil, standing.silenceReason),
        )
    })
  },
  { name: 'standing-notice', dependencies: ['db', 'viewer', 'session', 'locale'] },
)
