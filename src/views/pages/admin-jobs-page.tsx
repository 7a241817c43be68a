/**
 * /admin/jobs (admins): how many background jobs are in each state, and the dead and waiting ones with
 * their last error, each dead one with a button that runs it again. `quorum jobs` shows the same.
 */
import type { JobState, JobSummary } from '../../domain/jobs/index.js'
import { msg, t, tx } from '../../i18n/index.js'
import { CsrfField } from '../components/form-fields.js'
import { RelativeTime } from '../components/relative-time.js'
import { AdminCrumb } from '../components/admin-fields.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface AdminJobsPageProps {
  site: SiteContext
  counts: Record<JobState, number>
  /** Dead jobs, newest first. */
  dead: JobSummary[]
  /** Pending jobs (waiting for their first run or a retry), newest first. */
  pending: JobSummary[]
  /** How mail leaves (the SMTP server's host, or the outbox folder) and the mail jobs by state. */
  mail: { transport: { kind: 'smtp' | 'outbox'; where: string }; counts: Record<JobState, number> }
}

const STATE_LABELS: Record<JobState, string> = {
  pending: msg('Waiting'),
  running: msg('Running'),
  done: msg('Done (last 7 days)'),
  dead: msg('Dead'),
}

export function AdminJobsPage({ site, counts, dead, pending, mail }: AdminJobsPageProps) {
  return (
    <Layout site={site} meta={{ title: t('Background jobs'), noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <h1>{t('Background jobs')}</h1>
        <p class="lede">
          {t(
            'Mail and other work that leaves a request. A job that fails is retried with a growing wait; after its last attempt it is dead until someone runs it again.',
          )}
        </p>
        <dl class="job-counts">
          {(Object.keys(STATE_LABELS) as JobState[]).map((state) => (
            <div>
              <dt>{t(STATE_LABELS[state])}</dt>
              <dd>{counts[state]}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="mail-status">
          <h2 id="mail-status">{t('Mail')}</h2>
          <p class="mail-transport">
            {mail.transport.kind === 'smtp'
              ? tx('Sent over SMTP through {where}.', {
                  where: <code>{mail.transport.where}</code>,
                })
              : tx(
                  'No SMTP server is set (SMTP_URL): each message is written as an .eml file to {where}.',
                  { where: <code>{mail.transport.where}</code> },
                )}
          </p>
          <dl class="job-counts mail-counts">
            <div>
              <dt>{t('Mail waiting')}</dt>
              <dd>{mail.counts.pending + mail.counts.running}</dd>
            </div>
            <div>
              <dt>{t('Mail dead')}</dt>
              <dd>{mail.counts.dead}</dd>
            </div>
          </dl>
        </section>
        <JobTable
          id="dead-jobs"
          title={t('Dead jobs')}
          empty={t('No job is dead.')}
          jobs={dead}
          now={site.now}
          retry={site.csrfToken}
        />
        <JobTable
          id="waiting"
          title={t('Waiting')}
          empty={t('Nothing is waiting.')}
          jobs={pending}
          now={site.now}
        />
      </div>
    </Layout>
  )
}

function JobTable(props: {
  /** The heading's id: fixed, so it does not change with the page's language. */
  id: string
  title: string
  empty: string
  jobs: JobSummary[]
  now: number
  /** The CSRF token, for the retry buttons of dead jobs. */
  retry?: string | null
}) {
  const { id } = props
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.jobs.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table class="thread-table">
          <thead>
            <tr>
              <th scope="col">{t('Job')}</th>
              <th scope="col">{t('Attempts')}</th>
              <th scope="col">{t('Last error')}</th>
              <th scope="col">{t('Since')}</th>
              {props.retry !== undefined && <th scope="col">{t('Action')}</th>}
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((job) => (
              <tr>
                <td>
                  <code>{job.kind}</code> #{job.id}
                </td>
                <td>
                  {t('{attempts, number} of {max, number}', {
                    attempts: job.attempts,
                    max: job.maxAttempts,
                  })}
                </td>
                <td>{job.lastError ?? '—'}</td>
                <td>
                  <RelativeTime at={job.finishedAt ?? job.runAfter} now={props.now} />
                </td>
                {props.retry !== undefined && (
                  <td>
                    <form method="post" action={`/admin/jobs/${job.id}/retry`}>
                      <CsrfField token={props.retry} />
                      <button class="button button-quiet" type="submit">
                        {t('Run again')}
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
