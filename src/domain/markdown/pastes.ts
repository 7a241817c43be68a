/**
 * Rescued pastes: logs, backtraces, crash reports, `ioreg` trees, dtruss traces and code pasted into a post
 * without a fence. Markdown would join their lines into one paragraph (and read `*` and `_` as emphasis), so
 * before rendering, each run of lines that are clearly such output is wrapped in a fence. Only lines that
 * match a strong pattern start or end a run; a line that reads as prose ends it, so no prose is swallowed,
 * and Markdown structure the author wrote (fences, indented code, quotes, lists, tables) is never touched.
 * See docs/signatures.md ("Rescued pastes").
 */
import MarkdownIt from 'markdown-it'

/** What a strong line looks like; the kinds decide the fence's language label. */
export type PasteKind = 'log' | 'code'

/** Info strings of rescued fences: logs show as plain text, code is auto-detected; both are marked rescued. */
export const RESCUED_INFO = { log: 'text rescued', code: 'rescued' } as const satisfies Record<
  PasteKind,
  string
>

const HEX = '0x[0-9a-fA-F]+'
/** What strace and dtruss print before a call: a pid ("[pid  42] ", "42  "), dtruss columns, a time. */
const TRACE_PREFIX = String.raw`\s*(?:\[pid\s+\d+\]\s+|\d+\/0x[0-9a-f]+:(?:\s+\d+)*\s+|\d+\s+)?(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+)?`
const LOG_PATTERNS: readonly RegExp[] = [
  // Kernel panics (panic-full, .ips panicString) and their report headers.
  /^\s*panic\(cpu \d+ caller 0x[0-9a-fA-F]+\)/,
  /^\s*(?:Debugger message|Panicked task|Panicked thread|Backtrace \(CPU \d+\)|Kernel Extensions in backtrace|Kernel version|Kernel UUID|KernelCache (?:slide|base)|Kernel (?:slide|text base|text exec slide|text exec base)|OS release type|OS version|iBoot version|secure boot\?|roots installed|Paniclog version|Epoch Time|Boot args|Memory ID|Zone info|System uptime in nanoseconds|Last Sleep|Last Wake|Compressor Info|Panicked during|Total cpu_usage|mach_absolute_time)\b.*:/,
  new RegExp(`^\\s*${HEX}\\s*:\\s*${HEX}`), // panic frame "0xfffffe… : 0xfffffe…"
  /^\s*(?:lr|pc|fp|sp|cpsr|esr|far|x\d{1,2}|[re]?[abcd]x|[re]?[sd]i|[re]?[sb]p|r\d{1,2}|rip|rflags|cr\d)\s*:\s*0x[0-9a-fA-F]+(?:\s+\S+\s*:\s*0x[0-9a-fA-F]+)+/i,
  /^\s*(?:dependency: )?com\.[\w.-]+\([\w.]+\)\[[0-9A-F-]{36}\]/, // kext in backtrace
  // Crash reports (.ips text, .crash).
  /^(?:Process|Path|Identifier|Version|Code Type|Role|Parent Process|Coalition|Responsible Process|Responsible|User ID|Date\/Time|Launch Time|OS Version|Hardware Model|Report Version|Incident Identifier|CrashReporter Key|Exception Type|Exception Subtype|Exception Codes|Exception Reason|Exception Note|Termination Reason|Termination Signal|Triggered by Thread|Crashed Thread|Application Specific Information|Kernel Triage|Binary Images|VM Region Info|System Integrity Protection|Sleep\/Wake UUID|Time Awake Since Boot|Anonymous UUID):(?:\s|$)/,
  /^Thread \d+(?: Crashed)?::?(?:\s|$)/,
  /^Thread \d+ (?:name|crashed with ARM Thread State)/,
  new RegExp(`^\\s*\\d{1,3}\\s+\\S.*?\\s${HEX}\\s+\\S`), // "0   libsystem_kernel.dylib  0x18d9e2a60 __pthread_kill + 8"
  new RegExp(`^\\s*${HEX}\\s+-\\s+${HEX}\\s`), // binary images
  // Debuggers.
  /^\s*\*?\s*frame #\d+:/,
  /^\s*\*?\s*thread #\d+[:,]/,
  /^\(lldb\)\s/,
  new RegExp(`^\\s*#\\d+\\s+${HEX}\\s+in\\s`), // gdb
  // dtruss / strace: "open("/x\0", 0x0, 0x0)   = -1 Err#2", "SYSCALL(args)  = return".
  // A strace line may open with "[pid  42] ", "42  " (-f), a time (-t); a dtruss line with "42/0x1f2a:" and its
  // RELATIVE, ELAPSD and CPU columns (-e, -d, -c).
  new RegExp(
    String.raw`^${TRACE_PREFIX}[a-z_][a-z0-9_]*\(.*\)\s+=\s+-?(?:\d+|0x[0-9a-fA-F]+|\?)(?:\s+(?:Err#-?\d+|E[A-Z]+(?: \([^)]*\))?|<[\d.]+>|0x[0-9a-fA-F]+|\d+))*\s*$`,
  ),
  new RegExp(String.raw`^${TRACE_PREFIX}[a-z_][a-z0-9_]*\(.*<unfinished \.\.\.>\s*$`),
  new RegExp(
    String.raw`^${TRACE_PREFIX}<\.\.\. [a-z_][a-z0-9_]* resumed>.*\)\s+=\s+-?(?:\d+|0x[0-9a-fA-F]+|\?)`,
  ),
  new RegExp(
    String.raw`^${TRACE_PREFIX}(?:--- SIG[A-Z0-9]+ \{.*\} ---|\+\+\+ (?:exited with -?\d+|killed by SIG[A-Z0-9]+.*) \+\+\+)\s*$`,
  ),
  /^\s*(?:PID\/THRD\s+)?(?:(?:RELATIVE|ELAPSD|CPU)\s+)*SYSCALL\(args\)\s+=\s+return/,
  // ktrace/kdump: "  2207 acmed    CALL  open(…)", "  2207 acmed    RET   open -1 errno 1 …".
  /^\s*\d+\s+\S+\s+(?:[\d.]+\s+)?(?:CALL|RET|NAMI|GIO|PSIG|STRU|SIG|CSW|EMUL|USER|GENIO|SCTL)\s+\S/,
  // ioreg.
  /^[\s|]*\+-o\s+\S/,
  /^[\s|]+"[^"]+"\s+=\s+\S/,
  /^[\s|]*\|\s*[{}]\s*$/,
  // Logs: ISO or log-show timestamps, syslog, dmesg, Console.app copies, "process[pid]: message".
  /^\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/,
  /^\s*[A-Z][a-z]{2}\s{1,2}\d{1,2} \d{2}:\d{2}:\d{2}\s/,
  /^\s*\[\s*\d+\.\d+\]\s/,
  /^\s*\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2} \d{4}\]\s/, // dmesg -T
  /^\s*(?:default|info|debug|error|fault|notice)\s+\d{2}:\d{2}:\d{2}\.\d+/,
  /^\s*\d{2}:\d{2}:\d{2}\.\d{3,}\s/,
  /^\s*[\w.-]+\[\d+\]:\s/,
  /^\s*kernel(?:\[0\])?:\s/,
  /^\s*(?:Filtering the log data using|Timestamp\s+(?:Thread|Type))\b/,
  // Linux oopses.
  /^\s*(?:RIP|RSP|RAX|RBX|RCX|RDX|RSI|RDI|RBP|R\d{1,2}|FS|GS|CS|CR[0-4]):\s+\S/,
  /^\s*(?:Call Trace:|<\/?TASK>|<\/?IRQ>)/,
  /^\s*(?:\? )?[\w.]+\+0x[0-9a-f]+\/0x[0-9a-f]+/,
  /^\s*(?:kernel BUG at |BUG: |WARNING: CPU: |Oops: |general protection fault|Kernel panic - not syncing)/,
  // Hex dumps and shell sessions.
  /^\s*[0-9a-f]{8,16}:?\s+(?:[0-9a-f]{2}\s?){8,}/,
  /^\s*[$%] (?:sudo |\.\/|[a-z][\w.-]*(?:\s|$))/,
]

