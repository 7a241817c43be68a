/**
 * The derive pool's worker (derive-workers.ts): piscina calls the default export with each batch and posts
 * what it returns back to the pool.
 */
import { setTextMemoBudget } from '../shared/index.js'
import { deriveText, type DerivedText } from './derive-text.js'
import type { ThreadContent } from '../thread-contents/index.js'

// A whole-forum rebuild meets repeated texts (quoted templates, generated content) far apart; this thread's
// memory is its own and is freed when the rebuild ends, so its memos may hold more than the server's.
setTextMemoBudget(16_000_000)

export default function derive(contents: ThreadContent[]): DerivedText[] {
  return contents.map(deriveText)
}
