/**
 * Operating system mentions: "macOS 26.1 (25B78)", "macOS Sequoia 15.6.1", "Sequoia", "iOS 18.2", "OS X 10.11",
 * "Darwin Kernel Version 25.1.0", crash-report "OS Version:" lines and bare builds such as "24G84".
 * Mentions of the same release merge: "macOS 26.1" and a bare "25B78" in one post are one macOS 26.1 (25B78).
 */
import { BUILD_TRAINS, MACOS_NAMES, macosForDarwin, PLATFORMS } from './data/os-releases.js'
import type { OsMention } from './signatures.types.js'

/**
 * A build: train number, a capital letter, digits, and an optional beta letter ("25A5316i"). Where the text
 * says it is a build (in parentheses after a version, after "build") one digit will do ("19H2"); a bare build
 * needs two, so "24G8" in "24G8 RAM" stays a typo, not a release.
 */
const BUILD = String.raw`(?:1[3-9]|2\d)[A-Z]\d{1,4}[a-z]?`
const BARE_BUILD = String.raw`(?:1[3-9]|2\d)[A-Z]\d{2,4}[a-z]?`
const VERSION = String.raw`\d{1,2}(?:\.\d{1,2}){0,2}`
const NAME_ALT = MACOS_NAMES.map((n) => n.name.replace(' ', String.raw`\s+`)).join('|')
const PLATFORM_ALT = PLATFORMS.flatMap((p) => p.aliases)
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/ /g, String.raw`\s+`))
  .join('|')

/** "macOS 26.1 (25B78)", "macOS Sequoia 15.6.1 (24G90)", "iOS 18.2", "OS X El Capitan", "macOS 15.6.1 build 24G90". */
const PLATFORM_RE = new RegExp(
  String.raw`(?<![\w.])(${PLATFORM_ALT})(?:\s+(${NAME_ALT}))?(?:\s+v?(${VERSION})(?!\w|\.\d))?(?:\s*\(\s*(?:[Bb]uild\s+)?(${BUILD})\s*\)|\s+[Bb]uild\s+(${BUILD}))?`,
  'g',
)
/** A marketing name without the platform: "on Sequoia 15.6.1", "Sonoma (23G80)". */
const NAME_RE = new RegExp(
  String.raw`(?<![\w.])(${NAME_ALT})(?:\s+(${VERSION})(?!\w|\.\d))?(?:\s*\(\s*(?:[Bb]uild\s+)?(${BUILD})\s*\))?(?![\w-])`,
  'g',
)
/** About This Mac / sw_vers: "Version 15.6.1 (Build 24G90)", "ProductVersion: 15.6.1 ... BuildVersion: 24G90". */
const VERSION_BUILD_RE = new RegExp(
  String.raw`\b(?:Version|ProductVersion:)\s+(${VERSION})\s*(?:\(\s*(?:[Bb]uild\s+)?(${BUILD})\s*\)|\s+BuildVersion:\s+(${BUILD}))`,
  'g',
)
/** A version with its build and no platform: "also seen on 26.2 (25C56)"; kept only when the build's train agrees. */
const VERSION_PAREN_BUILD_RE = new RegExp(
  String.raw`(?<![\w.])(${VERSION})\s*\(\s*(?:[Bb]uild\s+)?(${BUILD})\s*\)`,
  'g',
)
const DARWIN_RE = /\bDarwin(?: Kernel Version)? (\d{2})\.(\d{1,2})(?:\.\d+)?\b/g
const BARE_BUILD_RE = new RegExp(String.raw`(?<![\w.\-/#:])(${BARE_BUILD})(?![\w\-/])`, 'g')

interface Found {
  platform: string
  version: string | null
  build: string | null
  /** The version came from the text, not from a build's train number. */
  explicit: boolean
  /** Where it was first written, for ordering. */
  at: number
}

/**
 * Every OS release a text names, merged and in order of first mention.
 * @example extractOs('Panics on macOS 26.1 (25B78) but not on Sequoia 15.6.1')
 * // [{ name: 'macOS', version: '26.1', build: '25B78' }, { name: 'macOS', version: '15.6.1', build: null }]
 */
