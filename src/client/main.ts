/**
 * Browser entry, bundled by esbuild into public/build/main.js and loaded as an external module
 * (the CSP allows no inline script). Module scripts run after parsing, so the DOM is ready.
 */
import { wireIslands } from './islands.js'
import { browserDeps, type IslandDeps } from './lib/deps.js'

const deps: IslandDeps = browserDeps((root) => wireIslands(root, deps))
wireIslands(document, deps)
