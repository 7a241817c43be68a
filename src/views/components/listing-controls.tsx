import {
  TAG_SORTS,
  THREAD_FILTERS,
  type ListingOptions,
  type SortOrder,
  type ThreadFilter,
  type ThreadSort,
} from '../../domain/thread-lists/index.js'
import { msg, t } from '../../i18n/index.js'

/** Labels for the sort keys, shared by the sort links and the table headers (English: show with t()). */
export const SORT_LABELS: Record<ThreadSort, string> = {
  activity: msg('Activity'),
  newest: msg('Newest'),
  replies: msg('Replies'),
  boosts: msg('Boosts'),
  views: msg('Views'),
}

const FILTER_LABELS: Record<ThreadFilter, string> = {
  all: msg('All'),
  solved: msg('Solved'),
  unsolved: msg('Unsolved'),
}
const ORDER_LABELS: Record<SortOrder, string> = {
  desc: msg('Descending'),
  asc: msg('Ascending'),
}
const SORT_ORDERS_SHOWN: readonly SortOrder[] = ['desc', 'asc']

export interface ListingControlsProps {
  listing: ListingOptions
  /** Link to the first page of the listing with these options (a new sort or filter starts at page 1). */
  href: (listing: ListingOptions) => string
}

/** One segmented group of links; the current choice carries aria-current. */
function ChoiceLinks<T extends string>(props: {
  label: string
  choices: readonly T[]
  current: T
  labelOf: (choice: T) => string
  hrefOf: (choice: T) => string
}) {
  return (
    <div class="choice-group">
      <span class="choice-label">{props.label}</span>
      <ul class="segmented">
        {props.choices.map((choice) => (
          <li key={choice}>
            <a
              href={props.hrefOf(choice)}
              aria-current={choice === props.current ? 'true' : undefined}
            >
              {props.labelOf(choice)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** All / Solved / Unsolved, as links (the page works without JavaScript). */
export function FilterLinks({ listing, href }: ListingControlsProps) {
  return (
    <ChoiceLinks
      label={t('Show')}
      choices={THREAD_FILTERS}
      current={listing.filter}
      labelOf={(f) => t(FILTER_LABELS[f])}
      hrefOf={(filter) => href({ ...listing, filter })}
    />
  )
}

/** Sort key and order, as links; a new sort key starts descending. */
export function SortControls({ listing, href }: ListingControlsProps) {
  return (
    <>
      <ChoiceLinks
        label={t('Sort by')}
        choices={TAG_SORTS}
        current={listing.sortBy}
        labelOf={(s) => t(SORT_LABELS[s])}
        hrefOf={(sortBy) =>
          href({
            ...listing,
            sortBy,
            sortOrder: sortBy === listing.sortBy ? listing.sortOrder : 'desc',
          })
        }
      />
      <ChoiceLinks
        label={t('Order')}
        choices={SORT_ORDERS_SHOWN}
        current={listing.sortOrder}
        labelOf={(o) => t(ORDER_LABELS[o])}
        hrefOf={(sortOrder) => href({ ...listing, sortOrder })}
      />
    </>
  )
}

/** The filter and sort bar above a thread table. */
export function ListingControls(props: ListingControlsProps) {
  return (
    <nav class="listing-controls" aria-label={t('Filter and sort posts')}>
      <FilterLinks {...props} />
      <SortControls {...props} />
    </nav>
  )
}
