/**
 * "Redact before posting" on the ask form (docs/signatures.md, "Redact before posting"): finds what a pasted
 * log says about the person who pasted it (user names in paths, serial numbers, device UDIDs, email
 * addresses, host names) and replaces what they choose. Runs in the browser only; the server keeps what is
 * posted. Pure: a text in, findings and a text out.
 */

export type SensitiveKind = 'user name' | 'serial number' | 'UDID' | 'email address' | 'host name'

/** One distinct value found, how often it occurs, and what would stand in for it. */
export interface Finding {
  kind: SensitiveKind
  value: string
  count: number
  replacement: string
}

const REPLACEMENT: Readonly<Record<SensitiveKind, string>> = {
  'user name': 'USER',
  'serial number': 'SERIAL',
  UDID: 'UDID',
  'email address': 'user@example.com',
  'host name': 'HOST',
}

/** Names in paths that belong to no person. */
const NOT_USERS = new Set([
  'Shared',
  'Guest',
  'root',
  'USER',
  'user',
  'username',
  'runner',
  'admin',
])

/** Patterns with the sensitive value in group 1. */
const PATTERNS: readonly { kind: SensitiveKind; re: RegExp }[] = [
  { kind: 'user name', re: /\/(?:Users|home)\/([A-Za-z0-9._-]+)(?=\/|\s|$|["'):,])/g },
  { kind: 'user name', re: /\b[A-Z]:\\Users\\([A-Za-z0-9._ -]+?)\\/g },
  { kind: 'user name', re: /^([a-z_][a-z0-9_.-]*)@[A-Za-z0-9-]+ [^\n]*[%$#] /gm },
  {
    kind: 'serial number',
    re: /(?:Serial Number(?: \(system\))?|IOPlatformSerialNumber"?|serial_number"?|Serial)\s*[:=]\s*"?([A-Z0-9]{8,14})\b/g,
  },
  {
    kind: 'UDID',
    re: /(?:Hardware UUID|Provisioning UDID|UDID|Device Identifier|CrashReporter Key)\s*[:=]\s*"?([0-9A-Fa-f-]{24,40})\b/g,
  },
  { kind: 'UDID', re: /\b([0-9A-F]{8}-[0-9A-F]{16})\b/g },
  {
    kind: 'email address',
    re: /\b([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b/g,
  },
  { kind: 'host name', re: /^[a-z_][a-z0-9_.-]*@([A-Za-z0-9-]+) [^\n]*[%$#] /gm },
  { kind: 'host name', re: /\b([A-Za-z0-9-]+\.local)\b/g },
  {
    kind: 'host name',
    re: /\b((?:[A-Za-z0-9]+-)+(?:MacBook|iMac|Mac-mini|Mac-Pro|Mac-Studio|MBP)[A-Za-z0-9-]*)\b/g,
  },
  {
    kind: 'host name',
    re: /(?:Computer Name|HostName|LocalHostName)\s*[:=]\s*"?([A-Za-z0-9-]{3,63})\b/g,
  },
]

/**
 * The sensitive values of a text, each once, in order of first appearance.
 * @example findSensitive('open /Users/jdoe/x failed') // [{ kind: 'user name', value: 'jdoe', count: 1, replacement: 'USER' }]
 */
export function findSensitive(text: string): Finding[] {
  const found = new Map<string, { kind: SensitiveKind; value: string; at: number }>()
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = (m[1] ?? '').trim()
      if (value.length < 2 || found.has(value)) continue
      if (kind === 'user name' && NOT_USERS.has(value)) continue
      if (kind === 'email address' && /@example\.(?:com|org|net|test)$/i.test(value)) continue
      found.set(value, { kind, value, at: m.index + m[0].indexOf(value) })
    }
  }
  return [...found.values()]
    .sort((a, b) => a.at - b.at)
    .map(({ kind, value }) => ({
      kind,
      value,
      count: occurrences(text, value).length,
      replacement: REPLACEMENT[kind],
    }))
}

/**
 * The text with every occurrence of each chosen value replaced (whole words only: `jdoe` in `jdoe2` stays).
 * @example redact('/Users/jdoe/a and jdoe', [{ kind: 'user name', value: 'jdoe', count: 2, replacement: 'USER' }])
 * // "/Users/USER/a and USER"
 */
export function redact(text: string, chosen: readonly Finding[]): string {
  // Longer values first, so an email holding a user name is replaced whole.
  let out = text
  for (const f of [...chosen].sort((a, b) => b.value.length - a.value.length))
    out = out.replace(wordRe(f.value), f.replacement)
  return out
}

function occurrences(text: string, value: string): number[] {
  return [...text.matchAll(wordRe(value))].map((m) => m.index)
}

function wordRe(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_])`, 'g')
}
