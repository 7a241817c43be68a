/**
 * Error codes, normalised across their spellings to one canonical name (docs/signatures.md, "Errors"):
 * - errno: ENOENT; Err#2 (dtruss); "errno 2", "errno = 2"; "error 35", "failed 22", "failed with 22"
 *   (2 to 106, followed by nothing that makes it a count); NSPOSIXErrorDomain Code=2; and
 *   strerror text after ": " or in quotes ("open: No such file or directory");
 * - kern_return_t: KERN_INVALID_ARGUMENT; "(os/kern) invalid argument"; "kr = 4", "kern_return_t 4";
 * - IOReturn: kIOReturnBadArgument; 0xe00002c2; -536870206 (the same code printed as a signed int);
 *   "(iokit/common) invalid argument".
 */
import { ERRNO, ERRNO_ALIASES } from './data/errno.js'
import { IO_RETURN } from './data/io-return.js'
import { KERN_RETURN } from './data/kern-return.js'
import type { ErrorMention } from './signatures.types.js'

const ERRNO_BY_NAME = new Map(ERRNO.map((e) => [e.name, e]))
const ERRNO_BY_NUMBER = new Map(ERRNO.filter((e) => e.number > 0).map((e) => [e.number, e]))
const ERRNO_BY_MESSAGE = new Map(
  ERRNO.filter((e) => e.message !== null && !e.message.startsWith('E')).map((e) => [
    e.message ?? '',
    e,
  ]),
)
/** strerror text in any case, for search operators: `errno:"no buffer space available"`. */
const ERRNO_BY_LOWER_MESSAGE = new Map([...ERRNO_BY_MESSAGE].map(([m, e]) => [m.toLowerCase(), e]))
const KERN_BY_NAME = new Map(KERN_RETURN.map((k) => [k.name, k]))
const KERN_BY_NUMBER = new Map(KERN_RETURN.map((k) => [k.number, k]))
const KERN_BY_MESSAGE = new Map(
  KERN_RETURN.filter((k) => k.message !== null).map((k) => [k.message?.toLowerCase() ?? '', k]),
)
const IO_BY_NAME = new Map(IO_RETURN.map((r) => [r.name, r]))
const IO_BY_CODE = new Map(IO_RETURN.map((r) => [r.code, r]))
const IO_BY_MESSAGE = new Map(
  IO_RETURN.filter((r) => r.message !== null).map((r) => [r.message?.toLowerCase() ?? '', r]),
)

