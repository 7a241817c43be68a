// The slice of autocannon's API the load scenarios use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  }
  export interface Client extends EventEmitter {
    setRequests(requests: Request[]): void
  }
  export interface Histogram {
    average: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    max: number
  }
  export interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    statusCodeStats: Record<string, { count: number }>
  }
  export interface Options {
    url: string
    connections?: number
    duration?: number
    requests?: Request[]
    headers?: Record<string, string>
    setupClient?: (client: Client) => void
    timeout?: number
  }
  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void
  }
  export default function autocannon(options: Options): Instance
}
