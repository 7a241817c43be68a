/**
 * The `mail.send` job: renders the queued template with the site's name and PUBLIC_URL and sends it.
 * Run by the job runner, never in a request; a refusal or an unreachable server fails the attempt and
 * the runner retries it. The Message-ID comes from the job's key, so a message sent again after a crash
 * between sending and recording it is, to the reader's mail program, the same message. Each message is
 * in its recipient's language: the one their account chose in /settings/language, else English.
 */
import type { MailRequest } from '../domain/mail/index.js'
import type { Db } from '../db/schema.js'
import type { ClaimedJob, JobHandler, JobLog } from '../domain/jobs/index.js'
import { findLocaleByEmail } from '../domain/users/index.js'
import { DEFAULT_LOCALE, isLocale, withLocale } from '../i18n/index.js'
import { renderMailTemplate } from '../views/mail/templates.js'
import type { MailSite } from '../views/mail/mail-layout.js'
import { messageIdFor, type Mailer } from './mailer.js'

export function mailJobHandler(db: Db, mailer: Mailer, site: MailSite, log: JobLog): JobHandler {
  return async (job: ClaimedJob) => {
    const request = job.payload as MailRequest
    const chosen = await findLocaleByEmail(db, request.to)
    const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE
    const rendered = withLocale(locale, () => renderMailTemplate(site, request.template))
    const { where } = await mailer.send({
      to: request.to,
      ...rendered,
      messageId: messageIdFor(job.key, site.baseUrl),
      ...(request.unsubscribe !== undefined
        ? {
            headers: {
              'List-Unsubscribe': `<${site.baseUrl}${request.unsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          }
        : {}),
    })
    log.info({ jobId: job.id, template: request.template.name, where }, 'mail sent')
  }
}
