import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseDatabaseUrl, SETTINGS } from '../../../src/config.js'

describe('loadConfig', () => {
  it('has working defaults: SQLite under ./data, port 3000 on localhost', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.host).toBe('127.0.0.1')
    expect(config.database).toEqual({ dialect: 'sqlite', url: path.resolve('data/quorum.db') })
    expect(config.publicUrl).toBe('http://127.0.0.1:3000')
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('reads PostgreSQL URLs and plain SQLite paths', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database.dialect,
    ).toBe('postgres')
    expect(loadConfig({ DATABASE_URL: '/tmp/q.db' }).database).toEqual({
      dialect: 'sqlite',
      url: '/tmp/q.db',
    })
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', url: ':memory:' })
  })

  it('names every bad value at once', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x/y',
        NODE_ENV: 'staging',
        TRUST_PROXY: 'yes',
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'NODE_ENV', 'TRUST_PROXY'])
      expect(problems).toContain(name)
  })

  it('reads TRUST_PROXY as off, a number of proxies, or their addresses; never "trust all"', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(
      loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback'])
    for (const bad of ['true', 'yes', '10.0.0.0/33', '300.1.1.1', '1.2.3.4/8/1', '11', 'nginx'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
  })

  it('reads DATABASE_REPLICA_URLS as postgres:// URLs beside a PostgreSQL primary only', () => {
    expect(loadConfig({}).replicas).toEqual({ urls: [], maxLagMs: 10_000 })
    const primary = 'postgres://quorum@db1:5432/forum'
    expect(
      loadConfig({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: ' postgres://quorum@db2/forum, postgres://quorum@db3/forum ',
        DATABASE_REPLICA_MAX_LAG_SECONDS: '2.5',
      }).replicas,
    ).toEqual({
      urls: ['postgres://quorum@db2/forum', 'postgres://quorum@db3/forum'],
      maxLagMs: 2500,
    })
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://quorum@db2/forum' })).toThrow(
      /DATABASE_REPLICA_URLS: replicas need a PostgreSQL DATABASE_URL/,
    )
    expect(() =>
      loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'sqlite:./replica.db' }),
    ).toThrow(/DATABASE_REPLICA_URLS: "sqlite:.\/replica.db" is not a postgres/)
    for (const bad of ['0', '-1', 'soon'])
      expect(() => loadConfig({ DATABASE_REPLICA_MAX_LAG_SECONDS: bad }), bad).toThrow(
        /DATABASE_REPLICA_MAX_LAG_SECONDS/,
      )
  })

  it('is documented: every setting appears in docs/configuration.md', () => {
    const doc = fs.readFileSync(path.resolve('docs/configuration.md'), 'utf8')
    for (const name of Object.keys(SETTINGS)) expect(doc).toContain(`\`${name}\``)
  })
})
