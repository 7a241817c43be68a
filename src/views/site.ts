/** What every page knows about the site and the request, prepared by the route (views do no I/O). */
import type { Role } from '../domain/shared/index.js'

export interface Viewer {
  username: string
  /** Staff title shown beside the name, such as "DTS Engineer"; null for most members. */
  title: string | null
  role: Role
  /** Silenced until then (epoch ms); the banner with the reason is `silenceNotice`. */
  silencedUntil?: number | null
}

export type SiteContext = {
  name: string
  /** The site description staff set (/admin/settings): the meta description of pages without their own. */
  description?: string
  /** Absolute origin without a trailing slash, such as "https://quorum.example"; used for canonical and og:url. */
  baseUrl: string
  /** `passkeys`: the passkey script, loaded only by the pages that use it. */
  assets: { css: string; js: string | null; passkeys?: string | null }
  viewer: Viewer | null
  /** The path and query of the request (`/tags/kernel?page=2`): where the footer's language links return to. */
  path?: string
  /** The request time (epoch ms) that relative ages are computed against, so a render is deterministic. */
  now: number
  csrfToken: string | null
  /**
   * The signed-in member has not confirmed their address: `required` when that keeps them from posting
   * (REQUIRE_EMAIL_VERIFICATION), `reminder` when it does not. Absent or null: no banner.
   */
  emailNotice?: 'required' | 'reminder' | null
  /** The signed-in viewer's unread notifications (the bell); absent on anonymous pages. */
  unreadNotifications?: number | null
  /** Staff: posts waiting at /review, for the header's "Review (3)"; absent for everyone else. */
  pendingReview?: number | null
  /** A silenced viewer: until when and why they cannot post (shown as a banner on every page). */
  silenceNotice?: string | null
}

export type PageMeta = {
  /** The page's own title; empty (or the site name) on the home page, where the document title is just the site name. */
  title: string
  description?: string
  /** Path beginning with "/", joined to `site.baseUrl` for the canonical link and og:url. */
  canonicalPath?: string
  feed?: { title: string; href: string }
  noindex?: boolean
  ogType?: 'website' | 'article'
}
