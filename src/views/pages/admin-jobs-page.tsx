/**
 * /admin/jobs (admins): how many background jobs are in each state, and the dead and waiting ones with
 * their last error, each dead one with a button that runs it again. `quorum jobs` shows the same.
 */
import type { JobState, JobSummary } from '../../domain/jobs/index.js'
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
  pending: 'Waiting',
  running: 'Running',
  done: 'Done (last 7 days)',
  dead: 'Dead',
}

export function AdminJobsPage({ site, counts, dead, pending, mail }: AdminJobsPageProps) {
  return (
    <Layout site={site} meta={{ title: 'Background jobs', noindex: true }}>
      <div class="form-page form-page-wide">
        <AdminCrumb />
        <h1>Background jobs</h1>
        <p class="lede">
          Mail and other work that leaves a request. A job that fails is retried with a growing
          wait; after its last attempt it is dead until someone runs it again.
        </p>
        <dl class="job-counts">
          {(Object.keys(STATE_LABELS) as JobState[]).map((state) => (
            <div>
              <dt>{STATE_LABELS[state]}</dt>
              <dd>{counts[state]}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="mail-status">
          <h2 id="mail-status">Mail</h2>
          <p class="mail-transport">
            {mail.transport.kind === 'smtp' ? (
              <>
                Sent over SMTP through <code>{mail.transport.where}</code>.
              </>
            ) : (
              <>
                No SMTP server is set (SMTP_URL): each message is written as an .eml file to{' '}
                <code>{mail.transport.where}</code>.
              </>
            )}
          </p>
          <dl class="job-counts mail-counts">
            <div>
              <dt>Mail waiting</dt>
              <dd>{mail.counts.pending + mail.counts.running}</dd>
            </div>
            <div>
              <dt>Mail dead</dt>
              <dd>{mail.counts.dead}</dd>
            </div>
          </dl>
        </section>
        <JobTable
          title="Dead jobs"
          empty="No job is dead."
          jobs={dead}
          now={site.now}
          retry={site.csrfToken}
        />
        <JobTable title="Waiting" empty="Nothing is waiting." jobs={pending} now={site.now} />
      </div>
    </Layout>
  )
}

function JobTable(props: {
  title: string
  empty: string
  jobs: JobSummary[]
  now: number
  /** The CSRF token, for the retry buttons of dead jobs. */
  retry?: string | null
}) {
  const id = props.title.toLowerCase().replace(/\W+/g, '-')
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.jobs.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table class="thread-table">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">Since</th>
              {props.retry !== undefined && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((job) => (
              <tr>
                <td>
                  <code>{job.kind}</code> #{job.id}
                </td>
                <td>
                  {job.attempts} of {job.maxAttempts}
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
                        Run again
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
