import type { SearchHit, TextPart } from '../../domain/search/index.js'
import { count, msg, number, t } from '../../i18n/index.js'
import { RelativeTime } from './relative-time.js'
import { TagList } from './tag-list.js'
import { ThreadMarkers } from './thread-markers.js'
import { RowAuthor, threadHref } from './thread-table.js'

/**
 * Text with the query's matches in `<mark>`. The runs are text children, so Preact escapes them: the marks
 * are the only markup a result adds, whatever the query or the post contains.
 */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>
}

/** `label` is English, marked for the catalogue; shown with t(). */
const COUNTS: readonly { label: string; value: (hit: SearchHit) => number }[] = [
  { label: msg('Replies'), value: (hit) => hit.replyCount },
  { label: msg('Boosts'), value: (hit) => hit.boostCount },
  { label: msg('Views'), value: (hit) => hit.viewCount },
]

function ResultRow({ hit, now }: { hit: SearchHit; now: number }) {
  return (
    <tr>
      <td class="col-post">
        <div class="thread-heading">
          <a class="thread-title" href={threadHref(hit)}>
            <Highlighted parts={hit.titleParts} />
          </a>
          <ThreadMarkers solved={hit.solved} pinned={hit.pinned} locked={hit.locked} />
        </div>
        {hit.snippet.length > 0 && (
          <p class="thread-excerpt search-snippet">
            <Highlighted parts={hit.snippet} />
          </p>
        )}
        <div class="thread-meta">
          <TagList tags={hit.tags} small />
          <RowAuthor author={hit.author} />
        </div>
      </td>
      {COUNTS.map((col) => (
        <td key={col.label} class="col-num" data-label={t(col.label)}>
          <data value={String(col.value(hit))} title={number(col.value(hit))}>
            {count(col.value(hit))}
          </data>
        </td>
      ))}
      <td class="col-activity" data-label={t('Activity')}>
        <RelativeTime at={hit.lastActivityAt} now={now} />
      </td>
    </tr>
  )
}

/** Results in the thread table's layout (Post / Replies / Boosts / Views / Activity), each with its snippet. */
export function SearchResultTable({
  hits,
  now,
  caption,
}: {
  hits: SearchHit[]
  now: number
  caption: string
}) {
  return (
    <table class="thread-table search-results">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="col-post">
            {t('Post')}
          </th>
          {COUNTS.map((col) => (
            <th key={col.label} scope="col" class="col-num">
              {t(col.label)}
            </th>
          ))}
          <th scope="col" class="col-activity">
            {t('Activity')}
          </th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <ResultRow key={hit.id} hit={hit} now={now} />
        ))}
      </tbody>
    </table>
  )
}
