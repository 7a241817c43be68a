/**
 * The only reader of process.env. Every setting is declared in `SETTINGS` with its default and a line
 * of documentation; `loadConfig` validates all of them at once and returns a frozen object, or throws a
 * ConfigError listing every bad value. docs/configuration.md documents each key (a test checks it).
 */
import { isIP } from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type Dialect = 'sqlite' | 'postgres'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface DatabaseConfig {
  dialect: Dialect
  /** SQLite: a file path or ':memory:'. PostgreSQL: the connection string. */
  url: string
  /** PostgreSQL only: the schema to use (search_path); tests give each file its own. */
  schema?: string
}

export interface ReplicasConfig {
  /** postgres:// URLs of streaming replicas of DATABASE_URL; empty: every read goes to the primary. */
  urls: readonly string[]
  /** A replica further behind than this is skipped until it catches up (DATABASE_REPLICA_MAX_LAG_SECONDS). */
  maxLagMs: number
}

export interface Config {
  port: number
  host: string
  database: DatabaseConfig
  /** PostgreSQL read replicas (DATABASE_REPLICA_URLS) and the lag past which one is skipped. */
  replicas: ReplicasConfig
  logLevel: LogLevel
  env: 'development' | 'production' | 'test'
  /** Absolute origin used in canonical links, feeds and sitemaps, without a trailing slash. */
  publicUrl: string
  /**
   * Which X-Forwarded-* entries to believe: false (none), the number of proxies in front of Quorum, or
   * their addresses and CIDR ranges. Fastify's `trustProxy` takes each form as it is.
   */
  trustProxy: false | number | readonly string[]
  /** Requests per minute one address may make; 0 turns the limit off. */
  rateLimitPerMinute: number
  /** Bytes of uploads the process accepts at once, across requests (UPLOADS_IN_FLIGHT_MB). */
  uploadsInFlightBytes: number
  mail: MailConfig
  /** Run background jobs in this process (JOBS). */
  runJobs: boolean
  /** How long a claimed job is its process's before another may take it over (JOBS_LEASE_SECONDS). */
  jobsLeaseMs: number
  /** Notification mail sent "immediately" waits this long, so one thread's posts make one message (NOTIFY_EMAIL_WINDOW_SECONDS). */
  notifyEmailWindowMs: number
  /** Open live-update streams (GET /events) one IP address may hold (LIVE_STREAMS_PER_IP). */
  liveStreamsPerIp: number
  /**
   * Whether members must confirm their address before they post (REQUIRE_EMAIL_VERIFICATION): `auto`
   * gates when mail can be delivered (SMTP_URL set) and only reminds otherwise.
   */
  requireEmailVerification: 'auto' | 'always' | 'never'
  /** OpenID Connect providers people may sign in with (OIDC_PROVIDERS and OIDC_<N>_*); empty: none. */
  oidcProviders: readonly OidcProviderConfig[]
  /** Server processes `quorum start` and `quorum serve` run (WORKERS; `auto` resolved here). */
  workers: number
  /** Addresses and CIDR ranges that may read /metrics (METRICS_ALLOW); everyone else gets 404. */
  metricsAllow: readonly string[]
  /** Redis shared by the app processes (REDIS_URL, REDIS_PREFIX); null: every process keeps its own. */
  redis: RedisConfig | null
}

export interface RedisConfig {
  /** redis:// or rediss:// URL, with the database number as its path (`/2`) when not 0. */
  url: string
  /** Put before every key and pub/sub channel, so forums (and test files) sharing one Redis stay apart. */
  prefix: string
}

/** One OpenID Connect provider. Its redirect URI is exactly PUBLIC_URL + /auth/oidc/<id>/callback. */
export interface OidcProviderConfig {
  /** Lower-case letters, digits and hyphens: the provider's part of Quorum's URLs. */
  id: string
  /** The issuer URL; discovery reads <issuer>/.well-known/openid-configuration. */
  issuer: string
  clientId: string
  clientSecret: string
  /** Shown on the button: "Sign in with <name>". */
  name: string
}

export interface MailConfig {
  /** smtp:// or smtps:// URL of the mail server; null writes each message to `outbox` instead. */
  smtpUrl: string | null
  /** The From address: `Name <address>` or a bare address. */
  from: string
  /** Folder for .eml files when there is no SMTP server (absolute). */
  outbox: string
}

