/**
 * "Firefox on macOS" from a User-Agent header, by bowser (a maintained parser: browser and OS tables
 * kept current upstream, MIT), so the sessions page names a device the way its owner would.
 */
import Bowser from 'bowser'
import { msg, type Message } from '../shared/index.js'

/**
 * A short name for the browser and system behind a User-Agent, as a message for the page's language
 * (browser and system names are proper nouns and stay as bowser gives them), or "Unknown browser" when
 * there is none.
 * @example describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0') // { message: '{browser} on {os}', values: { browser: 'Firefox', os: 'macOS' } }
 */
export function describeUserAgent(userAgent: string | null): Message {
  const unknown = { message: msg('Unknown browser') }
  if (userAgent === null || userAgent.trim() === '') return unknown
  let browser = ''
  let os = ''
  try {
    const parsed = Bowser.parse(userAgent)
    browser = parsed.browser.name ?? ''
    os = parsed.os.name ?? ''
  } catch {
    // bowser throws on input it cannot read at all; the raw string is still shown beside the name.
  }
  if (browser !== '' && os !== '')
    return { message: msg('{browser} on {os}'), values: { browser, os } }
  if (browser !== '') return { message: msg('{browser} on an unknown system'), values: { browser } }
  if (os !== '') return { message: msg('A browser on {os}'), values: { os } }
  return unknown
}
