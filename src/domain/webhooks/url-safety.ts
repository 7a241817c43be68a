/**
 * Where a webhook may be sent (SSRF): http(s) URLs only, without credentials, and, unless the site
 * setting allows it, never to loopback, private, link-local, unique-local, multicast or otherwise
 * reserved addresses. The check runs on every address the name resolves to, at delivery time, and the
 * request connects to the address that was checked (so a name that re-resolves elsewhere between the
 * check and the connection cannot slip through).
 */
import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'
import { WEBHOOK_URL_MAX } from './webhooks.types.js'
import { msg, type Message } from '../shared/index.js'

/** The problem with a URL as typed, or null. */
export function webhookUrlProblem(raw: string): Message | null {
  if (raw.length > WEBHOOK_URL_MAX)
    return {
      message: msg('The URL must be at most {max} characters.'),
      values: { max: WEBHOOK_URL_MAX },
    }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { message: msg('Enter a whole URL, such as https://hooks.example.com/quorum.') }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { message: msg('Only http and https URLs can receive webhooks.') }
  if (url.username !== '' || url.password !== '')
    return {
      message: msg('Put no user name or password in the URL: verify the signature instead.'),
    }
  return null
}

/** Whether an address is one the public internet routes to (ipaddr.js's `unicast` range). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  let ip = ipaddr.parse(address)
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address()
  return ip.range() === 'unicast'
}

/**
 * The address to connect to for `host`: the first it resolves to, after every one was checked. Throws
 * with a sentence when one is not public and private addresses are not allowed.
 */
export async function resolveWebhookHost(
  host: string,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  const bare = host.replace(/^\[|\]$/g, '')
  const found = ipaddr.isValid(bare)
    ? [{ address: bare, family: bare.includes(':') ? 6 : 4 }]
    : await lookup(bare, { all: true, verbatim: true })
  if (found.length === 0) throw new Error(`${host} does not resolve`)
  if (!allowPrivate) {
    const refused = found.find((a) => !isPublicAddress(a.address))
    if (refused)
      throw new Error(
        `${host} resolves to ${refused.address}, a private or reserved address; an admin can allow those in the site settings`,
      )
  }
  const first = found[0]!
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}
