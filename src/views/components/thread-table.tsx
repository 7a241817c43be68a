import { threadPath } from '../../domain/format/index.js'
import { ageLabel, count as countLabel, msg, number, t } from '../../i18n/index.js'
import { FragmentCache } from '../fragment-cache.js'
import type {
  ListingOptions,
  SortOrder,
  ThreadListItem,
  ThreadSort,
} from '../../domain/thread-lists/index.js'
import type { UserRef } from '../../domain/shared/index.js'
import { Avatar } from './avatar.js'
import { RelativeTime } from './relative-time.js'
import { TagList } from './tag-list.js'
import { ThreadMarkers } from './thread-markers.js'
import { UserName } from './user-name.js'

/** Path of a thread page. */
export function threadHref(thread: { id: number; slug: string }): string {
  return threadPath(thread.id, thread.slug)
}

export interface ThreadTableProps {
  threads: ThreadListItem[]
  /** Request time, for the Activity ages. */
  now: number
  /** Names the table for assistive technology ("Posts under Kernel tag"); visually hidden. */
  caption: string
  /** The listing the rows come from; marks the active column with aria-sort. */
  listing?: ListingOptions
  /** When given, the sortable column headers become links to re-sort the listing. */
  sortHref?: (sortBy: ThreadSort, sortOrder: SortOrder) => string
  /** Tag chips under each excerpt (default true; rows on a tag page still show their other tags). */
  showTags?: boolean
  /** Signed-in viewers: replies they have not read, by thread id, on threads they track or watch. */
  unread?: ReadonlyMap<number, number>
}

/** `label` is English, marked for the catalogue; shown with t(). */
type NumericColumn = { label: string; sort: ThreadSort; value: (t: ThreadListItem) => number }

const NUMERIC_COLUMNS: NumericColumn[] = [
  { label: msg('Replies'), sort: 'replies', value: (t) => t.replyCount },
  { label: msg('Boosts'), sort: 'boosts', value: (t) => t.boostCount },
  { label: msg('Views'), sort: 'views', value: (t) => t.viewCount },
]

/**
 * The replies count's weight, as Stack Overflow gives its answer count: outlined in green once
 * answered, filled once solved. The words are elsewhere (the Solved badge), so colour is not the only cue.
 */
function repliesClass(thread: ThreadListItem): string {
  if (thread.solved) return ' count-solved'
  return thread.replyCount > 0 ? ' count-answered' : ''
}

function ColumnHeader(props: {
  label: string
  sort: ThreadSort
  table: ThreadTableProps
  numeric: boolean
}) {
  const { listing, sortHref } = props.table
  const active = listing !== undefined && listing.sortBy === props.sort
  const order = active ? listing.sortOrder : undefined
  const ariaSort = order === undefined ? undefined : order === 'asc' ? 'ascending' : 'descending'
  // Clicking the active column flips its order; any other column starts with the largest or latest first.
  const nextOrder: SortOrder = active && order === 'desc' ? 'asc' : 'desc'
  return (
    <th scope="col" class={props.numeric ? 'col-num' : 'col-activity'} aria-sort={ariaSort}>
      {sortHref === undefined ? (
        props.label
      ) : (
        <a class="sort-link" href={sortHref(props.sort, nextOrder)}>
          {props.label}
          {order !== undefined && (
            <span class="sort-indicator" aria-hidden="true">
              {order === 'asc' ? ' ↑' : ' ↓'}
            </span>
          )}
        </a>
      )}
    </th>
  )
}

/** "3 new": replies the signed-in viewer has not read on a thread they track or watch. */
export function UnreadBadge({ count }: { count: number }) {
  if (count <= 0) return null
  return (
    <span
      class="badge unread-count"
      title={t('{count, number} new since your last visit', { count })}
    >
      {t('{count} new', { count })}
    </span>
  )
}

/**
 * Who asked, in a list row: the avatar (20 px, lazy, sized so nothing moves; alt="" since the name is
 * beside it) and the name. Rows are cached (below): the author, with the avatar's version, is part of the
 * row's inputs, so an upload shows on the next uncached list.
 */
export function RowAuthor({ author }: { author: UserRef }) {
  return (
    <span class="thread-author">
      <Avatar user={author} size={20} />
      <UserName user={author} />
    </span>
  )
}

/**
 * Rows without an unread badge (every row an anonymous reader sees), rendered once and reused while the
 * thread's list data and its activity label ("5m") read the same (fragment-cache.ts): a tag page is 20–30
 * of them, and a thread stands in several lists (each of its tags, home).
 */
const plainRows = new FragmentCache(4_000_000)

/** The row cache's counters, for tests. */
export function threadRowCacheStats() {
  return plainRows.stats()
}

interface ThreadRowProps {
  thread: ThreadListItem
  now: number
  showTags: boolean
  unread: number
}

function ThreadRow(props: ThreadRowProps) {
  const { thread, now, showTags, unread } = props
  if (unread !== 0) return <ThreadRowMarkup {...props} />
  const age = ageLabel(thread.lastActivityAt, now)
  return plainRows.render(`${thread.id}:${showTags ? 't' : '-'}`, { thread, age }, () => (
    <ThreadRowMarkup {...props} />
  ))
}

function ThreadRowMarkup({ thread, now, showTags, unread }: ThreadRowProps) {
  return (
    <tr class={thread.pinned ? 'is-pinned' : undefined}>
      <td class="col-post">
        <div class="thread-heading">
          <a class="thread-title" href={threadHref(thread)}>
            <bdi>{thread.title}</bdi>
          </a>
          <ThreadMarkers solved={thread.solved} pinned={thread.pinned} locked={thread.locked} />
          <UnreadBadge count={unread} />
        </div>
        {thread.excerpt !== '' && <p class="thread-excerpt">{thread.excerpt}</p>}
        <div class="thread-meta">
          {showTags && <TagList tags={thread.tags} small />}
          <RowAuthor author={thread.author} />
        </div>
      </td>
      {NUMERIC_COLUMNS.map((col) => (
        <td
          key={col.sort}
          class={`col-num${col.sort === 'replies' ? repliesClass(thread) : ''}`}
          data-label={t(col.label)}
        >
          <data value={String(col.value(thread))} title={number(col.value(thread))}>
            {countLabel(col.value(thread))}
          </data>
        </td>
      ))}
      <td class="col-activity" data-label={t('Activity')}>
        <RelativeTime at={thread.lastActivityAt} now={now} />
      </td>
    </tr>
  )
}

/**
 * The reference's thread table: Post / Replies / Boosts / Views / Activity. A real table on wide
 * screens; at 640 px and below, CSS turns each row into a card and labels each value from `data-label`.
 */
export function ThreadTable(props: ThreadTableProps) {
  const showTags = props.showTags ?? true
  return (
    <table class="thread-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="col-post">
            {t('Post')}
          </th>
          {NUMERIC_COLUMNS.map((col) => (
            <ColumnHeader
              key={col.sort}
              label={t(col.label)}
              sort={col.sort}
              table={props}
              numeric
            />
          ))}
          <ColumnHeader label={t('Activity')} sort="activity" table={props} numeric={false} />
        </tr>
      </thead>
      <tbody>
        {props.threads.map((thread) => (
          <ThreadRow
            key={thread.id}
            thread={thread}
            now={props.now}
            showTags={showTags}
            unread={props.unread?.get(thread.id) ?? 0}
          />
        ))}
      </tbody>
    </table>
  )
}
