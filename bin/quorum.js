#!/usr/bin/env node
// The `quorum` command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/src/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  console.error(
    'Quorum is not built yet: run `npm install` (or `npm run build`) in ' +
      fileURLToPath(new URL('..', import.meta.url)),
  )
  process.exit(1)
}
const { main } = await import(entry.href)
process.exitCode = await main(process.argv.slice(2))
