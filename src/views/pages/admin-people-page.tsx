/**
 * /admin/people (moderators and admins): accounts found by username, email or an IP address their
 * sessions were seen from, with role, trust level, standing, when they joined and how much they post.
 * Each row links to the person's staff page, where staff act on the account.
 */
import type { PersonRow } from '../../domain/admin/index.js'
import type { Role, TrustLevel } from '../../domain/shared/index.js'
import { date, msg, t } from '../../i18n/index.js'
import { AdminCrumb } from '../components/admin-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

/** A person's staff page (silence, suspend, role, trust level). */
export function staffPageHref(username: string): string {
  return `/u/${encodeURIComponent(username)}/staff`
}

/** The words for roles and trust levels, as staff pages show them. */
const ROLE_LABELS: Readonly<Record<Role, string>> = {
  member: msg('member'),
  moderator: msg('moderator'),
  admin: msg('admin'),
}
export const TRUST_LABELS: Readonly<Record<TrustLevel, string>> = {
  new: msg('new'),
  member: msg('member'),
  trusted: msg('trusted'),
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
    parts.push(t('suspended until {date}', { date: date(person.suspendedUntil) }))
  if (person.silencedUntil !== null && person.silencedUntil > now)
    parts.push(t('silenced until {date}', { date: date(person.silencedUntil) }))
  return <>{parts.length === 0 ? t('in good standing') : parts.join(', ')}</>
}

export function AdminPeoplePage({ site, query, people, limit }: AdminPeoplePageProps) {
  return (
    <Layout site={site} meta={{ title: t('People'), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <h1>{t('People')}</h1>
        <form class="admin-search" method="get" action="/admin/people" role="search">
          <label class="field-label" for="people-q">
            {t('Username, email or IP address')}
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
            {t('Search')}
          </button>
        </form>
        <p class="lede">
          {query === ''
            ? t('The newest accounts.')
            : people.length === 0
              ? t('Nobody matches “{query}”.', { query })
              : t('Accounts matching “{query}”.', { query })}
          {people.length === limit &&
            ` ${t('Only the first {limit, number} are shown: narrow the search.', { limit })}`}
        </p>
        {people.length > 0 && (
          <table class="thread-table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('Person')}</th>
                <th scope="col">{t('Role')}</th>
                <th scope="col">{t('Trust level')}</th>
                <th scope="col">{t('Standing')}</th>
                <th scope="col">{t('Joined')}</th>
                <th scope="col">{t('Posts')}</th>
                <th scope="col">{t('Last seen')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr>
                  <td>
                    <a href={staffPageHref(p.username)}>{p.username}</a>
                    {p.email !== null && <div class="admin-detail">{p.email}</div>}
                  </td>
                  <td>{t(ROLE_LABELS[p.role])}</td>
                  <td>{t(TRUST_LABELS[p.trustLevel])}</td>
                  <td>
                    <Standing person={p} now={site.now} />
                  </td>
                  <td>{date(p.createdAt)}</td>
                  <td>{p.postCount}</td>
                  <td>
                    {p.lastSeenAt === null ? (
                      t('never')
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
