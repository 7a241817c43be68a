/**
 * /admin/people (moderators and admins): accounts found by username, email or an IP address their
 * sessions were seen from, with role, trust level, standing, when they joined and how much they post.
 * Each row links to the person's staff page, where staff act on the account.
 */
import type { PersonRow } from '../../domain/admin/index.js'
import { formatDate } from '../../domain/format/index.js'
import { AdminCrumb } from '../components/admin-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

/** A person's staff page (silence, suspend, role, trust level). */
export function staffPageHref(username: string): string {
  return `/u/${encodeURIComponent(username)}/staff`
}

export interface AdminPeoplePageProps {
  site: SiteContext
  query: string
  people: PersonRow[]
  /** The most rows shown: a full page says to narrow the search. */
  limit: number
}

function Standing({ person, now }: { person: PersonRow; now: number }) {
  const parts: string[] = []
  if (person.suspendedUntil !== null && person.suspendedUntil > now)
    parts.push(`suspended until ${formatDate(person.suspendedUntil)}`)
  if (person.silencedUntil !== null && person.silencedUntil > now)
    parts.push(`silenced until ${formatDate(person.silencedUntil)}`)
  return <>{parts.length === 0 ? 'in good standing' : parts.join(', ')}</>
}

export function AdminPeoplePage({ site, query, people, limit }: AdminPeoplePageProps) {
  return (
    <Layout site={site} meta={{ title: 'People', noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <h1>People</h1>
        <form class="admin-search" method="get" action="/admin/people" role="search">
          <label class="field-label" for="people-q">
            Username, email or IP address
          </label>
          <input
            id="people-q"
            type="search"
            name="q"
            value={query}
            maxLength={200}
            autocomplete="off"
            spellcheck={false}
          />
          <button class="button" type="submit">
            Search
          </button>
        </form>
        <p class="lede">
          {query === ''
            ? 'The newest accounts.'
            : people.length === 0
              ? `Nobody matches “${query}”.`
              : `Accounts matching “${query}”.`}
          {people.length === limit && ` Only the first ${limit} are shown: narrow the search.`}
        </p>
        {people.length > 0 && (
          <table class="thread-table admin-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Trust level</th>
                <th scope="col">Standing</th>
                <th scope="col">Joined</th>
                <th scope="col">Posts</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr>
                  <td>
                    <a href={staffPageHref(p.username)}>{p.username}</a>
                    {p.email !== null && <div class="admin-detail">{p.email}</div>}
                  </td>
                  <td>{p.role}</td>
                  <td>{p.trustLevel}</td>
                  <td>
                    <Standing person={p} now={site.now} />
                  </td>
                  <td>{formatDate(p.createdAt)}</td>
                  <td>{p.postCount}</td>
                  <td>
                    {p.lastSeenAt === null ? (
                      'never'
                    ) : (
                      <RelativeTime at={p.lastSeenAt} now={site.now} />
                    )}
                    {p.lastIp !== null && <div class="admin-detail">{p.lastIp}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Layout>
  )
}
