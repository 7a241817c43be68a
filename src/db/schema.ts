/**
 * Table types that mirror the SQL of src/db/migrations (snake_case, as stored).
 * Times are epoch milliseconds (bigint in PostgreSQL, read back as numbers); flags are 0/1 integers
 * so both dialects store and compare them the same way.
 */
import type { Generated, Insertable, Kysely, Transaction } from 'kysely'

export interface UsersTable {
  id: Generated<number>
  username: string
  /** Lower-cased username: unique, so names are unique case-insensitively. */
  username_key: string
  email: string | null
  email_key: string | null
  password_hash: string | null
  role: 'member' | 'moderator' | 'admin'
  /** Staff title shown beside the name, e.g. "DTS Engineer". */
  title: string | null
  created_at: number
  /** Set when the person deleted the account: the row stays for their posts, its personal fields cleared. */
  deleted_at: number | null
  /** When the owner followed a link sent to `email`; null until then (and for accounts without one). */
  email_verified_at: number | null
  /** What a person may do (docs/moderation.md); new accounts start as 'new'. */
  trust_level: Generated<TrustLevelColumn>
  /** 1 when staff set the level: automatic promotion leaves it alone. */
  trust_level_locked: Generated<number>
  /** Silenced: can read, cannot post, until then. */
  silenced_until: number | null
  silence_reason: string | null
  /** Suspended: cannot sign in, until then. */
  suspended_until: number | null
  suspend_reason: string | null
  /** The uploaded avatar's version (docs/avatars.md); null while the person shows the generated one. */
  avatar_version: number | null
  /** The interface language chosen in /settings: `en`, `de`; null follows the browser (docs/i18n.md). */
  locale: string | null
}

export type TrustLevelColumn = 'new' | 'member' | 'trusted'

/** Usernames of deleted accounts, held for 30 days so nobody takes one over at once; never the name itself. */
export interface RetiredUsernamesTable {
  /** HMAC-SHA-256 (hex) of the lower-cased username, keyed by the `retired-usernames` secret. */
  name_hash: string
  retired_at: number
}

export interface TagsTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  /** Live (not deleted) threads carrying the tag. */
  thread_count: Generated<number>
  created_at: number
}

export interface ThreadsTable {
  id: Generated<number>
  title: string
  author_id: number
  /** Plain-text excerpt of the question, derived at write time for list pages. */
  excerpt: string
  reply_count: Generated<number>
  boost_count: Generated<number>
  view_count: Generated<number>
  created_at: number
  last_activity_at: number
  accepted_post_id: number | null
  locked: Generated<number>
  pinned: Generated<number>
  deleted_at: number | null
  /** Hidden from readers with its question (held, flagged) or by staff; author and staff still see it. */
  hidden_at: number | null
  hidden_reason: 'flagged' | 'approval' | 'duplicate' | 'staff' | null
  /** Closed by staff as a duplicate of this thread: it takes no new answers. */
  duplicate_of: number | null
  /** 1 when pinned site-wide by staff: first on home (and, with `pinned`, in every tag). */
  home_pinned: Generated<number>
  /** When a site-wide pin ends; null: until unpinned. */
  pinned_until: number | null
}

/**
 * A thread's tags, with copies of the thread's sort keys so a tag page is one index range scan
 * (DESIGN.md: "a tag page sorts by (tag, last_activity_at)"). Kept in step by threads.sync.
 */
export interface ThreadTagsTable {
  thread_id: number
  tag_id: number
  position: Generated<number>
  pinned: Generated<number>
  solved: Generated<number>
  last_activity_at: number
  created_at: number
  reply_count: Generated<number>
  boost_count: Generated<number>
  view_count: Generated<number>
  /** 1 when the thread is deleted (copied like the sort keys, so tag pages skip it from the index). */
  deleted: Generated<number>
  /** 1 when staff pinned the thread in this tag only; `pinned` is this or the thread's own `pinned`. */
  tag_pinned: Generated<number>
  /** When the pin in this tag ends; null: until unpinned. */
  tag_pinned_until: number | null
}

