import fs from 'node:fs'
import os from 'node:os'
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

  it('reads WORKERS: auto is 1 on SQLite and one per core on PostgreSQL; memory takes 1', () => {
    expect(loadConfig({}).workers).toBe(1)
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1/test' }).workers).toBe(
      os.availableParallelism(),
    )
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4)
    expect(loadConfig({ WORKERS: '1', DATABASE_URL: 'sqlite::memory:' }).workers).toBe(1)
    expect(() => loadConfig({ WORKERS: '2', DATABASE_URL: 'sqlite::memory:' })).toThrow(
      /WORKERS: an in-memory SQLite database/,
    )
    for (const bad of ['0', '-1', '2.5', 'many', '257'])
      expect(() => loadConfig({ WORKERS: bad }), bad).toThrow(/WORKERS/)
  })

  it('reads METRICS_ALLOW as addresses and CIDR ranges, loopback by default', () => {
    expect(loadConfig({}).metricsAllow).toEqual(['127.0.0.1', '::1'])
    expect(loadConfig({ METRICS_ALLOW: '10.0.0.0/8, fd00::/8 ,192.0.2.7' }).metricsAllow).toEqual([
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ])
    for (const bad of ['10.0.0.0/33', 'prometheus', '1.2.3'])
      expect(() => loadConfig({ METRICS_ALLOW: bad }), bad).toThrow(/METRICS_ALLOW/)
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

  it('reads REDIS_URL and REDIS_PREFIX; no Redis by default; names a bad URL or prefix', () => {
    expect(loadConfig({}).redis).toBeNull()
    expect(loadConfig({ REDIS_URL: 'redis://:secret@10.0.0.5:6380/2' }).redis).toEqual({
      url: 'redis://:secret@10.0.0.5:6380/2',
      prefix: 'quorum:',
    })
    expect(
      loadConfig({ REDIS_URL: 'rediss://cache.example.com', REDIS_PREFIX: 'f2:' }).redis,
    ).toEqual({ url: 'rediss://cache.example.com', prefix: 'f2:' })
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/)
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/db' })).toThrow(/REDIS_URL/)
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1', REDIS_PREFIX: 'has space' })).toThrow(
      /REDIS_PREFIX/,
    )
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
