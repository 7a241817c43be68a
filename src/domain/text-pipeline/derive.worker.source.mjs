// The derive worker when Quorum runs from its TypeScript sources (tests, benches): registers tsx's
// loader in the worker thread, then hands piscina the worker's handler. Node 20 does not apply the
// parent's `--import tsx` to a worker's entry, and Vitest's runner has no loader a worker inherits.
// The compiled build (dist/) points piscina at derive.worker.js and never loads this file.
const { register } = await import('tsx/esm/api')
register()
const worker = await import('./derive.worker.ts')
export default worker.default