/** Whether unconfirmed members are kept from posting (REQUIRE_EMAIL_VERIFICATION, given SMTP_URL). */
export function isEmailVerificationRequired(config: Config): boolean {
  return config.requireEmailVerification === 'auto'
    ? config.mail.smtpUrl !== null
    : config.requireEmailVerification === 'always'
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

interface Setting {
  default: string
  doc: string
}

/** Every environment variable Quorum reads. */
export const SETTINGS = {
  PORT: { default: '3000', doc: 'TCP port to listen on (1–65535).' },
  HOST: {
    default: '127.0.0.1',
    doc: 'Interface to listen on; 0.0.0.0 to accept connections from other hosts.',
  },
  DATABASE_URL: {
    default: 'sqlite:./data/quorum.db',
    doc: '`sqlite:PATH` (or a plain path, or `sqlite::memory:`) for SQLite; `postgres://user@host:port/db` for PostgreSQL.',
  },
  DATABASE_REPLICA_URLS: {
    default: '',
    doc: 'PostgreSQL only: comma-separated postgres:// URLs of streaming replicas of DATABASE_URL. Anonymous page reads and searches go to them; writes, and reads by whoever just wrote, go to the primary.',
  },
  DATABASE_REPLICA_MAX_LAG_SECONDS: {
    default: '10',
    doc: 'A replica whose last replayed commit is further behind than this (while the primary has moved on), or that does not answer, is skipped until it catches up.',
  },
  LOG_LEVEL: { default: 'info', doc: 'One of fatal, error, warn, info, debug, trace, silent.' },
  NODE_ENV: {
    default: 'development',
    doc: 'development, production or test. Only names the environment in logs; behaviour is set by the other settings.',
  },
  PUBLIC_URL: {
    default: '',
    doc: 'The public origin, e.g. https://forum.example.com; defaults to http://HOST:PORT. Used in canonical links, feeds and sitemaps.',
  },
  RATE_LIMIT_PER_MINUTE: {
    default: '600',
    doc: 'Requests per minute one client address may make before getting 429 (0 turns the limit off, e.g. for load tests).',
  },
  UPLOADS_IN_FLIGHT_MB: {
    default: '64',
    doc: 'Megabytes of uploads (the ask form with attachments) the process receives at once, across all requests; past it, answers are 503 with Retry-After and the form comes back filled in.',
  },
  SMTP_URL: {
    default: '',
    doc: '`smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`; empty writes each message as an .eml file under MAIL_OUTBOX instead, and the log says where.',
  },
  MAIL_FROM: {
    default: '',
    doc: 'The From address of every message, e.g. `Quorum <forum@example.com>`; defaults to `Quorum <no-reply@HOST>` with the host of PUBLIC_URL.',
  },
  MAIL_OUTBOX: {
    default: './data/outbox',
    doc: 'Where messages go as .eml files when SMTP_URL is empty (relative paths from the working directory).',
  },
  JOBS: {
    default: 'true',
    doc: '`true` runs background jobs (mail) in this server process; `false` leaves them to other processes (they wait in the jobs table).',
  },
  JOBS_LEASE_SECONDS: {
    default: '60',
    doc: 'How long a running job belongs to the process that claimed it; a job whose process died is run again by another once this has passed. Longer than the slowest job (a mail: seconds).',
  },
  OIDC_PROVIDERS: {
    default: '',
    doc: 'OpenID Connect providers as a JSON array of {id, issuer, clientId, clientSecret, name}; more can be given as numbered variables OIDC_1_ISSUER, OIDC_1_CLIENT_ID, OIDC_1_CLIENT_SECRET, OIDC_1_NAME (and OIDC_1_ID). Each redirect URI is PUBLIC_URL/auth/oidc/<id>/callback.',
  },
  NOTIFY_EMAIL_WINDOW_SECONDS: {
    default: '300',
    doc: 'Notification mail sent "immediately" waits this long after the first post it tells of, so ten replies to one thread in that window are one message; `0` sends each at once.',
  },
  LIVE_STREAMS_PER_IP: {
    default: '20',
    doc: 'Open live-update streams (`GET /events`, one per open page) one IP address may hold; one more is refused with 429.',
  },
  TRUST_PROXY: {
    default: 'false',
    doc: '`false`, the number of reverse proxies in front of Quorum (`1` for one nginx), or their addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8`): the client is the address the nearest untrusted hop appended to X-Forwarded-For.',
  },
  REQUIRE_EMAIL_VERIFICATION: {
    default: 'auto',
    doc: '`auto`, `always` or `never`: whether a new member must confirm their address before posting. `auto` requires it when SMTP_URL is set and only shows a reminder when mail goes to the outbox.',
  },
  WORKERS: {
    default: 'auto',
    doc: 'Server processes `quorum start` and `quorum serve` run on the one port (node:cluster; `--workers N` overrides it): a whole number 1–256, or `auto`: 1 on SQLite, the number of cores (os.availableParallelism()) on PostgreSQL. An in-memory SQLite database takes 1.',
  },
  METRICS_ALLOW: {
    default: '127.0.0.1,::1',
    doc: 'Comma-separated addresses and CIDR ranges (`10.0.0.0/8`) that may read the Prometheus metrics at `/metrics`; everyone else gets 404. The address is the client as TRUST_PROXY decides it.',
  },
  REDIS_URL: {
    default: '',
    doc: '`redis://[:password@]host:6379[/db]` (or `rediss://` for TLS): what several app processes must agree on goes through it (rate limits, sign-in attempts, view counts, live updates, settings changes; docs/scale.md). Empty: each process keeps its own.',
  },
  REDIS_PREFIX: {
    default: 'quorum:',
    doc: 'Put before every Redis key and pub/sub channel Quorum uses, so several forums can share one Redis.',
  },
} as const satisfies Record<string, Setting>

export type SettingName = keyof typeof SETTINGS

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]
const ENVS = ['development', 'production', 'test'] as const

