#!/usr/bin/env node
/**
 * The import rules of docs/architecture.md, run by `npm run lint`. dependency-cruiser reads the whole
 * graph and checks the rules in .dependency-cruiser.cjs (no module cycle, features reached through their
 * index.ts, the database layer below everything). One rule it cannot state is checked here on its
 * result: no cycle between features, counted by folder under src/domain/ (a cycle can pass through two
 * features' index files without any single module depending on itself).
 */
import { createRequire } from 'node:module'
import { cruise } from 'dependency-cruiser'

const require = createRequire(import.meta.url)
const config = require('../.dependency-cruiser.cjs')

const { output } = await cruise(['src'], {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden },
})

const problems = (output.summary.violations ?? []).map(
  (v) =>
    `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`,
)

const featureOf = (path) => /^src\/domain\/([^/]+)\//.exec(path)?.[1]
const edges = new Map()
for (const module of output.modules) {
  const from = featureOf(module.source)
  if (!from) continue
  for (const dep of module.dependencies) {
    const to = featureOf(dep.resolved)
    if (!to || to === from) continue
    if (!edges.has(from)) edges.set(from, new Map())
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} → ${dep.resolved}`)
  }
}
const done = new Set()
const path = []
const visit = (feature) => {
  const at = path.indexOf(feature)
  if (at >= 0) {
    const loop = [...path.slice(at), feature]
    const via = loop.slice(0, -1).map((f, i) => edges.get(f).get(loop[i + 1]))
    problems.push(`feature cycle: ${loop.join(' → ')}\n    ${via.join('\n    ')}`)
    return
  }
  if (done.has(feature)) return
  path.push(feature)
  for (const next of edges.get(feature)?.keys() ?? []) visit(next)
  path.pop()
  done.add(feature)
}
for (const feature of edges.keys()) visit(feature)

if (problems.length > 0) {
  console.error(
    `Architecture: ${problems.length} problem(s) (docs/architecture.md, "Import rules"):`,
  )
  for (const p of problems) console.error(`  ${p}`)
  process.exit(1)
}
console.log(
  `Architecture: ${output.summary.totalCruised} modules, ${edges.size} features with dependencies, no cycle, every rule kept.`,
)