export interface PostsTable {
  id: Generated<number>
  thread_id: number
  author_id: number
  kind: 'question' | 'reply' | 'comment'
  /** For comments: the reply they hang under. */
  parent_id: number | null
  body_markdown: string
  /** Rendered and sanitised at write time. */
  body_html: string
  boost_count: Generated<number>
  created_at: number
  edited_at: number | null
  recommended_by: number | null
  deleted_at: number | null
  deleted_by: number | null
  /** Hidden from readers (author and staff still see it): flagged, held for approval, or by staff. */
  hidden_at: number | null
  hidden_reason: 'flagged' | 'approval' | 'duplicate' | 'staff' | null
  /** What the author is told about why. */
  hidden_note: string | null
  hidden_by: number | null
}

export interface BoostsTable {
  post_id: number
  user_id: number
  created_at: number
}

/** A person's uploaded avatar (docs/avatars.md); `bytes` is empty once removed, keeping `version`. */
export interface AvatarsTable {
  user_id: number
  bytes: Uint8Array
  /** From the magic bytes at upload: image/png, image/jpeg, image/webp or image/gif ('' once removed). */
  content_type: string
  version: number
  updated_at: number
}

export interface AttachmentsTable {
  /** Random, unguessable id used in URLs. */
  id: string
  post_id: number
  file_name: string
  content_type: string
  size: number
  content: Uint8Array
  /** Highlighted HTML for text-like files, rendered at write time; null for download-only files. */
  preview_html: string | null
  line_count: number
  created_at: number
}

export interface RevisionsTable {
  id: Generated<number>
  post_id: number
  editor_id: number
  /** 1 for the original text, then 2, 3, ... */
  number: number
  title: string | null
  body_markdown: string
  created_at: number
  /** What a staff member said about their edit ("Edited by moderator X: note"). */
  staff_note: string | null
  /** Why the editor changed it, in their words (optional, anyone). */
  reason: string | null
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself lives only in the cookie. */
  id_hash: string
  user_id: number
  created_at: number
  /** Refreshed at most every few minutes (sessions.queries.ts: TOUCH_EVERY_MS), never per request. */
  last_seen_at: number
  expires_at: number
  /** The browser's User-Agent header, cut to 512 characters; null until the session's first touch. */
  user_agent: string | null
  /** The client address as the server sees it (TRUST_PROXY-aware); null until the first touch. */
  ip: string | null
}

export interface SecretsTable {
  name: string
  value: string
  created_at: number
}

export interface Database {
  users: UsersTable
  tags: TagsTable
  threads: ThreadsTable
  thread_tags: ThreadTagsTable
  posts: PostsTable
  boosts: BoostsTable
  attachments: AttachmentsTable
  avatars: AvatarsTable
  revisions: RevisionsTable
  sessions: SessionsTable
  secrets: SecretsTable
  search_fts: SearchFtsTable
  search_documents: SearchDocumentsTable
  thread_signatures: ThreadSignaturesTable
  crash_sites: CrashSitesTable
  similarity_terms: SimilarityTermsTable
  similarity_vectors: SimilarityVectorsTable
  similar_threads: SimilarThreadsTable
  common_terms: CommonTermsTable
  jobs: JobsTable
  thread_watches: ThreadWatchesTable
  thread_reads: ThreadReadsTable
  drafts: DraftsTable
  watch_defaults: WatchDefaultsTable
  tag_watches: TagWatchesTable
  notifications: NotificationsTable
  notification_email_prefs: NotificationEmailPrefsTable
  user_identities: UserIdentitiesTable
  oidc_logins: OidcLoginsTable
  retired_usernames: RetiredUsernamesTable
  totp_secrets: TotpSecretsTable
  recovery_codes: RecoveryCodesTable
  passkeys: PasskeysTable
  sign_in_challenges: SignInChallengesTable
  account_tokens: AccountTokensTable
  audit_log: AuditLogTable
  site_settings: SiteSettingsTable
  sign_up_blocks: SignUpBlocksTable
  flags: FlagsTable
  review_items: ReviewItemsTable
  tag_redirects: TagRedirectsTable
  api_tokens: ApiTokensTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_deliveries: WebhookDeliveriesTable
  invitations: InvitationsTable
  post_body_hashes: PostBodyHashesTable
}

/** A single-use link's token (src/domain/account-mail): only its SHA-256 is kept. */
export interface AccountTokensTable {
  id: Generated<number>
  /** SHA-256 (hex) of the token; the token itself is only in the message sent. */
  token_hash: string
  purpose: 'verify-email' | 'password-reset' | 'change-email'
  user_id: number
  /** The address the link went to; for a change of address, the new one. */
  email: string
  created_at: number
  expires_at: number
  used_at: number | null
}