/**
 * Parses a DATABASE_URL into a dialect and location.
 * @example parseDatabaseUrl('sqlite:./data/q.db') // { dialect: 'sqlite', url: '/abs/data/q.db' }
 */
export function parseDatabaseUrl(value: string, cwd = process.cwd()): DatabaseConfig | string {
  const v = value.trim()
  if (v === '') return 'DATABASE_URL: must not be empty'
  if (/^postgres(ql)?:\/\//i.test(v)) {
    try {
      const url = new URL(v)
      if (!url.hostname) return 'DATABASE_URL: a postgres:// URL needs a host'
      return { dialect: 'postgres', url: v }
    } catch {
      return `DATABASE_URL: "${v}" is not a valid postgres:// URL`
    }
  }
  const file = v.startsWith('sqlite:') ? v.slice('sqlite:'.length) : v
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v))
    return `DATABASE_URL: unsupported scheme in "${v}" (use sqlite:PATH or postgres://...)`
  if (file === '') return 'DATABASE_URL: sqlite: needs a path (or :memory:)'
  if (file === ':memory:') return { dialect: 'sqlite', url: ':memory:' }
  return { dialect: 'sqlite', url: path.resolve(cwd, file) }
}

/**
 * Parses DATABASE_REPLICA_URLS and DATABASE_REPLICA_MAX_LAG_SECONDS, pushing a problem for each bad value.
 * @example parseReplicas('postgres://r1/forum,postgres://r2/forum', '10', 'postgres', [])
 */
export function parseReplicas(
  urls: string,
  maxLagSeconds: string,
  dialect: Dialect | null,
  problems: string[],
): Readonly<ReplicasConfig> {
  const list = urls
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
  for (const url of list) {
    const parsed = parseDatabaseUrl(url)
    if (typeof parsed === 'string' || parsed.dialect !== 'postgres')
      problems.push(`DATABASE_REPLICA_URLS: "${url}" is not a postgres:// URL`)
  }
  if (list.length > 0 && dialect === 'sqlite')
    problems.push('DATABASE_REPLICA_URLS: replicas need a PostgreSQL DATABASE_URL')
  const lag = Number(maxLagSeconds)
  if (!Number.isFinite(lag) || lag <= 0)
    problems.push(
      `DATABASE_REPLICA_MAX_LAG_SECONDS: "${maxLagSeconds}" must be a number of seconds above 0`,
    )
  return Object.freeze({ urls: Object.freeze(list), maxLagMs: lag * 1000 })
}

/** Names proxy-addr knows for the private ranges, accepted in TRUST_PROXY's list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * Parses TRUST_PROXY. `true` is refused: trusting every hop makes the client's own left-most
 * X-Forwarded-For entry its address, so anyone could pick the address rate limits count.
 * @example parseTrustProxy('1') // 1
 * @example parseTrustProxy('127.0.0.1, 10.0.0.0/8') // ['127.0.0.1', '10.0.0.0/8']
 */
