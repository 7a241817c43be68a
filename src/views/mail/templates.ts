/** Each mail template's words. Adding a template: a case here and in domain/mail's MailTemplate. */
import type { MailTemplate } from '../../domain/mail/index.js'
import { renderMail, type MailSite, type RenderedMail } from './mail-layout.js'

export function renderMailTemplate(site: MailSite, template: MailTemplate): RenderedMail {
  const url = (path: string) => `${site.baseUrl}${path}`
  switch (template.name) {
    case 'verify-email':
      return renderMail(site, {
        subject: `Confirm your email address for ${site.name}`,
        greeting: `Hello ${template.username},`,
        paragraphs: [
          `Please confirm that this is your address. The link works once, for ${template.expiresInHours} hours.`,
        ],
        action: { label: 'Confirm my address', url: url(template.link) },
        footnote: `You get this because this address was given for an account on ${site.name}. If that was not you, ignore this message.`,
      })
    case 'password-reset':
      return renderMail(site, {
        subject: `Reset your ${site.name} password`,
        greeting: `Hello ${template.username},`,
        paragraphs: [
          `Someone (we hope you) asked to reset your password. The link works once, for ${template.expiresInMinutes} minutes; choosing a new password signs out your other sessions.`,
        ],
        action: { label: 'Choose a new password', url: url(template.link) },
        footnote: 'If you did not ask for this, ignore this message: your password stays as it is.',
      })
    case 'account-exists':
      return renderMail(site, {
        subject: `You already have a ${site.name} account`,
        greeting: `Hello ${template.username},`,
        paragraphs: [
          'Someone tried to register a new account with this address, which already has yours. If it was you, sign in instead, or reset your password if you have forgotten it.',
        ],
        action: { label: 'Sign in', url: url(template.signInLink) },
        footnote: `Forgotten your password? ${url(template.resetLink)}`,
      })
    case 'email-changed':
      return renderMail(site, {
        subject: `Your ${site.name} email address was changed`,
        greeting: `Hello ${template.username},`,
        paragraphs: [
          `The email address of your account is now ${template.newAddressHint}. Messages from ${site.name} go there from now on.`,
        ],
        footnote:
          'If you did not make this change, reset your password and contact the forum staff.',
      })
    case 'notifications':
      return renderNotificationsMail(site, template)
  }
}

/** A thread's batch of notifications, or a digest: each thread's lines, then a digest's busy threads. */
function renderNotificationsMail(
  site: MailSite,
  template: Extract<MailTemplate, { name: 'notifications' }>,
): RenderedMail {
  const url = (path: string) => `${site.baseUrl}${path}`
  const first = template.threads[0]
  const subject =
    template.scope === 'thread' && first !== undefined
      ? `New on ${site.name}: ${first.title}`
      : `Your ${template.scope} digest from ${site.name}`
  const paragraphs = template.threads.map(
    (t) => `${t.title}: ${t.lines.join('; ')}. ${url(t.link)}`,
  )
  if (template.topThreads.length > 0)
    paragraphs.push(
      `Busy in the tags you watch: ${template.topThreads.map((t) => `${t.title} (${url(t.link)})`).join('; ')}.`,
    )
  return renderMail(site, {
    subject,
    greeting: `Hello ${template.username},`,
    paragraphs,
    ...(first !== undefined
      ? { action: { label: 'Read it on the site', url: url(first.link) } }
      : {}),
    footnote: `Choose which mail you get: ${url(template.settingsLink)}. Stop all notification mail with one click: ${url(template.unsubscribeLink)}`,
  })
}