const TYPES = String.raw`(?:static|extern|inline|const|unsigned|signed|void|int|long|short|char|bool|kern_return_t|IOReturn|errno_t|size_t|ssize_t|u?int\d+_t|struct\s+\w+|enum\s+\w+)`
const CODE_PATTERNS: readonly RegExp[] = [
  /^\s*#\s?(?:include|import|define|undef|if|ifdef|ifndef|elif|else|endif|pragma)\b/,
  /^\s*(?:static|extern|struct|typedef|enum|union|void|int|unsigned|signed|long|short|char|bool|const|return|if|else|for|while|switch|case|break|continue|goto|do|class|template|namespace|using|kern_return_t|IOReturn|errno_t|size_t|ssize_t|u?int\d+_t|func|let|var|guard|import|override|private|fileprivate|public|final|extension|protocol|defer|@objc|@interface|@implementation|@property|@end)\b.*(?:[;{}(),:]|\)\s*\{?)\s*$/,
  new RegExp(String.raw`^\s*(?:${TYPES}\s*\**\s*)+$`), // "static int" above a definition
  /^\s*(?:[\w*]+\s+)*[A-Za-z_]\w*\((?:void|[^()]*[*,][^()]*|)\)\s*\{?\s*$/, // "acme_reclaim(struct args *ap)"
  /^\s*[}{]\s*[;,]?\s*$/,
  /^\s*}\s*(?:else\b.*|while\b.*)$/,
  /^\s*[\w.\->[\]*&]+\s*(?:[-+*/|&^]?=)\s*[^=].*;\s*$/,
  /^\s*[\w:.\->[\]*&]+\(.*\)\s*;\s*$/,
  /^\s*[\w:.]+\(.*\)\s*\{.*\}?\s*$/, // "apply(settings) { error in … }"
  /^\s*(?:\/\/|\/\*)/,
  /^\s*(?:public|private|protected):\s*$/,
]

