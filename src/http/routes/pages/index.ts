import type { FastifyPluginAsync } from 'fastify'
import { attachmentRoutes } from './attachments.js'
import { homeRoutes } from './home.js'
import { tagRoutes } from './tags.js'
import { threadRoutes } from './threads.js'

/** Every HTML page route. */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(homeRoutes)
  await app.register(tagRoutes)
  await app.register(threadRoutes)
  await app.register(attachmentRoutes)
}
