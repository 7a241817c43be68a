/**
 * Just enough of the Itanium C++ ABI demangler for the names kexts and crash reports show: nested names
 * (`__ZN9IOService5startEPS_` → `IOService::start`), plain functions (`_Z3foov` → `foo`), const methods,
 * constructors and destructors. Parameters are dropped: a signature is the function, not its overload.
 */

/**
 * The qualified name of a mangled C++ symbol, or null when it is not one we can read.
 * @example demangle('__ZN9IOService5startEPS_') // "IOService::start"
 * @example demangle('_ZN17IOUserClient20226externalMethodEjP31IOExternalMethodArgumentsOpaque') // "IOUserClient2022::externalMethod"
 */
export function demangle(symbol: string): string | null {
  const m = /^_{1,2}Z(N?)/.exec(symbol)
  if (!m) return null
  let at = m[0].length
  const nested = m[1] === 'N'
  const parts: string[] = []
  if (nested) while ('KVrLR'.includes(symbol[at] ?? '') && at < symbol.length) at++
  for (;;) {
    const ch = symbol[at] ?? ''
    if (/\d/.test(ch)) {
      const len = /^\d+/.exec(symbol.slice(at))?.[0] ?? ''
      const n = Number(len)
      at += len.length
      if (n === 0 || at + n > symbol.length) return null
      parts.push(symbol.slice(at, at + n))
      at += n
    } else if (nested && /^C[123]/.test(symbol.slice(at, at + 2)) && parts.length > 0) {
      parts.push(parts.at(-1) ?? '')
      at += 2
    } else if (nested && /^D[012]/.test(symbol.slice(at, at + 2)) && parts.length > 0) {
      parts.push(`~${parts.at(-1) ?? ''}`)
      at += 2
    } else if (nested && ch === 'S' && symbol[at + 1] === 't') {
      parts.push('std')
      at += 2
    } else break
    if (!nested) break
    if (symbol[at] === 'E') break
  }
  return parts.length === 0 ? null : parts.join('::')
}
