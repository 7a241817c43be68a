import { msg, t, tx } from '../../i18n/index.js'
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
  read: msg('Read what you can read, including your notifications.'),
  write: msg('Ask, reply, comment, edit, boost and accept as you.'),
  moderate: msg('Staff actions: flags, review, hiding, locking.'),
  admin: msg('Site administration.'),
}

const lifetimeLabel = (d: number | null) =>
  d === null ? t('Never expires') : t('{days, plural, one {# day} other {# days}}', { days: d })

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
    <Layout site={site} meta={{ title: formPageTitle(t('API tokens'), form), noindex: true }}>
      <div class="form-page form-page-wide">
        {notice !== null && (
          <div class="notice-success" role="status">
            <p>{notice}</p>
          </div>
        )}
        <h1>{t('Settings')}</h1>
        <SettingsNav current="/settings/tokens" />
        {created !== null && (
          <div class="notice-success" role="status">
            <p>
              {t('Your new token “{name}”. Copy it now: it will not be shown again.', {
                name: created.name,
              })}
            </p>
            <p>
              <code class="token-value">{created.token}</code>
            </p>
          </div>
        )}
        <h2 id="tokens-heading">{t('API tokens')}</h2>
        <p class="lede">
          {tx(
            'Scripts and bots use a token to call the <a>API</a> as you. A token never does more than you can, and only what its scopes allow.',
            { a: (chunks) => <a href="/api/docs">{chunks}</a> },
          )}
        </p>
        {tokens.length === 0 ? (
          <p>{t('You have no tokens.')}</p>
        ) : (
          <table class="token-list" aria-labelledby="tokens-heading">
            <thead>
              <tr>
                <th scope="col">{t('Name')}</th>
                <th scope="col">{t('Scopes')}</th>
                <th scope="col">{t('Expires')}</th>
                <th scope="col">{t('Last used')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr data-token={token.id}>
                  <td>
                    {token.name} <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>
                    {token.expiresAt === null ? (
                      t('never')
                    ) : (
                      <RelativeTime at={token.expiresAt} now={site.now} />
                    )}
                  </td>
                  <td>
                    {token.lastUsedAt === null ? (
                      t('never')
                    ) : token.lastUsedIp === null ? (
                      <RelativeTime at={token.lastUsedAt} now={site.now} />
                    ) : (
                      tx('{time} from {ip}', {
                        time: <RelativeTime at={token.lastUsedAt} now={site.now} />,
                        ip: token.lastUsedIp,
                      })
                    )}
                  </td>
                  <td>
                    <form method="post" action={`/settings/tokens/${token.id}/revoke`}>
                      <CsrfField token={site.csrfToken} />
                      <button class="button button-quiet button-small" type="submit">
                        {tx('Revoke<hidden> {name}</hidden>', {
                          name: token.name,
                          hidden: (chunks) => <span class="visually-hidden">{chunks}</span>,
                        })}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('New token')}</h2>
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
            label={t('Name')}
            hint={t('What uses it, so you recognise it later: “CI crash reporter”.')}
            value={form.values.name}
            error={form.errors.name}
            required
            maxLength={TOKEN_NAME_MAX}
          />
          <fieldset
            class={form.errors.scopes === undefined ? 'field' : 'field has-error'}
            aria-describedby={describedBy('token-scopes', false, form.errors.scopes)}
          >
            <legend class="field-label">{t('Scopes')}</legend>
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
                  <strong>{scope}</strong>: {t(SCOPE_HINTS[scope])}
                </label>
              </div>
            ))}
          </fieldset>
          <div class={form.errors.lifetime === undefined ? 'field' : 'field has-error'}>
            <label class="field-label" for="token-lifetime">
              {t('Expires after')}
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
              {t('Make token')}
            </button>
          </FormActions>
        </form>
      </div>
    </Layout>
  )
}
