/**
 * Search benchmark: 100,000 generated threads, a few hundred mixed queries, p50/p95 per dialect.
 *
 *   npx tsx bench/search-bench.ts [--dialect sqlite|postgres|both] [--threads 100000] [--queries 400] [--fresh]
 *
 * Threads are written straight into the tables in big transactions (fast; no Markdown rendering), then indexed by
 * the app's own `reindexAll`, the code behind `quorum search reindex`. The data is cached between runs: SQLite in
 * bench/.cache/search-100k.db, PostgreSQL in the schema `quorum_bench_search` of BENCH_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432/test). `--fresh` rebuilds it. Queries run through `searchThreads`, the
 * function behind /search (parse, count, rank, load rows, cut snippets), one at a time after a warm-up.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { progressBar } from '../src/cli/progress.js'
import type { Dialect } from '../src/config.js'
import { createDb, type DbHandle } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import type { Db, NewPost, NewThread } from '../src/db/schema.js'
import { reindexAll, searchThreads } from '../src/domain/search/index.js'

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'both' },
    threads: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '400' },
    fresh: { type: 'boolean', default: false },
  },
})
const THREADS = Number(args.threads)
const QUERY_COUNT = Number(args.queries)
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const SCHEMA = 'quorum_bench_search'
const SQLITE_FILE = path.resolve(
  import.meta.dirname,
  '.cache',
  `search-${Math.round(THREADS / 1000)}k.db`,
)
const BATCH = 2000
const YEAR = 365 * 86_400_000
const END = Date.UTC(2025, 10, 1)

// ---------- deterministic content ----------

/** mulberry32: a small seeded PRNG, so every run generates the same forum and the same queries. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(42)
const int = (n: number) => Math.floor(random() * n)
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
/** Zipf-like: early entries are much more common, as in real text. */
const zipf = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() ** 2.2)]!

const WORDS = (
  'kernel panic driver interrupt thread lock mutex spinlock deadlock memory allocation zone buffer socket packet filter ' +
  'network interface device usb pci dma register firmware extension system file volume snapshot journal inode vnode cache ' +
  'page fault address pointer crash report backtrace symbol debug trace latency throughput timeout error return value call ' +
  'function callback queue dispatch signal process task port message service client server connection stream datagram ' +
  'route tunnel vpn proxy content flow verdict entitlement signature notarization sandbox permission privacy access read ' +
  'write open close mount unmount sync flush block sector disk nvme ssd controller command completion request response ' +
  'header payload size length offset alignment boundary overflow leak corruption free release retain reference count ' +
  'object class method selector category protocol swift compiler linker build sdk version update regression beta macos ' +
  'linux sonoma sequoia arm64 intel silicon performance power sleep wake resume suspend battery thermal clock timer ' +
  'scheduler priority realtime audio video display gpu metal bluetooth wifi ethernet cellular bridge virtual machine ' +
  'hypervisor container namespace epoll kqueue poll mmap physical mapping wired pageable userspace userland syscall ' +
  'entitlements provisioning profile codesign launchd daemon agent plist configuration boot argument nvram recovery ' +
  'partition container encryption keychain certificate handshake latency jitter retransmit congestion window checksum ' +
  'offload segmentation fragment reassembly multicast broadcast loopback utun bpf pcap capture sample spindump stackshot ' +
  'symbolicate atos lldb breakpoint watchpoint assertion invariant race condition atomic barrier ordering volatile'
).split(' ')
const FILLER =
  'the a to of and in is it that with for on after when but not this my our we have does after under'.split(
    ' ',
  )
const PREFIXES =
  'vnode vfs apfs hfs sock so tcp udp ip6 mbuf cfil necp nstat kalloc zalloc ipc mach thread task proc kern lck os dispatch xpc nw ne es sk pf dlil ifnet kext dext nvme pci usb'.split(
    ' ',
  )
const VERBS =
  'setmultipath lookup reclaim inactive getattr setattr output input inject reinject enqueue dequeue alloc free lock_exclusive lock_shared unlock attach detach start stop open close read write flush sync service_inject_queue send_reply wait_event'.split(
    ' ',
  )
const NOUNS = 'queue list entry state flags data context cache pool map table chain'.split(' ')
const CLASS_A =
  'USB PCI Audio Block Network Memory Service User Media Storage Display HID Bluetooth'.split(' ')
