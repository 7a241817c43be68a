/**
 * What the admin pages read and do across features: the hub's counts, the people directory, the staff
 * log's filter form and the sign-up blocks form. Above users, tags, jobs and the staff log.
 */
export { countOverview, listPeople } from './people.queries.js'
export { parseLogFilter } from './log-filter.js'
export { BLOCK_REASON_MAX, addBlock, removeBlock } from './blocks.actions.js'
export type { PersonRow } from './admin.types.js'
