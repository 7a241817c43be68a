/**
 * "Firefox on macOS" from a User-Agent header, by bowser (a maintained parser: browser and OS tables
 * kept current upstream, MIT), so the sessions page names a device the way its owner would.
 */
import Bowser from 'bowser'

/**
 * A short name for the browser and system behind a User-Agent, or "Unknown browser" when there is none.
 * @example describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0') // "Firefox on macOS"
 */
export function describeUserAgent(userAgent: string | null): string {
  if (userAgent === null || userAgent.trim() === '') return 'Unknown browser'
  let browser = ''
  let os = ''
  try {
    const parsed = Bowser.parse(userAgent)
    browser = parsed.browser.name ?? ''
    os = parsed.os.name ?? ''
  } catch {
    // bowser throws on input it cannot read at all; the raw string is still shown beside the name.
  }
  if (browser !== '' && os !== '') return `${browser} on ${os}`
  if (browser !== '') return browser
  if (os !== '') return `A browser on ${os}`
  return 'Unknown browser'
}
