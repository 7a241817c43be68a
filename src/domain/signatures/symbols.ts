/**
 * Symbols: functions, methods, classes, types, kexts and frameworks a post names (docs/signatures.md,
 * "Symbols"). What counts depends on where a name appears:
 * - anywhere: `IOService::start`, `-[NSXPCConnection resume]`, mangled C++ (`__ZN9IOService5startEPS_`),
 *   calls written `socket()` or `socket(AF_INET, …)`, Apple-style classes (`IOUSBHostInterface`, `OSObject`,
 *   `MyFSVolume`) and framework names (`FSKit`, `DriverKit`, `EndpointSecurity`);
 * - prose, inline code and output: snake_case names (`vnop_lookup`) and lowerCamelCase methods
 *   (`registerService`); code spans also any camelCase name;
 * - code blocks: every function called or defined (variables and constants are not symbols, nor calls through
 *   an object, `obj.method(` or `p->fn(`, whose receivers vary);
 * - output: the function of every backtrace frame (crash reports, panics, lldb, atos, Linux oopses), dtruss
 *   syscalls and ioreg classes.
 * - prose and code spans only: constants and macros with an underscore (`ES_EVENT_TYPE_AUTH_OPEN`), Apple
 *   `kConstants`, Objective-C selectors (`request:didFailWithError:`), dotted names (`runtime.MemStats`),
 *   debugger commands and macros (`showallstacks`, `!analyze`, `image lookup`), a code span's lone identifier.
 * Never: capital words (`NOTE`, `HTTP`), constants of logs and code, error names (those are errors), file
 * names and paths.
 */
import {
  CLASS_PREFIXES,
  CLI_TOOLS,
  CLASS_SUFFIXES,
  FRAMEWORKS,
  NOT_FUNCTIONS,
  NOT_SYMBOLS,
} from './data/vocabulary.js'
import { memoByText } from '../shared/index.js'
import { demangle } from './demangle.js'
import type { Segment } from './segments.js'

interface Candidate {
  label: string
  /** Written as a call somewhere: a function, shown as `name()`. */
  call: boolean
  /** Where it was seen first and best: prose and code spans (0) before output (1) before code blocks (2). */
  rank: number
  /** Segment and offset of its first mention. */
  order: number
}

/** The author's own words name what a post is about; a repro's printf() and memset() do not. */
const RANK: Readonly<Record<Segment['kind'], number>> = { prose: 0, inline: 0, log: 1, code: 2 }

