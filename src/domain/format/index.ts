/** Formatting helpers shared by views, the JSON API and list queries: pure, locale-free and UTC-based. */
export { formatCount, formatGrouped } from './numbers.js'
export { formatAge, formatAgeLabel, formatDate, type AgeLabel } from './time.js'
export { slugify, threadPath, MAX_SLUG_LENGTH, FALLBACK_SLUG } from './slug.js'
