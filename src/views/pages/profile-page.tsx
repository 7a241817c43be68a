import { formatDate } from '../../domain/format/index.js'
import type { Paging, ThreadListItem } from '../../domain/thread-lists/index.js'
import type { Role, UploadedAvatarRef } from '../../domain/shared/index.js'
import type { ProfilePostItem } from '../../domain/users/index.js'
import { Avatar } from '../components/avatar.js'
import { exactCount } from '../components/count-noun.js'
import { RelativeTime } from '../components/relative-time.js'
import { Pagination } from '../components/pagination.js'
import { threadHref, ThreadTable } from '../components/thread-table.js'
import { userHref } from '../components/user-name.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ProfileView {
  username: string
  title: string | null
  role: Role
  joinedAt: number
  /** The uploaded avatar; absent or null: the generated one. */
  avatar?: UploadedAvatarRef | null
  counts: { threads: number; replies: number; boostsReceived: number; accepted: number }
}

/** The profile's tabs, each a page of its own (links, so they work without JavaScript). */
export type ProfileTabName = 'questions' | 'answers' | 'activity'

/** One of the person's posts in the Answers or Activity tab (as the profile query reads it). */
export type ProfilePostView = ProfilePostItem

export interface ProfilePageProps {
  site: SiteContext
  profile: ProfileView
  /** Which tab is open; Questions unless said. */
  tab?: ProfileTabName
  /** The Questions tab's rows. */
  threads?: ThreadListItem[]
  /** The Answers or Activity tab's rows. */
  posts?: ProfilePostView[]
  paging: Paging
}

const TABS: { name: ProfileTabName; label: string }[] = [
  { name: 'questions', label: 'Questions' },
  { name: 'answers', label: 'Answers' },
  { name: 'activity', label: 'Activity' },
]

const ROLE_LABELS: Record<Role, string | null> = {
  member: null,
  moderator: 'Moderator',
  admin: 'Administrator',
}

/**
 * A page of a profile tab: `/users/NAME` (questions), `/users/NAME/answers`, `/users/NAME/activity`,
 * then `?page=N`.
 * @example profilePageHref('ada_fs', 2) // "/users/ada_fs?page=2"
 * @example profilePageHref('ada_fs', 1, 'answers') // "/users/ada_fs/answers"
 */
export function profilePageHref(
  username: string,
  page: number,
  tab: ProfileTabName = 'questions',
): string {
  const base = tab === 'questions' ? userHref(username) : `${userHref(username)}/${tab}`
  return page > 1 ? `${base}?page=${page}` : base
}

