/** Generated avatars (issue 26): initials from the name, a colour with enough contrast, a safe SVG. */
import { describe, expect, it } from 'vitest'
import {
  AVATAR_PALETTE,
  avatarColour,
  avatarInitials,
  generatedAvatarSvg,
} from '../../../src/domain/avatars/index.js'

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

describe('generated avatars', () => {
  it.each([
    ['quinn_dts', 'QD'],
    ['ada', 'A'],
    ['SamFS', 'SF'],
    ['kern-dev-2', 'KD'],
    ['_x', 'X'],
    ['42bits', '4'],
  ])('%s has the initials %s', (name, initials) => {
    expect(avatarInitials(name)).toBe(initials)
  })

  it('gives white text at least 4.5:1 on every colour of the palette', () => {
    for (const colour of AVATAR_PALETTE)
      expect((1.05 / (luminance(colour) + 0.05)).toFixed(2), colour).toSatisfy(
        (ratio: string) => Number(ratio) >= 4.5,
      )
  })

  it('picks one colour per name whatever its case, and spreads names over the palette', () => {
    expect(avatarColour('Quinn_DTS')).toBe(avatarColour('quinn_dts'))
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColour(`user${i}`)))
    expect(used.size).toBe(AVATAR_PALETTE.length)
  })

  it('draws an SVG with no script, style, link or outside reference', () => {
    const svg = generatedAvatarSvg('quinn_dts')
    expect(svg).toContain('>QD</text>')
    expect(svg).not.toMatch(/<script|<style|style=|href|url\(|on\w+=/i)
  })
})