const CLASS_B =
  'Host Device Interface Pipe Controller Descriptor Client Family Engine Port Driver Stream'.split(
    ' ',
  )
const ERRNOS =
  'ENOBUFS EINVAL EPERM EACCES EBUSY EAGAIN ENOMEM EIO ENOENT ETIMEDOUT EPIPE ECONNRESET EWOULDBLOCK EEXIST ENOSPC'.split(
    ' ',
  )
const TAGS =
  'kernel networking file-systems drivers usb security debugging linux audio virtualization'.split(
    ' ',
  )

function identifier(): string {
  switch (int(7)) {
    case 0:
      return `${pick(PREFIXES)}_${pick(VERBS)}`
    case 1:
      return `${pick(PREFIXES)}_${pick(VERBS)}_${pick(NOUNS)}`
    case 2:
      return `IO${pick(CLASS_A)}${pick(CLASS_B)}${random() < 0.3 ? `::${pick(['open', 'start', 'stop', 'message', 'newUserClient'])}` : ''}`
    case 3:
      return `0xfffffe00${Array.from({ length: 8 }, () => '0123456789abcdef'[int(16)]).join('')}`
    case 4:
      return `kalloc.type.var${pick([4, 8, 16])}.${pick([16, 32, 64, 128, 256, 512])}`
    case 5:
      return `${20 + int(6)}${'ABCDEF'[int(6)]}${10 + int(990)}`
    default:
      return pick(ERRNOS)
  }
}

/** A vocabulary of identifiers, a few thousand strong, reused across threads so some are common and most are rare. */
const IDENTIFIERS = Array.from({ length: 6000 }, identifier)

function sentence(n: number): string {
  const words = Array.from({ length: n }, () => (random() < 0.35 ? pick(FILLER) : zipf(WORDS)))
  if (random() < 0.5) words.splice(int(words.length), 0, zipf(IDENTIFIERS))
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

function paragraph(sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(6 + int(12))).join(' ')
}

function codeBlock(): string {
  const lines = Array.from(
    { length: 3 + int(8) },
    () => `  lr: ${identifier()}  fp: 0xfffffea0${int(1e8).toString(16)}  ${zipf(IDENTIFIERS)}()`,
  )
  return `\n\n~~~\n${lines.join('\n')}\n~~~\n\n`
}

interface Generated {
  thread: NewThread
  tags: number[]
  posts: Omit<NewPost, 'thread_id'>[]
  acceptedIndex: number | null
}

function generateThread(users: number[], tagIds: number[]): Generated {
  const created = END - Math.floor(random() * 3 * YEAR)
  const title = sentence(5 + int(6))
    .replace(/\.$/, '')
    .slice(0, 290)
  const body = paragraph(2 + int(5)) + (random() < 0.6 ? codeBlock() : '') + paragraph(1 + int(3))
  const author = pick(users)
  const replyCount = int(6)
  const posts: Generated['posts'] = [
    {
      author_id: author,
      kind: 'question',
      body_markdown: body,
      body_html: '',
      created_at: created,
    },
  ]
  for (let i = 0; i < replyCount; i++) {
    const text = paragraph(1 + int(4)) + (random() < 0.2 ? codeBlock() : '')
    posts.push({
      author_id: pick(users),
      kind: 'reply',
      body_markdown: text,
      body_html: '',
      created_at: created + (i + 1) * 3_600_000,
    })
  }
  const tagCount = 1 + int(3)
  const tags = [...new Set(Array.from({ length: tagCount }, () => zipf(tagIds)))]
  return {
    thread: {
      title,
      author_id: author,
      excerpt: body.slice(0, 200),
      reply_count: replyCount,
      boost_count: int(20),
      view_count: int(5000),
      created_at: created,
      last_activity_at: created + replyCount * 3_600_000,
    },
    tags,
    posts,
    acceptedIndex: replyCount > 0 && random() < 0.35 ? 1 + int(replyCount) : null,
  }
}

// ---------- generation ----------

