import { formatDate } from '../../domain/format/index.js'
import type { Paging, ThreadListItem } from '../../domain/thread-lists/index.js'
import type { Role } from '../../domain/shared/index.js'
import { exactCount } from '../components/count-noun.js'
import { Pagination } from '../components/pagination.js'
import { ThreadTable } from '../components/thread-table.js'
import { userHref } from '../components/user-name.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface ProfileView {
  username: string
  title: string | null
  role: Role
  joinedAt: number
  counts: { threads: number; replies: number; boostsReceived: number; accepted: number }
}

export interface ProfilePageProps {
  site: SiteContext
  profile: ProfileView
  threads: ThreadListItem[]
  paging: Paging
}

const ROLE_LABELS: Record<Role, string | null> = {
  member: null,
  moderator: 'Moderator',
  admin: 'Administrator',
}

/**
 * A page of a person's threads: `/users/NAME`, then `?page=N`.
 * @example profilePageHref('ada_fs', 2) // "/users/ada_fs?page=2"
 */
export function profilePageHref(username: string, page: number): string {
  return page > 1 ? `${userHref(username)}?page=${page}` : userHref(username)
}

function Counts({ counts }: { counts: ProfileView['counts'] }) {
  const items: [string, number][] = [
    ['Threads', counts.threads],
    ['Replies', counts.replies],
    ['Boosts received', counts.boostsReceived],
    ['Accepted answers', counts.accepted],
  ]
  return (
    <dl class="profile-counts">
      {items.map(([label, n]) => (
        <div key={label} class="profile-count">
          <dt>{label}</dt>
          <dd>{exactCount(n)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A person's profile: name, staff title, join date, counts, and their threads in the tag-page table. */
export function ProfilePage({ site, profile, threads, paging }: ProfilePageProps) {
  const { username } = profile
  const role = ROLE_LABELS[profile.role]
  const caption = `Threads by ${username}`
  return (
    <Layout
      site={site}
      meta={{
        title: paging.page > 1 ? `${username} (page ${paging.page})` : username,
        description: `${username} on ${site.name}: threads, replies and accepted answers.`,
        canonicalPath: profilePageHref(username, paging.page),
      }}
    >
      <header class="page-header profile-header">
        <h1 class="profile-name">
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
        <Counts counts={profile.counts} />
        {site.viewer !== null && site.viewer.role !== 'member' && (
          <p>
            <a href={`/u/${encodeURIComponent(username)}/staff`}>Staff page</a>
          </p>
        )}
      </header>
      <section aria-labelledby="profile-threads">
        <h2 id="profile-threads">Threads</h2>
        {threads.length === 0 ? (
          <p class="empty-state">{username} has not started a thread yet.</p>
        ) : (
          <>
            <ThreadTable
              threads={threads}
              now={site.now}
              caption={
                paging.pageCount > 1
                  ? `${caption}, page ${paging.page} of ${paging.pageCount}`
                  : caption
              }
            />
            <Pagination paging={paging} href={(page) => profilePageHref(username, page)} />
          </>
        )}
      </section>
    </Layout>
  )
}