export function parseTrustProxy(value: string): Config['trustProxy'] | string {
  const v = value.trim()
  if (v === 'false' || v === '0') return false
  if (v === 'true')
    return 'TRUST_PROXY: "true" would believe addresses clients write themselves; give the number of proxies in front of Quorum (1 for one nginx) or their addresses (127.0.0.1, 10.0.0.0/8)'
  if (/^\d+$/.test(v)) {
    const hops = Number(v)
    return hops <= 10
      ? hops
      : `TRUST_PROXY: "${v}" proxies is more than any real chain (at most 10)`
  }
  const entries = v.split(',').map((e) => e.trim())
  const bad = entries.filter((e) => !NAMED_RANGES.has(e) && !isAddressOrCidr(e))
  if (entries.length === 0 || bad.length > 0)
    return `TRUST_PROXY: "${bad.join(', ') || v}" is not false, a number of proxies, or a list of addresses and CIDR ranges`
  return Object.freeze(entries)
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  const n = Number(bits)
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128)
}

/**
 * Reads and validates the environment. Throws ConfigError naming every bad value.
 * @example const config = loadConfig({ PORT: '8080' })
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const problems: string[] = []
  const get = (name: SettingName): string => {
    const raw = env[name]
    return raw === undefined || raw === '' ? SETTINGS[name].default : raw
  }

  const port = Number(get('PORT'))
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT: "${get('PORT')}" is not a port number (0–65535)`)

  const host = get('HOST')
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host))
    problems.push(`HOST: "${host}" is not a host name or address`)

  const database = parseDatabaseUrl(get('DATABASE_URL'))
  if (typeof database === 'string') problems.push(database)

  const replicas = parseReplicas(
    get('DATABASE_REPLICA_URLS'),
    get('DATABASE_REPLICA_MAX_LAG_SECONDS'),
    typeof database === 'string' ? null : database.dialect,
    problems,
  )

  const logLevel = get('LOG_LEVEL') as LogLevel
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL: "${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`)

  const nodeEnv = get('NODE_ENV') as Config['env']
  if (!ENVS.includes(nodeEnv))
    problems.push(`NODE_ENV: "${nodeEnv}" must be one of ${ENVS.join(', ')}`)

  const trustProxy = parseTrustProxy(get('TRUST_PROXY'))
  if (typeof trustProxy === 'string') problems.push(trustProxy)

  const rateLimit = Number(get('RATE_LIMIT_PER_MINUTE'))
  if (!Number.isInteger(rateLimit) || rateLimit < 0)
    problems.push(
      `RATE_LIMIT_PER_MINUTE: "${get('RATE_LIMIT_PER_MINUTE')}" must be a whole number, 0 or more`,
    )

  const uploadsMb = Number(get('UPLOADS_IN_FLIGHT_MB'))
  if (!Number.isInteger(uploadsMb) || uploadsMb < 1)
    problems.push(
      `UPLOADS_IN_FLIGHT_MB: "${get('UPLOADS_IN_FLIGHT_MB')}" must be a whole number, 1 or more`,
    )

  const smtpUrl = get('SMTP_URL')
  if (smtpUrl !== '' && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl))
    problems.push('SMTP_URL: must be smtp://user:pass@host:port or smtps://...')
  const leaseSeconds = Number(get('JOBS_LEASE_SECONDS'))
  if (!Number.isInteger(leaseSeconds) || leaseSeconds < 1)
    problems.push(
      `JOBS_LEASE_SECONDS: "${get('JOBS_LEASE_SECONDS')}" must be a whole number, 1 or more`,
    )
  const emailWindow = Number(get('NOTIFY_EMAIL_WINDOW_SECONDS'))
  if (!Number.isInteger(emailWindow) || emailWindow < 0)
    problems.push(
      `NOTIFY_EMAIL_WINDOW_SECONDS: "${get('NOTIFY_EMAIL_WINDOW_SECONDS')}" must be a whole number, 0 or more`,
    )
  const liveCap = Number(get('LIVE_STREAMS_PER_IP'))
  if (!Number.isInteger(liveCap) || liveCap < 1)
    problems.push(
      `LIVE_STREAMS_PER_IP: "${get('LIVE_STREAMS_PER_IP')}" must be a whole number, 1 or more`,
    )
  const jobs = get('JOBS')
  if (jobs !== 'true' && jobs !== 'false') problems.push(`JOBS: "${jobs}" must be true or false`)

  const requireVerification = get('REQUIRE_EMAIL_VERIFICATION')
  if (!['auto', 'always', 'never'].includes(requireVerification))
    problems.push(
      `REQUIRE_EMAIL_VERIFICATION: "${requireVerification}" must be auto, always or never`,
    )

  let publicUrl = get('PUBLIC_URL')
  if (publicUrl === '') {
    const shownHost =
      host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
    publicUrl = `http://${shownHost}:${port}`
  } else if (!/^https?:\/\/[^/\s]+$/.test(publicUrl.replace(/\/$/, ''))) {
    problems.push(
      `PUBLIC_URL: "${publicUrl}" must be an http(s) origin such as https://forum.example.com`,
    )
  }

  const oidcProviders = parseOidcProviders(env, problems)
  const workers = parseWorkers(get('WORKERS'), typeof database === 'string' ? null : database)
  if (typeof workers === 'string') problems.push(workers)
  const metricsAllow = parseAddressList('METRICS_ALLOW', get('METRICS_ALLOW'))
  if (typeof metricsAllow === 'string') problems.push(metricsAllow)

  const redisUrl = get('REDIS_URL').trim()
  if (redisUrl !== '' && !isRedisUrl(redisUrl))
    problems.push('REDIS_URL: must be redis://host:port[/db] or rediss://... (empty: no Redis)')
  const redisPrefix = get('REDIS_PREFIX')
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(redisPrefix))
    problems.push(
      `REDIS_PREFIX: "${redisPrefix}" must be 1–64 letters, digits and the characters : _ . -`,
    )

  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze({
    port,
    host,
    database: Object.freeze(database as DatabaseConfig),
    replicas,
    logLevel,
    env: nodeEnv,
    publicUrl: publicUrl.replace(/\/$/, ''),
    trustProxy: trustProxy as Config['trustProxy'],
    rateLimitPerMinute: rateLimit,
    uploadsInFlightBytes: uploadsMb * 1024 * 1024,
    mail: Object.freeze({
      smtpUrl: smtpUrl === '' ? null : smtpUrl,
      from: get('MAIL_FROM') || `Quorum <no-reply@${new URL(publicUrl).hostname}>`,
      outbox: path.resolve(get('MAIL_OUTBOX')),
    }),
    runJobs: jobs === 'true',
    jobsLeaseMs: leaseSeconds * 1000,
    oidcProviders,
    requireEmailVerification: requireVerification as Config['requireEmailVerification'],
    notifyEmailWindowMs: emailWindow * 1000,
    liveStreamsPerIp: liveCap,
    workers: workers as number,
    metricsAllow: metricsAllow as readonly string[],
    redis: redisUrl === '' ? null : Object.freeze({ url: redisUrl, prefix: redisPrefix }),
  })
}

/** The most workers WORKERS (or --workers) may ask for. */
export const MAX_WORKERS = 256