/** A background job (src/domain/jobs): written in the transaction of the change that causes it. */
export interface JobsTable {
  id: Generated<number>
  kind: string
  /** Unique: enqueueing the same key twice makes one job. */
  key: string
  /** JSON. Cleared once the job is done (it may hold a link with a token). */
  payload: string
  state: 'pending' | 'running' | 'done' | 'dead'
  run_after: number
  attempts: Generated<number>
  max_attempts: number
  /** While running: when the lease of the process that claimed it ends. */
  locked_until: number | null
  last_error: string | null
  created_at: number
  finished_at: number | null
}

/** An account's TOTP secret (src/domain/two-factor), encrypted; `enabled_at` null until confirmed. */
export interface TotpSecretsTable {
  user_id: number
  /** AES-256-GCM of the base32 secret (iv.tag.ciphertext, base64url). */
  secret_enc: string
  enabled_at: number | null
  /** The last time step a code was accepted for; it and earlier steps are refused. */
  last_step: Generated<number>
  created_at: number
}

/** Single-use recovery codes, stored as SHA-256 of the normalised code. */
export interface RecoveryCodesTable {
  id: Generated<number>
  user_id: number
  code_hash: string
  used_at: number | null
  created_at: number
}

/** A WebAuthn credential (passkey) registered by an account. */
export interface PasskeysTable {
  id: Generated<number>
  user_id: number
  /** base64url credential id. */
  credential_id: string
  /** base64url COSE public key. */
  public_key: string
  counter: Generated<number>
  /** JSON array of transports. */
  transports: Generated<string>
  name: string
  created_at: number
  last_used_at: number | null
}

/** A short-lived, single-use step of signing in: a pending second step or a WebAuthn challenge. */
export interface SignInChallengesTable {
  /** SHA-256 (hex) of the cookie token or of the challenge. */
  id_hash: string
  purpose: 'second-step' | 'passkey-register' | 'passkey-sign-in' | 'passkey-second-step'
  user_id: number | null
  expires_at: number
  created_at: number
}

export type Db = Kysely<Database>
/** A connection or an open transaction: query functions accept either. */
export type Executor = Kysely<Database> | Transaction<Database>

export type NewThread = Insertable<ThreadsTable>
export type NewPost = Insertable<PostsTable>
export type NewAttachment = Insertable<AttachmentsTable>

/**
 * SQLite's search index: an FTS5 table, one row per live thread, rowid = thread id (docs/search.md).
 * `search_fts` is FTS5's hidden column, the left side of MATCH.
 */
export interface SearchFtsTable {
  rowid: number
  /** Never written: named only on the left of MATCH. */
  search_fts: Generated<string>
  title: string
  body: string
  answer: string
  replies: string
  title_identifiers: string
  identifiers: string
  reply_identifiers: string
}

/** PostgreSQL's search index: the same fields, plus a generated tsvector with a GIN index. */
export interface SearchDocumentsTable {
  thread_id: number
  title: string
  body: string
  answer: string
  replies: string
  title_identifiers: string
  identifiers: string
  reply_identifiers: string
  /** Generated from the columns above; never written. */
  search_vector: Generated<string>
}

/** What a thread's posts mention (docs/signatures.md): one row per thread and signature. Derived; rebuildable. */
export interface ThreadSignaturesTable {
  thread_id: number
  /** 'os' | 'error' | 'symbol' | 'reference' | 'crash' */
  kind: string
  /** Identity within the kind: "macos-25B78", "ENOENT", "vnode_put", "FB12345678", a crash fingerprint. */
  key: string
  /** As shown: "macOS 26.1 (25B78)", "socket()". */
  label: string
  /** An OS's version, an error's number (hex for IOKit), a crash's normalised text; '' otherwise. */
  detail: string
  /** How many of the thread's live posts mention it. */
  post_count: number
  /** Display order within the thread: first mention first, the author's words before pasted output. */
  position: number
}

/**
 * Where each crash cause a thread carries happened (docs/signatures.md, "Crash sites"): one row per thread,
 * cause, site and process. Derived; rebuildable.
 */
