/**
 * /admin (moderators and admins): every staff section with the number that says whether it needs
 * attention. Moderators see the sections open to them; admins see all.
 */
import { countNoun } from '../components/count-noun.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface AdminHubPageProps {
  site: SiteContext
  counts: { pendingReview: number; deadJobs: number; people: number; tags: number }
  /** The shared Redis's state (`connected`, `unreachable since …`), or null when none is set up. */
  redis: string | null
  /** The read replicas in one line and whether all are up, or null when none is set up. */
  replicas: { ok: boolean; detail: string } | null
}

interface Section {
  href: string
  title: string
  what: string
  count?: string
  adminOnly: boolean
}

export function AdminHubPage({ site, counts, redis, replicas }: AdminHubPageProps) {
  const admin = site.viewer?.role === 'admin'
  const sections: Section[] = [
    {
      href: '/review',
      title: 'Review queue',
      what: 'Flagged posts and posts waiting for approval.',
      count: `${counts.pendingReview} pending`,
      adminOnly: false,
    },
    {
      href: '/admin/people',
      title: 'People',
      what: 'Find an account by username, email or IP address.',
      count: countNoun(counts.people, 'account'),
      adminOnly: false,
    },
    {
      href: '/admin/invites',
      title: 'Invitations',
      what: 'Invite people to register, and revoke invitations not yet used.',
      adminOnly: false,
    },
    {
      href: '/admin/log',
      title: 'Staff log',
      what: 'Every staff and automatic moderation action, newest first.',
      adminOnly: false,
    },
    {
      href: '/admin/tags',
      title: 'Tags',
      what: 'Create, rename, describe, merge and delete tags.',
      count: countNoun(counts.tags, 'tag'),
      adminOnly: true,
    },
    {
      href: '/admin/settings',
      title: 'Site settings',
      what: 'The site name and description, registration and the limits on new accounts.',
      adminOnly: true,
    },
    {
      href: '/admin/blocks',
      title: 'Sign-up blocks',
      what: 'Email addresses, domains and IP ranges that cannot register.',
      adminOnly: true,
    },
    {
      href: '/admin/jobs',
      title: 'Background jobs and mail',
      what: 'Mail and other work that runs outside requests; how mail is sent.',
      count: `${counts.deadJobs} dead`,
      adminOnly: true,
    },
    {
      href: '/admin/webhooks',
      title: 'Webhooks',
      what: 'Endpoints told of new posts and other events, and their deliveries.',
      adminOnly: true,
    },
  ]
  return (
    <Layout site={site} meta={{ title: 'Administration', noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>Administration</h1>
        <ul class="admin-sections">
          {sections
            .filter((s) => admin || !s.adminOnly)
            .map((s) => (
              <li>
                <h2>
                  <a href={s.href}>{s.title}</a>
                </h2>
                <p>{s.what}</p>
                {s.count !== undefined && <p class="admin-count">{s.count}</p>}
              </li>
            ))}
        </ul>
        {redis !== null && (
          <p class="admin-status" data-redis={redis.startsWith('connected') ? 'up' : 'down'}>
            Redis: {redis}
            {redis.startsWith('connected')
              ? ''
              : ' (rate limits and sign-in attempts are counted per process until it is back)'}
          </p>
        )}
        {replicas !== null && (
          <p class="admin-status" data-replicas={replicas.ok ? 'up' : 'down'}>
            Read replicas: {replicas.detail}
            {replicas.ok ? '' : ' (reads go to the primary until they are back)'}
          </p>
        )}
      </div>
    </Layout>
  )
}
