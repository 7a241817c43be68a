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
    case 'standing-changed':
      return renderStandingMail(site, template)
    case 'notifications':
      return renderNotificationsMail(site, template)
  }
}

/** Silenced, suspended, or either lifted: what changed, until when, why, and what still works. */
function renderStandingMail(
  site: MailSite,
  t: Extract<MailTemplate, { name: 'standing-changed' }>,
): RenderedMail {
  const greeting = `Hello ${t.username},`
  const footnote =
    'This message is about your account, so it is sent whatever your notification settings say.'
  if (t.until === null)
    return renderMail(site, {
      subject:
        t.kind === 'silence'
          ? `You can post on ${site.name} again`
          : `Your ${site.name} account is no longer suspended`,
      greeting,
      paragraphs: [
        t.kind === 'silence'
          ? 'The forum staff lifted the silence on your account: you can ask, reply and comment again.'
          : 'The forum staff lifted the suspension of your account: you can sign in again.',
      ],
      action: { label: `Go to ${site.name}`, url: `${site.baseUrl}/` },
      footnote,
    })
  const when = new Date(t.until).toISOString().slice(0, 10)
  const why = t.reason ? `The reason they gave: ${t.reason}` : 'They gave no reason.'
  return renderMail(site, {
    subject:
      t.kind === 'silence'
        ? `Your ${site.name} account cannot post until ${when}`
        : `Your ${site.name} account is suspended until ${when}`,
    greeting,
    paragraphs:
      t.kind === 'silence'
        ? [
            `The forum staff silenced your account until ${when} (UTC). Until then you can sign in and read, but not ask, reply, comment, boost or flag.`,
            why,
          ]
        : [
            `The forum staff suspended your account until ${when} (UTC). Until then you cannot sign in, and every session of the account was ended.`,
            why,
          ],
    footnote: `If you think this is a mistake, contact the staff of ${site.name}. ${footnote}`,
  })
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
