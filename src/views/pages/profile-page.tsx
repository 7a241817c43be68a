import { date, msg, number, t, tx } from '../../i18n/index.js'
import type { Paging, ThreadListItem } from '../../domain/thread-lists/index.js'
import type { Role, UploadedAvatarRef } from '../../domain/shared/index.js'
import type { ProfilePostItem } from '../../domain/users/index.js'
import { Avatar } from '../components/avatar.js'
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
  { name: 'questions', label: msg('Questions') },
  { name: 'answers', label: msg('Answers') },
  { name: 'activity', label: msg('Activity') },
]

const ROLE_LABELS: Record<Role, string | null> = {
  member: null,
  moderator: msg('Moderator'),
  admin: msg('Administrator'),
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
    [msg('Threads'), counts.threads, 'questions'],
    [msg('Replies'), counts.replies, 'answers'],
    [msg('Boosts received'), counts.boostsReceived, null],
    [msg('Accepted answers'), counts.accepted, 'answers'],
  ]
  return (
    <dl class="profile-counts">
      {items.map(([label, n, tab]) => (
        <div key={label} class="profile-count">
          <dt>{t(label)}</dt>
          <dd>
            {tab === null ? (
              number(n)
            ) : (
              <a href={profilePageHref(username, 1, tab)}>
                {number(n)}
                <span class="visually-hidden"> {t('(show them)')}</span>
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
    <nav class="profile-tabs" aria-label={t('{username}’s posts', { username })}>
      <ul>
        {TABS.map(({ name, label }) => (
          <li key={name}>
            <a
              href={profilePageHref(username, 1, name)}
              aria-current={name === current ? 'page' : undefined}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

const KIND_LABELS = {
  question: msg('Asked'),
  reply: msg('Answered'),
  comment: msg('Commented on'),
} as const

/** A tab's list of posts: what, where (linking to the post itself), when, and how it was received. */
function PostList({ posts, now }: { posts: ProfilePostView[]; now: number }) {
  return (
    <ol class="profile-posts">
      {posts.map((post) => {
        const anchor = post.kind === 'comment' ? `comment-${post.id}` : `post-${post.id}`
        return (
          <li key={post.id} class={post.accepted ? 'profile-post is-accepted' : 'profile-post'}>
            <p class="profile-post-head">
              <span class="muted">{t(KIND_LABELS[post.kind])}</span>{' '}
              <a href={`${threadHref({ id: post.threadId, slug: post.threadSlug })}#${anchor}`}>
                <bdi>{post.threadTitle}</bdi>
              </a>{' '}
              {post.accepted && <span class="badge badge-solved">{t('✓ Accepted')}</span>}
            </p>
            <p class="profile-post-excerpt">{post.excerpt}</p>
            <p class="profile-post-meta muted">
              <RelativeTime at={post.createdAt} now={now} />
              {post.boostCount > 0 && (
                <>
                  {' · '}
                  {t('{count, plural, one {# boost} other {# boosts}}', { count: post.boostCount })}
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
  questions: msg('{username} has not started a thread yet.'),
  answers: msg('{username} has not answered a question yet.'),
  activity: msg('{username} has not posted yet.'),
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
  const tabLabel = t(TABS.find((item) => item.name === tab)?.label ?? 'Questions')
  const caption = t('Threads by {username}', { username })
  const title = tab === 'questions' ? username : t('{username}: {tab}', { username, tab: tabLabel })
  const rows = tab === 'questions' ? threads.length : posts.length
  return (
    <Layout
      site={site}
      meta={{
        title:
          paging.page > 1
            ? t('{heading} (page {page, number})', { heading: title, page: paging.page })
            : title,
        description: t('{username} on {site}: threads, replies and accepted answers.', {
          username,
          site: site.name,
        }),
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
              <span class="badge badge-role">{t(role)}</span>{' '}
            </>
          )}
          {tx('Joined <time>{date}</time>', {
            date: date(profile.joinedAt),
            time: (chunks) => (
              <time datetime={new Date(profile.joinedAt).toISOString()}>{chunks}</time>
            ),
          })}
        </p>
        <Counts username={username} counts={profile.counts} />
        {site.viewer !== null && site.viewer.role !== 'member' && (
          <p>
            <a href={`/u/${encodeURIComponent(username)}/staff`}>{t('Staff page')}</a>
          </p>
        )}
      </header>
      <Tabs username={username} current={tab} />
      <section aria-labelledby="profile-tab-heading">
        <h2 id="profile-tab-heading">
          {tab === 'questions' ? t('Threads') : tabLabel}
          {paging.pageCount > 1 && (
            <span class="muted">
              {' '}
              {t('(page {page, number} of {pages, number})', {
                page: paging.page,
                pages: paging.pageCount,
              })}
            </span>
          )}
        </h2>
        {rows === 0 ? (
          <p class="empty-state">{t(EMPTY[tab], { username })}</p>
        ) : (
          <>
            {tab === 'questions' ? (
              <ThreadTable
                threads={threads}
                now={site.now}
                caption={
                  paging.pageCount > 1
                    ? t('{heading}, page {page, number} of {pages, number}', {
                        heading: caption,
                        page: paging.page,
                        pages: paging.pageCount,
                      })
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
