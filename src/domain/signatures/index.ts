/**
 * Signatures: OS releases, error codes, symbols, bug-report references and crash fingerprints extracted from
 * every post, stored per thread, and what they power: the Mentions line, /signatures pages, similar threads
 * and the search operators. See docs/signatures.md.
 */
export { extractSignatures } from './extract.js'
export { EXTRACT_TEXT_MAX, extractSignaturesFor } from './extract.actions.js'
export {
  deriveSignatures,
  rebuildSignatures,
  finishSignatureRebuild,
  signatureRows,
  storeSignatureRows,
  type SignatureRows,
} from './refresh.js'
export { findSimilarThreads, findSimilarToDraft } from './similar.js'
export {
  getStoredSimilar,
  markNeighboursDue,
  rankChangedThreads,
  rankDueThreads,
  refreshDueRankings,
  scheduleSimilarRefresh,
  SIMILAR_MARK_JOB,
  SIMILAR_REFRESH_JOB,
} from './rankings.js'
export { FreshTermCounts, MAX_POSTINGS } from './term-postings.queries.js'
export { getThreadSignaturePanels } from './thread-signatures.js'
export { getThreadMentions, getSignaturePage, signatureHref } from './mentions.js'
export { canonicalErrorName } from './errors.js'
export type { ReferenceStatus } from './reference-status.js'
export type { CrashSites } from './crash-page.js'
export {
  parseSignatureOperator,
  SIGNATURE_OPERATORS,
  type SignatureFilter,
  type SignatureOperator,
} from './search-filters.js'
export { signatureFilterSql } from './mentions.queries.js'
export { fingerprintOf, normalise as normaliseCrashText } from './crashes.js'
export * from './signatures.types.js'
