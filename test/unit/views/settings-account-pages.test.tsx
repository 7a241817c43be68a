/**
 * The sessions and account settings pages, the page after a deletion, and how a deleted author is
 * shown wherever a name is (linkless "deleted user").
 */
import { describe, expect, it } from 'vitest'
import { describeUserAgent, type SessionView } from '../../../src/domain/sessions/index.js'
import { deletedUsername, displayName } from '../../../src/domain/shared/index.js'
import { translateMessage } from '../../../src/i18n/index.js'
import { UserName } from '../../../src/views/components/user-name.js'
import { emptyForm } from '../../../src/views/forms.js'
import { AccountDeletedPage } from '../../../src/views/pages/account-deleted-page.js'
import { AccountPage } from '../../../src/views/pages/account-page.js'
import { SessionsPage } from '../../../src/views/pages/sessions-page.js'
import { render as renderFragment } from 'preact-render-to-string'
import { renderDocument } from '../../../src/views/render.js'
import { count, formFor, makeSite, NOW, signedInSite } from './fixtures.js'

const session = (overrides: Partial<SessionView> = {}): SessionView => ({
  id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  device: { message: '{browser} on {os}', values: { browser: 'Firefox', os: 'macOS' } },
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0',
  ip: '192.0.2.10',
  createdAt: NOW - 3 * 24 * 3_600_000,
  lastSeenAt: NOW - 10 * 60_000,
  current: false,
  ...overrides,
})

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox on macOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome on Windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    ['Firefox/128.0', 'Firefox on an unknown system'],
    ['curl/8.5.0', 'Unknown browser'], // the raw string is still on the page, under "Browser details"
    ['', 'Unknown browser'],
    [null, 'Unknown browser'],
    ['\u0000\u0001 not a browser at all', 'Unknown browser'],
  ])('%j is "%s"', (ua, expected) => {
    expect(translateMessage('en', describeUserAgent(ua))).toBe(expected)
  })

  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox unter macOS',
    ],
    ['Firefox/128.0', 'Firefox auf einem unbekannten System'],
    ['curl/8.5.0', 'Unbekannter Browser'],
  ])('%j is "%s" in German', (ua, expected) => {
    expect(translateMessage('de', describeUserAgent(ua))).toBe(expected)
  })
})

describe('SessionsPage', () => {
  it('marks this session, offers Sign out for the others, and Sign out everywhere else', () => {
    const html = renderDocument(
      <SessionsPage
        site={signedInSite({ now: NOW })}
        sessions={[
          session({ id: 'this0000000000000000000000000000', current: true }),
          session({
            device: { message: '{browser} on {os}', values: { browser: 'Chrome', os: 'Windows' } },
            ip: '198.51.100.7',
          }),
        ]}
        notice={null}
      />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(count(html, /class="session-current"/g)).toBe(1)
    expect(html).not.toContain('value="this0000000000000000000000000000"')
    const end = formFor(html, '/settings/sessions/end')
    expect(end).toContain('<input type="hidden" name="_csrf" value="tok-123"/>')
    expect(end).toContain('name="session" value="a1b2c3d4e5f60718293a4b5c6d7e8f90"')
    expect(end).toContain('of Chrome on Windows')
    expect(formFor(html, '/settings/sessions/end-others')).toContain('Sign out everywhere else')
    expect(html).toContain('198.51.100.7')
    expect(html).toContain('aria-current="page">Sessions</a>')
  })

  it('has no sign-out-everywhere form when this is the only session', () => {
    const html = renderDocument(
      <SessionsPage site={signedInSite()} sessions={[session({ current: true })]} notice={null} />,
    )
    expect(html).not.toContain('/settings/sessions/end')
    expect(html).toContain('One active session: this one.')
  })

  it('escapes a User-Agent with markup in it', () => {
    const html = renderDocument(
      <SessionsPage
        site={signedInSite()}
        sessions={[
          session({ userAgent: '<script>alert(1)</script>', device: describeUserAgent(null) }),
        ]}
        notice={null}
      />,
    )
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script>alert(1)&lt;/script>')
  })
})

describe('AccountPage', () => {
  it('posts the export and the deletion, each with the CSRF token; the password is never refilled', () => {
    const html = renderDocument(
      <AccountPage
        site={signedInSite()}
        form={{ values: { confirm: 'ada_fs' }, errors: { password: 'That is not your password.' } }}
        exportError={null}
      />,
    )
    expect(formFor(html, '/settings/account/export')).toContain('name="_csrf" value="tok-123"')
    const del = formFor(html, '/settings/account/delete')
    expect(del).toContain('name="_csrf" value="tok-123"')
    expect(del).toMatch(/<input type="password"[^>]*name="password"[^>]*aria-invalid="true"/)
    expect(del).not.toMatch(/<input type="password"[^>]*value=/)
    expect(del).toMatch(/name="confirm"[^>]*value="ada_fs"|value="ada_fs"[^>]*name="confirm"/)
    expect(html).toContain('<a href="#delete-password">That is not your password.</a>')
    expect(html).toMatch(/<title>Error: /)
  })

  it('shows an export refusal beside its button', () => {
    const html = renderDocument(
      <AccountPage
        site={signedInSite()}
        form={emptyForm({ confirm: '' })}
        exportError="Too many attempts. Try again in 40 minutes."
      />,
    )
    expect(html).toContain('id="export-error">Too many attempts. Try again in 40 minutes.</p>')
  })
})

describe('a deleted author', () => {
  const gone = { username: deletedUsername(42), title: null }

  it('is "deleted user", with no link to a profile', () => {
    const html = renderFragment(<UserName user={gone} />)
    expect(html).toBe('<span class="user-name user-deleted">deleted user</span>')
    expect(displayName(gone)).toBe('deleted user')
    expect(renderFragment(<UserName user={{ username: 'ada_fs', title: null }} />)).toContain(
      'href="/users/ada_fs"',
    )
  })

  it('has a page after deletion that says it is done', () => {
    const html = renderDocument(<AccountDeletedPage site={makeSite()} />)
    expect(html).toContain('<h1>Account deleted</h1>')
    expect(html).toContain('Your account is deleted.')
  })
})
