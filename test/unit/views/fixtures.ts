/** Small view models for rendering pages in unit tests. Content is written for Quorum, in the seed's spirit. */
import type { TagSummary } from '../../../src/domain/tags/tags.types.js'
import type {
  PostControls,
  ThreadPageData,
  ThreadViewerState,
} from '../../../src/domain/threads/index.js'
import type { AttachmentView, PostView } from '../../../src/domain/posts/index.js'
import type {
  ListingOptions,
  Paging,
  ThreadListItem,
} from '../../../src/domain/thread-lists/index.js'
import type { SiteContext } from '../../../src/views/site.js'

export const NOW = Date.UTC(2025, 10, 20, 12, 0)
const HOUR = 3_600_000
const DAY = 24 * HOUR

export function makeSite(overrides: Partial<SiteContext> = {}): SiteContext {
  return {
    name: 'Quorum',
    baseUrl: 'https://quorum.example',
    assets: { css: '/assets/quorum.3f2a.css', js: '/assets/main.91bc.js' },
    viewer: null,
    now: NOW,
    csrfToken: null,
    ...overrides,
  }
}

export const kernelTag: TagSummary = {
  id: 1,
  slug: 'kernel',
  name: 'Kernel',
  description: 'Kernel extensions, VFS, zones, locking and panics.',
  threadCount: 45,
}

export const driverKitTag: TagSummary = {
  id: 2,
  slug: 'driverkit',
  name: 'DriverKit',
  description: 'Drivers that run in user space.',
  threadCount: 1,
}

export function makeThreadItem(overrides: Partial<ThreadListItem> = {}): ThreadListItem {
  return {
    id: 101,
    title: 'vnop_open never sees the new hard link after vnode_setmultipath',
    slug: 'vnop-open-never-sees-the-new-hard-link',
    excerpt:
      'My file system creates the link in vnop_link, but open(2) fails with ENOENT for a few seconds…',
    author: { username: 'ada_fs', title: null },
    replyCount: 3,
    boostCount: 0,
    viewCount: 1849,
    createdAt: NOW - 20 * DAY,
    lastActivityAt: NOW - 8 * HOUR,
    solved: false,
    pinned: false,
    locked: false,
    tags: [{ slug: 'kernel', name: 'Kernel' }],
    ...overrides,
  }
}

export const defaultListing: ListingOptions = {
  sortBy: 'activity',
  sortOrder: 'desc',
  filter: 'all',
}

export function makePaging(overrides: Partial<Paging> = {}): Paging {
  return { page: 1, pageCount: 3, total: 45, pageSize: 20, ...overrides }
}

export function makeAttachment(overrides: Partial<AttachmentView> = {}): AttachmentView {
  return {
    id: 'att1',
    fileName: 'udp_probe.c',
    contentType: 'text/x-c',
    size: 12_697,
    url: '/attachments/att1/udp_probe.c',
    previewHtml:
      '<span class="hljs-keyword">int</span> main(<span class="hljs-type">void</span>) { <span class="hljs-keyword">return</span> <span class="hljs-number">0</span>; }',
    lineCount: 12,
    ...overrides,
  }
}

export function makePost(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 501,
    author: { username: 'ada_fs', title: null },
    createdAt: NOW - 3 * DAY,
    editedAt: null,
    bodyHtml: '<p>The panic string says <code>zone element modified after free</code>.</p>',
    boostCount: 2,
    accepted: false,
    recommended: false,
    deleted: false,
    authorId: 7,
    hidden: null,
    attachments: [],
    comments: [],
    ...overrides,
  }
}

export function makeThreadPageData(overrides: Partial<ThreadPageData> = {}): ThreadPageData {
  return {
    thread: {
      id: 101,
      title: 'vnop_open never sees the new hard link after vnode_setmultipath',
      slug: 'vnop-open-never-sees-the-new-hard-link',
      tags: [{ slug: 'kernel', name: 'Kernel' }],
      author: { username: 'ada_fs', title: null },
      createdAt: NOW - 3 * DAY,
      lastActivityAt: NOW - 2 * HOUR,
      replyCount: 2,
      boostCount: 4,
      viewCount: 1849,
      locked: false,
      pinned: false,
      deleted: false,
      duplicateOf: null,
      solved: true,
      acceptedPostId: 503,
      authorId: 7,
      hiddenReason: null,
    },
    question: makePost({ attachments: [makeAttachment()] }),
    replies: [
      makePost({
        id: 503,
        author: { username: 'quinn_dts', title: 'DTS Engineer' },
        accepted: true,
        recommended: true,
        editedAt: NOW - DAY,
        bodyHtml: '<p>Purge the name cache on the <em>source</em> directory as well.</p>',
        comments: [
          {
            id: 9,
            author: { username: 'ada_fs', title: null },
            createdAt: NOW - HOUR,
            bodyHtml: '<p>That fixed it, thanks.</p>',
            authorId: 7,
            hidden: null,
          },
        ],
      }),
      makePost({ id: 502, deleted: true }),
    ],
    ...overrides,
  }
}

/** Counts occurrences of a pattern in rendered HTML. */
export function count(html: string, pattern: RegExp): number {
  return (
    html.match(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'),
    ) ?? []
  ).length
}

/** Controls with every flag off; tests turn on what they are about. */
export function makeControls(overrides: Partial<PostControls> = {}): PostControls {
  return {
    boosted: false,
    canBoost: false,
    canEdit: false,
    canDelete: false,
    canRestore: false,
    canFlag: false,
    canModerate: false,
    canAccept: false,
    canRecommend: false,
    canComment: false,
    ...overrides,
  }
}

/** Every control on, for pages that must show all markup at once. */
export const ALL_CONTROLS: PostControls = makeControls({
  boosted: true,
  canBoost: true,
  canEdit: true,
  canDelete: true,
  canRestore: true,
  canAccept: true,
  canRecommend: true,
  canComment: true,
})

/** The same controls for the question and every reply of `makeThreadPageData()`. */
export function makeViewerState(
  controls: PostControls,
  overrides: Partial<ThreadViewerState> = {},
): ThreadViewerState {
  return { controls: { 501: controls, 502: controls, 503: controls }, canReply: true, ...overrides }
}

export const member = { username: 'ada_fs', title: null, role: 'member' as const }

/** A signed-in member with a CSRF token, as every form page is rendered. */
export function signedInSite(overrides: Partial<SiteContext> = {}): SiteContext {
  return makeSite({ viewer: member, csrfToken: 'tok-123', ...overrides })
}

/** Every `<form ...>...</form>` in the HTML whose method is post. */
export function postForms(html: string): string[] {
  return [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .filter((f) => /^<form\b[^>]*\smethod="post"/.test(f))
}

/** The one POST form with this action; throws when there is none or more than one. */
export function formFor(html: string, action: string): string {
  const found = postForms(html).filter((f) => f.includes(` action="${action}"`))
  if (found.length !== 1) throw new Error(`${found.length} forms post to ${action}`)
  return found[0]!
}
