/**
 * Crash fingerprints (docs/signatures.md, "Crash fingerprints"). A crash is read from the text a machine
 * printed, then normalised so that what differs between two machines hitting the same bug drops out:
 * addresses and pointers, CPU numbers, timestamps, process and thread ids, line numbers, offsets, counts. The
 * normalised text is the fingerprint's meaning; its hash is the short id used in URLs and `crash:` searches.
 * Recognised: XNU panic strings (panic-full logs and the `panicString` of .ips files), user-space crash
 * reports (Exception Type plus the crashed thread's top system frames), assertion failures, uncaught
 * Objective-C exceptions, Swift fatal errors, Linux oopses, BUGs and WARNINGs, Go, Rust and JVM crashes and
 * Windows bug checks. Each crash also gets its site, the cause plus the poster's own top frames
 * (crash-sites.ts), and the process the report names.
 */
import { createHash } from 'node:crypto'
import {
  SITE_FRAMES,
  appleProcess,
  crashedThreadFrames,
  frameLabel,
  goFrames,
  jvmFrames,
  linuxSite,
  ownKexts,
  rustFrames,
  windowsSite,
} from './crash-sites.js'
import { demangle } from './demangle.js'
import { ownImagesOf } from '../markdown/index.js'
import type { CrashMention } from './signatures.types.js'

/** System frames above the poster's code that go into a crash report's cause. */
const CRASH_FRAMES = 4
/** Frames or kexts that make a generic panic message specific. */
const PANIC_CONTEXT = 3

/**
 * Panic messages that say what went wrong but not where: the same text comes from unrelated bugs, so the
 * fingerprint adds the kexts in the backtrace (or, without them, the top symbolicated frames).
 * To extend: add a pattern matched against the normalised message.
 */
export const GENERIC_PANICS: readonly RegExp[] = [
  /^Kernel data abort\./i,
  /^Kernel instruction fetch abort/i,
  /^Unexpected kernel exception/i,
  /^Kernel trap at <addr>/i,
  /^Kernel stack overflow/i,
  /^Double fault/i,
  /^SError/i,
  /^Break point/i,
  /^Undefined kernel instruction/i,
  /^Kernel (?:memory|PAC) (?:fault|failure)/i,
]

/** A crash found in a text: where, its cause, and (when the text shows them) its own frames and process. */
interface Found {
  at: number
  text: string
  /** The poster's own top frames, as they go into the site; none: the site is the cause alone. */
  frames?: string[]
  process?: string | null
}

/**
 * Every crash a text contains, each once (per cause, site and process), in order.
 * @example extractCrashes('panic(cpu 3 caller 0xfffffe0031f5f9a4): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435')
 * // [{ fingerprint: '…', text: 'panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c',
 * //    site: '…' (the same: no own frames), frames: '', process: '' }]
 */