/** The counts, each linking to the tab that lists what it counts (boosts have no list). */
function Counts({ username, counts }: { username: string; counts: ProfileView['counts'] }) {
  const items: [string, number, ProfileTabName | null][] = [
    ['Threads', counts.threads, 'questions'],
    ['Replies', counts.replies, 'answers'],
    ['Boosts received', counts.boostsReceived, null],
    ['Accepted answers', counts.accepted, 'answers'],
  ]
  return (
    <dl class="profile-counts">
      {items.map(([label, n, tab]) => (
        <div key={label} class="profile-count">
          <dt>{label}</dt>
          <dd>
            {tab === null ? (
              exactCount(n)
            ) : (
              <a href={profilePageHref(username, 1, tab)}>
                {exactCount(n)}
                <span class="visually-hidden"> (show them)</span>
              </a>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function Tabs({ username, current }: { username: string; current: ProfileTabName }) {
  return (
    <nav class="profile-tabs" aria-label={`${username}’s posts`}>
      <ul>
        {TABS.map(({ name, label }) => (
          <li key={name}>
            <a
              href={profilePageHref(username, 1, name)}
              aria-current={name === current ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

const KIND_LABELS = { question: 'Asked', reply: 'Answered', comment: 'Commented on' } as const

/** A tab's list of posts: what, where (linking to the post itself), when, and how it was received. */
function PostList({ posts, now }: { posts: ProfilePostView[]; now: number }) {
  return (
    <ol class="profile-posts">
      {posts.map((post) => {
        const anchor = post.kind === 'comment' ? `comment-${post.id}` : `post-${post.id}`
        return (
          <li key={post.id} class={post.accepted ? 'profile-post is-accepted' : 'profile-post'}>
            <p class="profile-post-head">
              <span class="muted">{KIND_LABELS[post.kind]}</span>{' '}
              <a href={`${threadHref({ id: post.threadId, slug: post.threadSlug })}#${anchor}`}>
                <bdi>{post.threadTitle}</bdi>
              </a>{' '}
              {post.accepted && <span class="badge badge-solved">✓ Accepted</span>}
            </p>
            <p class="profile-post-excerpt">{post.excerpt}</p>
            <p class="profile-post-meta muted">
              <RelativeTime at={post.createdAt} now={now} />
              {post.boostCount > 0 && (
                <>
                  {' · '}
                  {post.boostCount === 1 ? '1 boost' : `${exactCount(post.boostCount)} boosts`}
                </>
              )}
            </p>
          </li>
        )
      })}
    </ol>
  )
}

const EMPTY: Record<ProfileTabName, string> = {
  questions: 'has not started a thread yet.',
  answers: 'has not answered a question yet.',
  activity: 'has not posted yet.',
}

/**
 * A person's profile: avatar, name, staff title, join date, counts linking to the tabs, and one tab:
 * their threads in the tag-page table, their answers (the accepted ones marked) or all their posts.
 */
export function ProfilePage({
  site,
  profile,
  tab = 'questions',
  threads = [],
  posts = [],
  paging,
}: ProfilePageProps) {
  const { username } = profile
  const role = ROLE_LABELS[profile.role]
  const tabLabel = TABS.find((t) => t.name === tab)?.label ?? 'Questions'
  const caption = `Threads by ${username}`
  const title = tab === 'questions' ? username : `${username}: ${tabLabel}`
  const rows = tab === 'questions' ? threads.length : posts.length
  return (
    <Layout
      site={site}
      meta={{
        title: paging.page > 1 ? `${title} (page ${paging.page})` : title,
        description: `${username} on ${site.name}: threads, replies and accepted answers.`,
        canonicalPath: profilePageHref(username, paging.page, tab),
      }}
    >
      <header class="page-header profile-header">
        <h1 class="profile-name">
          <Avatar user={{ username, title: null, avatar: profile.avatar ?? null }} size={64} />
          {username}
          {profile.title !== null && profile.title !== '' && (
            <>
              {' '}
              <span class="staff-title">{profile.title}</span>
            </>
          )}
        </h1>
        <p class="profile-meta">
          {role !== null && (
            <>
              <span class="badge badge-role">{role}</span>{' '}
            </>
          )}
          Joined{' '}
          <time datetime={new Date(profile.joinedAt).toISOString()}>
            {formatDate(profile.joinedAt)}
          </time>
        </p>
        <Counts username={username} counts={profile.counts} />
        {site.viewer !== null && site.viewer.role !== 'member' && (
          <p>
            <a href={`/u/${encodeURIComponent(username)}/staff`}>Staff page</a>
          </p>
        )}
      </header>
      <Tabs username={username} current={tab} />
      <section aria-labelledby="profile-tab-heading">
        <h2 id="profile-tab-heading">
          {tab === 'questions' ? 'Threads' : tabLabel}
          {paging.pageCount > 1 && (
            <span class="muted">
              {' '}
              (page {paging.page} of {paging.pageCount})
            </span>
          )}
        </h2>
        {rows === 0 ? (
          <p class="empty-state">
            {username} {EMPTY[tab]}
          </p>
        ) : (
          <>
            {tab === 'questions' ? (
              <ThreadTable
                threads={threads}
                now={site.now}
                caption={
                  paging.pageCount > 1
                    ? `${caption}, page ${paging.page} of ${paging.pageCount}`
                    : caption
                }
              />
            ) : (
              <PostList posts={posts} now={site.now} />
            )}
            <Pagination paging={paging} href={(page) => profilePageHref(username, page, tab)} />
          </>
        )}
      </section>
    </Layout>
  )
}