export function extractOs(text: string): OsMention[] {
  const found: Found[] = []
  const taken: [number, number][] = []
  const take = (start: number, end: number) => taken.push([start, end])
  for (const m of text.matchAll(PLATFORM_RE)) {
    const platform = platformKey(m[1] ?? '')
    const name = m[2] ? macosVersionOf(m[2]) : null
    const version = m[3] ?? (platform === 'macos' ? name : null)
    const build = m[4] ?? m[5] ?? null
    take(m.index, m.index + m[0].length)
    // "OS X" alone says nothing about the release; "macOS" alone neither.
    if (version === null && build === null) continue
    found.push({
      platform,
      version: consistent(version, name),
      build,
      explicit: version !== null,
      at: m.index,
    })
  }
  for (const m of text.matchAll(NAME_RE)) {
    if (isTaken(taken, m.index)) continue
    const name = macosVersionOf(m[1] ?? '')
    take(m.index, m.index + m[0].length)
    found.push({
      platform: 'macos',
      version: consistent(m[2] ?? name, name),
      build: m[3] ?? null,
      explicit: true,
      at: m.index,
    })
  }
  for (const m of text.matchAll(VERSION_BUILD_RE)) {
    if (isTaken(taken, m.index)) continue
    const build = m[2] ?? m[3] ?? null
    take(m.index, m.index + m[0].length)
    found.push({
      platform: platformOfBuild(build ?? '', found),
      version: m[1] ?? null,
      build,
      explicit: true,
      at: m.index,
    })
  }
  for (const m of text.matchAll(VERSION_PAREN_BUILD_RE)) {
    if (isTaken(taken, m.index)) continue
    const version = m[1] ?? ''
    const build = m[2] ?? ''
    const platform = platformOfBuild(build, found)
    const major = trainVersion(platform, build)
    if (major === null || !sameLine(version, major)) continue
    take(m.index, m.index + m[0].length)
    found.push({ platform, version, build, explicit: true, at: m.index })
  }
  for (const m of text.matchAll(DARWIN_RE)) {
    const macos = macosForDarwin(Number(m[1]))
    if (macos === null) continue
    const minor = Number(m[2])
    const version = /^10\./.test(macos) || minor === 0 ? macos : `${macos}.${minor}`
    found.push({ platform: 'macos', version, build: null, explicit: true, at: m.index })
  }
  for (const m of text.matchAll(BARE_BUILD_RE)) {
    if (isTaken(taken, m.index)) continue
    const build = m[1] ?? ''
    found.push({
      platform: platformOfBuild(build, found),
      version: null,
      build,
      explicit: false,
      at: m.index,
    })
  }
  const mentions = new Map<string, OsMention>()
  for (const f of merge(found).sort((a, b) => a.at - b.at)) {
    const mention = toMention(f)
    if (!mentions.has(osKey(mention))) mentions.set(osKey(mention), mention)
  }
  return [...mentions.values()]
}

function platformKey(alias: string): string {
  const spaced = alias.replace(/\s+/g, ' ').toLowerCase()
  return PLATFORMS.find((p) => p.aliases.some((a) => a.toLowerCase() === spaced))?.key ?? 'macos'
}

function macosVersionOf(name: string): string | null {
  const spaced = name.replace(/\s+/g, ' ')
  return MACOS_NAMES.find((n) => n.name === spaced)?.version ?? null
}

/** A version that contradicts its marketing name ("Sequoia 14.2") is a typo: the name wins. */
function consistent(version: string | null, name: string | null): string | null {
  if (version === null || name === null) return version
  return sameLine(version, name) ? version : name
}

function sameLine(version: string, major: string): boolean {
  return version === major || version.startsWith(`${major}.`)
}

function isTaken(taken: [number, number][], at: number): boolean {
  return taken.some(([start, end]) => at >= start && at < end)
}

/** The major release a build belongs to on a platform, or null when the train is unknown there. */
function trainVersion(platform: string, build: string): string | null {
  const train = Number(/^\d+/.exec(build)?.[0])
  return BUILD_TRAINS[platform]?.[train] ?? null
}

/**
 * The platform of a bare build: the one already named in the text whose release matches the build's train,
 * else macOS when the train exists there (the forum's main platform), else any platform that knows it.
 */
