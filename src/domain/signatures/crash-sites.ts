/**
 * Crash sites (docs/signatures.md, "Crash sites"): where in the poster's own code a crash happened. A crash's
 * fingerprint names its cause (crashes.ts); its site is the cause plus the top frames of the crashed thread
 * that belong to the poster's code, read per format:
 * - Apple crash reports: frames in images that are not Apple's (the report's `Binary Images` paths, else the
 *   image's name: not `com.apple.`, not a system library or framework; `ownImagesOf` in
 *   markdown/crash-report.ts, which marks the same frames in a rendered report);
 * - XNU panics: the third-party kexts of "Kernel Extensions in backtrace";
 * - Linux: frames of a module (`fn+0x1c/0x80 [acme]`), else the first frames that are not the kernel's
 *   reporting, fault and entry code;
 * - Go, Rust, Java and Kotlin: the first frames outside the runtime and standard library; Rust and Swift add
 *   the file their runtime named;
 * - Windows: frames of modules that are not the kernel's or its system drivers.
 * Addresses, offsets and line numbers are left out, so another build or machine gives the same site.
 * Also the process that crashed, as the report names it: shown on the crash's page, never hashed in.
 * Pure: text in, frames out.
 */
import { demangle } from './demangle.js'

/**
 * Own frames that make a site: the function that crashed and its caller. A third frame would split one
 * place in a shared library by the products that call it.
 */
export const SITE_FRAMES = 2

/** A frame of an Apple crash report's crashed thread: its image, and its symbol when symbolicated. */
export interface ReportFrame {
  image: string
  symbol: string | null
}

/** How a frame is written in a fingerprint: `image`symbol`, or the image alone when unsymbolicated. */
export function frameLabel(frame: ReportFrame): string {
  return frame.symbol === null ? frame.image : `${frame.image}\`${frame.symbol}`
}

/**
 * The frames of thread `thread` of a crash report ("Thread 2 Crashed:"), top first, at most 40.
 * @example crashedThreadFrames('Thread 0 Crashed:\n0   Acme   0x100a4c1f0 main + 12', '0') // [{ image: 'Acme', symbol: 'main' }]
 */
export function crashedThreadFrames(text: string, thread: string): ReportFrame[] {
  const start = new RegExp(`^Thread ${thread} Crashed:.*$`, 'm').exec(text)
  if (!start) return []
  const frames: ReportFrame[] = []
  for (const line of text.slice(start.index).split('\n').slice(1, 41)) {
    const m = /^\s*\d{1,3}\s+(\S+(?: \S+)*?)\s+0x[0-9a-fA-F]+\s+(.+?)\s*$/.exec(line)
    if (!m) break
    const image = m[1] ?? ''
    const column = m[2] ?? ''
    if (/^0x[0-9a-fA-F]+ \+ \d+$/.test(column)) {
      frames.push({ image, symbol: null })
      continue
    }
    const symbol = column
      .replace(/\s+\+\s+\d+.*$/, '')
      .replace(/\s+\((?:in [^)]+|[\w./-]+:\d+(?::\d+)?)\)$/, '')
    frames.push({ image, symbol: demangle(symbol) ?? symbol })
  }
  return frames
}

/** The process an Apple crash report or panic names: the last `Process:` line (or panicked task) before `at`. */
export function appleProcess(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 8_000), at + 400)
  let found: string | null = null
  for (const m of before.matchAll(
    /^(?:Process:\s+|BSD process name corresponding to current thread:\s*)([^[\n]+?)\s*(?:\[\d+\])?\s*$/gm,
  ))
    found = m[1] ?? found
  if (found === null) found = /Panicked task [^\n]*?pid \d+: ([^\s,]+)/.exec(before)?.[1] ?? null
  return found === null || found === 'Unknown' ? null : found
}

/** Third-party kexts of a panic's "Kernel Extensions in backtrace" (bundle ids not Apple's). */
export function ownKexts(kexts: readonly string[]): string[] {
  return kexts.filter((id) => !id.startsWith('com.apple.')).slice(0, SITE_FRAMES)
}

/**
 * The kernel's own reporting, fault, entry, scheduling and work-queue frames: a Linux trace without a module
 * frame is read past them to the first frames that say what ran.
 */
const LINUX_CORE =
  /^(?:dump_stack\w*|show_stack|show_regs|__warn\w*|warn_slowpath\w*|report_bug|handle_bug|exc_\w+|asm_\w+|__die\w*|die\w*|oops_\w+|page_fault_oops|do_user_addr_fault|kernelmode_fixup_or_oops|__bad_area\w*|bad_area\w*|do_page_fault|no_context|panic|__schedule_bug|__schedule|schedule\w*|__might_sleep|__might_resched|___might_sleep|might_sleep|__might_fault|lockdep_\w+|print_\w+|kasan_\w+|__kasan_\w+|__asan_\w+|check_\w+|entry_SYSCALL\w*|do_syscall_64|x64_sys_call|syscall_exit\w*|ret_from_fork\w*|kthread|worker_thread|process_one_work|smpboot_thread_fn|do_error_trap|do_trap|fixup_exception|native_\w+|rcu_\w+|__x64_sys_\w+|__se_sys_\w+|__do_sys_\w+|__arm64_sys_\w+|el0\w*|el1\w*|invoke_syscall|do_el0_svc)$/

/**
 * The own frames of a Linux report from `at` on: the faulting function (`RIP:`, `pc :`, or the WARNING line)
 * and the Call Trace, module frames first choice (`fn [module]`), else the first non-core frames; and the
 * task that ran (`Comm:`, or a BUG line's `name:`).
 */
