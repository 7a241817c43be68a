import type { ComponentChildren } from 'preact'
import { date, msg, t, tx } from '../../i18n/index.js'
import type { CrashSites, ReferenceStatus, SignatureKind } from '../../domain/signatures/index.js'
import type { ThreadListItem } from '../../domain/thread-lists/index.js'
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
      <h2 id="crash-sites-title">{t('Where it happened')}</h2>
      {crash.policy ? (
        <p>
          {t(
            'The system ended these processes by policy: no frame of their own code is to blame, so every report of it is at one site, the cause itself.',
          )}
        </p>
      ) : (
        <p>
          {t(
            'Each site is this crash with the top frames of the poster’s own code (not the system’s libraries, runtime or kernel).',
          )}
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
                {crash.policy ? t('The cause alone') : t('No frames of the poster’s own code')}
              </p>
            )}
            <p class="crash-site-count">
              {s.threads.length === 0
                ? t('{count, plural, one {# thread} other {# threads}} at this site.', {
                    count: s.threadCount,
                  })
                : tx('{count, plural, one {# thread} other {# threads}} at this site: {threads}', {
                    count: s.threadCount,
                    threads: (
                      <>
                        {s.threads.map((thread, i) => (
                          <>
                            {i > 0 && ', '}
                            <a href={threadHref(thread)}>
                              <bdi>{thread.title}</bdi>
                            </a>
                          </>
                        ))}
                        {s.threadCount > s.threads.length ? ', …' : ''}
                      </>
                    ),
                  })}
            </p>
          </li>
        ))}
      </ol>
      {crash.moreSites && (
        <p>
          {t('Only the {count, number} most reported sites are listed.', {
            count: crash.sites.length,
          })}
        </p>
      )}
      {crash.processes.length > 0 && (
        <p class="crash-processes">
          {tx('Seen in: {processes}.', {
            processes: (
              <>
                {crash.processes.map((p, i) => (
                  <>
                    {i > 0 && ', '}
                    <bdi>{p.name}</bdi> (
                    {t('{count, plural, one {# thread} other {# threads}}', {
                      count: p.threadCount,
                    })}
                    )
                  </>
                ))}
              </>
            ),
          })}
        </p>
      )}
    </section>
  )
}

/** "Reported fixed in 26.2 by staff on 14 Jul 2025, in …": the release only when someone named it. */
function FixedNote({ fixed }: { fixed: NonNullable<ReferenceStatus['fixed']> }) {
  const values = {
    by: fixed.by,
    date: date(fixed.at),
    title: fixed.thread.title,
    strong: (chunks: ComponentChildren[]) => <strong>{chunks}</strong>,
    thread: (chunks: ComponentChildren[]) => (
      <a href={fixed.thread.href}>
        <bdi>{chunks}</bdi>
      </a>
    ),
  }
  const { release } = fixed
  return (
    <p>
      {release === null
        ? tx(
            '{by, select, staff {<strong>Reported fixed</strong> by staff on {date}, in <thread>{title}</thread>.} other {<strong>Reported fixed</strong> by the asker on {date}, in <thread>{title}</thread>.}}',
            values,
          )
        : tx(
            '{by, select, staff {<strong>Reported fixed</strong> in <link>{release}</link> by staff on {date}, in <thread>{title}</thread>.} other {<strong>Reported fixed</strong> in <link>{release}</link> by the asker on {date}, in <thread>{title}</thread>.}}',
            {
              ...values,
              release: release.label,
              link: (chunks: ComponentChildren[]) => <a href={release.href}>{chunks}</a>,
            },
          )}
    </p>
  )
}

/** A bug report's dates and status: "First cited …, last cited …" and "Reported fixed in …". */
function ReferenceHistory({ status }: { status: ReferenceStatus }) {
  return (
    <div class="signature-detail reference-status">
      <p>
        {t('First cited {first}, last cited {last}.', {
          first: date(status.firstSeenAt),
          last: date(status.lastSeenAt),
        })}
      </p>
      {status.fixed === null ? (
        <p>{t('No one has said it is fixed.')}</p>
      ) : (
        <FixedNote fixed={status.fixed} />
      )}
    </div>
  )
}

const NOUN: Readonly<Record<SignatureKind, string>> = {
  os: msg('OS release'),
  error: msg('error code'),
  symbol: msg('symbol'),
  reference: msg('bug report'),
  crash: msg('crash'),
}

const code = (chunks: ComponentChildren[]) => <code>{chunks}</code>

function Detail({ kind, detail, label }: { kind: SignatureKind; detail: string; label: string }) {
  if (kind === 'crash') {
    return (
      <div class="signature-detail">
        <p>
          {t(
            'The cause of the crash, with addresses, CPU numbers, times, process names and ids removed:',
          )}
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
        {detail.startsWith('0x')
          ? tx(
              '{label} is IOReturn {detail}; every spelling of it (name, number, dtruss <code>Err#</code>, message text) counts.',
              { label, detail, code },
            )
          : tx(
              '{label} is number {detail}; every spelling of it (name, number, dtruss <code>Err#</code>, message text) counts.',
              { label, detail, code },
            )}
      </p>
    )
  }
  return null
}

/** Every thread that shares one signature, most recently active first. */
export function SignaturePage(props: SignaturePageProps) {
  const { site, kind, label, threads } = props
  const title = kind === 'crash' ? t('Crash {label}', { label }) : label
  return (
    <Layout
      site={site}
      meta={{
        title: t('Threads mentioning {title}', { title }),
        description: t(
          '{count, plural, one {# thread on {site} mentions} other {# threads on {site} mention}} the {kind, select, os {OS release} error {error code} symbol {symbol} reference {bug report} other {crash}} {title}.',
          { count: props.threadCount, site: site.name, kind, title },
        ),
        canonicalPath: `/signatures/${kind}/${encodeURIComponent(props.signatureKey)}`,
      }}
    >
      <header class="page-header">
        <p class="signature-kind">{t(NOUN[kind])}</p>
        <h1>{kind === 'symbol' ? <code>{label}</code> : title}</h1>
        <p class="listing-count">
          {t('{count, plural, one {# thread mentions it} other {# threads mention it}}', {
            count: props.threadCount,
          })}
        </p>
        <Detail kind={kind} detail={props.detail} label={label} />
        {kind === 'reference' && props.reference && <ReferenceHistory status={props.reference} />}
        {props.searchHref !== null && (
          <p>
            <a href={props.searchHref}>
              {t(
                '{kind, select, os {Search with this OS release} error {Search with this error code} symbol {Search with this symbol} reference {Search with this bug report} other {Search with this crash}}',
                { kind },
              )}
            </a>
          </p>
        )}
      </header>
      {kind === 'crash' && props.crash && <CrashSiteList crash={props.crash} />}
      <ThreadTable
        threads={threads}
        now={site.now}
        caption={t('Threads mentioning {title}', { title })}
      />
      {props.nextHref !== null && (
        <p class="signature-more">
          <a href={props.nextHref}>{t('Older threads')}</a>
        </p>
      )}
    </Layout>
  )
}