/**
 * Parses WORKERS (or `--workers`): `auto` is 1 on SQLite, the number of cores on PostgreSQL.
 * @example parseWorkers('auto', { dialect: 'postgres', url: 'postgres://db/quorum' }) // os.availableParallelism()
 */
export function parseWorkers(value: string, database: DatabaseConfig | null): number | string {
  const v = value.trim()
  const n =
    v === 'auto' ? (database?.dialect === 'postgres' ? os.availableParallelism() : 1) : Number(v)
  if (!/^\d+$/.test(v) && v !== 'auto')
    return `WORKERS: "${v}" must be auto or a whole number 1–${MAX_WORKERS}`
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    return `WORKERS: "${v}" must be auto or a whole number 1–${MAX_WORKERS}`
  if (n > 1 && database?.url === ':memory:')
    return `WORKERS: an in-memory SQLite database lives in one process; ${n} workers need a file or PostgreSQL`
  return n
}

/**
 * Parses a comma-separated list of IP addresses and CIDR ranges (METRICS_ALLOW).
 * @example parseAddressList('METRICS_ALLOW', '127.0.0.1, 10.0.0.0/8') // ['127.0.0.1', '10.0.0.0/8']
 */
export function parseAddressList(name: string, value: string): readonly string[] | string {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
  const bad = entries.filter((e) => !isAddressOrCidr(e))
  if (bad.length > 0) return `${name}: "${bad.join(', ')}" is not an IP address or CIDR range`
  return Object.freeze(entries)
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'redis:' || url.protocol === 'rediss:') &&
      url.hostname !== '' &&
      /^(\/\d{0,2})?$/.test(url.pathname)
    )
  } catch {
    return false
  }
}

const OIDC_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const OIDC_NUMBERED = /^OIDC_(\d+)_(.+)$/
const OIDC_FIELDS = {
  ID: 'id',
  ISSUER: 'issuer',
  CLIENT_ID: 'clientId',
  CLIENT_SECRET: 'clientSecret',
  NAME: 'name',
} as const

