/**
 * Bug-report references: Feedback Assistant numbers (FB12345678, "FB 12345678", "Feedback #FB12345678") and
 * Radar links (rdar://12345678, rdar://problem/12345678), each normalised to one spelling.
 */
const FB_RE = /(?<![\w/])FB[ #-]?(\d{7,9})(?!\d)/g
const RADAR_RE = /\brdar:\/\/(?:problem\/)?(\d{6,9})\b/g

/**
 * @example extractReferences('Filed FB 12345678 (dup of rdar://problem/87654321)') // ['FB12345678', 'rdar://87654321']
 */
export function extractReferences(text: string): string[] {
  const found: { at: number; ref: string }[] = []
  for (const m of text.matchAll(FB_RE)) found.push({ at: m.index, ref: `FB${m[1]}` })
  for (const m of text.matchAll(RADAR_RE)) found.push({ at: m.index, ref: `rdar://${m[1]}` })
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.ref))]
}