export function linuxSite(text: string, at: number): { frames: string[]; process: string | null } {
  let window = text.slice(at, at + 6_000)
  const end = /---\[ end trace|\n\s*(?:\[[\s\d.]+\]\s*)?(?:BUG|WARNING): /.exec(window.slice(1))
  if (end) window = window.slice(0, end.index + 1)
  const frames: { fn: string; module: string | null }[] = []
  for (const m of window.matchAll(
    /(?:RIP: [0-9a-f]{4}:|pc : |^\s*(?:\[[\s\d.]+\]\s*)?(?!\? )|WARNING: .*? )([A-Za-z_][\w.]*)\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[([\w-]+)\])?/gm,
  ))
    frames.push({ fn: m[1] ?? '', module: m[2] ?? null })
  const modules = frames.filter((f) => f.module !== null)
  const chosen = modules.length > 0 ? modules : frames.filter((f) => !LINUX_CORE.test(f.fn))
  const labels = [
    ...new Set(chosen.map((f) => (f.module === null ? f.fn : `${f.fn} [${f.module}]`))),
  ]
  const process =
    /\bComm: (\S+)/.exec(window)?.[1] ?? /\bpid: \d+, name: (\S+)/.exec(window)?.[1] ?? null
  return { frames: labels.slice(0, SITE_FRAMES), process }
}

/**
 * The first frames of a Go goroutine trace outside the runtime and standard library (a package path whose
 * first element has no dot, other than `main`).
 */
export function goFrames(text: string, at: number): string[] {
  const trace = /^goroutine \d+ \[[^\]\n]*\]:\n/m.exec(text.slice(at))
  if (!trace) return []
  const out: string[] = []
  const lines = text.slice(at + trace.index + trace[0].length).split('\n')
  for (const line of lines.slice(0, 200)) {
    if (line.trim() === '') break
    if (/^\s/.test(line) || line.startsWith('created by ') || !line.endsWith(')')) continue
    const fn = line.slice(0, line.lastIndexOf('('))
    const pkg = fn.slice(0, fn.indexOf('.', fn.lastIndexOf('/') + 1))
    const first = pkg.split('/')[0] ?? ''
    if (first !== 'main' && !first.includes('.')) continue
    if (!out.includes(fn)) out.push(fn)
    if (out.length >= SITE_FRAMES) break
  }
  return out
}

/** Rust's runtime and standard library, and what starts a process or thread. */
const RUST_CORE =
  /^(?:<?(?:std|core|alloc|backtrace|panic_unwind|panic_abort)::|rust_begin_unwind|__rust|_start$|__libc_start|main$|start_thread$|clone3?$|__clone)/

/** The first frames of a Rust backtrace (`  3: crate::module::fn`) outside the runtime and std. */
export function rustFrames(text: string, at: number): string[] {
  const out: string[] = []
  for (const m of text
    .slice(at, at + 20_000)
    .matchAll(/^\s*\d+:\s+(?:0x[0-9a-f]+ - )?([^\s].*?)\s*$/gm)) {
    const fn = (m[1] ?? '').replace(/::h[0-9a-f]{16}$/, '')
    if (RUST_CORE.test(fn) || !/::/.test(fn)) continue
    if (!out.includes(fn)) out.push(fn)
    if (out.length >= SITE_FRAMES) break
  }
  return out
}

/** The Java and Kotlin platform: frames in these packages are not the poster's. */
const JVM_CORE =
  /^(?:java|javax|jdk|sun|com\.sun|kotlin|kotlinx|android|androidx|dalvik|com\.android|org\.junit|org\.gradle)\./

/** The first `at pkg.Class.method(File.java:N)` frames outside the platform, up to "Caused by:". */
export function jvmFrames(text: string, at: number): string[] {
  const out: string[] = []
  const lines = text.slice(at).split('\n')
  for (const line of lines.slice(1, 200)) {
    // `at java.base/java.util.Objects.requireNonNull(…)`, `at app//com.acme.Main.run(…)`: the module goes.
    const m = /^\s+at (?:[\w.@$-]*\/{1,2})?([\w.$<>]+)\(/.exec(line)
    if (!m) {
      if (/^\s+\.\.\. \d+ more/.test(line)) continue
      break
    }
    const fn = m[1] ?? ''
    if (JVM_CORE.test(fn) || out.includes(fn)) continue
    out.push(fn)
    if (out.length >= SITE_FRAMES) break
  }
  return out
}

/** Windows' kernel, HAL, frameworks and system drivers: frames in them are not the poster's driver. */
const WINDOWS_CORE =
  /^(?:nt|hal|ntkrnlmp|ntoskrnl|fltmgr|wdf01000|wdfldr|ndis|tcpip|netio|ci|ks|storport|classpnp|acpi|pci|ksecdd|win32k\w*|ntdll|kernelbase|kernel32|volmgr|partmgr|fwpkclnt|ucx01000|usbxhci|usbhub3|storahci|stornvme|ataport|cng|afd)$/i

/** Frames of a Windows stack (`module!Function+0x2c`) in modules that are not the system's. */
export function windowsSite(
  text: string,
  at: number,
): { frames: string[]; process: string | null } {
  const window = text.slice(at, at + 20_000)
  const out: string[] = []
  for (const m of window.matchAll(
    /\b([A-Za-z]\w*)!([A-Za-z_][\w:~<>]*)(?:\+0x[0-9a-fA-F]+|\+[0-9a-fA-F]+)?/g,
  )) {
    if (WINDOWS_CORE.test(m[1] ?? '')) continue
    const fn = `${(m[1] ?? '').toLowerCase()}!${m[2]}`
    if (!out.includes(fn)) out.push(fn)
    if (out.length >= SITE_FRAMES) break
  }
  return { frames: out, process: /^PROCESS_NAME:\s+(\S+)/m.exec(window)?.[1] ?? null }
}
