// `npm run lighthouse`: audits the tag, thread, search and ask pages with Lighthouse 12, in the light and
// the dark colour scheme, and prints the four category scores of each. It starts Quorum itself on a temporary SQLite database seeded with the demo forum
// (sources run through tsx, so no build is needed), and drives Debian's Chromium (/usr/bin/chromium).
// Lighthouse's defaults apply: mobile emulation with simulated throttling. HTML reports go to
// test-results/lighthouse/. docs/quality.md records the latest numbers; CI does not run this.
// Dark is Chromium's own preference (`--blink-settings=preferredColorScheme=0`; Lighthouse emulates no
// media features, so it stays): before auditing, the script checks in that Chromium that
// `prefers-color-scheme: dark` matches with the flag and not without it, and stops when it does not.
//
// `npm run lighthouse -- --runs 3` audits each page three times and reports the median of each category
// (Lighthouse's own advice for noisy machines); the performance score of every run is printed too, with
// the machine's load and Lighthouse's CPU benchmark index, so a reader can judge the numbers.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromium } from 'playwright-core'
import { register } from 'tsx/esm/api'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]
// Blink's PreferredColorScheme: 0 is dark, 1 light. Light is Chromium's default in a headless run.
const SCHEMES = [
  { name: 'light', flags: [] },
  { name: 'dark', flags: ['--blink-settings=preferredColorScheme=0'] },
]
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']
const REPORT_DIR = path.join(ROOT, 'test-results', 'lighthouse')

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg === -1 ? 1 : Number(process.argv[runsArg + 1])
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 9) {
  console.error('--runs takes a whole number from 1 to 9')
  process.exit(1)
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

if (!fs.existsSync(CHROMIUM)) {
  console.error(
    `Chromium is not installed at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`,
  )
  process.exit(1)
}

/** Whether Chromium started with `flags` reports `prefers-color-scheme: dark` to a page. */
function prefersDark(flags) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-scheme-'))
  const file = path.join(dir, 'probe.html')
  fs.writeFileSync(
    file,
    '<script>document.title = "dark=" + matchMedia("(prefers-color-scheme: dark)").matches</script>',
  )
  try {
    const dom = execFileSync(
      CHROMIUM,
      [...CHROME_FLAGS, ...flags, '--dump-dom', pathToFileURL(file).href],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 },
    )
    return dom.includes('dark=true')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
for (const scheme of SCHEMES) {
  if (prefersDark(scheme.flags) !== (scheme.name === 'dark')) {
    console.error(`Chromium does not take the ${scheme.name} colour scheme from ${scheme.flags}`)
    process.exit(1)
  }
}

register() // lets this script import the TypeScript sources directly
const load = (file) => import(pathToFileURL(path.join(ROOT, file)).href)
const { buildApp } = await load('src/app.ts')
const { loadConfig } = await load('src/config.ts')
const { createDb } = await load('src/db/connect.ts')
const { migrateToLatest } = await load('src/db/migrate.ts')
const { seedDemo } = await load('src/domain/demo/index.ts')
const { slugify } = await load('src/domain/format/index.ts')
const { createSession } = await load('src/domain/sessions/index.ts')

/** A port that is free now (the server listens on it a moment later; PUBLIC_URL must name it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-lighthouse-'))
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const config = loadConfig({
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: `sqlite:${path.join(dir, 'quorum.db')}`,
  PUBLIC_URL: origin,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_MINUTE: '0',
})

// Seed the demo forum, and a session for a demo member so the ask page (sign-in only) can be audited.
const seeding = createDb(config.database)
await migrateToLatest(seeding.db)
await seedDemo(seeding.db)
const thread = await seeding.db
  .selectFrom('threads')
  .select(['id', 'title'])
  .where('accepted_post_id', 'is not', null)
  .where('deleted_at', 'is', null)
  .orderBy('view_count', 'desc')
  .executeTakeFirstOrThrow()
const member = await seeding.db
  .selectFrom('users')
  .select('id')
  .orderBy('id')
  .executeTakeFirstOrThrow()
const token = await createSession(seeding.db, member.id)
await seeding.close()

const app = await buildApp(config)
await app.listen({ port, host: '127.0.0.1' })
const session = { name: app.sessionCookieName ?? 'quorum_session', value: token }

/**
 * Puts the session cookie in the browser's own cookie jar (over CDP, with playwright-core), so every
 * request of the page carries it as a browser would send it: the page, its script and its live stream
 * (GET /events). A `Cookie` header through Lighthouse's extraHeaders was replaced by the jar's cookies as
 * soon as the page set its CSRF cookie, so the stream went out signed out and answered 400.
 */
async function signIn(port, cookie) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
  try {
    await browser.contexts()[0].addCookies([{ ...cookie, url: origin }])
  } finally {
    await browser.close() // disconnects; the browser and its default context stay
  }
}

