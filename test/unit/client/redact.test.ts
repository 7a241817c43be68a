import { describe, expect, it } from 'vitest'
import { findSensitive, redact } from '../../../src/client/lib/redact.js'

const LOG = `Process:               Tidewater [7311]
Path:                  /Users/mkowalczyk/Applications/Tidewater.app/Contents/MacOS/Tidewater
Hardware UUID: 4C3B2A19-0F8E-4D7C-9B6A-5F4E3D2C1B0A
Serial Number (system): C02ZK1ABMD6T
Provisioning UDID: 00008112-001A2B3C4D5E801E
mkowalczyk@Marta-MacBook-Pro ~ % log show --last 5m
2026-11-20 09:14:55.123 kernel[0]: mounted at /Users/mkowalczyk/Volumes/tide on marta-mbp.local
Reported by marta.kowalczyk@tidewater.org, see /Users/Shared/notes.txt and mkowalczyk2.`

describe('redact before posting', () => {
  it('finds user names in paths, serials, UDIDs, emails and host names, each once', () => {
    expect(findSensitive(LOG).map((f) => [f.kind, f.value, f.count])).toEqual([
      ['user name', 'mkowalczyk', 3],
      ['UDID', '4C3B2A19-0F8E-4D7C-9B6A-5F4E3D2C1B0A', 1],
      ['serial number', 'C02ZK1ABMD6T', 1],
      ['UDID', '00008112-001A2B3C4D5E801E', 1],
      ['host name', 'Marta-MacBook-Pro', 1],
      ['host name', 'marta-mbp.local', 1],
      ['email address', 'marta.kowalczyk@tidewater.org', 1],
    ])
  })

  it('replaces the chosen values everywhere, whole words only, and nothing else', () => {
    const findings = findSensitive(LOG)
    const out = redact(
      LOG,
      findings.filter((f) => f.kind !== 'host name'),
    )
    expect(out).toContain('/Users/USER/Applications/Tidewater.app')
    expect(out).toContain('USER@Marta-MacBook-Pro ~ %')
    expect(out).toContain('Serial Number (system): SERIAL')
    expect(out).toContain('Hardware UUID: UDID')
    expect(out).toContain('Reported by user@example.com')
    // Not chosen, not a whole word, or not a person's: kept.
    expect(out).toContain('marta-mbp.local')
    expect(out).toContain('mkowalczyk2')
    expect(out).toContain('/Users/Shared/notes.txt')
    expect(findSensitive(redact(LOG, findings))).toEqual([])
  })

  it('finds nothing in a text without personal details', () => {
    expect(
      findSensitive('panic(cpu 2 caller 0xfffffe0024c3b1a0): test @x.c:1 on user@example.com'),
    ).toEqual([])
  })
})
