/**
 * Prints a results file of `npm run bench` as a Markdown table (for docs/performance.md and
 * docs/performance-log.md).
 * Usage: node --import tsx bench/results-table.ts bench/results/FILE.json [sqlite|postgres]
 * (a second argument keeps one database's rows of a run over both)
 */
import fs from 'node:fs'
import type { Row } from './load/report.js'

const file = process.argv[2]
if (!file) throw new Error('name a results file')
const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: Row[] }
const head = [
  'scenario',
  'conns',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  '≥400',
  'RSS MiB',
  'ceiling req/s',
  '% of ceiling',
]
console.log(`| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |`)
const only = process.argv[3]
for (const r of data.results) {
  if (only !== undefined && r.dialect !== only) continue
  const q = r.quorum
  const cells = [
    r.scenario,
    r.connections,
    q.requestsPerSecond.toFixed(0),
    q.p50.toFixed(1),
    q.p95.toFixed(1),
    q.p99.toFixed(1),
    q.errors,
    q.failed,
    (r.serverPeakRss / 2 ** 20).toFixed(0),
    r.ceiling ? r.ceiling.requestsPerSecond.toFixed(0) : '–',
    r.ceiling ? `${((100 * q.requestsPerSecond) / r.ceiling.requestsPerSecond).toFixed(0)}%` : '–',
  ]
  console.log(`| ${cells.join(' | ')} |`)
}
