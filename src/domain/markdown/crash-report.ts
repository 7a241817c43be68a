/**
 * Crash reports as data (docs/signatures.md, "Crash reports as data"). macOS writes `.ips` files as two JSON
 * documents, a one-line header (`bug_type`, `os_version`, …) and a body: for a user-space crash (bug type
 * 309) the process, exception, termination, threads with their frames and the images they point into; for a
 * kernel panic (210) the panic log as one string. Read raw, that is a wall of JSON. Here it becomes the text
 * report Apple's older format printed (the crashed thread first), which the signature extractors read like
 * any pasted report and the attachment preview shows, with the frames of the poster's own images marked.
 * Pure: no I/O; anything that does not parse is left alone.
 */

/** A crash report read from an `.ips` file. */
export interface IpsReport {
  /** The report as text, in the classic crash report layout. */
  text: string
  /** Indexes of the lines of `text` that are frames of the poster's own (not Apple's) images. */
  ownFrameLines: number[]
}

/** Largest text parsed as an `.ips` file (the format's reports are a few hundred KB at most). */
const MAX_IPS_CHARS = 2 * 1024 * 1024
/** Frames listed for the crashed thread, and for each other thread. */
const CRASHED_FRAMES = 40
const OTHER_FRAMES = 8
const OTHER_THREADS = 6

const HEADER_RE = /^\s*\{[^\n]*"bug_type"\s*:\s*"?\d+"?[^\n]*\}\s*$/m

/**
 * The readable report of an `.ips` text, or null when the text is not one.
 * @example readIps('{"bug_type":"309","os_version":"macOS 15.6 (24G84)"}\n{"procName":"Acme", …}')?.text
 * // "Process:               Acme [4410]\n…"
 */
export function readIps(raw: string): IpsReport | null {
  if (raw.length > MAX_IPS_CHARS || !raw.includes('"bug_type"')) return null
  const text = raw.replace(/\r\n?/g, '\n').trim()
  const headerMatch = HEADER_RE.exec(text)
  if (!headerMatch || headerMatch.index > 0) return null
  const header = parseObject(headerMatch[0])
  if (header === null) return null
  const rest = text.slice(headerMatch[0].length).trim()
  const body = rest === '' ? {} : parseObject(rest)
  if (body === null) return null
  if (typeof body.panicString === 'string') return panicReport(header, body)
  if (Array.isArray(body.threads) || isObject(body.exception)) return userReport(header, body)
  return null
}

/**
 * Every `.ips` report pasted in a Markdown body (alone in its paragraph or in a fence), replaced by its
 * readable text in a fence; the rest of the body is unchanged. The stored post keeps what was posted.
 * @example readableIpsInMarkdown('It crashed:\n\n{"bug_type":"309"}\n{…}\n') // 'It crashed:\n\n```text rescued\nProcess: …\n```\n'
 */