export interface CrashSitesTable {
  thread_id: number
  /** The cause's fingerprint: a `crash` key of thread_signatures. */
  cause: string
  /** The site's fingerprint (the cause's own when the crash shows no frames of the poster's code). */
  site: string
  /** The process that crashed, as the report names it; '' when it does not. */
  process: string
  /** The site's own frames as shown ("Acme`-[AcmeView draw:] < Acme`main"); '' when none. */
  frames: string
  /** How many of the thread's live posts report the crash there. */
  post_count: number
}

/** A thread's distinctive terms for similar threads: weight is per mille of its normalised term vector. */
/** Postings of the terms that are not common: the inverted index similar threads read. */
export interface SimilarityTermsTable {
  thread_id: number
  term: string
  weight: number
}

/** A thread's whole term vector: JSON `[[term, weight], …]`, heaviest first (weights per mille). */
export interface SimilarityVectorsTable {
  thread_id: number
  terms: string
  /** When the thread's similar threads were last ranked (epoch ms); 0: due (never, or a neighbour changed). */
  ranked_at: Generated<number>
}

/** A thread's similar threads, best first (`rank` from 0): membership only, the page joins the live rows. */
export interface SimilarThreadsTable {
  thread_id: number
  rank: number
  similar_id: number
  /** The ranking's score, per mille. */
  score: number
  /** JSON array of the labels of the signatures the two threads share (at most three). */
  shared: Generated<string>
}

/** Terms in more threads than similar threads read postings for (MAX_POSTINGS): no postings are kept. */
export interface CommonTermsTable {
  term: string
}

/** A provider login linked to an account (src/domain/oidc): one account per (provider, subject). */
export interface UserIdentitiesTable {
  id: Generated<number>
  user_id: number
  /** The provider's id in OIDC_PROVIDERS. */
  provider_id: string
  /** The provider's `sub` claim: stable for the person at that provider. */
  subject: string
  /** What the provider said at the last sign-in. */
  email: string | null
  /** 1 when the provider said `email_verified: true`. */
  email_verified: Generated<number>
  created_at: number
  last_used_at: number
}

/** An OpenID Connect sign-in under way: single-use, short-lived, keyed by the hash of its cookie. */
export interface OidcLoginsTable {
  /** SHA-256 (hex) of the random key in the `quorum_oidc` cookie. */
  id_hash: string
  provider_id: string
  state: string
  nonce: string
  code_verifier: string
  /** Where to go once signed in (already checked by safeNext). */
  next: string
  /** The signed-in account a new login is being linked to; null for a sign-in. */
  link_user_id: number | null
  /** Set by the callback once the provider has vouched for the person. */
  subject: string | null
  email: string | null
  email_verified: Generated<number>
  preferred_username: string | null
  created_at: number
  expires_at: number
}

/** How closely a person follows a thread or a tag (src/domain/watching); no row means normal. */
export type WatchLevelColumn = 'watching' | 'tracking' | 'normal' | 'muted'

export interface ThreadWatchesTable {
  user_id: number
  thread_id: number
  level: WatchLevelColumn
  updated_at: number
}

/** Where a person stopped reading a thread: its reply count at their last view of its page, and when that count last moved. */
export interface ThreadReadsTable {
  user_id: number
  thread_id: number
  read_replies: number
  read_at: number
}

/**
 * What a person is writing and has not posted (src/domain/drafts): one row per person and thread, or per
 * person with `thread_id` null for the question on /ask.
 */
export interface DraftsTable {
  user_id: number
  thread_id: number | null
  title: Generated<string>
  body: Generated<string>
  tags: Generated<string>
  updated_at: number
}

/** The levels asking and replying set for a person (no row: watching on ask, tracking on reply). */
export interface WatchDefaultsTable {
  user_id: number
  on_ask: WatchLevelColumn
  on_reply: WatchLevelColumn
}

export interface TagWatchesTable {
  user_id: number
  tag_id: number
  level: WatchLevelColumn
  updated_at: number
}

/** One line of a person's /notifications, written by the notify job (src/domain/notifications). */
export interface NotificationsTable {
  id: Generated<number>
  user_id: number
  kind: string
  thread_id: number
  post_id: number | null
  /** Who did it (the latest booster for grouped boosts). */
  actor_id: number | null
  /** People behind a grouped notification ("3 people boosted your reply"). */
  actor_count: Generated<number>
  /** Unique per person: the job's effect is idempotent by it. */
  dedupe_key: string
  created_at: number
  updated_at: number
  read_at: number | null
  emailed_at: number | null
}

