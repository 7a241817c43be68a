/**
 * The admin pages' pure parts: the staff log's filter form, the compact before/after line, and the
 * site settings each documented in docs/configuration.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLogFilter } from '../../../src/domain/admin/index.js'
import { AUDIT_TARGET_TYPES } from '../../../src/domain/audit-log/index.js'
import { SETTINGS } from '../../../src/domain/site-settings/index.js'
import { compactValue } from '../../../src/views/pages/admin-log-page.js'

describe('parseLogFilter', () => {
  it('reads every field, days as UTC with the last day included', () => {
    expect(
      parseLogFilter({
        actor: ' @Mod ',
        action: 'tag.rename',
        targetType: 'tag',
        targetId: '12',
        from: '2026-12-01',
        to: '2026-12-01',
        beforeId: '99',
      }),
    ).toEqual({
      filter: {
        actor: 'Mod',
        action: 'tag.rename',
        targetType: 'tag',
        targetId: 12,
        from: Date.UTC(2026, 11, 1),
        to: Date.UTC(2026, 11, 2),
        beforeId: 99,
      },
      errors: {},
    })
    expect(parseLogFilter({})).toEqual({ filter: {}, errors: {} })
  })

  it('takes every target type the staff log records, invitations too', () => {
    for (const targetType of AUDIT_TARGET_TYPES)
      expect(parseLogFilter({ targetType })).toEqual({ filter: { targetType }, errors: {} })
    expect(AUDIT_TARGET_TYPES).toContain('invitation')
  })

  it('names each field that does not parse', () => {
    const { errors } = parseLogFilter({
      targetType: 'planet',
      targetId: '-1',
      from: '2026-02-30',
      to: '2026-13-01',
      beforeId: 'x',
    })
    expect(Object.keys(errors).sort()).toEqual(['beforeId', 'from', 'targetId', 'targetType', 'to'])
    expect(parseLogFilter({ from: '2026-12-02', to: '2026-12-01' }).errors).toEqual({
      to: { message: 'The last day cannot be before the first.' },
    })
  })
})

describe('compactValue', () => {
  it('shows text as is, objects as pairs, nothing as a dash, and cuts long values', () => {
    expect(compactValue('plain')).toBe('plain')
    expect(compactValue({ slug: 'usb', threads: 3 })).toBe('slug: usb, threads: 3')
    expect(compactValue(null)).toBe('—')
    expect(compactValue(5)).toBe('5')
    expect(compactValue('x'.repeat(500))).toHaveLength(160)
  })
})

describe('site settings', () => {
  it('are each documented in docs/configuration.md', () => {
    const doc = fs.readFileSync(path.resolve('docs/configuration.md'), 'utf8')
    for (const key of Object.keys(SETTINGS)) expect(doc).toContain(`\`${key}\``)
  })
})
