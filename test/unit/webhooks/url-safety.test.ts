/** Where webhooks may go: only http(s) URLs without credentials, and only public addresses by default. */
import { describe, expect, it } from 'vitest'
import { isPublicAddress, webhookUrlProblem } from '../../../src/domain/webhooks/index.js'
import { translateMessage } from '../../../src/i18n/index.js'

describe('webhook URL safety', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.20',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['8.8.8.8', '93.184.216.34', '2001:4860:4860::8888', '::ffff:93.184.216.34'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true)
    },
  )

  it('takes only http(s) URLs without credentials', () => {
    expect(webhookUrlProblem('https://hooks.example.com/quorum')).toBeNull()
    const problem = (url: string) => {
      const found = webhookUrlProblem(url)
      return found === null ? null : translateMessage('en', found)
    }
    expect(problem('ftp://hooks.example.com/')).toMatch(/Only http and https/)
    expect(problem('https://user:pw@hooks.example.com/')).toMatch(/no user name/)
    expect(problem('not a url')).toMatch(/whole URL/)
    expect(problem(`https://example.com/${'a'.repeat(2000)}`)).toMatch(/at most 2000 characters/)
  })
})
