/**
 * Extraction for callers outside the write path (the API's `POST /signatures/extract`): anyone may ask,
 * strangers included, so each caller has a limit, counted before the work.
 */
import { AttemptLimiter, fail, msg, ok, type Result } from '../shared/index.js'
import { extractSignatures, signatureItems } from './extract.js'
import type { SignatureItem } from './signatures.types.js'

/** The longest text read, in characters: as long as a post may be. */
export const EXTRACT_TEXT_MAX = 64_000

/** Extractions a minute: by address for strangers, by account for signed-in people (who may script it). */
export const extractLimits = {
  anonymous: new AttemptLimiter({ max: 20, windowMs: 60_000 }),
  member: new AttemptLimiter({ max: 120, windowMs: 60_000 }),
}

/**
 * The signatures of a text, in display order, as `caller` (a person's id, or a stranger's address).
 * @example extractSignaturesFor({ userId: null, address: '203.0.113.9' }, 'ENOBUFS on macOS 26.1')
 */
export function extractSignaturesFor(
  caller: { userId: number | null; address: string },
  text: string,
  now = Date.now(),
): Result<SignatureItem[]> {
  const wait =
    caller.userId === null
      ? extractLimits.anonymous.take(caller.address, now)
      : extractLimits.member.take(String(caller.userId), now)
  if (wait > 0) return fail.rateLimited(wait)
  if (text.length > EXTRACT_TEXT_MAX)
    return fail.invalid('text', msg('The text must be at most {extractTextMax} characters.'), {
      extractTextMax: EXTRACT_TEXT_MAX,
    })
  return ok(signatureItems(extractSignatures(text)))
}
