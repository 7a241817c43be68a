/**
 * Everything derived from a thread's text, computed from its contents alone: the search index row and the
 * signature rows. Pure, so bulk rebuilds can run it in worker threads (derive-workers.ts).
 */
import { buildSearchDocument, type SearchDocument } from '../search/index.js'
import { signatureRows, type SignatureRows } from '../signatures/index.js'
import type { ThreadContent } from '../thread-contents/index.js'

export interface DerivedText {
  threadId: number
  document: SearchDocument
  signatures: SignatureRows
}

/** @example deriveText(content).document.title */
export function deriveText(content: ThreadContent): DerivedText {
  return {
    threadId: content.id,
    document: buildSearchDocument(content),
    signatures: signatureRows(content),
  }
}