/** How a person wants one kind of notification by mail; no row means the kind's default. */
export interface NotificationEmailPrefsTable {
  user_id: number
  kind: string
  mode: 'immediately' | 'daily' | 'weekly' | 'never'
}

/** The staff log (src/domain/audit-log): append-only, no code path updates or deletes a row. */
export interface AuditLogTable {
  id: Generated<number>
  /** Null for an automatic action (flags reaching the threshold, a held post, a promotion). */
  actor_id: number | null
  action: string
  target_type:
    'post' | 'thread' | 'user' | 'tag' | 'setting' | 'sign-up-block' | 'flag' | 'invitation'
  target_id: number | null
  /** What the target was called when it happened (a username, a title, a setting's key). */
  target_label: string
  reason: string | null
  before_json: string | null
  after_json: string | null
  created_at: number
}

/** Site settings staff edit at /admin/settings (src/domain/site-settings); absent keys take the default. */
export interface SiteSettingsTable {
  key: string
  value_json: string
  updated_at: number
  updated_by: number | null
}

/** Addresses refused at sign-up: an email, a whole email domain, an IP address or a CIDR range. */
export interface SignUpBlocksTable {
  id: Generated<number>
  kind: 'email' | 'email-domain' | 'ip' | 'ip-range'
  value: string
  reason: string | null
  created_by: number | null
  created_at: number
}

/** One member's flag on one post. */
export interface FlagsTable {
  id: Generated<number>
  post_id: number
  user_id: number
  reason: 'spam' | 'rude' | 'off-topic' | 'staff'
  message: string | null
  status: Generated<'pending' | 'agreed' | 'disagreed' | 'deleted'>
  created_at: number
  handled_by: number | null
  handled_at: number | null
}

/** A post waiting for a moderator's decision at /review. */
export interface ReviewItemsTable {
  id: Generated<number>
  post_id: number
  kind: 'flagged' | 'approval' | 'duplicate'
  status: Generated<'pending' | 'agreed' | 'disagreed' | 'deleted' | 'approved' | 'spammer-deleted'>
  created_at: number
  updated_at: number
  handled_by: number | null
  handled_at: number | null
}

/** An old slug of a tag (renamed or merged into it): its page answers 301 to the tag's current slug. */
export interface TagRedirectsTable {
  slug: string
  tag_id: number
  created_at: number
}

/** A personal access token for the API (src/domain/api-tokens): only its SHA-256 is kept. */
export interface ApiTokensTable {
  id: Generated<number>
  user_id: number
  name: string
  token_hash: string
  /** The token's first characters, shown in the owner's list to recognise it. */
  prefix: string
  /** Space-separated scopes: read, write, moderate, admin. */
  scopes: string
  created_at: number
  expires_at: number | null
  last_used_at: number | null
  last_used_ip: string | null
  revoked_at: number | null
}

/** A webhook endpoint an admin registered (src/domain/webhooks). */
export interface WebhookEndpointsTable {
  id: Generated<number>
  url: string
  /** Standard Webhooks signing secret (`whsec_...`). */
  secret: string
  /** Space-separated event types. */
  events: string
  description: Generated<string>
  created_by: number | null
  created_at: number
  disabled_at: number | null
}

/** One attempt to deliver one message to one endpoint. */
export interface WebhookDeliveriesTable {
  id: Generated<number>
  endpoint_id: number
  /** The `webhook-id` header: the same for every attempt of one message. */
  message_id: string
  event_type: string
  payload: string
  attempt: number
  /** The answer's status; null when none came (refused address, timeout, connection error). */
  status_code: number | null
  error: string | null
  latency_ms: number
  /** The first 1,000 characters of the answer's body. */
  response_excerpt: string | null
  created_at: number
}

/** An invitation to register (src/domain/trust) while registration is by invitation: single use, expiring. */
export interface InvitationsTable {
  id: Generated<number>
  /** SHA-256 (hex) of the code; the code is shown once, to the staff member who made it. */
  code_hash: string
  /** When set, only this address (lower-cased) may use it. */
  email: string | null
  note: string | null
  created_by: number | null
  created_at: number
  expires_at: number
  used_by: number | null
  used_at: number | null
  revoked_at: number | null
}

/** The hash of a recent post's body (whitespace normalised), to find repeated bodies (src/domain/trust). */
export interface PostBodyHashesTable {
  post_id: number
  author_id: number
  hash: string
  created_at: number
}
