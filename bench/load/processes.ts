/**
 * Child processes of a benchmark run: the Quorum server and the ceiling server, pinned to one core with
 * taskset when it exists (the load generator, this process, takes the other), and their memory.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from '../../scripts/ensure-built.mjs'
import { SERVER_NODE_FLAGS } from '../../scripts/node-flags.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * The command line of `quorum ARGS` as an argv array: the built CLI (bin/quorum.js, dist/), as `npm start`
 * runs it, built first when src/ changed since the last build. Measured from the sources through tsx, the
 * server carried tsx's loader thread and every module's source map: about 45 MB more RSS at 100,000
 * threads (129 against 174 MB idle; docs/performance-log.md, 2026-12-03 afternoon), which no deployment
 * has.
 */
export function quorumCommand(args: string[], nodeFlags: string[] = []): string[] {
  ensureBuilt()
  return [process.execPath, ...nodeFlags, path.join(ROOT, 'bin', 'quorum.js'), ...args]
}

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
    return os.availableParallelism() > 1
  } catch {
    return false
  }
})()

/** Where things run: servers on core 0, the load generator on core 1 (when there are two). */
export const PINNING = hasTaskset ? { server: '0', load: '1' } : null

/** Moves this process (the load generator) to its core. */
export function pinLoadGenerator(): void {
  if (PINNING)
    execFileSync('taskset', ['-cp', PINNING.load, String(process.pid)], { stdio: 'ignore' })
}

export interface Server {
  process: ChildProcess
  url: string
  stop(): Promise<void>
}

function spawnPinned(argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const full = PINNING ? ['taskset', '-c', PINNING.server, ...argv] : argv
  const [command, ...args] = full
  return spawn(command ?? process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Waits for a line on stdout or stderr that passes `ready`, or fails when the process exits. */
function waitFor(
  child: ChildProcess,
  ready: (line: string) => boolean,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.split('\n').some(ready)) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`${what} exited (${code}):\n${output.slice(-2000)}`)),
    )
  })
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

/**
 * Starts `quorum serve` on the database (production settings, no rate limit, warnings only). With
 * `profileDir`, the server writes a V8 CPU profile there when it stops (`npm run bench -- --profile DIR`);
 * Its node runs with the flags `npm start` passes (scripts/node-flags.mjs), then `nodeFlags`
 * (`--node-flags`, for A/B runs of V8 settings; a later flag wins, so these can override).
 */
export async function startQuorum(
  databaseUrl: string,
  port: number,
  { profileDir, nodeFlags = [] }: { profileDir?: string; nodeFlags?: string[] } = {},
): Promise<Server> {
  const flags = [
    ...SERVER_NODE_FLAGS,
    ...nodeFlags,
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ]
  const child = spawnPinned(quorumCommand(['serve'], flags), {
    ...process.env,
    NODE_ENV: 'production',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // One process on its core (WORKERS=auto would fork one per core on PostgreSQL); bench/workers.ts
    // measures several.
    WORKERS: '1',
    // Each bench writer registers from its own address (X-Forwarded-For), as people do.
    TRUST_PROXY: '1',
  })
  // BENCH_SERVER_LOG=FILE keeps what the server printed (its warnings and errors, LOG_LEVEL=warn).
  const log = process.env.BENCH_SERVER_LOG
  if (log !== undefined && log !== '') {
    const out = fs.createWriteStream(log, { flags: 'a' })
    child.stdout?.pipe(out)
    child.stderr?.pipe(out)
  }
  await waitFor(child, (line) => line.includes('is serving'), 'quorum serve')
  return { process: child, url: `http://127.0.0.1:${port}`, stop: stopper(child) }
}

/** Starts the bare node:http server that replays one recorded response. */
export async function startCeiling(responseFile: string, port: number): Promise<Server> {
  const child = spawnPinned(
    [
      process.execPath,
      '--import',
      'tsx',
      path.join(ROOT, 'bench', 'load', 'ceiling.ts'),
      String(port),
      responseFile,
    ],
    process.env,
  )
  await waitFor(child, (line) => line === 'ready', 'ceiling server')
  return { process: child, url: `http://127.0.0.1:${port}`, stop: stopper(child) }
}

/** Samples a process's resident memory every 100 ms; `stop` returns the peak in bytes. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peak = Math.max(peak, kb * 1024)
    } catch {
      // the process is gone, or this is not Linux: no sample
    }
  }
  read()
  const timer = setInterval(read, 100)
  return {
    stop() {
      clearInterval(timer)
      read()
      return peak
    },
  }
}

/** The process's lifetime peak resident memory (VmHWM), in bytes; 0 where /proc is missing. */
export function peakRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}
