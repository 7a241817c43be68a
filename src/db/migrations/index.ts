/**
 * Every migration, by name. Names sort by time; add new ones at the end. Listed statically (rather
 * than read from the folder) so the same code runs from src/ under tests and from dist/ in production.
 */
import type { Migration } from 'kysely'
import * as createUsers from './2026-11-27-2200_create_users.js'
import * as createTagsAndThreads from './2026-11-27-2210_create_tags_and_threads.js'
import * as createPosts from './2026-11-27-2220_create_posts.js'
import * as createSessions from './2026-11-27-2300_create_sessions.js'
import * as createSecrets from './2026-11-27-2310_create_secrets.js'
import * as createSearch from './2026-11-28-0100_create_search.js'
import * as listingIndexes from './2026-11-28-0300_listing_indexes.js'
import * as createSignatures from './2026-11-28-0420_create_signatures.js'
import * as derivedWithoutRowid from './2026-11-28-1000_derived_without_rowid.js'
import * as commonTerms from './2026-12-02-0100_common_terms.js'
import * as searchVectorInline from './2026-12-04-1900_search_vector_inline.js'
import * as changeTriggers from './2026-12-05-1200_change_triggers.js'
import * as createJobs from './2026-12-06-1000_create_jobs.js'
import * as accountTokens from './2026-12-06-1100_account_tokens.js'
import * as createOidc from './2026-12-06-1200_create_oidc.js'
import * as createTwoFactor from './2026-12-06-1300_create_two_factor.js'
import * as sessionDetails from './2026-12-06-1400_session_details.js'
import * as accountDeletion from './2026-12-06-1410_account_deletion.js'
import * as createWatchingAndNotifications from './2026-12-06-1500_create_watching_and_notifications.js'
import * as notificationEmailPrefs from './2026-12-06-1510_notification_email_prefs.js'
import * as moderation from './2026-12-06-1600_moderation.js'
import * as apiTokens from './2026-12-06-1700_api_tokens.js'
import * as webhooks from './2026-12-06-1710_webhooks.js'
import * as trust from './2026-12-06-1720_trust.js'
import * as staffActions from './2026-12-06-1730_staff_actions.js'
import * as tagRedirects from './2026-12-06-1740_tag_redirects.js'
import * as onePendingReviewItem from './2026-12-07-0200_one_pending_review_item.js'
import * as threadReadsAndWatchDefaults from './2026-12-07-0220_thread_reads_and_watch_defaults.js'
import * as createDrafts from './2026-12-07-0300_create_drafts.js'
import * as revisionReason from './2026-12-07-0310_revision_reason.js'
import * as crashSites from './2026-12-07-0320_crash_sites.js'
import * as uploadedAvatars from './2026-12-07-0340_uploaded_avatars.js'
import * as userLocale from './2026-12-07-0900_user_locale.js'
import * as similarThreads from './2026-12-07-1000_similar_threads.js'

/**
 * A migration, and the PostgreSQL tables to VACUUM ANALYZE once it has committed (VACUUM cannot run inside
 * the migration's transaction; a rewritten table has lost its visibility map, so index-only scans would read
 * the heap until autovacuum came by).
 */
export interface QuorumMigration extends Migration {
  vacuumAfter?: readonly string[]
}

export const migrations: Record<string, QuorumMigration> = {
  '2026-11-27-2200_create_users': createUsers,
  '2026-11-27-2210_create_tags_and_threads': createTagsAndThreads,
  '2026-11-27-2220_create_posts': createPosts,
  '2026-11-27-2300_create_sessions': createSessions,
  '2026-11-27-2310_create_secrets': createSecrets,
  '2026-11-28-0100_create_search': createSearch,
  '2026-11-28-0300_listing_indexes': listingIndexes,
  '2026-11-28-0420_create_signatures': createSignatures,
  '2026-11-28-1000_derived_without_rowid': derivedWithoutRowid,
  '2026-12-02-0100_common_terms': commonTerms,
  '2026-12-04-1900_search_vector_inline': searchVectorInline,
  '2026-12-05-1200_change_triggers': changeTriggers,
  '2026-12-06-1000_create_jobs': createJobs,
  '2026-12-06-1100_account_tokens': accountTokens,
  '2026-12-06-1200_create_oidc': createOidc,
  '2026-12-06-1300_create_two_factor': createTwoFactor,
  '2026-12-06-1400_session_details': sessionDetails,
  '2026-12-06-1410_account_deletion': accountDeletion,
  '2026-12-06-1500_create_watching_and_notifications': createWatchingAndNotifications,
  '2026-12-06-1510_notification_email_prefs': notificationEmailPrefs,
  '2026-12-06-1600_moderation': moderation,
  '2026-12-06-1700_api_tokens': apiTokens,
  '2026-12-06-1710_webhooks': webhooks,
  '2026-12-06-1720_trust': trust,
  '2026-12-06-1730_staff_actions': staffActions,
  '2026-12-06-1740_tag_redirects': tagRedirects,
  '2026-12-07-0200_one_pending_review_item': onePendingReviewItem,
  '2026-12-07-0220_thread_reads_and_watch_defaults': threadReadsAndWatchDefaults,
  '2026-12-07-0300_create_drafts': createDrafts,
  '2026-12-07-0310_revision_reason': revisionReason,
  '2026-12-07-0320_crash_sites': crashSites,
  '2026-12-07-0340_uploaded_avatars': uploadedAvatars,
  '2026-12-07-0900_user_locale': userLocale,
  '2026-12-07-1000_similar_threads': similarThreads,
}
