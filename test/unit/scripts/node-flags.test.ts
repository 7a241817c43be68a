/**
 * The flags `npm start` and the load benchmark give the server's node (scripts/node-flags.mjs): node
 * accepts each of them (a misspelt one would stop `npm start` with "bad option"), and the young generation
 * they set holds, where the default grows past it under the same allocations.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../../scripts/node-flags.mjs'

/** The new space's size after allocating 2 M short-lived objects, in a node started with `flags`. */
function youngGenerationBytes(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8')
    let kept = []
    for (let i = 0; i < 2e6; i++) { kept.push({ i }); if (kept.length > 1e5) kept = [] }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
    console.log(space.space_size)`
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return Number(run.stdout.trim())
}

describe('the server node flags', () => {
  it('are accepted by this node', () => {
    for (const flag of SERVER_NODE_FLAGS) {
      const run = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' })
      expect(run.stderr, flag).toBe('')
      expect(run.status, flag).toBe(0)
    }
  })

  it('keep the young generation at two 2 MB semi-spaces, which the default outgrows', () => {
    expect(youngGenerationBytes(SERVER_NODE_FLAGS)).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(youngGenerationBytes([])).toBeGreaterThan(4 * 1024 * 1024)
  })
})
