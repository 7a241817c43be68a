import type { PasskeySummary, SecurityOverview, TotpSetup } from '../../domain/two-factor/index.js'
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
    <Layout site={site} meta={{ title: formPageTitle('Security', form), noindex: true }}>
      <div class="form-page">
        <ErrorSummary form={form} fields={FIELDS} />
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>Security</h1>
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
      <h2 id="new-recovery-codes">Your recovery codes</h2>
      <p>
        Keep these somewhere safe, such as a password manager. Each one signs you in once when you
        cannot use your app or passkey. They are shown only now.
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
      <h2 id="totp-heading">Authenticator app</h2>
      {overview.totpEnabled ? (
        <>
          <p>Two-factor codes are on: signing in asks for a code from your app.</p>
          <form class="stacked-form" method="post" action="/settings/security/totp/disable">
            <CsrfField token={site.csrfToken} />
            <CurrentPasswordField
              id="totp-disable-password"
              hint="Needed to turn two-factor codes off."
              error={form.errors.disable_password}
            />
            <FormActions>
              <button class="button button-danger" type="submit">
                Turn off codes
              </button>
            </FormActions>
          </form>
        </>
      ) : setup !== null ? (
        <>
          <p>
            Scan this code with an authenticator app (such as Aegis, Google Authenticator or
            1Password), then enter the 6-digit code it shows.
          </p>
          <QrCode text={setup.uri} label="QR code for your authenticator app" />
          <p>
            Cannot scan? Type this key into the app: <code class="totp-secret">{setup.secret}</code>
          </p>
          <form class="stacked-form" method="post" action="/settings/security/totp/enable">
            <CsrfField token={site.csrfToken} />
            <TextField
              id="totp-code"
              name="code"
              label="Code from the app"
              error={form.errors.code}
              autocomplete="one-time-code"
              spellcheck={false}
              required
            />
            <FormActions>
              <button class="button" type="submit">
                Turn on codes
              </button>
            </FormActions>
          </form>
        </>
      ) : (
        <>
          <p>Ask for a code from an authenticator app after your password.</p>
          <form method="post" action="/settings/security/totp/setup">
            <CsrfField token={site.csrfToken} />
            <button class="button" type="submit">
              Set up an authenticator app
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
      <h2 id="recovery-heading">Recovery codes</h2>
      <p>
        {overview.unusedRecoveryCodes} unused recovery code
        {overview.unusedRecoveryCodes === 1 ? '' : 's'}. New codes replace all the old ones.
      </p>
      <form class="stacked-form" method="post" action="/settings/security/recovery-codes">
        <CsrfField token={site.csrfToken} />
        <CurrentPasswordField id="recovery-password" error={form.errors.recovery_password} />
        <FormActions>
          <button class="button" type="submit">
            Make new recovery codes
          </button>
        </FormActions>
      </form>
    </section>
  )
}

function PasskeySection({ site, overview, form }: SecuritySettingsPageProps) {
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>
        A passkey signs you in with your device's screen lock or a security key: on its own, or as
        the second step after your password.
      </p>
      {overview.passkeys.length === 0 ? (
        <p>No passkeys yet.</p>
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
          label="Name for a new passkey"
          hint="Such as the device it lives on. Adding a passkey needs JavaScript."
          value={form.values.name ?? ''}
          error={form.errors.name ?? form.errors.passkey}
          maxLength={60}
        />
        <FormActions>
          <button class="button" type="submit">
            Add a passkey
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
      <strong>{passkey.name}</strong>, added <RelativeTime at={passkey.createdAt} now={site.now} />
      {passkey.lastUsedAt !== null && (
        <>
          , last used <RelativeTime at={passkey.lastUsedAt} now={site.now} />
        </>
      )}
      <form
        class="inline-form"
        method="post"
        action={`/settings/security/passkeys/${passkey.id}/delete`}
        data-island="confirm-submit"
        data-confirm={`Remove the passkey “${passkey.name}”?`}
      >
        <CsrfField token={site.csrfToken} />
        <button class="button button-small button-danger" type="submit">
          Remove<span class="visually-hidden"> {passkey.name}</span>
        </button>
      </form>
    </li>
  )
}
