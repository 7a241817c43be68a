/**
 * A revision against the one before it, word by word, for the edit history (issue 26). jsdiff does the
 * work (Myers' algorithm over words); diffWordsWithSpace, not diffWords, because diffWords folds
 * whitespace changes into the shared runs and a Markdown source's spaces and line breaks matter.
 */
import { diffWordsWithSpace } from 'diff'

/** A run of text the two versions share, or that one of them added or removed. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/**
 * Past this many word edits the diff gives up and shows the old text removed and the new one added:
 * a rewrite reads no better word by word, and the cost of Myers' algorithm grows with the edits.
 */
const MAX_EDIT_LENGTH = 5_000

/**
 * The changes from `before` to `after`, in order; empty when both are empty.
 * @example diffText('the quick fox', 'the slow fox')
 * // [{ kind: 'same', text: 'the ' }, { kind: 'removed', text: 'quick' },
 * //  { kind: 'added', text: 'slow' }, { kind: 'same', text: ' fox' }]
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }]
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH })
  if (changes === undefined) {
    const whole: DiffPart[] = []
    if (before !== '') whole.push({ kind: 'removed', text: before })
    if (after !== '') whole.push({ kind: 'added', text: after })
    return whole
  }
  return changes
    .filter((c) => c.value !== '')
    .map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))
}
