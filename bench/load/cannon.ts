/**
 * One measurement: autocannon against a URL (or a list of requests) for a warm-up, whose numbers are
 * thrown away, then for the measured duration, keeping every response time for exact percentiles.
 */
import autocannon, { type Client, type Request } from 'autocannon'

export interface Load {
  /** Requests each connection cycles through (a GET of the scenario's path when absent). */
  requests: (connection: number) => Request[]
}

export interface Measured {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  max: number
  total: number
  errors: number
  non2xx: number
  /** Responses with status 400 or more (non2xx also counts the 3xx of form posts). */
  failed: number
  statuses: Record<string, number>
}

async function once(
  base: string,
  load: Load,
  connections: number,
  seconds: number,
): Promise<Measured> {
  const times: number[] = []
  let connection = 0
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    setupClient: (client: Client) => client.setRequests(load.requests(connection++)),
  })
  instance.on('response', (_client: Client, _status: number, _bytes: number, time: number) => {
    times.push(time)
  })
  const result = await instance
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
  const statuses: Record<string, number> = {}
  let failed = 0
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = Number(count)
    if (Number(code) >= 400) failed += Number(count)
  }
  return {
    requestsPerSecond: times.length / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: times.at(-1) ?? 0,
    total: times.length,
    errors: result.errors,
    non2xx: result.non2xx,
    failed,
    statuses,
  }
}

/** Warms up, then measures. */
export async function measure(
  base: string,
  load: Load,
  connections: number,
  seconds: number,
  warmupSeconds: number,
): Promise<Measured> {
  if (warmupSeconds > 0) await once(base, load, connections, warmupSeconds)
  return once(base, load, connections, seconds)
}

/** Requests that GET one path. */
export function getPath(path: string): Load {
  return { requests: () => [{ method: 'GET', path }] }
}

/**
 * GETs of a path with a query parameter that changes on every request, so no cache can answer: what a
 * page costs to build (or, for search, what a query costs to run).
 */
export function getUncached(path: string): Load {
  let n = 0
  const sep = path.includes('?') ? '&' : '?'
  return {
    requests: () => [
      {
        method: 'GET',
        path,
        setupRequest: (request) => ({ ...request, path: `${path}${sep}bench=${n++}` }),
      },
    ],
  }
}

/** GETs that rotate over many paths (a crawler walking thread pages). */
export function getRotating(paths: readonly string[]): Load {
  let n = 0
  return {
    requests: () => [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[n++ % paths.length] ?? '/' }),
      },
    ],
  }
}