const ID = String.raw`[A-Za-z_][A-Za-z0-9_]*`
const OBJC_RE = /[-+]\[[A-Za-z_]\w*(?:\(\w*\))?\s+[A-Za-z_][\w:]*\]/g
const QUALIFIED_RE = new RegExp(String.raw`(?<![\w:.])~?${ID}(?:::~?${ID})+`, 'g')
const MANGLED_RE = /(?<![\w])_{1,2}Z[A-Za-z0-9_]{3,}/g
const CALL_RE = new RegExp(String.raw`(?<![\w.>:$@#/\\-])(${ID})\(([^()\n]{0,80})\)`, 'g')
const CODE_CALL_RE = new RegExp(String.raw`(?<![\w.>:$@#/\\-])(${ID})\s*\(`, 'g')
const SNAKE_RE =
  /(?<![\w./:$@#%\\-]|->)_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+(?![\w@/]|\.[A-Za-z0-9]|-[A-Za-z])/g
const LOWER_CAMEL_RE = /(?<![\w./:$@#\\-])[a-z][a-z0-9]+(?:[A-Z][a-z0-9]+)+(?![\w/]|\.[A-Za-z])/g
const UPPER_CAMEL_RE = /(?<![\w./:$@#\\-])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![\w/]|\.[A-Za-z])/g
const PREFIX_RE = new RegExp(`^(?:${CLASS_PREFIXES.join('|')})[A-Z]`)
const SUFFIX_RE = new RegExp(`[A-Za-z0-9](?:${CLASS_SUFFIXES.join('|')})$`)
const FRAMEWORK_SET: ReadonlySet<string> = new Set(FRAMEWORKS)
const ERROR_NAME_RE = /^(?:E[A-Z0-9]+|KERN_[A-Z_]+|kIOReturn\w+)$/

/** Constants, enum cases and macros: `ES_EVENT_TYPE_AUTH_OPEN`, `WARN_ON` (an underscore: `NOTE`, `HTTP` are words). */
const CONSTANT_RE = /(?<![\w./:$@#%\\-])_*[A-Z][A-Z0-9]*(?:_+[A-Z0-9]+)+(?![\w@/]|\.[A-Za-z0-9])/g
/** Apple-style constants and enum cases: `kIOMainPortDefault`, `kSecAttrAccessGroup` (two humps or more). */
const K_CONSTANT_RE = /(?<![\w./:$@#\\-])k[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![\w/]|\.[A-Za-z])/g
/** Objective-C selectors: `URLSession:task:didCompleteWithError:`, `handleWakeNotification:`. */
const SELECTOR_RE = /(?<![\w:/.@#$\\-])(?:[A-Za-z_]\w*:){1,12}(?![\w/])/g
/** Dotted names: `runtime.MemStats`, `NEVPNStatus.connected`, `os.ReadFile`, `Dispatchers.IO`. */
const DOTTED_RE =
  /(?<![\w./:$@#\\-])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?(?![\w/]|\.[A-Za-z0-9]|-[A-Za-z])/g
/** Endings that make a dotted word a file, host or bundle: `Info.plist`, `example.com`, `AcmeDriver.kext`. */
const NOT_DOTTED_END =
  /\.(?:cpp|hpp|cxx|mm|swift|rs|go|py|js|ts|tsx|jsx|java|kt|json|plist|txt|log|md|kext|dext|app|appex|framework|dylib|bundle|ips|crash|panic|spin|sys|ko|xml|ya?ml|conf|cfg|db|sqlite|sh|zip|tar|gz|dmg|pkg|com|org|net|dev|edu|gov|html?|pem|der|cer|p12|mobileprovision|entitlements|xcodeproj|xcworkspace|strings|xcconfig|modulemap|toml|lock|csv|png|jpg|pdf)(?:\(\))?$/i
/** Bundle ids and reverse-DNS names start with a domain: `com.acme.Agent` is not a member of `com`. */
const NOT_DOTTED_START = /^(?:com|org|net|io|de|uk|fr|edu|gov|me|dev|app|co|self|this|super|e|i)\./i
/** XNU lldb macros named in prose: `showallstacks`, `zprint`, `paniclog`. */
const DEBUGGER_MACRO_RE =
  /(?<![\w./:$@#\\-])(?:show(?:all|current|task|proc|thread|zone|mbuf|map|vnode|io|registry|kmod|boot|kext|pmap|ipc|port|lock|stack|object|vm|mem|pid|panic|pte|queue|kdp|interrupt)[a-z_]*|zprint|paniclog|kgmacros|memstats)(?![\w/])/g
/** WinDbg extension commands: `!analyze`, `!irp`, `!devstack`. */
const BANG_COMMAND_RE = /(?<=^|[\s(`])![a-z][a-z0-9]{1,20}(?:\.[a-z]\w*)?(?=[\s,.;:)`]|$)/gm
/** lldb commands in a code span: `image lookup -a 0x…`, `memory read`, `register read`. */
const LLDB_COMMAND_RE =
  /^(?:image (?:lookup|list|dump|show-unwind)|memory (?:read|write|find|region|history)|register (?:read|write)|frame (?:variable|select|info)|thread (?:backtrace|list|select|step-\w+|until|return|info)|breakpoint (?:set|list|delete|command)|watchpoint (?:set|list|delete)|target (?:create|modules|symbols)|process (?:attach|launch|handle|interrupt|status))\b/
/** A code span holding one bare identifier: `mmap`, `Mutex`, `vm_page_size`. */
const BARE_IDENTIFIER_RE = /^_*[A-Za-z][A-Za-z0-9_]*$/

/** Backtrace frames: the part after the address holds the function. */
const CRASH_FRAME_RE = /^\s*\d{1,3}\s+\S.*?\s0x[0-9a-fA-F]+\s+(.+?)\s*$/gm
const LLDB_FRAME_RE = /frame #\d+: 0x[0-9a-fA-F]+ [^`\s]+`(\S+?)(?: \+ \d+|\s|$)/g
const ATOS_RE = /^\s*([A-Za-z_][\w:~.]*?)(?:\([^)]*\))? \(in [^)]+\)/gm
const OFFSET_RE = /(?:^|[\s:])(_*[A-Za-z][\w:~]*)\s\+\s(?:0x[0-9a-fA-F]+|\d+)\b/gm
const LINUX_FRAME_RE =
  /(?<![\w.])([A-Za-z_][\w]*)(?:\.(?:cold|isra|part|constprop)(?:\.\d+)?)*\+0x[0-9a-f]+\/0x[0-9a-f]+/g
const SYSCALL_RE = /^\s*(?:\d+\/0x[0-9a-f]+:\s+)?([a-z_][a-z0-9_]*)\(.*\)\s+=\s+-?(?:\d|0x)/gm
const IOREG_CLASS_RE = /<class (\w+),/g
/** Keys of ioreg properties and JSON objects: data names, not code ("idVendor" =, "bug_type" :). */
const DATA_KEY_RE = /"[^"\n]*"\s*[:=]/g
const SWIFT_LABELS_RE = /\((?:_?[A-Za-z_]\w*:)+\)/g

/**
 * The symbols of a post's segments, each once (by {@link symbolKey}), in order of first mention.
 * @example extractSymbols([{ kind: 'prose', text: 'socket() fails in vnop_lookup on IOUSBHostInterface' }])
 * // ['socket()', 'vnop_lookup', 'IOUSBHostInterface']
 */
export function extractSymbols(segments: readonly Segment[]): string[] {
  const found = new Map<string, Candidate>()
  for (const [i, segment] of segments.entries()) {
    const rank = RANK[segment.kind]
    const base = i * 10_000_000
    for (const { key, label, call, at } of SEGMENT_SYMBOLS[segment.kind](segment.text)) {
      const seen = found.get(key)
      const order = base + at
      if (seen === undefined) found.set(key, { label, call, rank, order })
      else {
        seen.call ||= call
        if (rank < seen.rank || (rank === seen.rank && order < seen.order)) {
          seen.rank = rank
          seen.order = order
        }
        if (leadingUnderscores(label) < leadingUnderscores(seen.label)) seen.label = label
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((c) => (c.call && isPlainFunction(c.label) ? `${c.label}()` : c.label))
}

/** A name found in one segment, at its offset there. */
interface SegmentSymbol {
  key: string
  label: string
  call: boolean
  at: number
}

/**
 * The names of one segment, in the order its patterns find them, remembered per text and kind: a thread's
 * question is read again on every write to the thread, and its segments are the same each time.
 */
const SEGMENT_SYMBOLS: Readonly<
  Record<Segment['kind'], (text: string) => readonly SegmentSymbol[]>
> = {
  prose: memoByText((text) => symbolsOf(text, (t, add) => textSymbols(t, 'prose', add))),
  inline: memoByText((text) => symbolsOf(text, (t, add) => textSymbols(t, 'inline', add))),
  code: memoByText((text) => symbolsOf(text, codeSymbols)),
  log: memoByText((text) => symbolsOf(text, logSymbols)),
}

function symbolsOf(text: string, scan: (text: string, add: Add) => void): SegmentSymbol[] {
  const out: SegmentSymbol[] = []
  scan(text, (name, at, call = false) => {
    const trimmed = name.trim()
    const label = /^_{1,2}Z/.test(trimmed) ? demangle(trimmed) : trimmed
    if (label !== null && isSymbolName(label)) out.push({ key: symbolKey(label), label, call, at })
  })
  return out
}

type Add = (name: string, at: number, call?: boolean) => void

/** Names any context recognises: qualified, Objective-C, mangled, classes and frameworks. */
function anywhere(text: string, add: Add): void {
  for (const m of text.matchAll(OBJC_RE)) add(m[0], m.index)
  for (const m of text.matchAll(QUALIFIED_RE))
    if (!/^(?:super|this|self)::/.test(m[0])) add(m[0], m.index)
  for (const m of text.matchAll(MANGLED_RE)) {
    const name = demangle(m[0])
    if (name !== null) add(name, m.index)
  }
  for (const m of text.matchAll(UPPER_CAMEL_RE)) {
    if (FRAMEWORK_SET.has(m[0]) || isClassName(m[0])) add(m[0], m.index)
  }
  for (const m of text.matchAll(/\b(?:XPC|libdispatch|libkern)\b/g)) add(m[0], m.index)
  for (const m of text.matchAll(CALL_RE)) {
    const [, name = '', args = ''] = m
    if (looksLikeCall(name, args)) add(name, m.index, true)
  }
}

type TextOrigin = 'prose' | 'inline' | 'log'

function textSymbols(raw: string, origin: TextOrigin, add: Add): void {
  // A Swift method named with its argument labels, `startFilter(completionHandler:)`, is one function: its
  // labels are not names of their own.
  let text = raw.replace(SWIFT_LABELS_RE, '()')
  const inline = origin === 'inline'
  if (origin !== 'log') text = authorNames(text, inline, add)
  anywhere(text, add)
  for (const m of text.matchAll(SNAKE_RE)) {
    // Constants come from the author's words; a log's own (EXC_BAD_ACCESS, O_RDONLY) are its vocabulary.
    if (origin === 'log' && /^_*[A-Z0-9_]+$/.test(m[0])) continue
    add(m[0], m.index)
  }
  for (const m of text.matchAll(LOWER_CAMEL_RE)) add(m[0], m.index)
  // A code span is code: any camelCase name in it is one ("`CounterKext`").
  if (inline)
    for (const m of text.matchAll(UPPER_CAMEL_RE)) if (humps(m[0]) >= 2) add(m[0], m.index)
  // A long UpperCamelCase name in prose is code, not a product (`CreateActionReadComplete`).
  if (origin === 'prose')
    for (const m of text.matchAll(UPPER_CAMEL_RE)) if (humps(m[0]) >= 4) add(m[0], m.index)
}

/**
 * Names only the author's words and code spans carry: constants, selectors, dotted names, debugger
 * commands and macros, and a code span's bare identifier. Each found is blanked out of the text it returns,
 * so its parts (`handleNewFlow` of `handleNewFlow:`, `MemStats` of `runtime.MemStats`) are not names too.
 */
function authorNames(text: string, inline: boolean, add: Add): string {
  const blank = (s: string) => ' '.repeat(s.length)
  if (inline) {
    const command = LLDB_COMMAND_RE.exec(text)
    if (command) {
      add(command[0], 0)
      return blank(command[0]) + text.slice(command[0].length)
    }
    const bare = text.trim()
    if (BARE_IDENTIFIER_RE.test(bare) && isBareIdentifier(bare)) add(bare, 0)
  }
  let out = text.replace(SELECTOR_RE, (m: string, at: number) => {
    if (!isSelector(m)) return m
    add(m, at)
    return blank(m)
  })
  out = out.replace(DOTTED_RE, (m: string, at: number) => {
    if (!isDottedName(m)) return m
    add(m.replace(/\(\)$/, ''), at)
    return blank(m)
  })
  for (const re of [CONSTANT_RE, K_CONSTANT_RE, DEBUGGER_MACRO_RE, BANG_COMMAND_RE])
    for (const m of out.matchAll(re)) add(m[0], m.index)
  return out
}

/** `a:b:` or a camelCase `doThing:`; not `Note:`, `error:` or a time. */
function isSelector(m: string): boolean {
  const parts = m.slice(0, -1).split(':')
  if (parts.some((p) => NOT_SYMBOLS.has(p))) return false
  if (parts.length >= 2) return parts.every((p) => /^[A-Za-z_]/.test(p)) && /[a-z]/.test(m)
  return /^[a-z]+[A-Z]\w*$/.test(parts[0] ?? '')
}

/** `runtime.MemStats`, `Type.member`: some capital, no file or host ending, no reverse-DNS start. */
function isDottedName(m: string): boolean {
  // A short lower-case ending is a file's (`x.c`, `a.out`'s `.o`); `runtime.GC` and `Dispatchers.IO` are names.
  if (NOT_DOTTED_END.test(m) || /\.[a-z]{1,2}$/.test(m) || NOT_DOTTED_START.test(m)) return false
  const parts = m.replace(/\(\)$/, '').split('.')
  if (NOT_SYMBOLS.has(parts[0] ?? '') || parts.some((p) => p.length < 2)) return false
  return /[A-Z]/.test(parts.slice(1).join('.')) || /^[A-Z]/.test(parts[0] ?? '')
    ? /[a-z]/.test(m)
    : false
}

/** A code span's lone word is an identifier unless it is a keyword, a literal, a tool or a plain capital word. */
function isBareIdentifier(word: string): boolean {
  if (word.length < 3 || NOT_FUNCTIONS.has(word) || CLI_TOOLS.has(word)) return false
  if (/^[A-Z0-9]+$/.test(word)) return false
  return !/^(?:true|false|nil|null|NULL|None|none|self|this|super|undefined|void|yes|no)$/i.test(
    word,
  )
}

function codeSymbols(text: string, add: Add): void {
  anywhere(text, add)
  for (const m of text.matchAll(CODE_CALL_RE)) {
    const name = m[1] ?? ''
    const args = text.slice(m.index + m[0].length, m.index + m[0].length + 8)
    if (!isMacro(name) && !(name === 'panic' && args.startsWith('cpu '))) add(name, m.index, true)
  }
}

function logSymbols(raw: string, add: Add): void {
  const text = raw.replace(DATA_KEY_RE, '=')
  for (const m of text.matchAll(CRASH_FRAME_RE)) frameSymbol(m[1] ?? '', m.index, add)
  for (const m of text.matchAll(LLDB_FRAME_RE)) frameSymbol(m[1] ?? '', m.index, add)
  for (const m of text.matchAll(ATOS_RE)) add(m[1] ?? '', m.index)
  for (const m of text.matchAll(OFFSET_RE)) add(m[1] ?? '', m.index)
  for (const m of text.matchAll(LINUX_FRAME_RE)) add(m[1] ?? '', m.index)
  for (const m of text.matchAll(SYSCALL_RE)) add(m[1] ?? '', m.index, true)
  for (const m of text.matchAll(IOREG_CLASS_RE)) add(m[1] ?? '', m.index)
  textSymbols(text, 'log', add)
}

/** The function in a frame's symbol column: "__pthread_kill + 8", "closure #1 in Foo.bar(name:) + 220". */
function frameSymbol(column: string, at: number, add: Add): void {
  let s = column
    .replace(/\s+\+\s+\d+.*$/, '')
    .replace(/\s+\((?:in [^)]+|[\w./-]+:\d+(?::\d+)?)\)\s*$/, '')
    .replace(
      /^(?:(?:closure|implicit closure) #\d+ in |partial apply for |specialized |merged |thunk for |@objc |reabstraction thunk helper from )+/,
      '',
    )
    .trim()
  if (s === '' || /^0x[0-9a-f]+/i.test(s) || s === '???' || s.startsWith('<')) return
  if (/^[-+]\[/.test(s)) return add(s.replace(/\].*$/, ']'), at)
  const mangled = demangle(s)
  if (mangled !== null) return add(mangled, at)
  // C++ parameters and Swift argument labels: keep the function, drop its parameter list when it has types.
  s = s.replace(/\((?:[^():]*)\)$/, '')
  add(s, at)
}

/** Whether `name(args)` written in prose or output is a call rather than English ("kext(s)", "value (ms)"). */
function looksLikeCall(name: string, args: string): boolean {
  if (isMacro(name)) return false
  const a = args.trim()
  if (name === 'panic' && /^cpu\b/.test(a)) return false // the panic log's own header
  if (/^(?:s|es|ies)$/i.test(a)) return false
  if (a === '' || /^\d$/.test(a)) return true // socket(), open(2)
  if (/[_,*&">]|0x|^\d+$|->/.test(a)) return true
  return /[_\d]|[a-z][A-Z]/.test(name)
}

function isMacro(name: string): boolean {
  return NOT_FUNCTIONS.has(name) || (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name))
}

/** `IOUSBHostInterface`, `OSObject`, `MyFSVolume`, `AppleUSBHostController`: a type by its prefix or ending. */
function isClassName(word: string): boolean {
  if (NOT_SYMBOLS.has(word)) return false
  return PREFIX_RE.test(word) || (SUFFIX_RE.test(word) && humps(word) >= 2)
}

function humps(word: string): number {
  return (word.match(/[A-Z]+/g) ?? []).length
}

function isSymbolName(label: string): boolean {
  if (label.length < 2 || label.length > 120) return false
  if (NOT_SYMBOLS.has(label) || NOT_FUNCTIONS.has(label) || ERROR_NAME_RE.test(label)) return false
  if (/^(?:x86_64|arm64_32|arm64e|i386)$/i.test(label)) return false
  // ALL_CAPS names are symbols only as constants and macros with an underscore (KAUTH_FILEOP_CLOSE,
  // VNOP_LOOKUP); a capital word alone (NOTE, HTTP, TODO) is prose.
  if (/^_*[A-Z0-9]+$/.test(label) && !FRAMEWORK_SET.has(label)) return false
  if (/^_+[A-Z0-9_]+$/.test(label)) return false
  return /[A-Za-z]/.test(label)
}

/** A C function name (no class, module or selector): shown with `()` when written as a call. */
function isPlainFunction(label: string): boolean {
  return /^[A-Za-z_]\w*$/.test(label) && !/^[A-Z]/.test(label)
}

function leadingUnderscores(label: string): number {
  return /^_*/.exec(label)?.[0].length ?? 0
}

/**
 * A symbol's identity: leading underscores (Mach-O adds one) and a trailing `()` dropped, lower-cased, so
 * `_vnode_put`, `vnode_put` and `vnode_put()` are one symbol and `sym:VNODE_PUT` finds it.
 * @example symbolKey('_vnode_put()') // "vnode_put"
 */
export function symbolKey(label: string): string {
  return label.replace(/^_+/, '').replace(/\(\)$/, '').toLowerCase()
}
