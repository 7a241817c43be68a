import {
  API_SCOPES,
  TOKEN_LIFETIMES_DAYS,
  TOKEN_NAME_MAX,
  type ApiScope,
  type ApiTokenView,
} from '../../domain/api-tokens/index.js'
import {
  CsrfField,
  ErrorSummary,
  FieldError,
  FormActions,
  TextField,
  describedBy,
  formPageTitle,
} from '../components/form-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import { SettingsNav } from '../components/settings-nav.js'
import type { FormState } from '../forms.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface TokenValues {
  name: string
  scopes: string[]
  lifetime: string
}

export interface TokensPageProps {
  site: SiteContext
  tokens: ApiTokenView[]
  /** The scopes this person's role can hold. */
  allowedScopes: ApiScope[]
  form: FormState<TokenValues>
  /** A token just made: shown this once, never again. */
  created: { name: string; token: string } | null
  notice: string | null
}

const SCOPE_HINTS: Record<ApiScope, string> = {
  read: 'Read what you can read, including your notifications.',
  write: 'Ask, reply, comment, edit, boost and accept as you.',
  moderate: 'Staff actions: flags, review, hiding, locking.',
  admin: 'Site administration.',
}

const lifetimeLabel = (d: number | null) => (d === null ? 'Never expires' : `${d} days`)

/**
 * /settings/tokens: personal access tokens for the API. A new token is shown once, on the page that
 * made it; the list shows each token's name, scopes, expiry and last use, with Revoke.
 */
export function TokensPage({
  site,
  tokens,
  allowedScopes,
  form,
  created,
  notice,
}: TokensPageProps) {
  return (
    <Layout site={site} meta={{ title: formPageTitle('API tokens', form), noindex: true }}>
      <div class="form-page form-page-wide">
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>Settings</h1>
        <SettingsNav current="/settings/tokens" />
        {created !== null && (
          <div class="notice-success" role="status">
            <p>Your new token “{created.name}”. Copy it now: it will not be shown again.</p>
            <p>
              <code class="token-value">{created.token}</code>
            </p>
          </div>
        )}
        <h2 id="tokens-heading">API tokens</h2>
        <p class="lede">
          Scripts and bots use a token to call the <a href="/api/docs">API</a> as you. A token never
          does more than you can, and only what its scopes allow.
        </p>
        {tokens.length === 0 ? (
          <p>You have no tokens.</p>
        ) : (
          <table class="token-list" aria-labelledby="tokens-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr data-token={t.id}>
                  <td>
                    {t.name} <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>
                    {t.expiresAt === null ? (
                      'never'
                    ) : (
                      <RelativeTime at={t.expiresAt} now={site.now} />
                    )}
                  </td>
                  <td>
                    {t.lastUsedAt === null ? (
                      'never'
                    ) : (
                      <>
                        <RelativeTime at={t.lastUsedAt} now={site.now} />
                        {t.lastUsedIp !== null && ` from ${t.lastUsedIp}`}
                      </>
                    )}
                  </td>
                  <td>
                    <form method="post" action={`/settings/tokens/${t.id}/revoke`}>
                      <CsrfField token={site.csrfToken} />
                      <button class="button button-quiet button-small" type="submit">
                        Revoke<span class="visually-hidden"> {t.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>New token</h2>
        <ErrorSummary
          form={form}
          fields={[
            ['name', 'token-name'],
            ['scopes', 'token-scope-read'],
            ['lifetime', 'token-lifetime'],
          ]}
        />
        <form method="post" action="/settings/tokens" novalidate={false}>
          <CsrfField token={site.csrfToken} />
          <TextField
            id="token-name"
            name="name"
            label="Name"
            hint="What uses it, so you recognise it later: “CI crash reporter”."
            value={form.values.name}
            error={form.errors.name}
            required
            maxLength={TOKEN_NAME_MAX}
          />
          <fieldset
            class={form.errors.scopes === undefined ? 'field' : 'field has-error'}
            aria-describedby={describedBy('token-scopes', false, form.errors.scopes)}
          >
            <legend class="field-label">Scopes</legend>
            <FieldError id="token-scopes" message={form.errors.scopes} />
            {API_SCOPES.filter((s) => allowedScopes.includes(s)).map((scope) => (
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={`token-scope-${scope}`}
                  name="scopes"
                  value={scope}
                  checked={form.values.scopes.includes(scope)}
                />
                <label for={`token-scope-${scope}`}>
                  <strong>{scope}</strong>: {SCOPE_HINTS[scope]}
                </label>
              </div>
            ))}
          </fieldset>
          <div class={form.errors.lifetime === undefined ? 'field' : 'field has-error'}>
            <label class="field-label" for="token-lifetime">
              Expires after
            </label>
            <FieldError id="token-lifetime" message={form.errors.lifetime} />
            <select id="token-lifetime" name="lifetime">
              {TOKEN_LIFETIMES_DAYS.map((d) => (
                <option
                  value={String(d ?? 'never')}
                  selected={form.values.lifetime === String(d ?? 'never')}
                >
                  {lifetimeLabel(d)}
                </option>
              ))}
            </select>
          </div>
          <FormActions>
            <button class="button button-primary" type="submit">
              Make token
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
