/**
 * `npm run bench`: load scenarios against Quorum on a generated forum, each beside its ceiling (a bare
 * node:http server replaying the same bytes), for SQLite and/or PostgreSQL. docs/performance.md has the
 * numbers and how to read them.
 *
 *   npm run bench -- [--dialect sqlite|postgres|both] [--threads 100000] [--replies 4] [--tags 50]
 *                    [--seed 1] [--duration 20] [--warmup 5] [--connections 16,64]
 *                    [--ceiling-duration 10] [--only REGEX] [--no-ceiling] [--no-writes]
 *                    [--profile DIR]   (the server writes a CPU profile to DIR when it stops)
 *                    [--node-flags "--max-semi-space-size=8"]   (extra flags for the server's node)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { measure } from './load/cannon.js'
import type { RecordedResponse } from './load/ceiling.js'
import { describeShape, ensureDatabase, type DataShape } from './load/database.js'
import {
  PINNING,
  pinLoadGenerator,
  peakRss,
  sampleRss,
  startCeiling,
  startQuorum,
  ROOT,
} from './load/processes.js'
import { formatRow, machine, table, writeResults, type Row } from './load/report.js'
import { SERVER_NODE_FLAGS } from '../scripts/node-flags.mjs'
import { findTargets, readScenarios, writeScenario, type Scenario } from './load/scenarios.js'
import { createWriters } from './load/writers.js'

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    threads: { type: 'string', default: '100000' },
    replies: { type: 'string', default: '4' },
    tags: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16,64' },
    'ceiling-duration': { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-ceiling': { type: 'boolean', default: false },
    'no-writes': { type: 'boolean', default: false },
    port: { type: 'string', default: '4310' },
    profile: { type: 'string' },
    'node-flags': { type: 'string' },
  },
})

const shape: DataShape = {
  threads: Number(values.threads),
  replies: Number(values.replies),
  tags: Number(values.tags),
  seed: Number(values.seed),
}
const duration = Number(values.duration)
const warmup = Number(values.warmup)
const ceilingDuration = Math.min(duration, Number(values['ceiling-duration']))
const connectionCounts = values.connections.split(',').map(Number)
const only = values.only ? new RegExp(values.only) : null
const dialects = (values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect]) as (
  'sqlite' | 'postgres'
)[]
const port = Number(values.port)

/** The exact response Quorum gives for the scenario's sample request. */
async function record(base: string, s: Scenario): Promise<RecordedResponse> {
  const res = await fetch(`${base}${s.sample.path}`, {
    method: s.sample.method,
    headers: s.sample.headers,
    body: s.sample.body,
    redirect: 'manual',
  })
  const body = Buffer.from(await res.arrayBuffer())
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => (headers[k] = v))
  return { status: res.status, headers, body: body.toString('base64') }
}

async function benchDialect(dialect: 'sqlite' | 'postgres', rows: Row[]): Promise<void> {
  console.error(`\n== ${dialect}: ${describeShape(shape)} ==`)
  const databaseUrl = await ensureDatabase(dialect, shape)
  const targets = await findTargets(databaseUrl)
  const server = await startQuorum(databaseUrl, port, {
    profileDir: values.profile,
    nodeFlags: values['node-flags']?.split(/\s+/).filter(Boolean),
  })
  const scenarios = readScenarios(targets)
  try {
    if (!values['no-writes'])
      scenarios.push(writeScenario(targets, await createWriters(server.url, databaseUrl, 16)))
    for (const scenario of scenarios) {
      if (only && !only.test(scenario.name)) continue
      const recorded = await record(server.url, scenario)
      const responseFile = path.join(os.tmpdir(), `quorum-ceiling-${process.pid}.json`)
      fs.writeFileSync(responseFile, JSON.stringify(recorded))
      for (const connections of connectionCounts) {
        const rss = sampleRss(server.process.pid ?? 0)
        const quorum = await measure(server.url, scenario.load, connections, duration, warmup)
        const serverPeakRss = rss.stop()
        let ceiling = null
        if (!values['no-ceiling']) {
          const bare = await startCeiling(responseFile, port + 1)
          try {
            ceiling = await measure(
              bare.url,
              scenario.load,
              connections,
              ceilingDuration,
              Math.min(warmup, 2),
            )
          } finally {
            await bare.stop()
          }
        }
        const row: Row = {
          dialect,
          scenario: scenario.name,
          connections,
          quorum,
          serverPeakRss,
          ceiling,
        }
        rows.push(row)
        console.error(formatRow(row).join('  '))
      }
    }
  } finally {
    const hwm = peakRss(server.process.pid ?? 0)
    console.error(
      `${dialect}: server peak RSS over the run (VmHWM) ${(hwm / 2 ** 20).toFixed(0)} MB`,
    )
    await server.stop()
  }
}

pinLoadGenerator()
const rows: Row[] = []
const started = new Date()
for (const dialect of dialects) await benchDialect(dialect, rows)
console.log(`\n${table(rows)}`)
const file = writeResults(
  `${started.toISOString().slice(0, 16).replace(/[:T]/g, '-')}-${dialects.join('+')}-${describeShape(shape)}`,
  {
    started: started.toISOString(),
    machine: machine(),
    pinning: PINNING,
    shape,
    duration,
    warmup,
    ceilingDuration,
    connections: connectionCounts,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    // What the server's node ran with: npm start's flags, then --node-flags (a later flag wins).
    serverNodeFlags: [
      ...SERVER_NODE_FLAGS,
      ...(values['node-flags']?.split(/\s+/).filter(Boolean) ?? []),
    ],
    results: rows,
  },
)
console.log(`\nWrote ${path.relative(ROOT, file)}`)
