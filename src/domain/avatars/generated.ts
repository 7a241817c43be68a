/**
 * The avatar everyone has until they upload one: an SVG built from the username alone (no outside
 * service, nothing stored), its initials in white on a colour picked by a hash of the name. Every
 * colour of the palette gives white text a contrast of at least 4.5:1 (WCAG AA; a unit test checks).
 */

/** Bumped when the drawing changes, so the immutable URLs of the old drawing are not reused. */
export const GENERATED_AVATAR_VERSION = 1

/** Dark enough for white text at 4.5:1 or more, and far enough apart to tell people apart. */
export const AVATAR_PALETTE = [
  '#1f6f43',
  '#0a5ea8',
  '#6f42c1',
  '#b3261e',
  '#8a4b08',
  '#0f6e73',
  '#a0306e',
  '#3d5a80',
  '#5c4d1a',
  '#7a3e9d',
  '#2f6b2f',
  '#9c2f4b',
] as const

/** FNV-1a over the name's UTF-16 units: stable across processes and releases. */
function hashName(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * One or two capitals: the first letters of the first two parts of a name split at `_`, `-` or a
 * case change ("quinn_dts" → "QD", "ada" → "A", "SamFS" → "SF"), digits kept.
 * @example avatarInitials('quinn_dts') // "QD"
 */
export function avatarInitials(username: string): string {
  const parts = username
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((p) => p !== '')
  const letters = parts
    .slice(0, 2)
    .map((p) => p.charAt(0))
    .join('')
  return (letters === '' ? '?' : letters).toUpperCase()
}

/** The palette colour of a name; any case of it gets the same one (usernames are case-insensitive). */
export function avatarColour(username: string): string {
  return AVATAR_PALETTE[hashName(username.toLowerCase()) % AVATAR_PALETTE.length] ?? '#0a5ea8'
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/**
 * The SVG document of a name's generated avatar: a square 64 units wide with rounded corners. It uses
 * presentation attributes only (no style, no script, no external reference), so it renders under
 * `Content-Security-Policy: default-src 'none'`.
 * @example generatedAvatarSvg('quinn_dts') // '<svg xmlns=... <text ...>QD</text></svg>'
 */
export function generatedAvatarSvg(username: string): string {
  const initials = avatarInitials(username).replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)
  const size = initials.length > 1 ? 26 : 32
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">` +
    `<rect width="64" height="64" rx="12" fill="${avatarColour(username)}"/>` +
    `<text x="32" y="32" dy="0.35em" text-anchor="middle" fill="#ffffff" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${size}" ` +
    `font-weight="600">${initials}</text></svg>`
  )
}
