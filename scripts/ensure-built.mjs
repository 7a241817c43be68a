// Builds Quorum (scripts/build.mjs) when src/ holds a file newer than the last build's stamp, so whatever
// runs bin/quorum.js (npm start, the load benchmarks) runs the sources as they are now.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const full = path.join(dir, e.name)
    return Math.max(max, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs)
  }, 0)

/** Builds when dist/ is missing or older than src/; returns whether it built. */
export function ensureBuilt() {
  const stamp = path.join(root, 'dist', '.build-stamp')
  if (fs.existsSync(stamp) && newest(path.join(root, 'src')) <= fs.statSync(stamp).mtimeMs)
    return false
  console.error('Building…')
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
    cwd: root,
  })
  return true
}
