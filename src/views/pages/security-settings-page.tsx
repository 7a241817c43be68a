import type { PasskeySummary, SecurityOverview, TotpSetup } from '../../domain/two-factor/index.js'
import { t, tx } from '../../i18n/index.js'
import {
  CsrfField,
  ErrorSummary,
  FormActions,
  formPageTitle,
  TextField,
  CurrentPasswordField,
} from '../components/form-fields.js'
import { QrCode } from '../components/qr-code.js'
import { RelativeTime } from '../components/relative-time.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface SecurityValues {
  name?: string
}

export interface SecuritySettingsPageProps {
  site: SiteContext
  overview: SecurityOverview
  /** A TOTP secret being set up (shown until a code from it is confirmed); null otherwise. */
  setup: TotpSetup | null
  /** Recovery codes just made: shown on this response only. */
  recoveryCodes: string[] | null
  /** Errors by field: code, disable_password, recovery_password, name, passkey. */
  form: FormState<SecurityValues>
  notice: string | null
}

const FIELDS = [
  ['code', 'totp-code'],
  ['disable_password', 'totp-disable-password'],
  ['recovery_password', 'recovery-password'],
  ['name', 'passkey-name'],
  ['passkey', 'passkey-name'],
] as const

/** /settings/security: TOTP on and off, recovery codes, passkeys. */
export function SecuritySettingsPage(props: SecuritySettingsPageProps) {
  const { site, form, notice } = props
  return (
    <Layout site={site} meta={{ title: formPageTitle(t('Security'), form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Security')}</h1>
        <SettingsNav current="/settings/security" />
        {props.recoveryCodes !== null && <RecoveryCodes codes={props.recoveryCodes} />}
        <TotpSection {...props} />
        <RecoverySection {...props} />
        <PasskeySection {...props} />
      </div>
    </Layout>
  )
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="new-recovery-codes" class="recovery-codes">
      <h2 id="new-recovery-codes">{t('Your recovery codes')}</h2>
      <p>
        {t(
          'Keep these somewhere safe, such as a password manager. Each one signs you in once when you cannot use your app or passkey. They are shown only now.',
        )}
      </p>
      <ul class="recovery-code-list">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}

function TotpSection({ site, overview, setup, form }: SecuritySettingsPageProps) {
  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('Authenticator app')}</h2>
      {overview.totpEnabled ? (
        <>
          <p>{t('Two-factor codes are on: signing in asks for a code from your app.')}</p>
          <form class="stacked-form" method="post" action="/settings/security/totp/disable">
            <CsrfField token={site.csrfToken} />
            <CurrentPasswordField
              id="totp-disable-password"
              hint={t('Needed to turn two-factor codes off.')}
              error={form.errors.disable_password}
            />
            <FormActions>
              <button class="button button-danger" type="submit">
                {t('Turn off codes')}
              </button>
            </FormActions>
          </form>
        </>
      ) : setup !== null ? (
        <>
          <p>
            {t(
              'Scan this code with an authenticator app (such as Aegis, Google Authenticator or 1Password), then enter the 6-digit code it shows.',
            )}
          </p>
          <QrCode text={setup.uri} label={t('QR code for your authenticator app')} />
          <p>
            {tx('Cannot scan? Type this key into the app: {key}', {
              key: <code class="totp-secret">{setup.secret}</code>,
            })}
          </p>
          <form class="stacked-form" method="post" action="/settings/security/totp/enable">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="totp-code"
              name="code"
              label={t('Code from the app')}
              error={form.errors.code}
              autocomplete="one-time-code"
              spellcheck={false}
              required
            />
            <FormActions>
              <button class="button" type="submit">
                {t('Turn on codes')}
              </button>
            </FormActions>
          </form>
        </>
      ) : (
        <>
          <p>{t('Ask for a code from an authenticator app after your password.')}</p>
          <form method="post" action="/settings/security/totp/setup">
            <CsrfField token={site.csrfToken} />
            <button class="button" type="submit">
              {t('Set up an authenticator app')}
            </button>
          </form>
        </>
      )}
    </section>
  )
}

function RecoverySection({ site, overview, form }: SecuritySettingsPageProps) {
  if (!overview.totpEnabled && overview.passkeys.length === 0) return null
  return (
    <section aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('Recovery codes')}</h2>
      <p>
        {t(
          '{count, plural, one {# unused recovery code} other {# unused recovery codes}}. New codes replace all the old ones.',
          { count: overview.unusedRecoveryCodes },
        )}
      </p>
      <form class="stacked-form" method="post" action="/settings/security/recovery-codes">
        <CsrfField token={site.csrfToken} />
        <CurrentPasswordField id="recovery-password" error={form.errors.recovery_password} />
        <FormActions>
          <button class="button" type="submit">
            {t('Make new recovery codes')}
          </button>
        </FormActions>
      </form>
    </section>
  )
}

function PasskeySection({ site, overview, form }: SecuritySettingsPageProps) {
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t('Passkeys')}</h2>
      <p>
        {t(
          "A passkey signs you in with your device's screen lock or a security key: on its own, or as the second step after your password.",
        )}
      </p>
      {overview.passkeys.length === 0 ? (
        <p>{t('No passkeys yet.')}</p>
      ) : (
        <ul class="passkey-list">
          {overview.passkeys.map((passkey) => (
            <PasskeyItem passkey={passkey} site={site} />
          ))}
        </ul>
      )}
      <form
        class="stacked-form"
        method="post"
        action="/settings/security/passkeys"
        data-passkey="register"
      >
        <CsrfField token={site.csrfToken} />
        <input type="hidden" name="response" value="" />
        <TextField
          id="passkey-name"
          name="name"
          label={t('Name for a new passkey')}
          hint={t('Such as the device it lives on. Adding a passkey needs JavaScript.')}
          value={form.values.name ?? ''}
          error={form.errors.name ?? form.errors.passkey}
          maxLength={60}
        />
        <FormActions>
          <button class="button" type="submit">
            {t('Add a passkey')}
          </button>
        </FormActions>
        <p class="field-error" role="alert" data-passkey-status />
      </form>
      {typeof site.assets.passkeys === 'string' && (
        <script type="module" src={site.assets.passkeys} />
      )}
    </section>
  )
}

function PasskeyItem({ passkey, site }: { passkey: PasskeySummary; site: SiteContext }) {
  return (
    <li>
      {passkey.lastUsedAt === null
        ? tx('{name}, added {added}', {
            name: <strong>{passkey.name}</strong>,
            added: <RelativeTime at={passkey.createdAt} now={site.now} />,
          })
        : tx('{name}, added {added}, last used {used}', {
            name: <strong>{passkey.name}</strong>,
            added: <RelativeTime at={passkey.createdAt} now={site.now} />,
            used: <RelativeTime at={passkey.lastUsedAt} now={site.now} />,
          })}
      <form
        class="inline-form"
        method="post"
        action={`/settings/security/passkeys/${passkey.id}/delete`}
        data-island="confirm-submit"
        data-confirm={t('Remove the passkey “{name}”?', { name: passkey.name })}
      >
        <CsrfField token={site.csrfToken} />
        <button class="button button-small button-danger" type="submit">
          {tx('Remove<hidden> {name}</hidden>', {
            name: passkey.name,
            hidden: (c) => <span class="visually-hidden">{c}</span>,
          })}
        </button>
      </form>
    </li>
  )
}
