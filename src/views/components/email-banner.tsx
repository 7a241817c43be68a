/**
 * The banner a member sees until they confirm their address: a reminder, or (when confirming is
 * required) why they cannot post yet, with a "Send again" button (POST with the page's CSRF token).
 */
import type { SiteContext } from '../site.js'
import { t } from '../../i18n/index.js'
import { CsrfField } from './form-fields.js'

export function EmailBanner({ site }: { site: SiteContext }) {
  const notice = site.emailNotice ?? null
  if (notice === null || site.viewer === null) return null
  return (
    <div class="email-banner" role="region" aria-label={t('Confirm your email address')}>
      <p>
        {notice === 'required'
          ? t('Confirm your email address to ask, reply and comment: open the link we sent to it.')
          : t('Please confirm your email address: open the link we sent to it.')}
      </p>
      <form method="post" action="/email/verify/send">
        <CsrfField token={site.csrfToken} />
        <button class="button button-quiet button-small" type="submit">
          {t('Send again')}
        </button>
      </form>
    </div>
  )
}
