import { msg, t } from '../../i18n/index.js'
import type { SiteContext } from '../site.js'

/**
 * The search page's own form: a GET to /search, so it works without JavaScript. Its ids differ from the
 * header's search box, which is on every page too.
 */
export function SearchForm({ site, q }: { site: SiteContext; q: string }) {
  return (
    <form
      class="site-search search-form"
      role="search"
      aria-label={t('Search and filters')}
      method="get"
      action="/search"
    >
      <label class="visually-hidden" for="search-page-q">
        {t('Search {site}', { site: site.name })}
      </label>
      <input
        id="search-page-q"
        type="search"
        name="q"
        value={q}
        maxLength={500}
        autocomplete="off"
        aria-describedby="search-page-hint"
      />
      <button class="button" type="submit">
        {t('Search')}
      </button>
      <p id="search-page-hint" class="visually-hidden">
        {t(
          'Use quotes for phrases; operators such as tag:, user:, is:solved, errno: and sort: narrow the results.',
        )}
      </p>
    </form>
  )
}

/** Operator examples, each with its meaning (English, marked for the catalogue; shown with t()). */
const OPERATORS: readonly (readonly [example: string, meaning: string])[] = [
  [
    'vnode_setmultipath',
    msg('Identifiers match whole: this finds the symbol, not every thread about vnodes.'),
  ],
  ['"zone map exhausted"', msg('Words in quotes must appear together, in that order.')],
  ['tag:kernel', msg('Only threads with this tag (repeat it to require several).')],
  ['user:quinn', msg('Only threads started by this person.')],
  ['is:solved, is:unsolved', msg('Only threads with, or without, an accepted answer.')],
  [
    'after:2025-06-01, before:2025-07',
    msg('Only threads started on or after, or before, a day, month or year (UTC).'),
  ],
  [
    'errno:ENOENT, os:"macOS 26", build:25B78',
    msg(
      'Only threads that mention this error (any spelling: Err#2, errno 2), OS release or build.',
    ),
  ],
  [
    'sym:vnop_lookup, fb:FB12345678, crash:…',
    msg(
      'Only threads that mention this symbol, Feedback report or crash (see a thread’s Mentions line).',
    ),
  ],
  ['sort:newest', msg('Order by newest, activity or boosts instead of relevance.')],
]

/** What the query box understands, shown when it is empty. */
export function SearchHelp() {
  return (
    <section class="search-help" aria-labelledby="search-help-title">
      <h2 id="search-help-title">{t('How to search')}</h2>
      <p>
        {t(
          'Every word must match (when no thread has them all, threads with some of them are shown). Anything that is not one of these operators is searched as text.',
        )}
      </p>
      <dl>
        {OPERATORS.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{t(meaning)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
