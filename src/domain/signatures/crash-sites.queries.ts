/**
 * The SQL behind a crash page's sites and processes (docs/signatures.md, "Crash sites"): the sites of one
 * cause with how many live threads report each, a few of those threads per site, and the processes seen.
 * Each read is a range of the (cause, site, thread_id) index joined to live threads.
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'

/** One site of a cause, as its page lists it. */
export interface CrashSiteRow {
  site: string
  /** The poster's own top frames ("Acme`-[AcmeView draw:] < Acme`main"); '' when the crash shows none. */
  frames: string
  /** Live threads that report the crash at this site. */
  threadCount: number
}

/** The sites of a cause, the most reported first (at most `limit`). */
export async function listCauseSites(
  db: Executor,
  cause: string,
  limit: number,
): Promise<CrashSiteRow[]> {
  const rows = await db
    .selectFrom('crash_sites as c')
    .innerJoin('threads as t', 't.id', 'c.thread_id')
    .select([
      'c.site',
      'c.frames',
      (eb) => eb.fn.count<number>('c.thread_id').distinct().as('threadCount'),
    ])
    .where('c.cause', '=', cause)
    .where('t.deleted_at', 'is', null)
    .groupBy(['c.site', 'c.frames'])
    .orderBy('threadCount', 'desc')
    .orderBy('c.site')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, threadCount: Number(r.threadCount) }))
}

/**
 * The live threads at some sites of a cause: the `perSite` most recently active at each (a thread reported
 * at one site from two processes counts once).
 */
export async function listSiteThreads(
  db: Executor,
  cause: string,
  sites: readonly string[],
  perSite: number,
): Promise<{ site: string; id: number; title: string }[]> {
  if (sites.length === 0) return []
  const { rows } = await sql<{ site: string; id: number; title: string }>`
    with at_site as (
      select distinct c.site, t.id, t.title, t.last_activity_at
      from crash_sites c join threads t on t.id = c.thread_id
      where c.cause = ${cause} and c.site in (${sql.join(sites.map((s) => sql`${s}`))})
        and t.deleted_at is null
    )
    select site, id, title from (
      select at_site.*, row_number() over (
        partition by site order by last_activity_at desc, id desc) as rank
      from at_site
    ) ranked
    where rank <= ${perSite}
    order by site, rank`.execute(db)
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

/** The processes a cause was seen in, with how many live threads report each (at most `limit`). */
export async function listCauseProcesses(
  db: Executor,
  cause: string,
  limit: number,
): Promise<{ name: string; threadCount: number }[]> {
  const rows = await db
    .selectFrom('crash_sites as c')
    .innerJoin('threads as t', 't.id', 'c.thread_id')
    .select([
      'c.process as name',
      (eb) => eb.fn.count<number>('c.thread_id').distinct().as('threadCount'),
    ])
    .where('c.cause', '=', cause)
    .where('c.process', '!=', '')
    .where('t.deleted_at', 'is', null)
    .groupBy('c.process')
    .orderBy('threadCount', 'desc')
    .orderBy('c.process')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ name: r.name, threadCount: Number(r.threadCount) }))
}
