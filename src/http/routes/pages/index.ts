import type { FastifyPluginAsync } from 'fastify'
import { accountRoutes } from './account.js'
import { adminRoutes } from './admin.js'
import { adminBlockRoutes } from './admin-blocks.js'
import { adminLogRoutes } from './admin-log.js'
import { adminPeopleRoutes } from './admin-people.js'
import { adminSettingsRoutes } from './admin-settings.js'
import { adminTagRoutes } from './admin-tags.js'
import { adminWebhookRoutes } from './admin-webhooks.js'
import { adminInviteRoutes } from './admin-invites.js'
import { askRoutes } from './ask.js'
import { attachmentRoutes } from './attachments.js'
import { authRoutes } from './auth.js'
import { draftRoutes } from './drafts.js'
import { emailVerificationRoutes } from './email-verification.js'
import { passwordResetRoutes } from './password-reset.js'
import { homeRoutes } from './home.js'
import { languageRoutes } from './language.js'
import { oidcRoutes } from './oidc.js'
import { notificationRoutes } from './notifications.js'
import { searchRoutes } from './search.js'
import { signatureRoutes } from './signatures.js'
import { seoRoutes } from './seo.js'
import { sessionRoutes } from './sessions.js'
import { staffPeopleRoutes } from './staff-people.js'
import { staffThreadRoutes } from './staff-threads.js'
import { tagRoutes } from './tags.js'
import { flagRoutes } from './flags.js'
import { postControlRoutes } from './post-controls.js'
import { reviewRoutes } from './review.js'
import { postEditRoutes } from './post-edits.js'
import { postWritingRoutes } from './post-writing.js'
import { threadRoutes } from './threads.js'
import { tokenRoutes } from './tokens.js'
import { twoFactorRoutes } from './two-factor.js'
import { passkeyRoutes } from './passkeys.js'
import { userRoutes } from './users.js'
import { avatarRoutes } from './avatars.js'
import { avatarSettingsRoutes } from './avatar-settings.js'

/** Every HTML page route. */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(homeRoutes)
  await app.register(tagRoutes)
  await app.register(threadRoutes)
  await app.register(attachmentRoutes)
  await app.register(authRoutes)
  await app.register(oidcRoutes)
  await app.register(sessionRoutes)
  await app.register(adminWebhookRoutes)
  await app.register(tokenRoutes)
  await app.register(accountRoutes)
  await app.register(twoFactorRoutes)
  await app.register(passkeyRoutes)
  await app.register(passwordResetRoutes)
  await app.register(emailVerificationRoutes)
  await app.register(askRoutes)
  await app.register(draftRoutes)
  await app.register(postWritingRoutes)
  await app.register(postControlRoutes)
  await app.register(postEditRoutes)
  await app.register(userRoutes)
  await app.register(avatarRoutes)
  await app.register(avatarSettingsRoutes)
  await app.register(languageRoutes)
  await app.register(seoRoutes)
  await app.register(searchRoutes)
  await app.register(signatureRoutes)
  await app.register(adminRoutes)
  await app.register(adminTagRoutes)
  await app.register(adminPeopleRoutes)
  await app.register(adminSettingsRoutes)
  await app.register(adminBlockRoutes)
  await app.register(adminLogRoutes)
  await app.register(adminInviteRoutes)
  await app.register(notificationRoutes)
  await app.register(flagRoutes)
  await app.register(reviewRoutes)
  await app.register(staffThreadRoutes)
  await app.register(staffPeopleRoutes)
}
