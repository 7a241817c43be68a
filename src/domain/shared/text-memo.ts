/**
 * Remembering what a pure function made of a text. Deriving a thread's search document, signatures and
 * similarity terms re-reads every post of the thread on each write (a reply to a 50-reply thread parses 51
 * posts), and bulk rebuilds meet the same texts again and again (templated and generated content); the
 * parse of a post whose text has not changed is looked up instead.
 */

/**
 * `fn`, remembering its result for each text until the texts remembered pass `maxChars` in total, when it
 * starts over (simple, and bounded: a forum's texts arrive in no useful order for anything smarter).
 * Results are shared between callers: treat them as read-only.
 * @example const segmentsOf = memoByText(segmentMarkdown)
 */
export function memoByText<T>(fn: (text: string) => T, maxChars = 2_000_000): (text: string) => T {
  let seen = new Map<string, T>()
  let chars = 0
  return (text: string): T => {
    const known = seen.get(text)
    if (known !== undefined || seen.has(text)) return known as T
    const value = fn(text)
    if (text.length > maxChars / 16) return value // one huge text would flush everything else
    chars += text.length
    if (chars > maxChars) {
      seen = new Map()
      chars = text.length
    }
    seen.set(text, value)
    return value
  }
}
