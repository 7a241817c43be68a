import { formatDate } from '../../domain/format/index.js'
import type { CrashSites, ReferenceStatus, SignatureKind } from '../../domain/signatures/index.js'
import type { ThreadListItem } from '../../domain/thread-lists/index.js'
import { countNoun } from '../components/count-noun.js'
import { threadHref, ThreadTable } from '../components/thread-table.js'
import { Layout } from '../layout/layout.js'
import type { SiteContext } from '../site.js'

export interface SignaturePageProps {
  site: SiteContext
  kind: SignatureKind
  /** The signature's key (`key` itself is reserved by Preact). */
  signatureKey: string
  label: string
  detail: string
  threadCount: number
  threads: (ThreadListItem & { postCount: number })[]
  /** Link to the next page of threads, or null on the last. */
  nextHref: string | null
  /** The search that finds the same threads (`errno:ENOBUFS`), when search supports the kind. */
  searchHref: string | null
  /** For a bug report: first and last cited, and its status when someone says it is fixed. */
  reference?: ReferenceStatus | null
  /** For a crash: where it happened (its sites) and the processes it was seen in. */
  crash?: CrashSites | null
}

/**
 * A crash cause's sites: each with the poster's own top frames, how many threads report it there and the
 * latest of them; then the processes it was seen in. A policy termination has one site, the cause itself.
 */
function CrashSiteList({ crash }: { crash: CrashSites }) {
  return (
    <section class="crash-sites" aria-labelledby="crash-sites-title">
      <h2 id="crash-sites-title">Where it happened</h2>
      {crash.policy ? (
        <p>
          The system ended these processes by policy: no frame of their own code is to blame, so
          every report of it is at one site, the cause itself.
        </p>
      ) : (
        <p>
          Each site is this crash with the top frames of the poster’s own code (not the system’s
          libraries, runtime or kernel).
        </p>
      )}
      <ol class="crash-site-list">
        {crash.sites.map((s) => (
          <li class="crash-site" key={s.site}>
            {s.frames.length > 0 ? (
              <pre class="code crash-site-frames" tabIndex={0}>
                <code>{s.frames.join('\n')}</code>
              </pre>
            ) : (
              <p class="crash-site-frames">
                {crash.policy ? 'The cause alone' : 'No frames of the poster’s own code'}
              </p>
            )}
            <p class="crash-site-count">
              {countNoun(s.threadCount, 'thread')} at this site
              {s.threads.length > 0 ? ': ' : '.'}
              {s.threads.map((t, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={threadHref(t)}>
                    <bdi>{t.title}</bdi>
                  </a>
                </>
              ))}
              {s.threads.length > 0 && s.threadCount > s.threads.length ? ', …' : ''}
            </p>
          </li>
        ))}
      </ol>
      {crash.moreSites && <p>Only the {crash.sites.length} most reported sites are listed.</p>}
      {crash.processes.length > 0 && (
        <p class="crash-processes">
          Seen in:{' '}
          {crash.processes.map((p, i) => (
            <>
              {i > 0 && ', '}
              <bdi>{p.name}</bdi> ({countNoun(p.threadCount, 'thread')})
            </>
          ))}
          .
        </p>
      )}
    </section>
  )
}

/** A bug report's dates and status: "First cited …, last cited …" and "Reported fixed in …". */
function ReferenceHistory({ status }: { status: ReferenceStatus }) {
  const { fixed } = status
  return (
    <div class="signature-detail reference-status">
      <p>
        First cited {formatDate(status.firstSeenAt)}, last cited {formatDate(status.lastSeenAt)}.
      </p>
      {fixed === null ? (
        <p>No one has said it is fixed.</p>
      ) : (
        <p>
          <strong>Reported fixed</strong>
          {fixed.release !== null && (
            <>
              {' '}
              in <a href={fixed.release.href}>{fixed.release.label}</a>
            </>
          )}{' '}
          by {fixed.by === 'staff' ? 'staff' : 'the asker'} on {formatDate(fixed.at)}, in{' '}
          <a href={fixed.thread.href}>
            <bdi>{fixed.thread.title}</bdi>
          </a>
          .
        </p>
      )}
    </div>
  )
}

const NOUN: Readonly<Record<SignatureKind, string>> = {
  os: 'OS release',
  error: 'error code',
  symbol: 'symbol',
  reference: 'bug report',
  crash: 'crash',
}

function Detail({ kind, detail, label }: { kind: SignatureKind; detail: string; label: string }) {
  if (kind === 'crash') {
    return (
      <div class="signature-detail">
        <p>
          The cause of the crash, with addresses, CPU numbers, times, process names and ids removed:
        </p>
        <pre class="code" tabIndex={0}>
          <code>{detail}</code>
        </pre>
      </div>
    )
  }
  if (kind === 'error' && detail !== '') {
    return (
      <p class="signature-detail">
        {label} is {detail.startsWith('0x') ? `IOReturn ${detail}` : `number ${detail}`}; every
        spelling of it (name, number, dtruss <code>Err#</code>, message text) counts.
      </p>
    )
  }
  return null
}

/** Every thread that shares one signature, most recently active first. */
export function SignaturePage(props: SignaturePageProps) {
  const { site, kind, label, threads } = props
  const title = kind === 'crash' ? `Crash ${label}` : label
  return (
    <Layout
      site={site}
      meta={{
        title: `Threads mentioning ${title}`,
        description: `${countNoun(props.threadCount, 'thread')} on ${site.name} mention the ${NOUN[kind]} ${title}.`,
        canonicalPath: `/signatures/${kind}/${encodeURIComponent(props.signatureKey)}`,
      }}
    >
      <header class="page-header">
        <p class="signature-kind">{NOUN[kind]}</p>
        <h1>{kind === 'symbol' ? <code>{label}</code> : title}</h1>
        <p class="listing-count">
          {countNoun(props.threadCount, 'thread')}{' '}
          {props.threadCount === 1 ? 'mentions' : 'mention'} it
        </p>
        <Detail kind={kind} detail={props.detail} label={label} />
        {kind === 'reference' && props.reference && <ReferenceHistory status={props.reference} />}
        {props.searchHref !== null && (
          <p>
            <a href={props.searchHref}>Search with this {NOUN[kind]}</a>
          </p>
        )}
      </header>
      {kind === 'crash' && props.crash && <CrashSiteList crash={props.crash} />}
      <ThreadTable threads={threads} now={site.now} caption={`Threads mentioning ${title}`} />
      {props.nextHref !== null && (
        <p class="signature-more">
          <a href={props.nextHref}>Older threads</a>
        </p>
      )}
    </Layout>
  )
}
