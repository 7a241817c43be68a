const UNITS = ['KB', 'MB', 'GB', 'TB'] as const

/**
 * A file size as people read it: bytes below 1 KB, then one decimal with binary (1024) steps and
 * no trailing ".0", matching how count abbreviations drop it. `locale` is the page's language ("de":
 * a decimal comma and "Byte"/"Bytes"); pure and free of imports, so the islands use it too
 * (with `pageLocale()`), and views pass `currentLocale()`.
 * @example formatByteSize(12_697) // "12.4 KB"; formatByteSize(900) // "900 bytes"; formatByteSize(12_697, 'de') // "12,4 KB"
 */
export function formatByteSize(bytes: number, locale = 'en'): string {
  const german = locale.startsWith('de')
  if (bytes < 1024) {
    const word = german ? (bytes === 1 ? 'Byte' : 'Bytes') : bytes === 1 ? 'byte' : 'bytes'
    return `${bytes} ${word}`
  }
  let value = bytes / 1024
  let unit = 0
  // Round before comparing so 1,048,575 bytes reads "1 MB", not "1024 KB".
  while (Math.round(value * 10) / 10 >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  const rounded = (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '')
  return `${german ? rounded.replace('.', ',') : rounded} ${UNITS[unit]}`
}
