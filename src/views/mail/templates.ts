/**
 * Each mail template's words, in the language of the render (`withLocale`, src/mail/mail-job.ts: the
 * recipient's). Adding a template: a case here and in domain/mail's MailTemplate.
 */
import type { MailTemplate } from '../../domain/mail/index.js'
import type { Message } from '../../domain/shared/index.js'
import { t } from '../../i18n/index.js'
import { renderMail, type MailSite, type RenderedMail } from './mail-layout.js'

export function renderMailTemplate(site: MailSite, template: MailTemplate): RenderedMail {
  const url = (path: string) => `${site.baseUrl}${path}`
  const siteName = site.name
  switch (template.name) {
    case 'verify-email':
      return renderMail(site, {
        subject: t('Confirm your email address for {site}', { site: siteName }),
        greeting: t('Hello {username},', { username: template.username }),
        paragraphs: [
          t('Please confirm that this is your address. The link works once, for {hours} hours.', {
            hours: template.expiresInHours,
          }),
        ],
        action: { label: t('Confirm my address'), url: url(template.link) },
        footnote: t(
          'You get this because this address was given for an account on {site}. If that was not you, ignore this message.',
          { site: siteName },
        ),
      })
    case 'password-reset':
      return renderMail(site, {
        subject: t('Reset your {site} password', { site: siteName }),
        greeting: t('Hello {username},', { username: template.username }),
        paragraphs: [
          t(
            'Someone (we hope you) asked to reset your password. The link works once, for {minutes} minutes; choosing a new password signs out your other sessions.',
            { minutes: template.expiresInMinutes },
          ),
        ],
        action: { label: t('Choose a new password'), url: url(template.link) },
        footnote: t(
          'If you did not ask for this, ignore this message: your password stays as it is.',
        ),
      })
    case 'account-exists':
      return renderMail(site, {
        subject: t('You already have a {site} account', { site: siteName }),
        greeting: t('Hello {username},', { username: template.username }),
        paragraphs: [
          t(
            'Someone tried to register a new account with this address, which already has yours. If it was you, sign in instead, or reset your password if you have forgotten it.',
          ),
        ],
        action: { label: t('Sign in'), url: url(template.signInLink) },
        footnote: t('Forgotten your password? {link}', { link: url(template.resetLink) }),
      })
    case 'email-changed':
      return renderMail(site, {
        subject: t('Your {site} email address was changed', { site: siteName }),
        greeting: t('Hello {username},', { username: template.username }),
        paragraphs: [
          t(
            'The email address of your account is now {address}. Messages from {site} go there from now on.',
            { address: template.newAddressHint, site: siteName },
          ),
        ],
        footnote: t(
          'If you did not make this change, reset your password and contact the forum staff.',
        ),
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
  m: Extract<MailTemplate, { name: 'standing-changed' }>,
): RenderedMail {
  const greeting = t('Hello {username},', { username: m.username })
  const footnote = t(
    'This message is about your account, so it is sent whatever your notification settings say.',
  )
  if (m.until === null)
    return renderMail(site, {
      subject:
        m.kind === 'silence'
          ? t('You can post on {site} again', { site: site.name })
          : t('Your {site} account is no longer suspended', { site: site.name }),
      greeting,
      paragraphs: [
        m.kind === 'silence'
          ? t(
              'The forum staff lifted the silence on your account: you can ask, reply and comment again.',
            )
          : t('The forum staff lifted the suspension of your account: you can sign in again.'),
      ],
      action: { label: t('Go to {site}', { site: site.name }), url: `${site.baseUrl}/` },
      footnote,
    })
  const when = new Date(m.until).toISOString().slice(0, 10)
  const why = m.reason
    ? t('The reason they gave: {reason}', { reason: m.reason })
    : t('They gave no reason.')
  return renderMail(site, {
    subject:
      m.kind === 'silence'
        ? t('Your {site} account cannot post until {when}', { site: site.name, when })
        : t('Your {site} account is suspended until {when}', { site: site.name, when }),
    greeting,
    paragraphs:
      m.kind === 'silence'
        ? [
            t(
              'The forum staff silenced your account until {when} (UTC). Until then you can sign in and read, but not ask, reply, comment, boost or flag.',
              { when },
            ),
            why,
          ]
        : [
            t(
              'The forum staff suspended your account until {when} (UTC). Until then you cannot sign in, and every session of the account was ended.',
              { when },
            ),
            why,
          ],
    footnote: t('If you think this is a mistake, contact the staff of {site}. {footnote}', {
      site: site.name,
      footnote,
    }),
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
      ? t('New on {site}: {title}', { site: site.name, title: first.title })
      : t(
          'Your {scope, select, daily {daily} weekly {weekly} other {{scope}}} digest from {site}',
          {
            scope: template.scope,
            site: site.name,
          },
        )
  // A thread's lines were written when the notifications were (notifications/email.actions.ts).
  const paragraphs = template.threads.map(
    (th) => `${th.title}: ${th.lines.map(line).join('; ')}. ${url(th.link)}`,
  )
  if (template.topThreads.length > 0)
    paragraphs.push(
      t('Busy in the tags you watch: {threads}.', {
        threads: template.topThreads.map((th) => `${th.title} (${url(th.link)})`).join('; '),
      }),
    )
  return renderMail(site, {
    subject,
    greeting: t('Hello {username},', { username: template.username }),
    paragraphs,
    ...(first !== undefined
      ? { action: { label: t('Read it on the site'), url: url(first.link) } }
      : {}),
    footnote: t(
      'Choose which mail you get: {settings}. Stop all notification mail with one click: {unsubscribe}',
      { settings: url(template.settingsLink), unsubscribe: url(template.unsubscribeLink) },
    ),
  })
}

/** A notification's line in the mail's language (a value may be a message itself: "Someone"). */
function line(text: string | Message): string {
  if (typeof text === 'string') return text
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(text.values ?? {}))
    values[name] = typeof value === 'object' ? line(value) : value
  return t(text.message, values)
}