export function readableIpsInMarkdown(markdown: string): string {
  if (!markdown.includes('"bug_type"') || markdown.length > MAX_IPS_CHARS) return markdown
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  let changed = false
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (!HEADER_RE.test(line)) {
      out.push(line)
      i++
      continue
    }
    const fenced = /^\s*(`{3,}|~{3,})/.exec(out[out.length - 1] ?? '')
    const found = reportFrom(lines, i, fenced?.[1] ?? null)
    if (found === null) {
      out.push(line)
      i++
      continue
    }
    changed = true
    if (fenced) {
      // Inside the author's fence: its body becomes the report, and its label plain text.
      out[out.length - 1] = `${fenced[1]}text`
      out.push(...found.report.text.split('\n'))
    } else out.push('```text rescued', ...found.report.text.split('\n'), '```')
    i = found.end + 1
  }
  return changed ? out.join('\n') : markdown
}

/** The report whose header is line `start`: the body runs to the first closing line that parses. */
function reportFrom(
  lines: string[],
  start: number,
  fence: string | null,
): { report: IpsReport; end: number } | null {
  let tries = 0
  for (let end = start; end < lines.length && tries < 50; end++) {
    const line = lines[end] ?? ''
    if (fence !== null && line.trim().startsWith(fence)) return null
    if (end > start && !/^\s*\}\s*$/.test(line)) continue
    tries++
    const report = readIps(lines.slice(start, end + 1).join('\n'))
    if (report !== null) return { report, end }
  }
  return null
}

type Json = Record<string, unknown>

function parseObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : null
  } catch {
    return null
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function field(label: string, value: string): string {
  return `${`${label}:`.padEnd(23)}${value}`
}

function osVersion(header: Json, body: Json): string {
  const os = isObject(body.osVersion) ? body.osVersion : null
  if (os && str(os.train) !== '')
    return str(os.build) === '' ? str(os.train) : `${str(os.train)} (${str(os.build)})`
  return str(header.os_version) || str(body.build)
}

function panicReport(header: Json, body: Json): IpsReport {
  const lines = [str(body.panicString).replace(/\n+$/, '')]
  const os = osVersion(header, body)
  if (os !== '') lines.push('', field('OS Version', os))
  return { text: lines.join('\n'), ownFrameLines: [] }
}

interface Image {
  name: string
  path: string
  bundleId: string
  base: number
  own: boolean
}

function images(body: Json): Image[] {
  const used = Array.isArray(body.usedImages) ? body.usedImages : []
  return used.map((raw): Image => {
    const img = isObject(raw) ? raw : {}
    const path = str(img.path)
    const name = str(img.name) || path.slice(path.lastIndexOf('/') + 1) || '???'
    const bundleId = str(img.CFBundleIdentifier)
    const base = typeof img.base === 'number' ? img.base : 0
    return { name, path, bundleId, base, own: isOwnImage(path, bundleId, str(img.source)) }
  })
}

/** An image of the poster's own code: not the system's (paths Apple ships, `com.apple.` bundles). */
function isOwnImage(path: string, bundleId: string, source: string): boolean {
  return source !== 'A' && isOwnImagePath(path, bundleId)
}

/**
 * Whether an image at `path` (with its bundle id, when known) is the poster's own rather than Apple's: a
 * path Apple does not ship and no `com.apple.` bundle id. Text reports' Binary Images are read by it too.
 * @example isOwnImagePath('/Applications/Acme.app/Contents/MacOS/Acme') // true
 */
function isOwnImagePath(path: string, bundleId = ''): boolean {
  if (path === '' || bundleId.startsWith('com.apple.')) return false
  return !/^(?:\/System\/|\/usr\/lib\/|\/usr\/libexec\/|\/Library\/Apple\/|\/private\/preboot\/Cryptexes\/|\/Applications\/Xcode)/.test(
    path,
  )
}

/**
 * Apple's frameworks and kernel families: crash reports name their images without a path when the
 * report's Binary Images are cut off, and posts name them in prose (signatures' vocabulary builds on
 * this list). To extend: add the framework here.
 */
export const APPLE_FRAMEWORKS: readonly string[] = [
  'IOKit',
  'DriverKit',
  'PCIDriverKit',
  'USBDriverKit',
  'HIDDriverKit',
  'NetworkingDriverKit',
  'SerialDriverKit',
  'AudioDriverKit',
  'SCSIControllerDriverKit',
  'BlockStorageDeviceDriverKit',
  'FSKit',
  'EndpointSecurity',
  'NetworkExtension',
  'SystemExtensions',
  'SystemConfiguration',
  'CoreFoundation',
  'CoreAudio',
  'CoreBluetooth',
  'CoreWLAN',
  'IOBluetooth',
  'IOSurface',
  'Hypervisor',
  'Virtualization',
  'AppKit',
  'UIKit',
  'SwiftUI',
  'WebKit',
  'MetalKit',
  'OSLog',
  'XPC',
  'libkern',
]

/** Images of Apple's that crash reports name without a path: the frameworks above and system libraries. */
const APPLE_FRAMEWORK_IMAGES: ReadonlySet<string> = new Set([
  ...APPLE_FRAMEWORKS,
  'Foundation',
  'UIKitCore',
  'SwiftUICore',
  'Combine',
  'CoreData',
  'Security',
  'CFNetwork',
  'Network',
  'CoreGraphics',
  'QuartzCore',
  'Metal',
  'AVFoundation',
  'AVFCore',
  'AVFAudio',
  'CoreMedia',
  'CoreVideo',
  'AudioToolbox',
  'HIToolbox',
  'CoreServices',
  'LaunchServices',
  'SkyLight',
  'CoreText',
  'ImageIO',
  'JavaScriptCore',
  'CoreML',
  'CoreLocation',
  'CoreImage',
  'CoreUI',
  'AttributeGraph',
  'UIFoundation',
  'GraphicsServices',
  'FrontBoardServices',
  'RunningBoardServices',
  'BackBoardServices',
  'ExtensionFoundation',
  'ExtensionKit',
  'Accelerate',
  'CloudKit',
  'StoreKit',
  'Photos',
  'MapKit',
  'Dispatch',
  'CoreDisplay',
  'ColorSync',
  'QuickLook',
  'DesktopServicesPriv',
  'Sandbox',
])

/** System libraries, the dynamic linker, the kernel, and frames no image claims. */
const APPLE_IMAGE_NAME =
  /^(?:com\.apple\.|dyld$|\?\?\?$|kernel(?:\.|$)|lib(?:system_|dispatch|objc|c\+\+|swift|xpc|sqlite3|z\.|dyld|sandbox|network|BacktraceRecording|MainThreadChecker|quarantine|corecrypto|boringssl|compiler_rt|unwind|cache|darwin|launch|notify|trace|Main\.dylib))/

/**
 * Which images of a crash report are the poster's own: those its Binary Images list with a path Apple does
 * not ship (`+` marks them in older reports), or the "Binary Images (not Apple)" list of a report read from
 * an `.ips` file; an image the report does not list is the poster's when it is the process itself or its name
 * is not one of Apple's.
 */
export function ownImagesOf(text: string, process: string | null): (image: string) => boolean {
  const listed = new Map<string, boolean>()
  const notApple = text.indexOf('Binary Images (not Apple):')
  if (notApple >= 0) {
    for (const line of text.slice(notApple).split('\n').slice(1, 200)) {
      const m = /^\s*0x[0-9a-fA-F]+ (\S+) (\/.*)$/.exec(line)
      if (!m) break
      listed.set(m[1] ?? '', true)
      listed.set(basename(m[2] ?? ''), true)
    }
    return (image) => listed.get(image) ?? false
  }
  const section = /^Binary Images:\s*$/m.exec(text)
  if (section) {
    for (const line of text.slice(section.index).split('\n').slice(1, 2000)) {
      const m =
        /^\s*0x[0-9a-fA-F]+\s*-\s*0x[0-9a-fA-F]+\s+(\+?)(.+?)\s+(?:\([^)]*\)\s+)?<[0-9A-Fa-f-]+>\s+(\/.*?)\s*$/.exec(
          line,
        )
      if (!m) {
        if (line.trim() === '') break
        continue
      }
      const name = (m[2] ?? '').trim()
      const path = m[3] ?? ''
      const own = m[1] === '+' || isOwnImagePath(path, name.startsWith('com.apple.') ? name : '')
      listed.set(name, own)
      listed.set(basename(path), own)
    }
  }
  return (image) =>
    listed.get(image) ??
    (image === process ||
      (!APPLE_IMAGE_NAME.test(image) &&
        !APPLE_FRAMEWORK_IMAGES.has(image.replace(/\.framework$/, ''))))
}

/** A frame line of a text crash report: `N  image  0xaddress  symbol + offset`; group 1 is the image. */
const FRAME_LINE_RE = /^\s*\d{1,3}\s+(\S+(?: \S+)*?)\s+0x[0-9a-fA-F]+\s+\S/

/**
 * A crash report in text (pasted, or read from an `.ips` file) with the frames of the poster's own images
 * marked, or null when the text is not a crash report (no `Exception Type:` and `Thread N Crashed:`).
 * Rendered posts show pasted reports this way, as attachment previews show `.ips` files.
 * @example textCrashReport('Process: Acme [1]\nException Type: EXC_CRASH\nThread 0 Crashed:\n0   Acme   0x1 main + 4')?.ownFrameLines // [3]
 */
export function textCrashReport(text: string): IpsReport | null {
  if (text.length > MAX_IPS_CHARS || !/^Thread \d+ Crashed:/m.test(text)) return null
  if (!/^Exception Type:/m.test(text)) return null
  const process = /^Process:\s+([^[\n]+?)\s*(?:\[\d+\])?\s*$/m.exec(text)?.[1] ?? null
  const own = ownImagesOf(text, process)
  const ownFrameLines: number[] = []
  let inThread = false
  for (const [i, line] of text.split('\n').entries()) {
    if (/^Thread \d+/.test(line)) inThread = true
    else if (/^Binary Images/.test(line)) inThread = false
    const image = inThread ? FRAME_LINE_RE.exec(line)?.[1] : undefined
    if (image !== undefined && own(image)) ownFrameLines.push(i)
  }
  return { text, ownFrameLines }
}

function userReport(header: Json, body: Json): IpsReport {
  const imgs = images(body)
  const lines: string[] = []
  const own: number[] = []
  const name = str(body.procName) || str(header.app_name) || str(header.name)
  const pid = str(body.pid)
  lines.push(field('Process', pid === '' ? name : `${name} [${pid}]`))
  if (str(body.procPath) !== '') lines.push(field('Path', str(body.procPath)))
  const bundle = isObject(body.bundleInfo) ? body.bundleInfo : {}
  const id = str(bundle.CFBundleIdentifier) || str(header.bundleID)
  if (id !== '') lines.push(field('Identifier', id))
  const version = str(bundle.CFBundleShortVersionString) || str(header.app_version)
  if (version !== '') lines.push(field('Version', version))
  const os = osVersion(header, body)
  if (os !== '') lines.push(field('OS Version', os))
  const exception = isObject(body.exception) ? body.exception : null
  if (exception) {
    const type = str(exception.type)
    const signal = str(exception.signal)
    if (type !== '')
      lines.push(field('Exception Type', signal === '' ? type : `${type} (${signal})`))
    if (str(exception.subtype) !== '')
      lines.push(field('Exception Subtype', str(exception.subtype)))
    if (str(exception.codes) !== '') lines.push(field('Exception Codes', str(exception.codes)))
  }
  const termination = isObject(body.termination) ? body.termination : null
  if (termination && str(termination.namespace) !== '') {
    const indicator = str(termination.indicator)
    lines.push(
      field(
        'Termination Reason',
        `Namespace ${str(termination.namespace)}, Code ${str(termination.code)}${indicator === '' ? '' : ` ${indicator}`}`,
      ),
    )
  }
  const asi = isObject(body.asi) ? body.asi : null
  if (asi) {
    const notes = Object.values(asi).flatMap((v) => (Array.isArray(v) ? v.map(str) : []))
    if (notes.length > 0) lines.push('', 'Application Specific Information:', ...notes)
  }
  const threads = (Array.isArray(body.threads) ? body.threads : []).map((t) =>
    isObject(t) ? t : {},
  )
  const faulting =
    typeof body.faultingThread === 'number'
      ? body.faultingThread
      : threads.findIndex((t) => t.triggered === true)
  if (faulting >= 0) lines.push(field('Crashed Thread', String(faulting)))
  // The crashed thread first, then a few others, shorter.
  const order = [
    ...(faulting >= 0 && faulting < threads.length ? [faulting] : []),
    ...threads.map((_t, i) => i).filter((i) => i !== faulting),
  ].slice(0, OTHER_THREADS + 1)
  for (const index of order) {
    const thread = threads[index] ?? {}
    const crashed = index === faulting
    const queue = str(thread.queue)
    const name = str(thread.name)
    const suffix = queue !== '' ? `:: Dispatch queue: ${queue}` : name !== '' ? `:: ${name}` : ':'
    lines.push('', `Thread ${index}${crashed ? ' Crashed' : ''}${suffix}`)
    const frames = (Array.isArray(thread.frames) ? thread.frames : []).slice(
      0,
      crashed ? CRASHED_FRAMES : OTHER_FRAMES,
    )
    for (const [n, raw] of frames.entries()) {
      const frame = isObject(raw) ? raw : {}
      const image = imgs[typeof frame.imageIndex === 'number' ? frame.imageIndex : -1]
      const offset = typeof frame.imageOffset === 'number' ? frame.imageOffset : 0
      const base = image?.base ?? 0
      const address = `0x${(base + offset).toString(16)}`
      const symbol = str(frame.symbol)
      const column =
        symbol === ''
          ? `0x${base.toString(16)} + ${offset}`
          : `${symbol} + ${str(frame.symbolLocation) || '0'}`
      if (image?.own) own.push(lines.length)
      lines.push(`${String(n).padEnd(4)}${(image?.name ?? '???').padEnd(30)}\t${address} ${column}`)
    }
  }
  const third = imgs.filter((img) => img.own)
  if (third.length > 0) {
    lines.push('', 'Binary Images (not Apple):')
    for (const img of third)
      lines.push(
        `${`0x${img.base.toString(16)}`.padStart(18)} ${img.bundleId || img.name} ${img.path}`,
      )
  }
  return { text: lines.join('\n'), ownFrameLines: own }
}

/**
 * The report as preview HTML: escaped text, each frame of the poster's own images in a `<mark>`.
 * @example crashReportHtml({ text: '0 Acme 0x1 main + 4', ownFrameLines: [0] }) // '<mark class="own-frame">0 Acme 0x1 main + 4</mark>'
 */
export function crashReportHtml(report: IpsReport): string {
  const own = new Set(report.ownFrameLines)
  return report.text
    .split('\n')
    .map((line, i) =>
      own.has(i) ? `<mark class="own-frame">${escapeHtml(line)}</mark>` : escapeHtml(line),
    )
    .join('\n')
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
