/**
 * Account mail's other pages: "check your email" after sign-up, the confirmation page a link opens
 * (one Confirm button: opening a link changes nothing), a link that no longer works, and the change of
 * address under settings.
 */
import type { ComponentChildren } from 'preact'
import { msg, t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

/** A bold address inside a sentence. */
const strong = (chunks: ComponentChildren[]) => <strong>{chunks}</strong>

/** After sign-up, whether or not the address already had an account: the same words. */
export function CheckEmailPage({ site }: { site: SiteContext }) {
  return (
    <Layout site={site} meta={{ title: t('Check your email'), noindex: true }}>
      <div class="form-page">
        <h1>{t('Check your email')}</h1>
        <p>
          {t(
            'We are sending a message to the address you gave. Open the link in it to confirm your address; it works once, for {hours, number} hours.',
            { hours: 24 },
          )}
        </p>
        <p>
          {tx(
            'Then <a>sign in</a> with your username and password. Nothing after a few minutes? Check your spam folder.',
            { a: (chunks) => <a href="/login">{chunks}</a> },
          )}
        </p>
      </div>
    </Layout>
  )
}

export interface ConfirmEmailPageProps {
  site: SiteContext
  token: string
  /** The address the link was sent to. */
  email: string
  change: boolean
}

/** What a confirmation link opens: nothing is confirmed until the button is pressed. */
export function ConfirmEmailPage({ site, token, email, change }: ConfirmEmailPageProps) {
  const title = change ? t('Confirm your new address') : t('Confirm your address')
  return (
    <Layout site={site} meta={{ title, noindex: true }}>
      <div class="form-page">
        <h1>{title}</h1>
        <p>
          {change
            ? tx('Make <strong>{email}</strong> the address of your account.', { email, strong })
            : tx('Confirm that <strong>{email}</strong> is your address.', { email, strong })}
        </p>
        <form class="stacked-form" method="post" action="/email/confirm">
          <CsrfField token={site.csrfToken} />
          <input type="hidden" name="token" value={token} />
          <FormActions>
            <button class="button" type="submit">
              {t('Confirm')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}

/** After the button: the address is confirmed (or is now the account's). */
export function EmailConfirmedPage({ site, email }: { site: SiteContext; email: string }) {
  return (
    <Layout site={site} meta={{ title: t('Address confirmed'), noindex: true }}>
      <div class="form-page">
        <div class="notice-success" role="status">
          <p>{tx('Thank you: <strong>{email}</strong> is confirmed.', { email, strong })}</p>
        </div>
        <h1>{t('Address confirmed')}</h1>
        <p>
          {site.viewer === null ? (
            tx('<a>Sign in</a> to ask, reply and comment.', {
              a: (chunks) => <a href="/login">{chunks}</a>,
            })
          ) : (
            <a href="/">{t('Back to the forum')}</a>
          )}
        </p>
      </div>
    </Layout>
  )
}

export interface LinkProblemPageProps {
  site: SiteContext
  state: 'expired' | 'used' | 'unknown'
  /** Where a new link is asked for, and what to call it. */
  again: { href: string; label: string }
}

const PROBLEMS = {
  expired: [msg('This link has expired'), msg('Links in our messages work for a limited time.')],
  used: [msg('This link was already used'), msg('Each link works once.')],
  unknown: [
    msg('This link does not work'),
    msg('It may have been copied incompletely, or replaced by a newer one.'),
  ],
} as const

/** A used, expired or altered link: what happened and how to get a new one. */
export function LinkProblemPage({ site, state, again }: LinkProblemPageProps) {
  const [title, why] = PROBLEMS[state]
  return (
    <Layout site={site} meta={{ title: t(title), noindex: true }}>
      <div class="form-page">
        <h1>{t(title)}</h1>
        <p>{t(why)}</p>
        <p>
          <a href={again.href}>{again.label}</a>
        </p>
      </div>
    </Layout>
  )
}

export interface EmailSettingsPageProps {
  site: SiteContext
  /** The account's address now (null: none). */
  email: string | null
  verified: boolean
  form: FormState<{ email: string }>
  notice: string | null
}

const EMAIL_FIELDS = [
  ['email', 'settings-email'],
  ['password', 'settings-email-password'],
] as const

/** /settings/email: the address, and changing it (a link to the new one; the old one is told). */
export function EmailSettingsPage({ site, email, verified, form, notice }: EmailSettingsPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Email address'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={EMAIL_FIELDS} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Email address')}</h1>
        <SettingsNav current="/settings/email" />
        <p class="lede">
          {email === null
            ? t('Your account has no email address.')
            : verified
              ? tx('Your address is <strong>{email}</strong> (confirmed).', { email, strong })
              : tx('Your address is <strong>{email}</strong> (not confirmed yet).', {
                  email,
                  strong,
                })}
        </p>
        <section aria-labelledby="change-email">
          <h2 id="change-email">{t('Change your address')}</h2>
          <form class="stacked-form" method="post" action="/settings/email">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="settings-email"
              name="email"
              type="email"
              label={t('New address')}
              hint={t(
                'We send a link there; the change is made when you open it. Your current address is told.',
              )}
              value={form.values.email}
              error={form.errors.email}
              autocomplete="email"
              spellcheck={false}
              required
            />
            <CurrentPasswordField
              id="settings-email-password"
              label={t('Current password')}
              error={form.errors.password}
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Send confirmation link')}
              </button>
            </FormActions>
          </form>
        </section>
      </div>
    </Layout>
  )
}
