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
      aria-label="Search and filters"
      method="get"
      action="/search"
    >
      <label class="visually-hidden" for="search-page-q">
        Search {site.name}
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
        Search
      </button>
      <p id="search-page-hint" class="visually-hidden">
        Use quotes for phrases; operators such as tag:, user:, is:solved, errno: and sort: narrow
        the results.
      </p>
    </form>
  )
}

const OPERATORS: readonly (readonly [example: string, meaning: string])[] = [
  [
    'vnode_setmultipath',
    'Identifiers match whole: this finds the symbol, not every thread about vnodes.',
  ],
  ['"zone map exhausted"', 'Words in quotes must appear together, in that order.'],
  ['tag:kernel', 'Only threads with this tag (repeat it to require several).'],
  ['user:quinn', 'Only threads started by this person.'],
  ['is:solved, is:unsolved', 'Only threads with, or without, an accepted answer.'],
  [
    'after:2025-06-01, before:2025-07',
    'Only threads started on or after, or before, a day, month or year (UTC).',
  ],
  [
    'errno:ENOENT, os:"macOS 26", build:25B78',
    'Only threads that mention this error (any spelling: Err#2, errno 2), OS release or build.',
  ],
  [
    'sym:vnop_lookup, fb:FB12345678, crash:…',
    'Only threads that mention this symbol, Feedback report or crash (see a thread’s Mentions line).',
  ],
  ['sort:newest', 'Order by newest, activity or boosts instead of relevance.'],
]

/** What the query box understands, shown when it is empty. */
export function SearchHelp() {
  return (
    <section class="search-help" aria-labelledby="search-help-title">
      <h2 id="search-help-title">How to search</h2>
      <p>
        Every word must match (when no thread has them all, threads with some of them are shown).
        Anything that is not one of these operators is searched as text.
      </p>
      <dl>
        {OPERATORS.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