export function extractCrashes(raw: string): CrashMention[] {
  const text = unescapeIpsPanicString(raw.replace(/\r\n?/g, '\n'))
  const found: Found[] = []
  for (const m of text.matchAll(/panic\(cpu \d+ caller 0x[0-9a-fA-F]+\):[ \t]*([^\n]*)/g)) {
    const rest = text.slice(m.index, m.index + 40_000)
    found.push({
      at: m.index,
      text: panicText(m[1] ?? '', rest),
      frames: ownKexts(backtraceKexts(rest)),
      process: appleProcess(rest, rest.length),
    })
  }
  const report = crashReportText(text)
  if (report !== null) found.push(report)
  // An assertion, exception or fatal error printed inside a crash report happened at the report's site.
  const context = { frames: report?.siteFrames ?? [], process: report?.process ?? null }
  for (const m of text.matchAll(
    /Assertion failed: (\(.+?\)|.+?), function (\S+?), file (\S+?), line \d+/g,
  )) {
    found.push({
      at: m.index,
      text: `assertion: ${normalise(m[1] ?? '')} in ${m[2]} (${basename(m[3] ?? '')})`,
      ...context,
    })
  }
  for (const m of text.matchAll(
    /Terminating app due to uncaught exception '(\w+)', reason: '([^'\n]*)'/g,
  )) {
    found.push({ at: m.index, text: `exception: ${m[1]}: ${normalise(m[2] ?? '')}`, ...context })
  }
  // Swift prints the file first ("Foo.swift:88: Fatal error: …") or last (": file Foo.swift, line 88"): one text.
  // The pattern opens with an optional path, so the regex engine tries it at every character; most texts
  // hold no fatal error at all, and looking for its words first skips them (a sixth of a bulk derive's
  // crash scanning).
  if (text.includes('Fatal error: '))
    for (const m of text.matchAll(/^[^\n]*?Fatal error: [^\n]*/gm)) {
      // Read with indexOf, not one pattern: an optional file before and after a lazy message costs the regex
      // engine the square of a long line.
      const line = m[0]
      const at = line.indexOf('Fatal error: ')
      const before = /([\w./-]{1,200}\.swift):\d+: $/.exec(line.slice(Math.max(0, at - 240), at))
      let rest = line.slice(at + 'Fatal error: '.length)
      const tail = rest.lastIndexOf(': file ')
      const after = tail < 0 ? null : /^: file ([^\s,]+), line \d+\s*$/.exec(rest.slice(tail))
      if (after) rest = rest.slice(0, tail)
      const file = before?.[1] ?? after?.[1]
      const message = fatalMessage(rest)
      if (message === '') continue
      // The message is the cause (the runtime's check); the file that failed it is where: the site.
      found.push({
        at: m.index,
        text: `fatal error: ${normalise(message)}`,
        frames: [...(file ? [basename(file)] : []), ...context.frames].slice(0, SITE_FRAMES),
        process: context.process,
      })
    }
  for (const crash of linuxCrashes(text)) found.push({ ...crash, ...linuxSite(text, crash.at) })
  for (const crash of runtimeCrashes(text)) found.push(crash)
  const seen = new Map<string, CrashMention>()
  for (const f of found.sort((a, b) => a.at - b.at)) {
    if (f.text.length < 12) continue
    const crash = crashMention(f)
    const id = `${crash.fingerprint} ${crash.site} ${crash.process}`
    if (!seen.has(id)) seen.set(id, crash)
  }
  return [...seen.values()]
}

/**
 * A found crash as a mention: the cause's fingerprint, and the site's (the cause's own when there are no
 * own frames: a policy termination, a message without a trace).
 */
function crashMention(f: Found): CrashMention {
  const fingerprint = fingerprintOf(f.text)
  const frames = normalise((f.frames ?? []).join(' < '))
  return {
    fingerprint,
    text: f.text,
    site: frames === '' ? fingerprint : fingerprintOf(`${f.text} | at: ${frames}`),
    frames,
    process: (f.process ?? '').trim().slice(0, 120),
  }
}

/**
 * The short id of a normalised crash: 12 hex digits of its SHA-256 (48 bits: no two crashes on one forum
 * collide in practice, and it fits in a URL).
 * @example fingerprintOf('panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c') // "3f…" (12 hex)
 */
export function fingerprintOf(normalisedText: string): string {
  return createHash('sha256').update(normalisedText).digest('hex').slice(0, 12)
}

/**
 * Drops what differs between machines: hex numbers (addresses, pointers, values), decimal numbers standing
 * alone (offsets, sizes, counts, ids, times), dates and times, line numbers after a file name, and repeated
 * whitespace. Digits inside names (`kalloc.type.var4.128`, `x86_64`, `IOUserClient2022`) are kept.
 * @example normalise('element modified after free (off:96, val:0x4141, sz:128, ptr:0xfffffe1234567890)')
 * // "element modified after free (off:<n>, val:<addr>, sz:<n>, ptr:<addr>)"
 */
