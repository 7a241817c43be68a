/** Titles as stored (issue 26 defect 6): invisible formatting removed, nothing else changed. */
import { describe, expect, it } from 'vitest'
import { cleanTitle } from '../../../src/domain/posts/index.js'

describe('cleanTitle', () => {
  it.each([
    ['a right-to-left override', 'Invoice \u202Eexe.live', 'Invoice exe.live'],
    ['an isolate', 'kext \u2066load\u2069 fails', 'kext load fails'],
    ['zero-width spaces and joiners', 'vn\u200Bode_put\u200D fails', 'vnode_put fails'],
    ['a byte-order mark and a word joiner', '\uFEFFpanic\u2060 in zalloc', 'panic in zalloc'],
    ['an Arabic letter mark', 'خطأ\u061C في النواة', 'خطأ في النواة'],
    ['runs of spaces and line breaks', '  kernel\t panic \n at boot ', 'kernel panic at boot'],
  ])('removes %s', (_name, raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected)
  })

  it('keeps right-to-left text itself, accents and symbols', () => {
    expect(cleanTitle('עדכון ליבה — שגיאה 0xE00002C2')).toBe('עדכון ליבה — שגיאה 0xE00002C2')
    expect(cleanTitle('Café: “naïve” ≠ safe')).toBe('Café: “naïve” ≠ safe')
  })
})
