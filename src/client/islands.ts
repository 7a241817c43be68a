/**
 * The island registry: each `[data-island="NAME"]` element is enhanced by the function of that name,
 * once. Pages work without any of it; see src/views for the forms these enhance.
 */
import { acceptButton } from './islands/accept-button.js'
import { boostButton } from './islands/boost-button.js'
import { composerPreview } from './islands/composer-preview.js'
import { replyForm } from './islands/reply-form.js'
import { similarThreads } from './islands/similar-threads.js'
import { tagSuggest } from './islands/tag-suggest.js'
import { confirmSubmit } from './islands/confirm-submit.js'
import { errorSummary } from './islands/error-summary.js'
import { fileLimit } from './islands/file-limit.js'
import { textLimit } from './islands/text-limit.js'
import { redactCheck } from './islands/redact-check.js'
import { liveUpdates } from './islands/live-updates.js'
import { codeBlocks } from './islands/code-blocks.js'
import { composer } from './islands/composer.js'
import { markdownToolbar } from './islands/markdown-toolbar.js'
import { mentionSuggest } from './islands/mention-suggest.js'
import type { IslandDeps } from './lib/deps.js'

export type Island = (el: HTMLElement, deps: IslandDeps) => void

export const ISLANDS: Readonly<Record<string, Island>> = {
  'boost-button': boostButton,
  'accept-button': acceptButton,
  'reply-form': replyForm,
  'composer-preview': composerPreview,
  'similar-threads': similarThreads,
  'confirm-submit': confirmSubmit,
  'error-summary': errorSummary,
  'text-limit': textLimit,
  'file-limit': fileLimit,
  'tag-suggest': tagSuggest,
  'redact-check': redactCheck,
  'live-updates': liveUpdates,
  'mention-suggest': mentionSuggest,
  composer,
  'markdown-toolbar': markdownToolbar,
  'code-blocks': codeBlocks,
}

/** Wires every island in `root` (and `root` itself) that is not wired yet; returns how many. */
export function wireIslands(root: ParentNode, deps: IslandDeps): number {
  const found = [...root.querySelectorAll<HTMLElement>('[data-island]')]
  const self = root as Partial<HTMLElement>
  if (typeof self.matches === 'function' && self.matches('[data-island]'))
    found.unshift(root as HTMLElement)
  let wired = 0
  for (const el of found) {
    const island = ISLANDS[el.dataset.island ?? '']
    if (island === undefined || el.dataset.islandReady !== undefined) continue
    el.dataset.islandReady = ''
    island(el, deps)
    wired += 1
  }
  return wired
}
