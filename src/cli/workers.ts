/**
 * `quorum start|serve --workers N` (WORKERS): N server processes on one port through node:cluster.
 * - The primary has migrated (and seeded) before it forks; it serves nothing itself. It forks the
 *   workers, each of which runs `serve` (cli/commands.ts) on the shared port, and says "Quorum is serving"
 *   once every one listens.
 * - A worker that dies (a crash, kill -9) is forked again. A worker that dies within
 *   {@link STABLE_MS} of its start doubles the wait before the next fork (250 ms, 500 ms, ... at most
 *   {@link BACKOFF_CAP_MS}), so a crash loop does not spin; one that lived longer resets it. If no worker
 *   has ever listened, a worker's death ends the primary (exit 1): the settings are wrong, not the luck.
 * - SIGTERM or SIGINT: the primary asks every worker to stop. Each drains (keeps serving for
 *   {@link DRAIN_MS} while every response says `Connection: close` and /readyz answers 503, so requests
 *   already on their way are answered and clients move off its kept-alive connections), then closes as a
 *   single process does (http/plugins/shutdown.ts). The primary exits 0 once all have exited 0; a worker
 *   still running after {@link STOP_DEADLINE_MS} is killed, and the exit code is 1.
 * - /metrics in a worker asks the primary, which gathers every worker's registry (prom-client's
 *   AggregatorRegistry): one scrape sees the whole machine.
 * - Live updates: on PostgreSQL every worker hears every event through LISTEN/NOTIFY (http/plugins/live.ts).
 *   On SQLite a worker sends its events to the primary, which passes them to every worker.
 * The jobs runner runs in every worker (JOBS): jobs are claimed row by row with a lease, so workers share
 * them as separate machines do (docs/jobs.md). The primary runs none.
 */
import cluster, { type Worker } from 'node:cluster'
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client'
import type { LiveHub, LiveMessage } from '../http/live.js'

/** A worker that dies sooner than this after its start was not healthy: the next fork waits longer. */
export const STABLE_MS = 10_000
const BACKOFF_FIRST_MS = 250
const BACKOFF_CAP_MS = 30_000
/** How long a stopping worker goes on answering, with `Connection: close`, before it closes. */
export const DRAIN_MS = 1000
/** How long the primary waits for its workers to stop before it kills them. */
const STOP_DEADLINE_MS = 20_000
const METRICS_TIMEOUT_MS = 5000

type Message =
  | { type: 'quorum:stop' }
  | { type: 'quorum:metrics?'; id: number }
  | { type: 'quorum:metrics'; id: number; text: string | null }
  | { type: 'quorum:live'; message: LiveMessage }

export function isClusterWorker(): boolean {
  return cluster.isWorker
}

/**
 * The primary: forks `count` workers running this same command, keeps them running, stops them on a
 * signal. Resolves with the process's exit code. `serving` is printed once all of them listen.
 */
export function runPrimary(count: number, serving: string): Promise<number> {
  const aggregator = new AggregatorRegistry<PrometheusContentType>()
  const bornAt = new Map<Worker, number>()
  let quickDeaths = 0
  let everListened = false
  let listening = 0
  let stopping = false
  let failed = false
  const refork = new Set<NodeJS.Timeout>()

  return new Promise<number>((resolve) => {
    const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead()).length
    const fork = () => {
      const worker = cluster.fork()
      bornAt.set(worker, Date.now())
      worker.on('message', (message: Message) => void answer(worker, message))
      worker.once('listening', () => {
        if (everListened) return
        if (++listening === count) {
          everListened = true
          console.error(`${serving} with ${count} workers`)
        }
      })
    }

    const answer = async (from: Worker, message: Message) => {
      if (message.type === 'quorum:metrics?') {
        const text = await aggregator.clusterMetrics().catch(() => null)
        if (from.isConnected()) from.send({ type: 'quorum:metrics', id: message.id, text })
      } else if (message.type === 'quorum:live') {
        for (const worker of Object.values(cluster.workers ?? {}))
          if (worker?.isConnected()) worker.send(message)
      }
    }

    cluster.on('exit', (worker, code, signal) => {
      const lived = Date.now() - (bornAt.get(worker) ?? 0)
      bornAt.delete(worker)
      if (stopping) {
        if (code !== 0) failed = true
        if (alive() === 0) resolve(failed ? 1 : 0)
        return
      }
      const how = signal ? `signal ${signal}` : `code ${code}`
      if (!everListened) {
        console.error(`A worker exited (${how}) before the workers were serving; stopping.`)
        failed = true
        stop()
        if (alive() === 0) resolve(1)
        return
      }
      quickDeaths = lived < STABLE_MS ? quickDeaths + 1 : 0
      const wait =
        quickDeaths === 0 ? 0 : Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** (quickDeaths - 1))
      console.error(`Worker ${worker.process.pid} exited (${how}); forking another in ${wait} ms.`)
      const timer = setTimeout(() => {
        refork.delete(timer)
        fork()
      }, wait)
      refork.add(timer)
    })

    const stop = () => {
      if (stopping) return
      stopping = true
      for (const timer of refork) clearTimeout(timer)
      if (alive() === 0) resolve(failed ? 1 : 0)
      for (const worker of Object.values(cluster.workers ?? {}))
        if (worker?.isConnected()) worker.send({ type: 'quorum:stop' } satisfies Message)
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
        failed = true
      }, STOP_DEADLINE_MS).unref()
    }
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.on(signal, () => {
        console.error(`${signal}: stopping ${alive()} workers.`)
        stop()
      })

    for (let i = 0; i < count; i++) fork()
  })
}

/** What a worker needs from the primary: stop requests, the whole cluster's metrics, live events. */
export interface WorkerLink {
  /** Every worker's metrics as Prometheus text (falls back to this worker's own). */
  aggregate(): Promise<string>
  /** Hands the app's registry to prom-client's cluster aggregation and its hub to the relay. */
  attach(registry: Registry, hub: LiveHub, relayLive: boolean): void
  /** Calls `stop` when the primary asks this worker to stop. */
  onStop(stop: () => void): void
}

let answering: AggregatorRegistry<PrometheusContentType> | undefined

export function workerLink(): WorkerLink {
  let nextId = 0
  let registry: Registry | undefined
  let hub: LiveHub | undefined
  const waiting = new Map<number, (text: string | null) => void>()
  const stops: (() => void)[] = []
  process.on('message', (message: Message) => {
    if (message.type === 'quorum:metrics') waiting.get(message.id)?.(message.text)
    else if (message.type === 'quorum:stop') for (const stop of stops) stop()
    else if (message.type === 'quorum:live' && hub)
      hub.deliver(message.message.channel, message.message.type, message.message.data)
  })
  return {
    aggregate: async () => {
      const id = ++nextId
      const text = await new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), METRICS_TIMEOUT_MS)
        waiting.set(id, (value) => {
          clearTimeout(timer)
          resolve(value)
        })
        process.send?.({ type: 'quorum:metrics?', id } satisfies Message)
      })
      waiting.delete(id)
      return text ?? (await (registry?.metrics() ?? Promise.resolve('')))
    },
    attach: (appRegistry, appHub, relayLive) => {
      registry = appRegistry
      AggregatorRegistry.setRegistries([appRegistry])
      // Constructing one installs prom-client's answer to the primary's requests (its lib/cluster.js).
      answering ??= new AggregatorRegistry<PrometheusContentType>()
      if (!relayLive) return
      hub = appHub
      appHub.transport = (message) =>
        process.send?.({ type: 'quorum:live', message } satisfies Message)
    },
    onStop: (stop) => void stops.push(stop),
  }
}
