/**
 * Every page type Quorum serves, once each: the accessibility, HTML-validity and security-header suites all
 * walk this list. Adding a page is one line. Only pages that exist belong here; the ones still to come are
 * listed under "Pages to add" in docs/quality.md (a static list on purpose: a page that silently 404s must
 * fail, not be skipped).
 */
import type { KnownThreads } from './fixtures.js'

export interface PageType {
  /** Names the page in test titles and screenshot files. */
  name: string
  /** The path to load, from the threads the harness seeded. */
  path: (known: KnownThreads) => string
  /** The status the page answers with. */
  status: number
  /**
   * Load it signed in as the harness's member (the ask page, a thread with its reply form and buttons),
   * or as its admin (the admin pages).
   */
  signedIn?: true | 'admin'
}

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', path: () => '/', status: 200 },
  { name: 'tag directory', path: () => '/tags', status: 200 },
  { name: 'tag page', path: (k) => `/tags/${k.tagSlug}`, status: 200 },
  {
    name: 'tag page, sorted and filtered, page 2',
    path: (k) => `/tags/${k.tagSlug}?sortBy=views&sortOrder=asc&filter=unsolved&page=2`,
    status: 200,
  },
  { name: 'tag page without threads', path: (k) => `/tags/${k.emptyTagSlug}`, status: 200 },
  {
    name: 'thread with code, attachments and an accepted answer',
    path: (k) => k.answered.path,
    status: 200,
  },
  { name: 'thread without an answer', path: (k) => k.open.path, status: 200 },
  { name: 'locked, pinned thread', path: (k) => k.locked.path, status: 200 },
  {
    name: 'thread, signed in (reply form, boost and comment controls)',
    path: (k) => k.answered.path,
    status: 200,
    signedIn: true,
  },
  { name: 'search results', path: () => '/search?q=panic', status: 200 },
  { name: 'sign in', path: () => '/login', status: 200 },
  { name: 'register', path: () => '/register', status: 200 },
  { name: 'forgot password', path: () => '/password/forgot', status: 200 },
  { name: 'check your email (after sign-up)', path: () => '/register/check-email', status: 200 },
  { name: 'a link that does not work (410)', path: () => '/password/reset?token=x', status: 410 },
  { name: 'profile', path: (k) => `/users/${k.profileUsername}`, status: 200 },
  { name: 'profile: answers', path: (k) => `/users/${k.profileUsername}/answers`, status: 200 },
  { name: 'profile: activity', path: (k) => `/users/${k.profileUsername}/activity`, status: 200 },
  { name: 'ask a question (signed in)', path: () => '/ask', status: 200, signedIn: true },
  { name: 'settings (signed in)', path: () => '/settings', status: 200, signedIn: true },
  { name: 'sessions (signed in)', path: () => '/settings/sessions', status: 200, signedIn: true },
  {
    name: 'account: export and delete (signed in)',
    path: () => '/settings/account',
    status: 200,
    signedIn: true,
  },
  { name: 'account deleted', path: () => '/account/deleted', status: 200 },
  {
    name: 'security settings (signed in)',
    path: () => '/settings/security',
    status: 200,
    signedIn: true,
  },
  {
    name: 'email settings (signed in)',
    path: () => '/settings/email',
    status: 200,
    signedIn: true,
  },
  {
    name: 'edit a reply (signed in as its author)',
    path: (k) => `/posts/${k.memberReplyId}/edit`,
    status: 200,
    signedIn: true,
  },
  {
    name: 'edit history of an edited reply',
    path: (k) => `/posts/${k.memberReplyId}/revisions`,
    status: 200,
  },
  { name: 'signature page (an errno)', path: (k) => k.signaturePath, status: 200 },
  { name: 'signature page (a crash and its sites)', path: (k) => k.crashPath, status: 200 },
  { name: 'background jobs (admin)', path: () => '/admin/jobs', status: 200, signedIn: 'admin' },
  { name: 'administration hub (admin)', path: () => '/admin', status: 200, signedIn: 'admin' },
  { name: 'tags admin (admin)', path: () => '/admin/tags', status: 200, signedIn: 'admin' },
  {
    name: "a tag's admin page (admin)",
    path: (k) => `/admin/tags/${k.tagSlug}`,
    status: 200,
    signedIn: 'admin',
  },
  { name: 'people (admin)', path: () => '/admin/people', status: 200, signedIn: 'admin' },
  { name: 'site settings (admin)', path: () => '/admin/settings', status: 200, signedIn: 'admin' },
  { name: 'sign-up blocks (admin)', path: () => '/admin/blocks', status: 200, signedIn: 'admin' },
  { name: 'staff log (admin)', path: () => '/admin/log', status: 200, signedIn: 'admin' },
  { name: 'API tokens (signed in)', path: () => '/settings/tokens', status: 200, signedIn: true },
  {
    name: 'interface language (signed in)',
    path: () => '/settings/language',
    status: 200,
    signedIn: true,
  },
  { name: 'API reference', path: () => '/api/docs', status: 200 },
  { name: 'webhooks (admin)', path: () => '/admin/webhooks', status: 200, signedIn: 'admin' },
  { name: 'not found (404)', path: () => '/no/such/page', status: 404 },
  { name: 'bad query parameter (400)', path: (k) => `/tags/${k.tagSlug}?page=abc`, status: 400 },
  {
    name: "not allowed (403): editing someone else's post",
    path: (k) => `/posts/${k.othersPostId}/edit`,
    status: 403,
    signedIn: true,
  },
]
