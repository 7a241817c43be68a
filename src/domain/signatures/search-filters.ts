/**
 * The search operators over signatures (docs/signatures.md, "Search operators"): `os:"macOS 26"`,
 * `build:25B78`, `errno:ENOENT` (also `errno:Err#2`, `errno:2`, `errno:0xe00002e2`), `sym:vnop_lookup`,
 * `fb:FB12345678`, `crash:3f2a9c1b0d4e`. Search parses the query; this module says what each value means, and
 * signatures.queries.ts turns it into SQL over the stored signatures.
 */
import { msg } from '../shared/index.js'
import { MACOS_NAMES, PLATFORMS } from './data/os-releases.js'
import { canonicalErrorName } from './errors.js'
import type { SignatureKind } from './signatures.types.js'
import { symbolKey } from './symbols.js'

/** The operators, by the name typed before the colon. */
export const SIGNATURE_OPERATORS = ['os', 'build', 'errno', 'sym', 'fb', 'crash'] as const
export type SignatureOperator = (typeof SIGNATURE_OPERATORS)[number]

/** Which stored signatures an operator matches: one of `keys`, or a key prefix with a version prefix. */
export interface SignatureFilter {
  kind: SignatureKind
  keys?: string[]
  /** `os:` only: the platform part of the key ("macos-"). */
  keyPrefix?: string
  /** `os:` only: the version, matched as itself or as a prefix before a dot ("26" → "26", "26.1"). */
  versionPrefix?: string
  /** As typed, for notices and the search box. */
  label: string
}

/**
 * What an operator's value means, or a problem (a sentence for the notice) when it names nothing we store.
 * @example parseSignatureOperator('errno', 'Err#2') // { kind: 'error', keys: ['ENOENT'], label: 'errno:Err#2' }
 * A value it cannot read gives the problem instead, an English message (`msg()`) the caller shows.
 * @example parseSignatureOperator('os', 'macOS 26') // { kind: 'os', keyPrefix: 'macos-', versionPrefix: '26', … }
 */
export function parseSignatureOperator(
  operator: SignatureOperator,
  raw: string,
): SignatureFilter | string {
  const value = raw.trim()
  const label = `${operator}:${/\s/.test(value) ? `"${value}"` : value}`
  switch (operator) {
    case 'os':
      return parseOs(value, label)
    case 'build': {
      const m = /^(\d{2})([a-z])(\d{1,5})([a-z]?)$/i.exec(value)
      if (!m) return msg('build: takes a build number such as build:25B78;')
      const build = `${m[1]}${(m[2] ?? '').toUpperCase()}${m[3]}${(m[4] ?? '').toLowerCase()}`
      return { kind: 'os', keys: PLATFORMS.map((p) => `${p.key}-${build}`), label }
    }
    case 'errno': {
      const name = canonicalErrorName(value)
      return name === null
        ? msg('errno: takes an error such as errno:ENOENT, errno:Err#2 or errno:22;')
        : { kind: 'error', keys: [name], label }
    }
    case 'sym': {
      const key = symbolKey(value)
      return /^[\w:.~\-+[\] ()!]{2,120}$/.test(key)
        ? { kind: 'symbol', keys: [key], label }
        : msg('sym: takes a function or class name such as sym:vnop_lookup;')
    }
    case 'fb': {
      const fb = /^(?:FB)?(\d{7,9})$/i.exec(value)
      const radar = /^rdar:\/\/(?:problem\/)?(\d{6,9})$/.exec(value)
      if (fb) return { kind: 'reference', keys: [`FB${fb[1]}`], label }
      if (radar) return { kind: 'reference', keys: [`rdar://${radar[1]}`], label }
      return msg('fb: takes a Feedback number such as fb:FB12345678;')
    }
    case 'crash':
      return /^[0-9a-f]{12}$/i.test(value)
        ? { kind: 'crash', keys: [value.toLowerCase()], label }
        : msg('crash: takes a crash id such as crash:3f2a9c1b0d4e;')
  }
}

/** "macOS 26", "macOS 26.1", "Sequoia", "iOS 18.2", "26.1" (macOS by default). */
function parseOs(value: string, label: string): SignatureFilter | string {
  const problem = msg('os: takes a release such as os:"macOS 26" or os:Sequoia;')
  const lower = value.toLowerCase().replace(/\s+/g, ' ')
  const named = MACOS_NAMES.find((n) => lower === n.name.toLowerCase())
  if (named) return { kind: 'os', keyPrefix: 'macos-', versionPrefix: named.version, label }
  const platform = PLATFORMS.find((p) =>
    p.aliases.some((a) => lower.startsWith(`${a.toLowerCase()} `) || lower === a.toLowerCase()),
  )
  const alias = platform?.aliases.find((a) => lower.startsWith(a.toLowerCase()))
  const rest = alias === undefined ? lower : lower.slice(alias.length).trim()
  if (platform !== undefined && rest === '')
    return { kind: 'os', keyPrefix: `${platform.key}-`, label }
  const byName = MACOS_NAMES.find((n) => rest.startsWith(n.name.toLowerCase()))
  const version = byName ? rest.slice(byName.name.length).trim() || byName.version : rest
  if (!/^\d{1,2}(?:\.\d{1,2}){0,2}$/.test(version)) return problem
  return { kind: 'os', keyPrefix: `${platform?.key ?? 'macos'}-`, versionPrefix: version, label }
}