function platformOfBuild(build: string, found: Found[]): string {
  for (const f of found) {
    const major = trainVersion(f.platform, build)
    if (major !== null && f.version !== null && sameLine(f.version, major)) return f.platform
  }
  const named = new Set(found.map((f) => f.platform))
  if (named.size > 0 && !named.has('macos')) {
    for (const platform of named) if (trainVersion(platform, build) !== null) return platform
  }
  if (trainVersion('macos', build) !== null) return 'macos'
  return Object.keys(BUILD_TRAINS).find((p) => trainVersion(p, build) !== null) ?? 'macos'
}

/**
 * Folds mentions of one release together: the same build; a bare build and the one version of its train
 * named without a build; and a version that a more specific mention of the same line covers ("macOS 26" when
 * "macOS 26.1 (25B78)" is there too).
 */
function merge(found: Found[]): Found[] {
  for (const f of found)
    if (f.version === null && f.build !== null) f.version = trainVersion(f.platform, f.build)
  const byBuild = new Map<string, Found>()
  const out: Found[] = []
  for (const f of found) {
    if (f.build === null) {
      out.push(f)
      continue
    }
    const seen = byBuild.get(`${f.platform}:${f.build}`)
    if (seen === undefined) {
      byBuild.set(`${f.platform}:${f.build}`, f)
      out.push(f)
    } else {
      seen.at = Math.min(seen.at, f.at)
      if (
        f.explicit &&
        (!seen.explicit || (f.version?.length ?? 0) > (seen.version?.length ?? 0))
      ) {
        seen.version = f.version
        seen.explicit = true
      }
    }
  }
  attachBareBuilds(out)
  return out.filter((f, i) => !out.some((g, j) => j !== i && covers(g, f)) && f.version !== null)
}

/** A bare build takes the version of the single unbuilt mention of its train ("macOS 26.1 … 25B78"). */
function attachBareBuilds(list: Found[]): void {
  for (const bare of list) {
    if (bare.explicit || bare.build === null) continue
    const major = trainVersion(bare.platform, bare.build)
    if (major === null) continue
    const candidates = list.filter(
      (f) =>
        f.build === null &&
        f.platform === bare.platform &&
        f.version !== null &&
        sameLine(f.version, major),
    )
    // The most specific versions only: "macOS 26" adds nothing beside "macOS 26.1".
    const all = [...new Set(candidates.map((c) => c.version ?? ''))]
    const versions = all.filter((v) => !all.some((w) => w !== v && sameLine(w, v)))
    const version = versions.length === 1 ? versions[0] : undefined
    if (version === undefined) continue
    // Another build of the same release makes the bare one ambiguous; a build of another release of the
    // train ("also seen on 26.2 (25C56)" beside "macOS 26.1 … 25B78") does not (issue 26, defect 5).
    const builtOfRelease = list.filter(
      (f) =>
        f !== bare &&
        f.build !== null &&
        f.platform === bare.platform &&
        trainVersion(f.platform, f.build) === major &&
        (f.version === null || sameLine(f.version, version) || sameLine(version, f.version)),
    )
    if (builtOfRelease.length > 0) continue
    bare.version = version
    bare.explicit = true
    bare.at = Math.min(
      bare.at,
      ...candidates.filter((c) => c.version === bare.version).map((c) => c.at),
    )
  }
}

/** `a` makes `b` redundant: same platform, and `a` says everything `b` does and more. */
function covers(a: Found, b: Found): boolean {
  if (a.platform !== b.platform || a.version === null || b.version === null) return false
  if (b.build !== null) return false
  if (a.version === b.version) return a.build !== null || (a !== b && a.explicit && !b.explicit)
  return sameLine(a.version, b.version)
}

function toMention(f: Found): OsMention {
  const platform = PLATFORMS.find((p) => p.key === f.platform)
  return { name: platform?.name ?? 'macOS', version: f.version ?? '', build: f.build }
}

/**
 * The stored key and label of an OS mention: by build when there is one (every spelling of one build is one
 * signature), else by version.
 * @example osKey({ name: 'macOS', version: '26.1', build: '25B78' }) // "macos-25B78"
 * @example osLabel({ name: 'macOS', version: '15.6.1', build: null }) // "macOS 15.6.1"
 */
export function osKey(os: OsMention): string {
  return `${os.name.toLowerCase()}-${os.build ?? os.version}`
}

export function osLabel(os: OsMention): string {
  return `${os.name} ${os.version}${os.build === null ? '' : ` (${os.build})`}`
}