async function isReady(db: Db): Promise<boolean> {
  try {
    const threads = await db
      .selectFrom('threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(threads.n) === THREADS
  } catch {
    return false
  }
}

async function generate(handle: DbHandle): Promise<void> {
  const { db } = handle
  await migrateToLatest(db)
  const now = Date.now()
  const users: number[] = []
  for (let i = 0; i < 500; i++) {
    const name = `bench_user_${i}`
    const row = await db
      .insertInto('users')
      .values({ username: name, username_key: name, role: 'member', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    users.push(row.id)
  }
  const tagIds: number[] = []
  for (const slug of TAGS) {
    const row = await db
      .insertInto('tags')
      .values({ slug, name: slug, description: `About ${slug}.`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    tagIds.push(row.id)
  }
  const bar = progressBar('threads written', THREADS)
  for (let done = 0; done < THREADS; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, THREADS - done) }, () =>
      generateThread(users, tagIds),
    )
    await db.transaction().execute(async (trx) => {
      // Ids are assigned in insertion order; sorting maps them back whatever order RETURNING uses.
      const ids = (
        await trx
          .insertInto('threads')
          .values(batch.map((g) => g.thread))
          .returning('id')
          .execute()
      ).sort((a, b) => a.id - b.id)
      const posts = batch.flatMap((g, i) => g.posts.map((p) => ({ ...p, thread_id: ids[i]!.id })))
      const postIds: number[] = []
      for (let i = 0; i < posts.length; i += 1000) {
        const rows = await trx
          .insertInto('posts')
          .values(posts.slice(i, i + 1000))
          .returning('id')
          .execute()
        postIds.push(...rows.map((r) => r.id).sort((a, b) => a - b))
      }
      let at = 0
      const accepted: { threadId: number; postId: number }[] = []
      batch.forEach((g, i) => {
        if (g.acceptedIndex !== null)
          accepted.push({ threadId: ids[i]!.id, postId: postIds[at + g.acceptedIndex]! })
        at += g.posts.length
      })
      for (const a of accepted)
        await trx
          .updateTable('threads')
          .set({ accepted_post_id: a.postId })
          .where('id', '=', a.threadId)
          .execute()
      const links = batch.flatMap((g, i) =>
        g.tags.map((tagId, position) => ({
          thread_id: ids[i]!.id,
          tag_id: tagId,
          position,
          solved: g.acceptedIndex === null ? 0 : 1,
          last_activity_at: g.thread.last_activity_at,
          created_at: g.thread.created_at,
          reply_count: g.thread.reply_count ?? 0,
          boost_count: g.thread.boost_count ?? 0,
          view_count: g.thread.view_count ?? 0,
        })),
      )
      await trx.insertInto('thread_tags').values(links).execute()
    })
    bar.update(done + batch.length)
  }
  bar.finish()
  // Fresh statistics, as autovacuum would gather on a live forum, so the planner sees the real table sizes.
  await sql`analyze`.execute(db)
  const indexBar = progressBar('threads indexed', THREADS)
  const started = Date.now()
  await reindexAll(db, { batchSize: 1000, onProgress: (p) => indexBar.update(p.done) })
  indexBar.finish()
  console.log(
    `indexing took ${((Date.now() - started) / 1000).toFixed(0)} s (reindexAll, the code of \`quorum search reindex\`)`,
  )
}

// ---------- queries ----------

type Kind = 'identifier' | 'word' | 'words' | 'phrase' | 'operators' | 'no match'

function queries(): { kind: Kind; q: string }[] {
  const qr = rng(7)
  const choose = <T>(list: readonly T[]): T => list[Math.floor(qr() * list.length)]!
  // Half the words people type are common ones ("kernel", "panic"), which match most of the forum.
  const word = () => (qr() < 0.5 ? WORDS[Math.floor(WORDS.length * qr() ** 3)]! : choose(WORDS))
  const out: { kind: Kind; q: string }[] = []
  const mix: [Kind, number][] = [
    ['identifier', 0.3],
    ['word', 0.15],
    ['words', 0.25],
    ['phrase', 0.1],
    ['operators', 0.15],
    ['no match', 0.05],
  ]
  for (const [kind, share] of mix) {
    for (let i = 0; i < Math.round(QUERY_COUNT * share); i++) {
      switch (kind) {
        case 'identifier':
          out.push({ kind, q: `${choose(IDENTIFIERS)}${qr() < 0.2 ? '()' : ''}` })
          break
        case 'word':
          out.push({ kind, q: word() })
          break
        case 'words':
          out.push({ kind, q: Array.from({ length: 2 + Math.floor(qr() * 3) }, word).join(' ') })
          break
        case 'phrase':
          out.push({ kind, q: `"${word()} ${word()}"` })
          break
        case 'operators':
          out.push({
            kind,
            q: `${word()} tag:${choose(TAGS)} ${choose(['is:solved', 'is:unsolved', 'sort:newest', 'sort:boosts', 'after:2024-06-01', 'user:bench_user_7'])}`,
          })
          break
        case 'no match':
          out.push({ kind, q: `zzq${Math.floor(qr() * 1e6)} qqz${Math.floor(qr() * 1e6)}` })
          break
      }
    }
  }
  // Interleave kinds so caches warm evenly.
  return out
    .map((item) => ({ item, key: qr() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item)
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  )
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)
  return `n=${times.length} p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms  max=${(sorted.at(-1) ?? NaN).toFixed(1)} ms  mean=${mean.toFixed(1)} ms`
}

async function measure(dialect: Dialect, db: Db): Promise<void> {
  const list = queries()
  for (const { q } of list.slice(0, 30)) await searchThreads(db, dialect, { q })
  const byKind = new Map<Kind, number[]>()
  const all: number[] = []
  const cpu: number[] = []
  const slowest: { ms: number; q: string }[] = []
  let hits = 0
  let windowed = 0
  const loadBefore = os.loadavg()[0] ?? 0
  for (const { kind, q } of list) {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    const results = await searchThreads(db, dialect, { q, page: 1 })
    const used = process.cpuUsage(cpuStarted)
    const ms = performance.now() - started
    if (results.hits.length > 0) hits++
    if (results.windowed) windowed++
    all.push(ms)
    slowest.push({ ms, q })
    cpu.push((used.user + used.system) / 1000)
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
  }
  const load = `${loadBefore.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at end (1-minute load average)`
  console.log(
    `\n${dialect}: ${THREADS.toLocaleString('en-US')} threads, ${list.length} queries (${hits} with results, ${windowed} ranked in the window); ${load}`,
  )
  console.log(`  all         ${summary(all)}`)
  for (const [kind, times] of byKind) console.log(`  ${kind.padEnd(11)} ${summary(times)}`)
  // With SQLite the whole query runs in this process, so its CPU time is the query's cost whatever else the
  // machine is doing; with PostgreSQL the work happens in the server, so only wall time means anything.
  if (dialect === 'sqlite') console.log(`  cpu time    ${summary(cpu)}`)
  const worst = slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)
  console.log(`  slowest     ${worst.map((w) => `${w.q} (${w.ms.toFixed(0)} ms)`).join(', ')}`)
}

// ---------- main ----------

async function openSqlite(fresh: boolean): Promise<DbHandle> {
  if (fresh)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(SQLITE_FILE + suffix, { force: true })
  return createDb({ dialect: 'sqlite', url: SQLITE_FILE })
}

async function openPostgres(fresh: boolean): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    if (fresh) await admin.query(`drop schema if exists ${SCHEMA} cascade`)
    await admin.query(`create schema if not exists ${SCHEMA}`)
  } finally {
    await admin.end()
  }
  return createDb({ dialect: 'postgres', url: POSTGRES_URL, schema: SCHEMA })
}

async function run(dialect: Dialect): Promise<void> {
  const open = (fresh: boolean) => (dialect === 'sqlite' ? openSqlite(fresh) : openPostgres(fresh))
  let handle = await open(args.fresh)
  try {
    if (await isReady(handle.db)) {
      console.log(
        `${dialect}: reusing the cached ${THREADS.toLocaleString('en-US')} threads (--fresh rebuilds them)`,
      )
    } else {
      await handle.close()
      handle = await open(true)
      console.log(`${dialect}: generating ${THREADS.toLocaleString('en-US')} threads`)
      await generate(handle)
    }
    await measure(dialect, handle.db)
    if (dialect === 'sqlite')
      console.log(`  database file ${(fs.statSync(SQLITE_FILE).size / 1e6).toFixed(0)} MB`)
  } finally {
    await handle.close()
  }
}

async function main(): Promise<void> {
  const dialects: Dialect[] =
    args.dialect === 'both' ? ['sqlite', 'postgres'] : [args.dialect as Dialect]
  console.log(
    `search bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  )
  for (const dialect of dialects) await run(dialect)
}

await main()
