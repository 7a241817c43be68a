import { describe, expect, it } from 'vitest'
import { emptyForm } from '../../../src/views/forms.js'
import { LoginPage } from '../../../src/views/pages/login-page.js'
import { RegisterPage } from '../../../src/views/pages/register-page.js'
import { SettingsPage } from '../../../src/views/pages/settings-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { count, formFor, makeSite, signedInSite } from './fixtures.js'

const visitor = makeSite({ csrfToken: 'tok-123' })

/** The opening tag of the control with this id. */
function control(html: string, id: string): string {
  const tag = html.match(new RegExp(`<(input|textarea)\\b[^>]*\\sid="${id}"[^>]*>`))
  if (tag === null) throw new Error(`no control #${id}`)
  return tag[0]
}

describe('RegisterPage', () => {
  const render = (form = emptyForm({ username: '', email: '' })) =>
    renderDocument(<RegisterPage site={visitor} form={form} registration="open" stamp="stamp-1" />)

  it('has one h1, a CSRF-protected POST to /register and a link to sign in', () => {
    const html = render()
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(formFor(html, '/register')).toContain(
      '<input type="hidden" name="_csrf" value="tok-123"/>',
    )
    expect(html).toContain('<a href="/login">Sign in</a>')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).not.toContain('There is a problem')
  })

  it('labels username, email and password, with the password rules as a hint', () => {
    const html = render()
    expect(html).toContain('<label class="field-label" for="register-username">Username</label>')
    expect(control(html, 'register-email')).toMatch(/type="email"/)
    const password = control(html, 'register-password')
    expect(password).toMatch(/type="password"/)
    expect(password).toContain('autocomplete="new-password"')
    expect(password).toContain('minlength="10"')
    expect(password).toContain('aria-describedby="register-password-hint"')
    expect(html).toContain(
      'At least 10 characters; long passphrases welcome; common passwords are refused.',
    )
  })

  it('refills username and email, never the password, and ties each error to its field', () => {
    const html = render({
      values: { username: 'ada_fs', email: 'ada@example.org' },
      errors: { username: 'That username is taken.', password: 'That password is too common.' },
    })
    expect(control(html, 'register-username')).toContain('value="ada_fs"')
    expect(control(html, 'register-email')).toContain('value="ada@example.org"')
    expect(control(html, 'register-password')).not.toContain('value=')
    expect(control(html, 'register-username')).toContain('aria-invalid="true"')
    expect(control(html, 'register-username')).toContain(
      'aria-describedby="register-username-hint register-username-error"',
    )
    expect(html).toMatch(
      /<p class="field-error" id="register-username-error"><span class="visually-hidden">Error: <\/span>That username is taken.<\/p>/,
    )
    expect(control(html, 'register-email')).not.toContain('aria-invalid')
    expect(html).toContain('<title>Error: Create an account – Quorum</title>')
  })

  it('summarises the problems at the top, in field order, linking to each field', () => {
    const html = render({
      values: { username: 'ada_fs', email: 'x' },
      errors: { password: 'Too short.', username: 'Taken.' },
      formError: 'Too many attempts; try again in 5 minutes.',
    })
    const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf('<h1'))
    expect(summary).toContain('There is a problem')
    expect(summary).toContain('<li>Too many attempts; try again in 5 minutes.</li>')
    expect(summary.indexOf('href="#register-username"')).toBeLessThan(
      summary.indexOf('href="#register-password"'),
    )
    expect(summary).toContain('<a href="#register-password">Too short.</a>')
  })

  it('lists an error for a field the form does not show, without a dead link', () => {
    const html = render({ values: { username: '', email: '' }, errors: { captcha: 'Nope.' } })
    expect(html).toContain('<li>Nope.</li>')
  })
})

describe('LoginPage', () => {
  it('posts login and password to /login with the CSRF token, and links to /register', () => {
    const html = renderDocument(
      <LoginPage site={visitor} form={emptyForm({ login: '' })} next={null} />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    const form = formFor(html, '/login')
    expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(form).toContain('<label class="field-label" for="login-name">Username or email</label>')
    expect(control(html, 'login-name')).toContain('name="login"')
    expect(control(html, 'login-password')).toContain('autocomplete="current-password"')
    expect(form).not.toContain('name="next"')
    expect(html).toContain('<a href="/register">Create an account</a>')
  })

  it('carries next through, refills the login and never the password', () => {
    const html = renderDocument(
      <LoginPage
        site={visitor}
        form={{
          values: { login: 'ada@example.org' },
          errors: { password: 'Wrong username or password.' },
        }}
        next="/threads/101"
      />,
    )
    expect(html).toContain('<input type="hidden" name="next" value="/threads/101"/>')
    expect(control(html, 'login-name')).toContain('value="ada@example.org"')
    expect(control(html, 'login-password')).not.toContain('value=')
    expect(control(html, 'login-password')).toContain('aria-describedby="login-password-error"')
    expect(html).toContain('<a href="#login-password">Wrong username or password.</a>')
  })
})

describe('SettingsPage', () => {
  it('posts both passwords to /settings/password, refilling neither', () => {
    const html = renderDocument(
      <SettingsPage
        site={signedInSite()}
        form={{ values: {}, errors: { current_password: 'That is not your password.' } }}
        notice={null}
      />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    const form = formFor(html, '/settings/password')
    expect(form).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(control(html, 'settings-current-password')).toContain('name="current_password"')
    expect(control(html, 'settings-current-password')).toContain('aria-invalid="true"')
    expect(control(html, 'settings-new-password')).toContain('name="new_password"')
    expect(control(html, 'settings-new-password')).toContain('autocomplete="new-password"')
    for (const id of ['settings-current-password', 'settings-new-password'])
      expect(control(html, id)).not.toContain('value=')
    expect(html).not.toContain('role="status"')
  })

  it('shows the success notice', () => {
    const html = renderDocument(
      <SettingsPage
        site={signedInSite()}
        form={emptyForm({})}
        notice="Password changed; your other sessions were signed out."
      />,
    )
    expect(html).toContain(
      '<div class="notice-success" role="status"><p>Password changed; your other sessions were signed out.</p></div>',
    )
  })
})
