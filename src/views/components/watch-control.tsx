import { WATCH_LEVELS, WATCH_LEVEL_HINTS, type WatchState } from '../../domain/watching/index.js'
import { t } from '../../i18n/index.js'
import { CsrfField } from './form-fields.js'

/**
 * A signed-in viewer's watch level for a thread or a tag: a form (works without JavaScript) that posts
 * to /watch and comes back to `back`. Only signed-in pages render it, so cached anonymous pages stay
 * the same for everyone.
 */
export function WatchControl({
  watch,
  csrfToken,
  back,
}: {
  watch: WatchState
  csrfToken: string | null
  /** The page to return to. */
  back: string
}) {
  const id = `watch-${watch.target}-${watch.id}`
  return (
    <form class="watch-control inline-form" method="post" action="/watch">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="target" value={watch.target} />
      <input type="hidden" name="id" value={String(watch.id)} />
      <input type="hidden" name="next" value={back} />
      <label for={id}>
        {watch.target === 'thread'
          ? t('Notifications for this thread')
          : t('Notifications for this tag')}
      </label>{' '}
      <select id={id} name="level">
        {WATCH_LEVELS.map((level) => (
          <option value={level} selected={level === watch.level}>
            {t('{level}: {hint}', {
              level: t(WATCH_LEVEL_HINTS[level].label),
              hint: t(WATCH_LEVEL_HINTS[level].hint),
            })}
          </option>
        ))}
      </select>{' '}
      <button class="button button-quiet" type="submit">
        {t('Save')}
      </button>
    </form>
  )
}
