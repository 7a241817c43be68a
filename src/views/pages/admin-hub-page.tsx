/**
 * /admin (moderators and admins): every staff section with the number that says whether it needs
 * attention. Moderators see the sections open to them; admins see all.
 */
import { t } from '../../i18n/index.js'
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
      title: t('Review queue'),
      what: t('Flagged posts and posts waiting for approval.'),
      count: t('{count, number} pending', { count: counts.pendingReview }),
      adminOnly: false,
    },
    {
      href: '/admin/people',
      title: t('People'),
      what: t('Find an account by username, email or IP address.'),
      count: t('{count, plural, one {# account} other {# accounts}}', { count: counts.people }),
      adminOnly: false,
    },
    {
      href: '/admin/invites',
      title: t('Invitations'),
      what: t('Invite people to register, and revoke invitations not yet used.'),
      adminOnly: false,
    },
    {
      href: '/admin/log',
      title: t('Staff log'),
      what: t('Every staff and automatic moderation action, newest first.'),
      adminOnly: false,
    },
    {
      href: '/admin/tags',
      title: t('Tags'),
      what: t('Create, rename, describe, merge and delete tags.'),
      count: t('{count, plural, one {# tag} other {# tags}}', { count: counts.tags }),
      adminOnly: true,
    },
    {
      href: '/admin/settings',
      title: t('Site settings'),
      what: t('The site name and description, registration and the limits on new accounts.'),
      adminOnly: true,
    },
    {
      href: '/admin/blocks',
      title: t('Sign-up blocks'),
      what: t('Email addresses, domains and IP ranges that cannot register.'),
      adminOnly: true,
    },
    {
      href: '/admin/jobs',
      title: t('Background jobs and mail'),
      what: t('Mail and other work that runs outside requests; how mail is sent.'),
      count: t('{count, number} dead', { count: counts.deadJobs }),
      adminOnly: true,
    },
    {
      href: '/admin/webhooks',
      title: t('Webhooks'),
      what: t('Endpoints told of new posts and other events, and their deliveries.'),
      adminOnly: true,
    },
  ]
  return (
    <Layout site={site} meta={{ title: t('Administration'), noindex: true }}>
      <div class="form-page form-page-wide">
        <h1>{t('Administration')}</h1>
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
            {redis.startsWith('connected')
              ? t('Redis: {state}', { state: redis })
              : t(
                  'Redis: {state} (rate limits and sign-in attempts are counted per process until it is back)',
                  { state: redis },
                )}
          </p>
        )}
        {replicas !== null && (
          <p class="admin-status" data-replicas={replicas.ok ? 'up' : 'down'}>
            {replicas.ok
              ? t('Read replicas: {state}', { state: replicas.detail })
              : t('Read replicas: {state} (reads go to the primary until they are back)', {
                  state: replicas.detail,
                })}
          </p>
        )}
      </div>
    </Layout>
  )
}
