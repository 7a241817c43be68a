/**
 * What Quorum promises about the flags of the server's node (scripts/node-flags.mjs): docs/configuration.md
 * tells anyone who starts bin/quorum.js another way (systemd, a container) to pass exactly these, on the
 * command line or in NODE_OPTIONS, and node takes them both ways. That `npm start` passes them is
 * test/integration/cli/start-script.test.ts; what they do to the server's memory is measured by
 * `npm run bench` (docs/performance-log.md), since V8's heap sizes are V8's to test, not Quorum's.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../../scripts/node-flags.mjs'

const DOC = fs.readFileSync(path.resolve('docs/configuration.md'), 'utf8')
/** The doc's section on the server's node, up to the test-only variables that follow it. */
const SECTION = DOC.slice(DOC.indexOf("## The server's node"), DOC.indexOf('Test-only variables'))
const FLAGS = SERVER_NODE_FLAGS.join(' ')

describe('the server node flags', () => {
  it('are the ones docs/configuration.md names, and only those', () => {
    expect(SECTION).toContain('scripts/node-flags.mjs')
    const named = new Set(SECTION.match(/--[a-z][a-z0-9-]*(?:=[^\s`"]+)?/g))
    expect([...named].sort()).toEqual([...SERVER_NODE_FLAGS].sort())
  })

  it('appear in the doc’s command for starting bin/quorum.js with node', () => {
    expect(SECTION).toContain(`node ${FLAGS} bin/quorum.js start`)
  })

  it('are accepted by node in NODE_OPTIONS, the other way the doc offers', () => {
    expect(SECTION).toMatch(/NODE_OPTIONS=["']?--/)
    const run = spawnSync(process.execPath, ['-e', '0'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: FLAGS },
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
