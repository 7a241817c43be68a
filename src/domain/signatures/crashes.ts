/**
 * Crash fingerprints (docs/signatures.md, "Crash fingerprints"). A crash is read from the text a machine
 * printed, then normalised so that what differs between two machines hitting the same bug drops out:
 * addresses and pointers, CPU numbers, timestamps, process and thread ids, line numbers, offsets, counts. The
 * normalised text is the fingerprint's meaning; its hash is the short id used in URLs and `crash:` searches.
 * Recognised: XNU panic strings (panic-full logs and the `panicString` of .ips files), user-space crash
 * reports (Exception Type plus the crashed thread's top frames), assertion failures, uncaught Objective-C
 * exceptions, Swift fatal errors, and Linux oopses, BUGs and WARNINGs.
 */
import { createHash } from 'node:crypto'
import { demangle } from './demangle.js'
import type { CrashMention } from './signatures.types.js'

/** Frames of the crashed thread that go into a crash report's fingerprint. */
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

/**
 * Every crash a text contains, each once, in order.
 * @example extractCrashes('panic(cpu 3 caller 0xfffffe0031f5f9a4): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435')
 * // [{ fingerprint: '…', text: 'panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c' }]
 */
export function extractCrashes(raw: string): CrashMention[] {
  const text = unescapeIpsPanicString(raw.replace(/\r\n?/g, '\n'))
  const found: { at: number; text: string }[] = []
  for (const m of text.matchAll(/panic\(cpu \d+ caller 0x[0-9a-fA-F]+\):[ \t]*([^\n]*)/g)) {
    found.push({ at: m.index, text: panicText(m[1] ?? '', text.slice(m.index, m.index + 40_000)) })
  }
  const report = crashReportText(text)
  if (report !== null) found.push(report)
  for (const m of text.matchAll(
    /Assertion failed: (\(.+?\)|.+?), function (\S+?), file (\S+?), line \d+/g,
  )) {
    found.push({
      at: m.index,
      text: `assertion: ${normalise(m[1] ?? '')} in ${m[2]} (${basename(m[3] ?? '')})`,
    })
  }
  for (const m of text.matchAll(
    /Terminating app due to uncaught exception '(\w+)', reason: '([^'\n]*)'/g,
  )) {
    found.push({ at: m.index, text: `exception: ${m[1]}: ${normalise(m[2] ?? '')}` })
  }
  // Swift prints the file first ("Foo.swift:88: Fatal error: …") or last (": file Foo.swift, line 88"): one text.
  // The pattern opens with an optional path, so the regex engine tries it at every character; most texts
  // hold no fatal error at all, and looking for its words first skips them (a sixth of a bulk derive's
  // crash scanning).
  if (text.includes('Fatal error: '))
    for (const m of text.matchAll(
      /(?:([\w./-]+\.swift):\d+: )?Fatal error: ([^\n]+?)(?:: file ([^\s,]+), line \d+)?$/gm,
    )) {
      const file = m[1] ?? m[3]
      const message = fatalMessage(m[2] ?? '')
      if (message === '') continue
      found.push({
        at: m.index,
        text: `fatal error: ${normalise(message)}${file ? ` (${basename(file)})` : ''}`,
      })
    }
  for (const crash of linuxCrashes(text)) found.push(crash)
  for (const crash of runtimeCrashes(text)) found.push(crash)
  const seen = new Map<string, CrashMention>()
  for (const f of found.sort((a, b) => a.at - b.at)) {
    if (f.text.length < 12) continue
    const fingerprint = fingerprintOf(f.text)
    if (!seen.has(fingerprint)) seen.set(fingerprint, { fingerprint, text: f.text })
  }
  return [...seen.values()]
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
      /(@?[\w./-]+\.(?:c|cc|cpp|h|m|mm|swift|s|S|rs)):\d+(?::\d+)?/g,
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
 * A user-space crash report: process, exception type, and the crashed thread's top frames (image and symbol,
 * or image and offset when unsymbolicated: the offset is the same on every machine running that build).
 * Without frames, the termination reason and the first line of Application Specific Information stand in.
 */