export function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?[+-]\d{4}|Z)?/g, '<time>')
    .replace(/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, '<time>')
    .replace(/\b[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\b/gi, '<uuid>')
    .replace(
      /(@?[\w./-]{1,240}\.(?:c|cc|cpp|h|m|mm|swift|s|S|rs)):\d+(?::\d+)?/g,
      (_all, file: string) => file,
    )
    .replace(/\b0x[0-9a-fA-F]+\b/g, '<addr>')
    .replace(/\b[0-9a-f]{12,16}\b/g, '<addr>')
    .replace(/(?<![\w.#])-?\d+(?:\.\d+)?(?![\w.]*[A-Za-z_])/g, '<n>')
    .replace(/\bcpu <n>/gi, 'cpu')
    .replace(/\s+/g, ' ')
    .trim()
}

function panicText(message: string, rest: string): string {
  const msg = normalise(message.replace(/\\n.*$/, ''))
  if (!GENERIC_PANICS.some((re) => re.test(msg))) return `panic: ${msg}`
  const kexts = backtraceKexts(rest)
  if (kexts.length > 0) return `panic: ${msg} | kexts: ${kexts.join(', ')}`
  const frames = panicFrames(rest)
  return frames.length > 0 ? `panic: ${msg} | frames: ${frames.join(' < ')}` : `panic: ${msg}`
}

/** "Kernel Extensions in backtrace:" lines: bundle ids, without versions, UUIDs or load addresses. */
function backtraceKexts(report: string): string[] {
  const at = report.indexOf('Kernel Extensions in backtrace:')
  if (at < 0) return []
  const ids: string[] = []
  for (const line of report.slice(at).split('\n').slice(1, 30)) {
    const m = /^\s*([\w.-]+)\([\w.]+\)\[/.exec(line)
    if (!m) {
      if (line.trim() === '' && ids.length > 0) break
      continue
    }
    if (!line.trimStart().startsWith('dependency:')) ids.push(m[1] ?? '')
  }
  return [...new Set(ids)].slice(0, PANIC_CONTEXT)
}

/** Symbolicated frames of a panic backtrace ("… : 0x… vnode_put + 48", lldb, atos), top first. */
function panicFrames(report: string): string[] {
  const frames: string[] = []
  for (const line of report.split('\n').slice(0, 200)) {
    const m =
      /0x[0-9a-fA-F]+\s*:\s*0x[0-9a-fA-F]+\s+(?:\([^)]*\)\s+)?_?([A-Za-z_][\w:~]*)\s*\+/.exec(
        line,
      ) ??
      /frame #\d+: 0x[0-9a-fA-F]+ [^`\s]+`_?([A-Za-z_][\w:~]*)/.exec(line) ??
      /^\s*_?([A-Za-z_][\w:~]*)(?:\([^)]*\))? \(in [^)]+\)/.exec(line)
    if (m?.[1] && !frames.includes(m[1])) frames.push(demangle(m[1]) ?? m[1])
    if (frames.length >= PANIC_CONTEXT) break
  }
  return frames
}

/**
 * A user-space crash report. The cause: the exception type, the kind of bad access (`KERN_INVALID_ADDRESS`),
 * and the crashed thread's top frames in system code above the poster's first own frame (image and symbol,
 * or the image alone when unsymbolicated); without frames, the termination reason and the first line of
 * Application Specific Information. The process is not part of it: two products that crash the same way
 * share the cause, and differ in their site, the own frames below.
 */
function crashReportText(
  text: string,
): (Found & { siteFrames: string[]; process: string | null }) | null {
  const exception = /^Exception Type:\s+(.+)$/m.exec(text)
  const termination = /^Termination Reason:\s+(.+)$/m.exec(text)
  const anchor = exception ?? termination
  if (!anchor) return null
  const process = appleProcess(text, anchor.index)
  const policy = policyCause(exception?.[1] ?? '', termination?.[1] ?? '', text)
  // A policy ended the process: no frame of its own is to blame, so the site is the cause alone.
  if (policy !== null) return { at: anchor.index, text: policy, siteFrames: [], process }
  const crashed = /^Crashed Thread:\s+(\d+)/m.exec(text)?.[1]
  const frames = crashed === undefined ? [] : crashedThreadFrames(text, crashed)
  const own = ownImagesOf(text, process)
  const firstOwn = frames.findIndex((f) => own(f.image))
  const system = (firstOwn < 0 ? frames : frames.slice(0, firstOwn)).slice(0, CRASH_FRAMES)
  const siteFrames = frames
    .filter((f) => own(f.image))
    .slice(0, SITE_FRAMES)
    .map(frameLabel)
  const parts = [`crash: ${normalise(exception?.[1] ?? '')}`]
  const access = /^Exception (?:Subtype|Codes):\s+(KERN_[A-Z_]+)/m.exec(text)?.[1]
  if (access) parts.push(access)
  if (system.length > 0) parts.push(`frames: ${system.map(frameLabel).join(' < ')}`)
  else if (frames.length === 0) {
    if (termination) parts.push(normalise(termination[1] ?? ''))
    const info = /^Application Specific Information:\s*\n?\s*(.+)$/m.exec(text)?.[1]
    if (info) parts.push(normalise(info))
  }
  return { at: anchor.index, text: parts.join(' | '), frames: siteFrames, siteFrames, process }
}

/**
 * Whether a cause's text is a policy termination (a namespace other than SIGNAL, or a resource limit): the
 * process did nothing wrong at a place of its own, so the crash has no own frames and its site is the cause.
 * @example isPolicyCause('crash: EXC_CRASH (SIGKILL) | Namespace RUNNINGBOARD, Code 0xdead10cc') // true
 */
export function isPolicyCause(text: string): boolean {
  return /^crash: (?:EXC_RESOURCE\b|.*\| Namespace (?!SIGNAL,)[A-Z_]+, Code )/.test(text)
}

/**
 * A process the system ended by policy: a termination namespace other than SIGNAL (RUNNINGBOARD, JETSAM,
 * CODESIGNING, WATCHDOG, …) or a resource limit. The cause is the policy, whichever product it hit, so the
 * process and its frames stay out: exception type, the resource kind and limit, the namespace and its code
 * (in hex, so `Code 3735883980` and `Code 0xdeadfa11` are one).
 */
function policyCause(exception: string, termination: string, text: string): string | null {
  const ns = /Namespace ([A-Z_]+),\s*Code\s+(0x[0-9a-fA-F]+|\d+)(.*)$/.exec(termination)
  const resource = /^EXC_RESOURCE\b/.test(exception)
  if (!resource && (ns === null || ns[1] === 'SIGNAL')) return null
  const parts: string[] = []
  if (exception !== '') parts.push(exception.replace(/\s+/g, ' ').trim())
  if (resource) {
    const sub = /^Exception Subtype:\s+(.+)$/m.exec(text)?.[1] ?? ''
    // The limit's kind and size are the policy ("limit=2098 MB"); what was left unused is not.
    const limit = /RESOURCE_TYPE_\w+.*?\(limit=([^,)]+)/.exec(sub)
    if (limit) parts.push(`limit ${limit[1]?.trim()}`)
  }
  if (ns) {
    const code = Number(ns[2])
    const reason = normalise((ns[3] ?? '').replace(/^[\s,]+/, ''))
    parts.push(
      `Namespace ${ns[1]}, Code 0x${code.toString(16)}${reason === '' ? '' : ` ${reason}`}`,
    )
  }
  return `crash: ${parts.join(' | ')}`
}

/**
 * A Swift fatal error's message up to its end: a report quoted in prose carries the closing quote and the
 * writer's words after it ("…Optional value\" right before it. The code:"), which are not the message.
 */
function fatalMessage(line: string): string {
  return line
    .split(/["”“]|\s[—–]\s|\s-\s/)[0]!
    .replace(/[\s.,;:!]+$/, '')
    .trim()
}

/**
 * Crashes of language runtimes and other kernels: Go (`panic: …`, `fatal error: …` with its goroutines),
 * Rust (`thread '…' panicked at file:line:col:` and the message), Java and Kotlin (`Exception in thread "…"
 * X: message`) and Windows bug checks (`BugCheck D1, {…}`, `*** STOP: 0x000000D1`, with the driver blamed).
 * The thread's name, goroutine number and values are not part of the cause.
 */
function runtimeCrashes(text: string): Found[] {
  const out: Found[] = []
  const goroutine = /^goroutine \d+ \[/m.test(text)
  if (text.includes('panic: '))
    for (const m of text.matchAll(/^panic: ([^\n]+)/gm)) {
      const msg = m[1] ?? ''
      if (goroutine || msg.startsWith('runtime error:'))
        out.push({
          at: m.index,
          text: `go: panic: ${normalise(msg.replace(/\s*\[recovered\]/, ''))}`,
          frames: goFrames(text, m.index),
        })
    }
  if (goroutine && text.includes('fatal error: '))
    for (const m of text.matchAll(/^fatal error: ([^\n]+)/gm))
      out.push({
        at: m.index,
        text: `go: fatal error: ${normalise(m[1] ?? '')}`,
        frames: goFrames(text, m.index),
      })
  if (text.includes('panicked at'))
    for (const m of text.matchAll(
      /thread '[^'\n]*' panicked at (?:([\w./-]+\.rs):\d+:\d+:\n([^\n]+)|'([^\n]*)', ([\w./-]+\.rs):\d+:\d+)/g,
    )) {
      const file = m[1] ?? m[4] ?? ''
      const msg = m[2] ?? m[3] ?? ''
      // The message is the cause; the file the panic names, and the own frames of a backtrace, the site.
      out.push({
        at: m.index,
        text: `rust: panicked: ${normalise(msg)}`,
        frames: [basename(file), ...rustFrames(text, m.index)].slice(0, SITE_FRAMES),
      })
    }
  for (const m of text.matchAll(/Exception in thread "[^"\n]*" ([\w.$]+)(?:: ([^\n]*))?/g)) {
    const msg = m[2] ? `: ${normalise(m[2])}` : ''
    out.push({ at: m.index, text: `java: ${m[1]}${msg}`, frames: jvmFrames(text, m.index) })
  }
  const bugcheck =
    /\bBugCheck ([0-9A-Fa-f]{1,8}),\s*\{/.exec(text) ??
    /\*\*\* STOP: 0x([0-9A-Fa-f]{1,8})\b/.exec(text)
  if (bugcheck) {
    const code = `0x${(bugcheck[1] ?? '').toUpperCase().padStart(8, '0')}`
    const driver =
      /Probably caused by\s*:\s*([\w.-]+\.sys)\b/i.exec(text)?.[1] ??
      /^\s*([\w.-]+\.sys) - Address\b/im.exec(text)?.[1]
    out.push({
      at: bugcheck.index,
      text: `windows: bug check ${code}${driver ? ` in ${driver.toLowerCase()}` : ''}`,
      ...windowsSite(text, bugcheck.index),
    })
  }
  return out
}

function linuxCrashes(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = []
  const rip = (from: number) =>
    /RIP: [0-9a-f]+:([\w.]+)\+0x/.exec(text.slice(from, from + 4_000))?.[1]
  for (const m of text.matchAll(/kernel BUG at ([\w/.-]+):\d+!/g)) {
    out.push({ at: m.index, text: `linux: kernel BUG at ${m[1]}` })
  }
  for (const m of text.matchAll(
    /\bBUG: (KASAN: [\w-]+|KFENCE: [\w-]+|[\w -]+?) in ([\w.]+?)(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?=\s|$)/gm,
  )) {
    out.push({ at: m.index, text: `linux: BUG: ${m[1]} in ${m[2]}` })
  }
  for (const m of text.matchAll(
    /\bBUG: (unable to handle (?:page fault|kernel NULL pointer dereference|kernel paging request)|kernel NULL pointer dereference)/g,
  )) {
    out.push({
      at: m.index,
      text: `linux: BUG: ${m[1]}${rip(m.index) ? ` in ${rip(m.index)}` : ''}`,
    })
  }
  for (const m of text.matchAll(/\bgeneral protection fault\b/g)) {
    const fn = rip(m.index)
    if (fn) out.push({ at: m.index, text: `linux: general protection fault in ${fn}` })
  }
  for (const m of text.matchAll(/WARNING: CPU: \d+ PID: \d+ at ([\w/.-]+):\d+ ([\w.]+)\+0x/g)) {
    out.push({ at: m.index, text: `linux: WARNING at ${m[1]} in ${m[2]}` })
  }
  for (const m of text.matchAll(
    /WARNING: (?:CPU: \d+ PID: \d+ )?at ([\w/.-]+):\d+ ([\w.]+)\+0x/g,
  )) {
    if (!/WARNING: CPU:/.test(m[0]))
      out.push({ at: m.index, text: `linux: WARNING at ${m[1]} in ${m[2]}` })
  }
  for (const m of text.matchAll(/Kernel panic - not syncing: ([^\n]+)/g)) {
    out.push({ at: m.index, text: `linux: panic: ${normalise(m[1] ?? '')}` })
  }
  // Other BUG: lines ("sleeping function called from invalid context at kernel/locking/mutex.c:580",
  // "scheduling while atomic: acme-d/2044/0x00000002", "soft lockup - CPU#3 stuck for 22s! [acme:901]"): the
  // line itself, with addresses, task names, pids and durations normalised.
  for (const m of text.matchAll(/\bBUG: ([^\n]+)/g)) {
    const line = m[1] ?? ''
    if (/^(?:KASAN|KFENCE|unable to handle|kernel NULL pointer)/.test(line)) continue
    if (/^[\w -]+? in [\w.]+(?:\+0x|\s|$)/.test(line) && !/ at [\w/.-]+\.c/.test(line)) continue
    out.push({ at: m.index, text: `linux: BUG: ${normaliseKernelLine(line)}` })
  }
  // An oops or a bare Call Trace with no BUG, WARNING or fault line before it: the faulting function names it.
  if (out.length === 0) {
    const oops = /\bOops: |^\s*(?:\[[\s\d.]+\]\s*)?Call Trace:/m.exec(text)
    const fn = oops
      ? (rip(Math.max(0, oops.index - 2_000)) ??
        /(?:Call Trace:\s*\n(?:.*<\/?TASK>\s*\n)?)\s*(?:\[[\s\d.]+\]\s*)?(?:\? )?([\w.]+)\+0x[0-9a-f]+\/0x/.exec(
          text.slice(oops.index),
        )?.[1])
      : undefined
    if (oops && fn) out.push({ at: oops.index, text: `linux: oops in ${fn}` })
  }
  return out
}

/** A kernel BUG line: addresses, `task/pid/flags`, `[comm:pid]`, CPU numbers and durations normalised. */
function normaliseKernelLine(line: string): string {
  return normalise(
    line
      .replace(/: \S+\/\d+\/0x[0-9a-f]+/g, ': <task>')
      .replace(/\[[\w.:/-]+:\d+\]/g, '[<task>]')
      .replace(/CPU#\d+/g, 'CPU#<n>')
      .replace(/\b\d+s!/g, '<n>s!'),
  )
}

/** An .ips panic report keeps the panic log in one JSON string: make its `\n` and `\"` real again. */
function unescapeIpsPanicString(text: string): string {
  if (!text.includes('"panicString"')) return text
  return text.replace(
    /"panicString"\s*:\s*"((?:[^"\\]|\\.)*)"/g,
    (_all, body: string) =>
      `"panicString" : "\n${body.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"').replace(/\\\\/g, '\\')}\n"`,
  )
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
