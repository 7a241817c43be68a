/**
 * Migrations are frozen once they land (STYLE.md habit 7): a database that ran a migration never runs it
 * again, so an edited migration leaves old databases and new ones with different schemas. This test pins
 * each migration file's SHA-256 in migration-checksums.json beside it. A changed file fails here (write a
 * new migration instead); a new file fails until its checksum is added there, so that adding one is a
 * deliberate act. Line endings are normalised to LF first, so a checkout that converts them still passes.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import pinned from './migration-checksums.json' with { type: 'json' }

const MIGRATIONS_DIR = path.resolve('src/db/migrations')
const PINS_FILE = 'test/unit/db/migration-checksums.json'
/** The folder's files that are not migrations: the list of them, and the column helpers. */
const NOT_MIGRATIONS = new Set(['index.ts', 'helpers.ts'])

const pins: Record<string, string> = pinned
const files = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((name) => name.endsWith('.ts') && !NOT_MIGRATIONS.has(name))
  .sort()

function checksumOf(name: string): string {
  const text = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8').replace(/\r\n/g, '\n')
  return createHash('sha256').update(text).digest('hex')
}

describe('migration checksums', () => {
  it.each(files.filter((name) => name in pins))('%s is unchanged since it landed', (name) => {
    expect(
      checksumOf(name),
      `${name} has changed: migrations are frozen once they land: write a new migration`,
    ).toBe(pins[name])
  })

  it('pins every migration in the folder', () => {
    const unpinned = files.filter((name) => !(name in pins))
    expect(
      unpinned,
      unpinned
        .map(
          (name) => `${name} has no checksum: add "${name}": "${checksumOf(name)}" to ${PINS_FILE}`,
        )
        .join('\n'),
    ).toEqual([])
  })

  it('keeps every pinned migration', () => {
    const missing = Object.keys(pins).filter((name) => !files.includes(name))
    expect(
      missing,
      `${missing.join(', ')} removed: a migration that has run on a database stays in the folder`,
    ).toEqual([])
  })
})
