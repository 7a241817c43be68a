// `npm start`: installs dependencies when they are missing, builds when the sources are newer than the
// last build, then runs `quorum start` (migrate, seed the demo forum into an empty database, serve).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.error('Installing dependencies (npm ci)…')
  execFileSync(npm, ['ci'], { stdio: 'inherit', cwd: root })
}

const stamp = path.join(root, 'dist', '.build-stamp')
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const full = path.join(dir, e.name)
    return Math.max(max, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs)
  }, 0)
if (!fs.existsSync(stamp) || newest(path.join(root, 'src')) > fs.statSync(stamp).mtimeMs) {
  console.error('Building…')
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
    cwd: root,
  })
}

const child = spawn(
  process.execPath,
  [path.join(root, 'bin', 'quorum.js'), 'start', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
