// Compiles the server (tsc -> dist/), Quorum's SQLite extension (cc -> dist/native/) and, when present,
// the browser islands (esbuild -> public/build/).
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

buildSqliteExtension()

/**
 * Islands import pure helpers from views/ (count-noun, byte-size), and those reach the domain's format
 * feature through its index, whose neighbours (shared: ids, secrets) import node:crypto and Kysely.
 * Domain modules have no top-level effects a browser needs, so they are marked side-effect free: esbuild
 * then keeps only what the islands call, and a Node built-in imported by something unused is left out
 * instead of failing the build.
 */
const pureDomain = {
  name: 'pure-domain',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({
      path: args.path,
      external: true,
      sideEffects: false,
    }))
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'pure-domain') return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'pure-domain',
      })
      const inDomain = resolved.path.startsWith(path.join(root, 'src', 'domain') + path.sep)
      return inDomain ? { ...resolved, sideEffects: false } : resolved
    })
  },
}

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
    plugins: [pureDomain],
  })
  // Passkeys (WebAuthn) apart: only the sign-in and security pages load it, so main.js stays small.
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'client', 'passkeys.ts')],
    outfile: path.join(root, 'public', 'build', 'passkeys.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    sourcemap: true,
    logLevel: 'warning',
  })
}
fs.writeFileSync(path.join(root, 'dist', '.build-stamp'), new Date().toISOString())

/**
 * quorum_rank (src/domain/search/native/quorum_rank.c), against the SQLite headers better-sqlite3 ships.
 * Optional: without a C compiler search ranks with FTS5's bm25(), which gives the same order more slowly.
 */
function buildSqliteExtension() {
  const source = path.join(root, 'src', 'domain', 'search', 'native', 'quorum_rank.c')
  const headers = path.join(root, 'node_modules', 'better-sqlite3', 'deps', 'sqlite3')
  // No platform suffix: SQLite loads the file by its exact path, so the loader needs no table of them.
  const out = path.join(root, 'dist', 'native', 'quorum_rank')
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const cc = process.env.CC || 'cc'
  const shared = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared']
  try {
    execFileSync(cc, ['-O2', '-fPIC', ...shared, '-I', headers, '-o', out, source, '-lm'], {
      stdio: 'inherit',
      cwd: root,
    })
  } catch (error) {
    console.warn(
      `Could not compile ${path.relative(root, source)} with ${cc} (${error.message}); search will rank with bm25().`,
    )
  }
}
