/** Formatting helpers shared by views, the JSON API and list queries: pure, locale-free and UTC-based. */
export { formatCount } from './numbers.js'
export { formatAge, formatAgeLabel, formatDate } from './time.js'
export { slugify, threadPath, MAX_SLUG_LENGTH, FALLBACK_SLUG } from './slug.js'