/**
 * Reads the OpenID Connect providers: OIDC_PROVIDERS (a JSON array) and the numbered variables
 * OIDC_<N>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME and optionally _ID (default: the name as a slug).
 * Pushes a problem naming the variable for every bad value, and returns the good providers.
 * @example parseOidcProviders({ OIDC_1_ISSUER: 'https://id.example.com', OIDC_1_CLIENT_ID: 'quorum', OIDC_1_CLIENT_SECRET: 's', OIDC_1_NAME: 'Example ID' }, [])
 */
export function parseOidcProviders(
  env: NodeJS.ProcessEnv,
  problems: string[],
): readonly OidcProviderConfig[] {
  const found: { where: string; fields: Record<string, unknown> }[] = []
  const json = env.OIDC_PROVIDERS?.trim() ?? ''
  if (json !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch {
      problems.push(
        'OIDC_PROVIDERS: is not valid JSON (an array of {id, issuer, clientId, clientSecret, name})',
      )
    }
    if (parsed !== undefined && !Array.isArray(parsed))
      problems.push(
        'OIDC_PROVIDERS: must be a JSON array of {id, issuer, clientId, clientSecret, name}',
      )
    if (Array.isArray(parsed))
      parsed.forEach((entry: unknown, i) => {
        const where = `OIDC_PROVIDERS[${i}]`
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
          problems.push(`${where}: must be an object {id, issuer, clientId, clientSecret, name}`)
        else {
          const unknown = Object.keys(entry).filter(
            (k) => !Object.values(OIDC_FIELDS).includes(k as never),
          )
          if (unknown.length > 0) problems.push(`${where}: unknown field ${unknown.join(', ')}`)
          found.push({ where, fields: entry as Record<string, unknown> })
        }
      })
  }
  const numbered = new Map<number, Record<string, unknown>>()
  for (const [name, value] of Object.entries(env)) {
    const match = OIDC_NUMBERED.exec(name)
    if (!match || value === undefined || value === '') continue
    const field = OIDC_FIELDS[match[2] as keyof typeof OIDC_FIELDS] as string | undefined
    if (field === undefined) {
      problems.push(
        `${name}: unknown; the numbered variables are OIDC_N_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME and _ID`,
      )
      continue
    }
    const n = Number(match[1])
    numbered.set(n, { ...numbered.get(n), [field]: value })
  }
  for (const [n, fields] of [...numbered].sort(([a], [b]) => a - b)) {
    const name = typeof fields.name === 'string' ? fields.name : ''
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
    found.push({ where: `OIDC_${n}`, fields: { id: slug, ...fields } })
  }

  const providers: OidcProviderConfig[] = []
  for (const { where, fields } of found) {
    const provider = checkOidcProvider(where, fields, problems)
    if (provider === null) continue
    if (providers.some((p) => p.id === provider.id))
      problems.push(`${where}: the id "${provider.id}" is used by another provider`)
    else providers.push(Object.freeze(provider))
  }
  return Object.freeze(providers)
}

function checkOidcProvider(
  where: string,
  fields: Record<string, unknown>,
  problems: string[],
): OidcProviderConfig | null {
  const text = (key: string) =>
    typeof fields[key] === 'string' ? (fields[key] as string).trim() : ''
  const before = problems.length
  const [id, issuer, clientId, clientSecret, name] = [
    text('id'),
    text('issuer'),
    text('clientId'),
    text('clientSecret'),
    text('name'),
  ]
  const label = (key: string) =>
    where.startsWith('OIDC_PROVIDERS')
      ? `${where}.${key}`
      : `${where}_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
  if (!OIDC_ID.test(id))
    problems.push(`${label('id')}: "${id}" must be 1–32 lower-case letters, digits and hyphens`)
  if (!isIssuerUrl(issuer))
    problems.push(
      `${label('issuer')}: "${issuer}" must be an https:// URL (http:// only on this machine: localhost, 127.0.0.1, ::1)`,
    )
  if (clientId === '') problems.push(`${label('clientId')}: is required`)
  if (clientSecret === '') problems.push(`${label('clientSecret')}: is required`)
  if (name === '' || name.length > 40) problems.push(`${label('name')}: must be 1–40 characters`)
  return problems.length === before
    ? { id, issuer: issuer.replace(/\/$/, ''), clientId, clientSecret, name }
    : null
}

/** An https issuer, or plain http on a loopback address (a provider on this machine, as in tests). */
export function isIssuerUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