function crashReportText(text: string): { at: number; text: string } | null {
  const exception = /^Exception Type:\s+(.+)$/m.exec(text)
  const termination = /^Termination Reason:\s+(.+)$/m.exec(text)
  const anchor = exception ?? termination
  if (!anchor) return null
  const policy = policyCause(exception?.[1] ?? '', termination?.[1] ?? '', text)
  if (policy !== null) return { at: anchor.index, text: policy }
  const process = /^Process:\s+([^\s[]+)/m.exec(text)?.[1] ?? 'unknown process'
  const crashed = /^Crashed Thread:\s+(\d+)/m.exec(text)?.[1]
  const frames = crashed === undefined ? [] : crashedFrames(text, crashed)
  const parts = [`crash: ${process}`]
  if (exception) parts.push(normalise(exception[1] ?? ''))
  if (frames.length > 0) parts.push(`frames: ${frames.join(' < ')}`)
  else {
    if (termination) parts.push(normalise(termination[1] ?? ''))
    const info = /^Application Specific Information:\s*\n?\s*(.+)$/m.exec(text)?.[1]
    if (info) parts.push(normalise(info))
  }
  return { at: anchor.index, text: parts.join(' | ') }
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

function crashedFrames(text: string, thread: string): string[] {
  const start = new RegExp(`^Thread ${thread} Crashed:.*$`, 'm').exec(text)
  if (!start) return []
  const frames: string[] = []
  for (const line of text.slice(start.index).split('\n').slice(1)) {
    const m = /^\s*\d{1,3}\s+(\S+(?: \S+)*?)\s+0x[0-9a-fA-F]+\s+(.+?)\s*$/.exec(line)
    if (!m) break
    const image = m[1] ?? ''
    const column = m[2] ?? ''
    const offset = /^0x[0-9a-fA-F]+ \+ (\d+)$/.exec(column)
    const symbol = column
      .replace(/\s+\+\s+\d+.*$/, '')
      .replace(/\s+\((?:in [^)]+|[\w./-]+:\d+(?::\d+)?)\)$/, '')
    frames.push(offset ? `${image}+${offset[1]}` : `${image}\`${demangle(symbol) ?? symbol}`)
    if (frames.length >= CRASH_FRAMES) break
  }
  return frames
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
function runtimeCrashes(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = []
  const goroutine = /^goroutine \d+ \[/m.test(text)
  if (text.includes('panic: '))
    for (const m of text.matchAll(/^panic: ([^\n]+)/gm)) {
      const msg = m[1] ?? ''
      if (goroutine || msg.startsWith('runtime error:'))
        out.push({
          at: m.index,
          text: `go: panic: ${normalise(msg.replace(/\s*\[recovered\]/, ''))}`,
        })
    }
  if (goroutine && text.includes('fatal error: '))
    for (const m of text.matchAll(/^fatal error: ([^\n]+)/gm))
      out.push({ at: m.index, text: `go: fatal error: ${normalise(m[1] ?? '')}` })
  if (text.includes('panicked at'))
    for (const m of text.matchAll(
      /thread '[^'\n]*' panicked at (?:([\w./-]+\.rs):\d+:\d+:\n([^\n]+)|'([^\n]*)', ([\w./-]+\.rs):\d+:\d+)/g,
    )) {
      const file = m[1] ?? m[4] ?? ''
      const msg = m[2] ?? m[3] ?? ''
      out.push({ at: m.index, text: `rust: panicked: ${normalise(msg)} (${basename(file)})` })
    }
  for (const m of text.matchAll(/Exception in thread "[^"\n]*" ([\w.$]+)(?:: ([^\n]*))?/g)) {
    const msg = m[2] ? `: ${normalise(m[2])}` : ''
    out.push({ at: m.index, text: `java: ${m[1]}${msg}` })
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
