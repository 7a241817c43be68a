import { t } from '../../i18n/index.js'
import { CsrfField } from './form-fields.js'

/** A configured sign-in provider, as a button shows it. */
export interface ProviderButton {
  id: string
  name: string
}

/**
 * "Sign in with <name>": one small form per provider, POSTing with the CSRF token to start the flow
 * (a GET must not start one: it writes a row and sets a cookie). `next` rides along.
 */
export function ProviderButtons({
  providers,
  csrfToken,
  next,
  verb = 'Sign in with',
}: {
  providers: readonly ProviderButton[]
  csrfToken: string | null
  next: string | null
  /** What the buttons do: "Sign in with GitHub" or (on the sign-in providers page) "Link GitHub". */
  verb?: 'Sign in with' | 'Link'
}) {
  if (providers.length === 0) return null
  return (
    <ul class="provider-buttons">
      {providers.map((p) => (
        <li key={p.id}>
          <form method="post" action={`/auth/oidc/${p.id}/start`}>
            <CsrfField token={csrfToken} />
            {next !== null && <input type="hidden" name="next" value={next} />}
            <button class="button button-quiet" type="submit">
              {verb === 'Link'
                ? t('Link {provider}', { provider: p.name })
                : t('Sign in with {provider}', { provider: p.name })}
            </button>
          </form>
        </li>
      ))}
    </ul>
  )
}
