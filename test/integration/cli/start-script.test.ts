/**
 * `npm start` (scripts/start.mjs) runs the server's node with the flags in scripts/node-flags.mjs, and
 * `quorum start` serves the database it migrated and seeded, which for `sqlite::memory:` means the same
 * connection. Linux: the server's command line is read from /proc.
 */
import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../../scripts/node-flags.mjs'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

describe.runIf(process.platform === 'linux')('npm start', () => {
  it('starts the server with the node flags of scripts/node-flags.mjs, serving the seeded forum', async () => {
    const port = await freePort()
    const start = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: 'sqlite::memory:',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
    })
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        const timer = setTimeout(() => reject(new Error(`no "is serving" in:\n${out}`)), 90_000)
        // `quorum start` writes its log lines, "Quorum is serving …" among them, to stderr.
        start.stderr.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('is serving')) {
            clearTimeout(timer)
            resolve()
          }
        })
        start.on('exit', (code) => reject(new Error(`start.mjs exited (${code}):\n${out}`)))
      })
      const server = execFileSync('pgrep', ['-P', String(start.pid)], { encoding: 'utf8' }).trim()
      const argv = fs.readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0')
      expect(argv).toContain(path.join(ROOT, 'bin', 'quorum.js'))
      for (const flag of SERVER_NODE_FLAGS) expect(argv.indexOf(flag)).toBeGreaterThan(0)
      expect(argv.indexOf(SERVER_NODE_FLAGS[0] ?? '')).toBeLessThan(argv.indexOf('start'))

      // The in-memory database the demo was seeded into is the one being served.
      const home = await fetch(`http://127.0.0.1:${port}/`)
      expect(home.status).toBe(200)
      expect(await home.text()).toMatch(/href="\/threads\/\d+/)
    } finally {
      if (start.exitCode === null && start.signalCode === null) {
        const exited = new Promise((resolve) => start.once('exit', resolve))
        start.kill('SIGTERM')
        await exited
      }
    }
  }, 120_000)
})

/** A port nothing listens on right now (the kernel's pick, released again). */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