/**
 * Bodies longer than this are rendered as written: posts are capped at 64 KB, so only hostile input is longer,
 * and the pass (a block parse plus a few dozen anchored patterns per line) must stay well under a second.
 */
export const MAX_RESCUE_CHARS = 128 * 1024
/** Lines longer than this are never classified: no log line is that long, and it bounds the regex work. */
const MAX_LINE_CHARS = 2_000

/** A word of prose: letters (an apostrophe inside), with the punctuation prose puts around words. */
const WORD_RE = /^[("'“‘]?[A-Za-z][a-z'’]*[)"'”’,.;:!?]*$/

/**
 * The kind of output a line clearly is, or null when it could be anything (prose, a heading, a short note).
 * @example pasteLineKind('0   libsystem_kernel.dylib  0x18d9e2a60 __pthread_kill + 8') // "log"
 * @example pasteLineKind('I checked the logs again.') // null
 */
export function pasteLineKind(line: string): PasteKind | null {
  if (line.length > MAX_LINE_CHARS) return null
  if (/^\s*[{}]\s*$/.test(line)) return 'code'
  if (line.trim().length < 2) return null
  if (LOG_PATTERNS.some((re) => re.test(line))) return 'log'
  if (
    CODE_PATTERNS.some((re) => re.test(line)) &&
    (!looksLikeProse(line) || DECLARATION_RE.test(line))
  )
    return 'code'
  return null
}

/**
 * A declaration's first line reads like words ("static long acme_ioctl(struct file *filp, unsigned int cmd)"),
 * but a sentence does not open with a lower-case C or Swift keyword, call something and end in `)`, `{` or `;`.
 */
const DECLARATION_RE =
  /^\s*(?:static|extern|inline|const|unsigned|signed|void|int|long|short|char|bool|struct|enum|union|func|fn|pub|override|private|public|fileprivate|internal|final|def|kern_return_t|IOReturn|errno_t|size_t|ssize_t|u?int\d+_t)\s.*\w\(.*[){;]\s*$/

/**
 * A sentence rather than output: most of its space-separated tokens are plain words (identifiers, calls,
 * paths and numbers are not), four or more of them, or three or more ending in sentence punctuation.
 * Log messages are often words too, but they are recognised by their prefix first.
 */
export function looksLikeProse(line: string): boolean {
  const tokens = line.trim().slice(0, MAX_LINE_CHARS).split(/\s+/)
  const words = tokens.filter((t) => WORD_RE.test(t)).length
  if (words >= 3 && /[.?!]["')”’]?$/.test(line.trim()) && words / tokens.length >= 0.5) return true
  return words >= 4 && words / tokens.length >= 0.7
}

type LineClass =
  | { type: 'blank' }
  | { type: 'strong'; kind: PasteKind }
  | { type: 'prose' }
  | { type: 'neutral' }
  | { type: 'protected' }
  | { type: 'indented' }

/**
 * Wraps each run of unfenced pasted output in a fence, leaving every other line as written. A run starts and
 * ends with a strong line, may hold lines that are neither strong nor prose, and may cross blank lines when a
 * strong line follows them; it needs two strong lines, or one panic line alone in its paragraph.
 * @example rescuePastes('It fails:\nfoo[12]: bad\nfoo[12]: worse\nAny idea?')
 * // 'It fails:\n```text rescued\nfoo[12]: bad\nfoo[12]: worse\n```\nAny idea?'
 */
export function rescuePastes(markdown: string): string {
  if (!markdown.includes('\n') || markdown.length > MAX_RESCUE_CHARS) return markdown
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const kinds = lines.map(pasteLineKind)
  // Most posts have no paste at all: decide that before paying for a block parse.
  const strong = kinds.filter((k) => k !== null).length
  if (strong < 2 && !lines.some((l) => PANIC_LINE_RE.test(l))) return markdown
  const classes = classify(lines, kinds, structuredLines(markdown, lines.length))
  const runs = findRuns(lines, classes)
  if (runs.length === 0) return markdown
  const out: string[] = []
  let at = 0
  for (const run of runs) {
    out.push(...lines.slice(at, run.start))
    const body = lines.slice(run.start, run.end + 1)
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1))
    out.push(`${fence}${RESCUED_INFO[run.kind]}`, ...body, fence)
    at = run.end + 1
  }
  out.push(...lines.slice(at))
  return out.join('\n')
}

const PANIC_LINE_RE = /^\s*panic\(cpu \d+ caller/

function classify(
  lines: string[],
  kinds: (PasteKind | null)[],
  structured: Map<number, Structure>,
): LineClass[] {
  return lines.map((line, i): LineClass => {
    if (line.trim() === '') return { type: 'blank' }
    // Lines inside fences, quotes, tables and lists belong to the structure the author wrote. A list line
    // can still be output (lldb prints "* thread #1"), but only a strong one.
    const structure = structured.get(i)
    const kind = kinds[i] ?? null
    if (structure === 'other') return { type: 'protected' }
    if (structure === 'indented') return { type: 'indented' }
    if (structure === 'list')
      return kind === 'log' ? { type: 'strong', kind } : { type: 'protected' }
    if (kind !== null) return { type: 'strong', kind }
    return looksLikeProse(line) ? { type: 'prose' } : { type: 'neutral' }
  })
}

interface Run {
  start: number
  end: number
  kind: PasteKind
}

function findRuns(lines: string[], classes: LineClass[]): Run[] {
  const runs: Run[] = []
  let i = 0
  while (i < classes.length) {
    const first = classes[i]!
    if (first.type !== 'strong') {
      i++
      continue
    }
    let end = i
    let strong = 1
    let logs = first.kind === 'log' ? 1 : 0
    // Code whose structure is still open (a brace not yet closed) goes on across blank lines, and into the
    // lines Markdown reads as an indented block after one: they are the body of the function being pasted.
    let depth = first.kind === 'code' ? braceDepth(lines[i] ?? '') : 0
    let j = i + 1
    for (; j < classes.length; j++) {
      const c = classes[j]!
      const open = logs === 0 && depth > 0
      if (c.type === 'strong') {
        end = j
        strong++
        if (c.kind === 'log') logs++
      } else if (c.type === 'blank') {
        const next = nextNonBlank(classes, j)
        if (next === -1) break
        const after = classes[next]!.type
        if (open ? after === 'prose' || after === 'protected' : after !== 'strong' || next - j > 2)
          break
      } else if (c.type === 'indented' || c.type === 'neutral') {
        if (c.type === 'indented' && !open) break
        if (open) end = j
      } else break
      if (logs === 0) depth = Math.max(0, depth + braceDepth(lines[j] ?? ''))
    }
    if (strong >= 2 || isLonePanic(lines, classes, i, end)) {
      runs.push({ start: i, end, kind: logs > 0 ? 'log' : 'code' })
    }
    i = Math.max(end + 1, i + 1)
  }
  return runs
}

/** Braces a line opens minus those it closes, strings, characters and comments left out. */
function braceDepth(line: string): number {
  const code = line
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '')
    .replace(/\/\/.*$|\/\*.*?\*\//g, '')
  let depth = 0
  for (const ch of code) {
    if (ch === '{') depth++
    else if (ch === '}') depth--
  }
  return depth
}

function nextNonBlank(classes: LineClass[], from: number): number {
  for (let k = from; k < classes.length; k++) if (classes[k]!.type !== 'blank') return k
  return -1
}

/** One panic line in a paragraph of its own: its `_` and `*` would otherwise become emphasis. */
function isLonePanic(lines: string[], classes: LineClass[], start: number, end: number): boolean {
  if (start !== end || !PANIC_LINE_RE.test(lines[start] ?? '')) return false
  const before = start === 0 || classes[start - 1]!.type === 'blank'
  const after = end === classes.length - 1 || classes[end + 1]!.type === 'blank'
  return before && after
}

function longestBacktickRun(lines: string[]): number {
  let longest = 0
  for (const line of lines)
    for (const m of line.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  return longest
}

/**
 * Lines the author already structured: fenced and indented code, blockquotes, tables, headings and rules
 * ('other'), and lists ('list'), read from the block tokens of a plain CommonMark parse (inline parsing is
 * skipped: only `map` is used). A line in both is 'other'.
 */
function structuredLines(markdown: string, lineCount: number): Map<number, Structure> {
  const found = new Map<number, Structure>()
  for (const token of structure.parse(markdown, {})) {
    if (!token.map) continue
    const kind: Structure | null = LIST_TOKENS.has(token.type)
      ? 'list'
      : token.type === 'code_block'
        ? 'indented'
        : OTHER_TOKENS.has(token.type)
          ? 'other'
          : null
    if (kind === null) continue
    const [from, to] = token.map
    for (let line = from; line < Math.min(to, lineCount); line++) {
      const had = found.get(line)
      // Only the outermost plain structure is 'list' or 'indented'; code inside a list, or a list inside
      // anything, is structure of its own ('other').
      found.set(line, had === undefined || had === kind ? kind : 'other')
    }
  }
  return found
}

/** What the author structured a line as: a list item, an indented code block, or anything else. */
type Structure = 'list' | 'indented' | 'other'

const LIST_TOKENS: ReadonlySet<string> = new Set(['bullet_list_open', 'ordered_list_open'])
const OTHER_TOKENS: ReadonlySet<string> = new Set([
  'fence',
  'blockquote_open',
  'table_open',
  'heading_open',
  'hr',
  'html_block',
])

// The renderer's nesting cap (render.ts): without it a 5k-deep list takes minutes to parse. Raw HTML is on
// here (only here): the renderer shows an HTML block as text, and that text is structure the author wrote.
const structure = new MarkdownIt('commonmark', { html: true, maxNesting: 20 }).enable('table')
structure.core.ruler.disable(['inline', 'text_join'])