const PAGES = [
  { name: 'tag page', path: '/tags/kernel' },
  { name: 'thread', path: `/threads/${thread.id}/${slugify(thread.title)}` },
  // The search and ask pages people arrive at: /search without a query and the empty question form.
  // Result pages (/search?q=…) are noindex by design, so their SEO score says nothing (docs/quality.md).
  { name: 'search', path: '/search' },
  { name: 'ask (signed in)', path: '/ask', session },
]

fs.mkdirSync(REPORT_DIR, { recursive: true })
const loadBefore = os.loadavg()
const rows = []
const benchmarkIndexes = []
try {
  for (const page of PAGES) {
    for (const scheme of SCHEMES) {
      const url = origin + page.path
      const headers = page.session ? { Cookie: `${page.session.name}=${page.session.value}` } : {}
      const probe = await globalThis.fetch(url, { headers, redirect: 'manual' })
      if (probe.status !== 200) {
        console.log(
          `skipped ${page.name}: ${page.path} answers ${probe.status} (the page does not exist yet?)`,
        )
        continue
      }
      const runs = []
      for (let run = 0, failed = 0; run < RUNS; run++) {
        // A fresh browser (and profile) for every run, so nothing one run stores (cookies, drafts)
        // shapes the next.
        const chrome = await chromeLauncher.launch({
          chromePath: CHROMIUM,
          chromeFlags: [...CHROME_FLAGS, ...scheme.flags],
        })
        if (page.session) await signIn(chrome.port, page.session)
        const result = await lighthouse(url, {
          port: chrome.port,
          logLevel: 'error',
          output: 'html',
          onlyCategories: CATEGORIES,
        }).finally(() => chrome.kill())
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        // A run Lighthouse itself could not measure (a lost trace: NO_NAVSTART, NO_FCP) scores null,
        // which would print as 0: it is run again, twice at most, and said so.
        const fault = result.lhr.runtimeError
        if (fault !== undefined) {
          console.log(`${page.name} (${scheme.name}): Lighthouse failed (${fault.code}), again`)
          if (++failed > 2) throw new Error(`${url}: Lighthouse failed 3 times (${fault.code})`)
          run--
          continue
        }
        if (result.lhr.finalDisplayedUrl !== url)
          throw new Error(`${url} ended at ${result.lhr.finalDisplayedUrl}: not the page meant`)
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]),
        )
        benchmarkIndexes.push(result.lhr.environment.benchmarkIndex)
        runs.push({ result, scores })
      }
      // The report and the audit list come from the run with the median performance score.
      const byPerformance = [...runs].sort((a, b) => a.scores.performance - b.scores.performance)
      const { result } = byPerformance[Math.floor((byPerformance.length - 1) / 2)]
      const { lhr } = result
      fs.writeFileSync(
        path.join(REPORT_DIR, `${page.name.replace(/\W+/g, '-')}-${scheme.name}.html`),
        String(result.report),
      )
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]),
      )
      const below = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => `${a.id} (${a.displayValue ?? Math.round(a.score * 100)})`)
      rows.push({
        page: page.name,
        scheme: scheme.name,
        path: page.path,
        ...scores,
        ...(RUNS > 1
          ? { 'performance runs': runs.map((r) => r.scores.performance).join(' ') }
          : {}),
        'audits below 90': below.join(', ') || '-',
      })
    }
  }
} finally {
  await app.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

const loadAfter = os.loadavg()
console.log(
  `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, Chromium at ${CHROMIUM}, mobile defaults` +
    `${RUNS > 1 ? `, median of ${RUNS} runs a page` : ''}`,
)
console.log(
  `Machine: ${os.cpus().length} cores; load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after; ` +
    `Lighthouse CPU benchmark index ${Math.round(median(benchmarkIndexes))} (median; ${Math.min(...benchmarkIndexes)}–${Math.max(...benchmarkIndexes)})`,
)
console.table(rows.map(({ 'audits below 90': _, ...r }) => r))
for (const r of rows)
  console.log(`${r.page} (${r.scheme}): audits below 90: ${r['audits below 90']}`)
console.log(`HTML reports: ${path.relative(ROOT, REPORT_DIR)}/`)
