/**
 * Apple's operating systems as posts name them: platforms, macOS marketing names, and the build-train
 * number that starts every build ("25B78": train 25 is macOS 26, letter B its first update).
 * To extend: add the new release's marketing name and train numbers when Apple ships it.
 */

/** Platforms, by the spelling we show; `aliases` are other spellings matched (case-insensitive). */
export const PLATFORMS: readonly { name: string; key: string; aliases: readonly string[] }[] = [
  { name: 'macOS', key: 'macos', aliases: ['macOS', 'Mac OS X', 'OS X', 'OSX', 'MacOS'] },
  { name: 'iOS', key: 'ios', aliases: ['iOS'] },
  { name: 'iPadOS', key: 'ipados', aliases: ['iPadOS'] },
  { name: 'watchOS', key: 'watchos', aliases: ['watchOS'] },
  { name: 'tvOS', key: 'tvos', aliases: ['tvOS'] },
  { name: 'visionOS', key: 'visionos', aliases: ['visionOS'] },
]

/** macOS marketing names and the version each stands for. Longest first, so "High Sierra" wins over a bare word. */
export const MACOS_NAMES: readonly { name: string; version: string }[] = [
  { name: 'High Sierra', version: '10.13' },
  { name: 'El Capitan', version: '10.11' },
  { name: 'Big Sur', version: '11' },
  { name: 'Tahoe', version: '26' },
  { name: 'Sequoia', version: '15' },
  { name: 'Sonoma', version: '14' },
  { name: 'Ventura', version: '13' },
  { name: 'Monterey', version: '12' },
  { name: 'Catalina', version: '10.15' },
  { name: 'Mojave', version: '10.14' },
  { name: 'Yosemite', version: '10.10' },
]

/**
 * Build trains: the number a build starts with, per platform, and the major version it belongs to. The same
 * number can mean different releases on different platforms (22 is macOS 13 and iOS 18), so a bare build is
 * read as macOS unless the post names only another platform (see os.ts).
 */
export const BUILD_TRAINS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  macos: {
    13: '10.9',
    14: '10.10',
    15: '10.11',
    16: '10.12',
    17: '10.13',
    18: '10.14',
    19: '10.15',
    20: '11',
    21: '12',
    22: '13',
    23: '14',
    24: '15',
    25: '26',
  },
  ios: { 17: '13', 18: '14', 19: '15', 20: '16', 21: '17', 22: '18', 23: '26' },
  ipados: { 18: '14', 19: '15', 20: '16', 21: '17', 22: '18', 23: '26' },
  watchos: { 21: '10', 22: '11', 23: '26' },
  tvos: { 21: '17', 22: '18', 23: '26' },
  visionos: { 21: '1', 22: '2', 23: '26' },
}

/**
 * Darwin kernel major versions (uname, "Darwin Kernel Version 25.1.0") and the macOS release they ship in.
 * Darwin 20–24 are macOS 11–15; from Darwin 25 the numbers follow the year-based macOS 26.
 */
export function macosForDarwin(major: number): string | null {
  if (major >= 20 && major <= 24) return String(major - 9)
  if (major >= 25 && major <= 40) return String(major + 1)
  if (major >= 13 && major <= 19) return `10.${major - 4}`
  return null
}
