/**
 * Solved / Pinned / Locked markers. Each carries its word, so the state never depends on colour alone;
 * the glyphs are decoration and hidden from assistive technology.
 */
import { t } from '../../i18n/index.js'

export function ThreadMarkers({
  solved,
  pinned,
  locked,
}: {
  solved: boolean
  pinned: boolean
  locked: boolean
}) {
  if (!solved && !pinned && !locked) return null
  return (
    <span class="markers">
      {pinned && (
        <span class="badge badge-pinned">
          <span aria-hidden="true">⚑ </span>
          {t('Pinned')}
        </span>
      )}
      {solved && (
        <span class="badge badge-solved">
          <span aria-hidden="true">✓ </span>
          {t('Solved')}
        </span>
      )}
      {locked && (
        <span class="badge badge-locked">
          <span aria-hidden="true">⊘ </span>
          {t('Locked')}
        </span>
      )}
    </span>
  )
}