const NAME_RE = /(?<![\w#])(E[A-Z0-9]{2,15}|KERN_[A-Z_]+|kIO(?:Return|USB)[A-Za-z]+)(?![\w])/g
const DTRUSS_RE = /\bErr#(\d{1,3})\b/g
/**
 * Words after which a small number is an errno: "errno 2", "error: 35", "failed 22", "failed with 22".
 * Not "returned 4": a return value is as often a kern_return_t, a count or a boolean as an errno.
 */
const NUMBERED_RE =
  /\b(errno|error|err|failed|fails)(?:\s*(?:[:=]|with|code|is|was|with error|with errno)\s*|\s+)\(?(-?\d{1,3})\)?(?=$|[\s).,;:\]'"`]|\s*\()/gim
/** What follows a number that makes it a count, not an error code: "failed 3 times", "returned 22 bytes". */
const COUNT_AFTER_RE =
  /^\s*(?:times?|bytes?|of|items?|entries|seconds?|secs?|s\b|ms|minutes?|mins?|hours?|days?|packets?|frames?|calls?|%|x\b|out|more|less|lines?|threads?|rows?|files?|records?|pages?|percent|tests?|cases?|MB|KB|GB|in a row|consecutive|attempts?|retries|iterations?)/i
/** "OSSystemExtensionErrorDomain error 8", "OSStatus error -50": numbers from another error space. */
const OTHER_DOMAIN_RE = /(?:(?<!NSPOSIX)ErrorDomain|OSStatus|HRESULT|HTTP|status code)[^\n]{0,30}$/i
const POSIX_DOMAIN_RE = /NSPOSIXErrorDomain[^\n]{0,20}?\bCode\s*=\s*(\d{1,3})\b/g
const KERN_NUMBER_RE =
  /\b(?:kr|kern_return_t|kret|kern_return)\s*(?:[:=]|of|is)?\s*(0x[0-9a-fA-F]{1,2}|\d{1,2})\b/g
const OS_KERN_RE = /\(os\/kern\) ([a-z][a-zA-Z ]+[a-z])/g
const IOKIT_MESSAGE_RE = /\(iokit\/common\) ([A-Za-z][\w ./()']+)/g
const IOKIT_HEX_RE = /\b0x[eE]00[0-9a-fA-F]{5}\b/g
const IOKIT_SIGNED_RE = /(?<![\w.])-5368\d{5}\b/g
const STRERROR_ALT = [...ERRNO_BY_MESSAGE.keys()]
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|')
/** strerror text where a program prints it: after ": ", inside quotes or parentheses. */
const STRERROR_RE = new RegExp(`(?:: |"|\\(|')(${STRERROR_ALT})(?=$|["'\`).,\\n]| \\()`, 'gm')

/**
 * Every error code a text mentions, in order of first mention, each once.
 * @example extractErrors('open() = -1 Err#2, then sendto failed 55').map((e) => e.name) // ['ENOENT', 'ENOBUFS']
 */
export function extractErrors(text: string): ErrorMention[] {
  const found: { at: number; error: ErrorMention }[] = []
  const add = (at: number, error: ErrorMention | null) => {
    if (error !== null) found.push({ at, error })
  }
  for (const m of text.matchAll(NAME_RE)) add(m.index, byName(m[1] ?? ''))
  for (const m of text.matchAll(DTRUSS_RE)) add(m.index, errnoByNumber(Number(m[1])))
  for (const m of text.matchAll(NUMBERED_RE)) {
    const n = Number(m[2])
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24)
    if (OTHER_DOMAIN_RE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue
    // "returned 1" is usually a boolean or a count; a bare 1 is only EPERM after "errno".
    const minimum = (m[1] ?? '').toLowerCase() === 'errno' ? 1 : 2
    if (n >= minimum && !COUNT_AFTER_RE.test(after)) add(m.index, errnoByNumber(n))
  }
  for (const m of text.matchAll(POSIX_DOMAIN_RE)) add(m.index, errnoByNumber(Number(m[1])))
  for (const m of text.matchAll(STRERROR_RE))
    add(m.index, errnoMention(ERRNO_BY_MESSAGE.get(m[1] ?? '')))
  for (const m of text.matchAll(KERN_NUMBER_RE))
    add(m.index, kernMention(KERN_BY_NUMBER.get(Number(m[1]))))
  for (const m of text.matchAll(OS_KERN_RE)) add(m.index, kernMention(kernByMessage(m[1] ?? '')))
  for (const m of text.matchAll(IOKIT_HEX_RE)) add(m.index, ioMention(IO_BY_CODE.get(Number(m[0]))))
  for (const m of text.matchAll(IOKIT_SIGNED_RE))
    add(m.index, ioMention(IO_BY_CODE.get(2 ** 32 + Number(m[0]))))
  for (const m of text.matchAll(IOKIT_MESSAGE_RE)) add(m.index, ioMention(ioByMessage(m[1] ?? '')))
  const seen = new Map<string, ErrorMention>()
  for (const { error } of found.sort((a, b) => a.at - b.at))
    if (!seen.has(error.name)) seen.set(error.name, error)
  return [...seen.values()]
}

function byName(name: string): ErrorMention | null {
  if (name.startsWith('KERN_')) return kernMention(KERN_BY_NAME.get(name))
  if (name.startsWith('kIO')) return ioMention(IO_BY_NAME.get(name))
  return errnoMention(ERRNO_BY_NAME.get(ERRNO_ALIASES[name] ?? name))
}

function errnoByNumber(n: number): ErrorMention | null {
  return errnoMention(ERRNO_BY_NUMBER.get(n))
}

function errnoMention(e: { name: string; number: number } | undefined): ErrorMention | null {
  return e === undefined ? null : { name: e.name, number: e.number, domain: 'errno', hex: null }
}

function kernMention(k: { name: string; number: number } | undefined): ErrorMention | null {
  return k === undefined ? null : { name: k.name, number: k.number, domain: 'kern', hex: null }
}

function ioMention(r: { name: string; code: number } | undefined): ErrorMention | null {
  return r === undefined
    ? null
    : { name: r.name, number: r.code, domain: 'iokit', hex: `0x${r.code.toString(16)}` }
}

/** "(os/kern) invalid argument" and longer texts that start with a known message. */
function kernByMessage(text: string) {
  const lower = text.toLowerCase()
  for (let cut = lower.length; cut > 0; cut = lower.lastIndexOf(' ', cut - 1)) {
    const hit = KERN_BY_MESSAGE.get(lower.slice(0, cut))
    if (hit) return hit
  }
  return undefined
}

function ioByMessage(text: string) {
  const lower = text.toLowerCase()
  for (let cut = lower.length; cut > 0; cut = lower.lastIndexOf(' ', cut - 1)) {
    const hit = IO_BY_MESSAGE.get(lower.slice(0, cut))
    if (hit) return hit
  }
  return undefined
}

/**
 * The canonical name for an error as a user may type it in a search (`errno:2`, `Err#2`, `0xe00002c2`,
 * `kIOReturnBadArgument`, `enobufs`, its strerror or system message in any case: `"No buffer space
 * available"`), or null when it names no known error.
 * @example canonicalErrorName('Err#2') // "ENOENT"
 * @example canonicalErrorName('0xe00002c2') // "kIOReturnBadArgument"
 */
export function canonicalErrorName(text: string): string | null {
  const t = text.trim()
  const dtruss = /^Err#(\d{1,3})$/i.exec(t)
  if (dtruss) return errnoByNumber(Number(dtruss[1]))?.name ?? null
  if (/^\d{1,3}$/.test(t)) return errnoByNumber(Number(t))?.name ?? null
  if (/^0x[0-9a-f]{1,8}$/i.test(t)) return IO_BY_CODE.get(Number(t))?.name ?? null
  if (/^-\d{9,10}$/.test(t)) return IO_BY_CODE.get(2 ** 32 + Number(t))?.name ?? null
  const upper = t.toUpperCase()
  const errno = ERRNO_BY_NAME.get(ERRNO_ALIASES[upper] ?? upper)
  if (errno) return errno.name
  if (KERN_BY_NAME.has(upper)) return upper
  const lower = t.toLowerCase()
  const io = IO_RETURN.find((r) => r.name.toLowerCase() === lower)
  if (io) return io.name
  const message = lower.replace(/\s+/g, ' ')
  return (
    ERRNO_BY_LOWER_MESSAGE.get(message)?.name ??
    KERN_BY_MESSAGE.get(message)?.name ??
    IO_BY_MESSAGE.get(message)?.name ??
    null
  )
}
