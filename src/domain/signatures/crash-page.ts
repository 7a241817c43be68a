/**
 * What a crash's page shows beside its threads (docs/signatures.md, "Crash sites"): the sites of the cause,
 * each with its own frames, how many threads report it there and the latest of them, and the processes it
 * was seen in. Three reads of the crash_sites index, whatever the number of threads.
 */
import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'
import { isPolicyCause } from './crashes.js'
import { listCauseProcesses, listCauseSites, listSiteThreads } from './crash-sites.queries.js'

/** Sites listed on a crash's page (the most reported first), and threads shown under each. */
export const SITES_SHOWN = 20
export const THREADS_PER_SITE = 5
/** Process names listed ("Seen in: …"), the most reported first. */
export const PROCESSES_SHOWN = 20

/** One site of a cause. */
export interface CrashSite {
  /** The site's fingerprint (the cause's own when the crash shows no frames of the poster's code). */
  site: string
  /** The poster's own top frames, top first; empty when the reports show none. */
  frames: string[]
  /** Live threads that report the crash at this site. */
  threadCount: number
  /** The latest of them (at most THREADS_PER_SITE). */
  threads: { id: number; title: string; slug: string }[]
}

/** A cause's sites and processes. */
export interface CrashSites {
  sites: CrashSite[]
  /** More sites than SITES_SHOWN carry the cause. */
  moreSites: boolean
  /** Process names the reports give, with how many live threads report each. */
  processes: { name: string; threadCount: number }[]
  /** The system ended the process by policy: no frame is to blame, the site is the cause itself. */
  policy: boolean
}

/**
 * The sites and processes of a crash cause.
 * @example const { sites, processes } = await getCrashSites(db, '3f2a9c1b0d4e', 'crash: EXC_BAD_ACCESS (SIGSEGV) | …')
 */
export async function getCrashSites(
  db: Executor,
  cause: string,
  causeText: string,
): Promise<CrashSites> {
  const [rows, processes] = await Promise.all([
    listCauseSites(db, cause, SITES_SHOWN + 1),
    listCauseProcesses(db, cause, PROCESSES_SHOWN),
  ])
  const shown = rows.slice(0, SITES_SHOWN)
  const threads = await listSiteThreads(
    db,
    cause,
    shown.map((r) => r.site),
    THREADS_PER_SITE,
  )
  return {
    sites: shown.map((r) => ({
      site: r.site,
      frames: r.frames === '' ? [] : r.frames.split(' < '),
      threadCount: r.threadCount,
      threads: threads
        .filter((t) => t.site === r.site)
        .map(({ id, title }) => ({ id, title, slug: slugify(title) })),
    })),
    moreSites: rows.length > SITES_SHOWN,
    processes,
    policy: isPolicyCause(causeText),
  }
}
