// Compiles the server (tsc -> dist/) and, when present, the browser islands (esbuild -> public/build/).
// Runs on `npm install` (prepare) and from `npm start` when sources are newer than the last build.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
if (!fs.existsSync(tsc)) {
  console.error('TypeScript is not installed; run `npm install` first.')
  process.exit(1)
}
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true })
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
})

const islands = path.join(root, 'src', 'client', 'main.ts')
if (fs.existsSync(islands)) {
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: [islands],
    outfile: path.join(root, 'public', 'build', 'main.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  })
}
fs.writeFileSync(path.join(root, 'dist', '.build-stamp'), new Date().toISOString())
