// `npm start`: installs dependencies when they are missing, builds when the sources are newer than the
// last build, then runs `quorum start` (migrate, seed the demo forum into an empty database, serve).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from './ensure-built.mjs'
import { SERVER_NODE_FLAGS } from './node-flags.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.error('Installing dependencies (npm ci)…')
  execFileSync(npm, ['ci'], { stdio: 'inherit', cwd: root })
}

ensureBuilt()

const child = spawn(
  process.execPath,
  [...SERVER_NODE_FLAGS, path.join(root, 'bin', 'quorum.js'), 'start', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
