import { t } from '../../i18n/index.js'
import type { SecondStepMethods } from '../../domain/two-factor/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
} from '../components/form-fields.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface SecondStepPageProps {
  site: SiteContext
  methods: SecondStepMethods
  /** Errors by field: code, passkey. Nothing is refilled (a code is used or wrong). */
  form: FormState<Record<string, never>>
  /** Where to go once signed in (already checked by safeNext); null for home. */
  next: string | null
}

const FIELDS = [
  ['code', 'second-step-code'],
  ['passkey', 'second-step-code'],
] as const

/** The second step of signing in: a code from the app, a recovery code, or a passkey. */
export function SecondStepPage({ site, methods, form, next }: SecondStepPageProps) {
  const action = next === null ? '' : `?next=${encodeURIComponent(next)}`
  return (
    <Layout
      site={site}
      meta={{ title: formPageTitle(t('Two-factor sign-in'), form), noindex: true }}
    >
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        <h1>{t('Two-factor sign-in')}</h1>
        {methods.passkey && (
          <form
            class="stacked-form"
            method="post"
            action={`/login/two-factor/passkey${action}`}
            data-passkey="second-step"
            hidden
          >
            <CsrfField token={site.csrfToken} />
            <input type="hidden" name="response" value="" />
            <p>{t('Use a passkey you added to this account.')}</p>
            <FormActions>
              <button class="button" type="submit">
                {t('Use a passkey')}
              </button>
            </FormActions>
            <p class="field-error" role="alert" data-passkey-status />
          </form>
        )}
        <form class="stacked-form" method="post" action={`/login/two-factor${action}`}>
          <CsrfField token={site.csrfToken} />
          <TextField
            id="second-step-code"
            name="code"
            label={methods.totp ? t('Code from your authenticator app') : t('Recovery code')}
            hint={
              methods.totp
                ? t('The 6 digits your app shows now, or one of your recovery codes.')
                : t('One of the recovery codes you saved.')
            }
            error={form.errors.code ?? form.errors.passkey}
            autocomplete="one-time-code"
            autocapitalize="none"
            spellcheck={false}
            required
          />
          <FormActions>
            <button class="button" type="submit">
              {t('Sign in')}
            </button>
          </FormActions>
        </form>
        <p class="form-aside">
          <a href="/login">{t('Start again')}</a>
        </p>
        {methods.passkey && typeof site.assets.passkeys === 'string' && (
          <script type="module" src={site.assets.passkeys} />
        )}
      </div>
    </Layout>
  )
}
