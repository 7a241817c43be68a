/**
 * The passkey script, bundled apart from main.js (scripts/build.mjs) and loaded only by the pages that
 * offer passkeys. Each `form[data-passkey]` posts as usual; this script fills its `response` field
 * first: it asks the server for WebAuthn options (a form post answered with JSON), runs the browser's ceremony, and
 * submits the form with the answer. Without WebAuthn the sign-in forms stay hidden.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser'
import { t } from './lib/i18n.js'

const OPTIONS_URL: Record<string, string> = {
  register: '/settings/security/passkeys/options',
  'sign-in': '/login/passkey/options',
  'second-step': '/login/two-factor/passkey/options',
}

function wire(form: HTMLFormElement): void {
  const kind = form.dataset.passkey ?? ''
  const optionsUrl = OPTIONS_URL[kind]
  if (optionsUrl === undefined || form.dataset.passkeyReady !== undefined) return
  form.dataset.passkeyReady = ''
  if (!browserSupportsWebAuthn()) {
    if (kind === 'register') say(form, t('This browser cannot create passkeys.'))
    return
  }
  form.hidden = false
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run(form, kind, optionsUrl)
  })
}

async function run(form: HTMLFormElement, kind: string, optionsUrl: string): Promise<void> {
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  const field = form.querySelector<HTMLInputElement>('input[name="response"]')
  if (field === null) return
  say(form, '')
  form.setAttribute('aria-busy', 'true')
  try {
    const res = await fetch(optionsUrl, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ _csrf: csrf }),
      credentials: 'same-origin',
    })
    const body: unknown = await res.json()
    if (!res.ok) {
      const message = (body as { error?: { message?: string } }).error?.message
      throw new Error(message ?? t('The server refused; reload the page and try again.'))
    }
    const answer =
      kind === 'register'
        ? await startRegistration({ optionsJSON: body as never })
        : await startAuthentication({ optionsJSON: body as never })
    field.value = JSON.stringify(answer)
    HTMLFormElement.prototype.submit.call(form)
  } catch (error) {
    form.removeAttribute('aria-busy')
    say(form, error instanceof Error ? error.message : t('The passkey could not be used.'))
  }
}

function say(form: HTMLFormElement, message: string): void {
  const status = form.querySelector<HTMLElement>('[data-passkey-status]')
  if (status !== null) status.textContent = message
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-passkey]')) wire(form)
