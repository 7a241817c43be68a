/**
 * What a query term may match, shared by both engines so they find the same threads (docs/search.md,
 * "Matching"):
 * - a phrase matches its words, together and in order, in the prose;
 * - a plain word matches itself: a stemmed prose word, or an identifier part (`interface` finds
 *   `IOUSBHostInterface`, whose parts are indexed);
 * - an identifier matches its whole token, which every spelling with connectors shares (`vnode_setmultipath`,
 *   `vnode.setmultipath`, `vnode::setmultipath`), and, when it is one word (`ENOBUFS`, `IOUSBHostInterface`),
 *   that word in the prose. Its words and parts are not searched as phrases: the whole token already finds every
 *   thread that writes the identifier, and a phrase of common words (`vnode lookup`, `io usb host`) is the most
 *   expensive thing either engine can be asked for (PostgreSQL must re-read every candidate's tsvector).
 */
import type { QueryTerm } from './search.types.js'

export interface TermAlternatives {
  /** Words to find in the prose, as a phrase when there are several; null for a multi-word identifier. */
  prose: string[] | null
  /** The whole-identifier token. */
  whole: string | null
}

/**
 * @example termAlternatives(parseSearchQuery('sosend_reinject()').terms[0]) // { prose: null, whole: 'sosendqxreinject' }
 */
export function termAlternatives(term: QueryTerm): TermAlternatives {
  if (term.kind === 'phrase' || term.whole === null) return { prose: term.words, whole: null }
  return { prose: term.words.length === 1 ? term.words : null, whole: term.whole }
}
