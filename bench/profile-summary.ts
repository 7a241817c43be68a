/**
 * `npm run bench:profile-summary -- DIR_OR_FILE [--top 25]`: the top functions of a V8 CPU profile (what
 * `npm run bench -- --profile DIR` writes), by self time, with each one's share of the samples, plus a few
 * inclusive groups (rendering, Kysely, SQLite, GC) that the self-time list scatters over many functions.
 * docs/performance.md keeps the summaries of issue 29's profiles.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
})
const target = positionals[0]
if (!target) throw new Error('usage: bench:profile-summary DIR_OR_FILE [--top 25]')
const file = fs.statSync(target).isDirectory()
  ? fs
      .readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(target, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
  : target
if (!file) throw new Error(`no .cpuprofile in ${target}`)
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const hits = new Map<number, number>()
for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1)
const idle = new Set(['(idle)', '(program)'])
let total = 0
for (const [id, n] of hits) {
  const name = byId.get(id)?.callFrame.functionName ?? ''
  if (!idle.has(name)) total += n
}

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^.*\/(node_modules|src|dist)\//, '$1/')
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`
}
const self = new Map<string, number>()
for (const [id, n] of hits) {
  const node = byId.get(id)
  if (!node || idle.has(node.callFrame.functionName)) continue
  self.set(label(node), (self.get(label(node)) ?? 0) + n)
}

/** Inclusive share: samples with any frame on their stack matching `test` (each sample counted once). */
function inclusive(test: (n: ProfileNode) => boolean): number {
  let sum = 0
  for (const [id, n] of hits) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)
      if (node && test(node)) {
        sum += n
        break
      }
    }
  }
  return sum
}
const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`
const urlHas = (s: string) => (n: ProfileNode) => n.callFrame.url.includes(s)
const groups: [string, (n: ProfileNode) => boolean][] = [
  ['garbage collection', (n) => n.callFrame.functionName === '(garbage collector)'],
  ['preact-render-to-string', urlHas('preact-render-to-string')],
  ['kysely (building and compiling queries)', urlHas('/kysely/')],
  [
    'better-sqlite3 / pg (driver and database)',
    (n) => /better-sqlite3|\/pg\/|pg-protocol/.test(n.callFrame.url),
  ],
  ['fastify', urlHas('/fastify/')],
  ['slugify', (n) => n.callFrame.functionName === 'slugify'],
]

console.log(`${path.basename(file)}: ${total} samples, not idle`)
console.log('\nself time')
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${pct(n)}  ${name}`)
console.log('\ninclusive')
for (const [name, test] of groups) console.log(`${pct(inclusive(test))}  ${name}`)
