/** The results table on the terminal and the JSON file under bench/results/. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Measured } from './cannon.js'
import { ROOT } from './processes.js'

export interface Row {
  dialect: string
  scenario: string
  connections: number
  quorum: Measured
  /** Peak resident memory of the Quorum server during the measurement, in bytes. */
  serverPeakRss: number
  ceiling: Measured | null
}

export function machine(): Record<string, unknown> {
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    // not a git checkout
  }
  return {
    // The machine's, not this process's: the load generator runs pinned to one core.
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit,
  }
}

const HEADER = [
  'dialect',
  'scenario',
  'conns',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  'non-2xx',
  '>=400',
  'RSS MiB',
  'ceiling req/s',
  '% ceiling',
]

export function formatRow(r: Row): string[] {
  const q = r.quorum
  return [
    r.dialect,
    r.scenario,
    String(r.connections),
    q.requestsPerSecond.toFixed(0),
    q.p50.toFixed(1),
    q.p95.toFixed(1),
    q.p99.toFixed(1),
    String(q.errors),
    String(q.non2xx),
    String(q.failed),
    (r.serverPeakRss / 2 ** 20).toFixed(0),
    r.ceiling ? r.ceiling.requestsPerSecond.toFixed(0) : '-',
    r.ceiling ? `${((100 * q.requestsPerSecond) / r.ceiling.requestsPerSecond).toFixed(0)}%` : '-',
  ]
}

export function table(rows: Row[]): string {
  const cells = [HEADER, ...rows.map(formatRow)]
  const widths = HEADER.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: string[]) =>
    c.map((v, i) => (i < 2 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ')
  return [
    line(HEADER),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(formatRow(r))),
  ].join('\n')
}

export function writeResults(name: string, data: unknown): string {
  const dir = path.join(ROOT, 'bench', 'results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}
