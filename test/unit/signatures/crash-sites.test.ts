/**
 * Crash sites (docs/signatures.md, "Crash sites"): the second level of a crash, the cause plus the top
 * frames of the poster's own code, read per format; and the process each report names. The fixture pairs
 * (test/fixtures/signatures/posts-systems.ts, SITE_PAIRS) are scored and printed for the docs.
 */
import { describe, expect, it } from 'vitest'
import { extractSignatures } from '../../../src/domain/signatures/index.js'
import { signatureItems } from '../../../src/domain/signatures/extract.js'
import { SITE_PAIRS } from '../../fixtures/signatures/posts-systems.js'

const crashes = (text: string) => extractSignatures(text).crashes

describe('crash sites', () => {
  it('share the cause in every pair, and the site exactly where the pair says', () => {
    const problems: string[] = []
    let causes = 0
    const sites = { same: 0, other: 0 }
    for (const pair of SITE_PAIRS) {
      const [a] = crashes(pair.a)
      const [b] = crashes(pair.b)
      if (!a || !b) {
        problems.push(`${pair.name}: no crash read`)
        continue
      }
      if (a.fingerprint === b.fingerprint) causes++
      else problems.push(`${pair.name}: causes differ (${a.text} | ${b.text})`)
      const same = a.site === b.site
      if (pair.expect === 'same site' && same) sites.same++
      else if (pair.expect === 'other site' && !same) sites.other++
      else problems.push(`${pair.name}: expected ${pair.expect} (${a.frames} | ${b.frames})`)
      if (pair.processes && (a.process !== pair.processes[0] || b.process !== pair.processes[1]))
        problems.push(`${pair.name}: processes ${a.process}, ${b.process}`)
    }
    const count = (kind: string) => SITE_PAIRS.filter((p) => p.expect === kind).length
    console.log(
      `crash sites: ${causes}/${SITE_PAIRS.length} pairs share the cause; ` +
        `${sites.other}/${count('other site')} told apart by site; ` +
        `${sites.same}/${count('same site')} share the site` +
        (problems.length > 0 ? `\n  ${problems.join('\n  ')}` : ''),
    )
    expect(problems).toEqual([])
  })

  it('leave the process out of the cause and the site, and keep it beside them', () => {
    const pair = SITE_PAIRS.find((p) => p.name.startsWith('one shared framework'))
    const [a] = crashes(pair?.a ?? '')
    const [b] = crashes(pair?.b ?? '')
    expect([a?.process, b?.process]).toEqual(['Harbor', 'Tern Mail'])
    expect(a?.site).toBe(b?.site)
    expect(a?.text).not.toContain('Harbor')
    expect(a?.frames).toBe('SkiffKit`SkiffCache.evict(olderThan:) < SkiffKit`SkiffCache.trim()')
  })

  it('put system frames above the own code in the cause, own frames in the site', () => {
    const [crash] = crashes(SITE_PAIRS[0]?.a ?? '')
    expect(crash?.text).toBe(
      'crash: EXC_BAD_ACCESS (SIGSEGV) | KERN_INVALID_ADDRESS | frames: libobjc.A.dylib`objc_msgSend',
    )
    expect(crash?.frames).toBe(
      'Harbor`-[HBQueueController flushPending:] < Harbor`-[HBQueueController timerFired:]',
    )
  })

  it('read own images from Binary Images paths: an app framework is the poster’s, /usr/lib is not', () => {
    const report = `Process:               Skate [10]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Crashed Thread:        0

Thread 0 Crashed:
0   libzstd.1.dylib               0x0000000104000010 ZSTD_decompressStream + 40
1   libsqlite3.dylib              0x0000000190000020 sqlite3_step + 12
2   Skate                         0x0000000102000030 Skate.load() + 8

Binary Images:
       0x104000000 -        0x10403ffff libzstd.1.dylib (*) <4E5F6071-8293-44A5-B6C7-D8E9F0A1B2C3> /Applications/Skate.app/Contents/Frameworks/libzstd.1.dylib
       0x190000000 -        0x1900fffff libsqlite3.dylib (*) <5F607182-9304-45B6-C7D8-E9F0A1B2C3D4> /usr/lib/libsqlite3.dylib
       0x102000000 -        0x10203ffff Skate (1.0) <60718293-A4B5-46C7-D8E9-F0A1B2C3D4E5> /Applications/Skate.app/Contents/MacOS/Skate`
    const [crash] = crashes(report)
    expect(crash?.text).toBe('crash: EXC_BAD_ACCESS (SIGSEGV)')
    expect(crash?.frames).toBe('libzstd.1.dylib`ZSTD_decompressStream < Skate`Skate.load()')
  })

  it('drop offsets of unsymbolicated own frames, so another build is the same site', () => {
    const report = (offset: number) => `Process:               Skate [10]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Crashed Thread:        0

Thread 0 Crashed:
0   Skate                         0x0000000102000030 0x102000000 + ${offset}
1   Skate                         0x0000000102000090 0x102000000 + ${offset + 96}`
    const [a] = crashes(report(4120))
    const [b] = crashes(report(4388))
    expect(a?.frames).toBe('Skate < Skate')
    expect(a?.site).toBe(b?.site)
  })

  it('give a policy termination no own frames: its site is its cause', () => {
    const pair = SITE_PAIRS.find((p) => p.name.startsWith('RunningBoard'))
    const [crash] = crashes(pair?.a ?? '')
    expect(crash?.frames).toBe('')
    expect(crash?.site).toBe(crash?.fingerprint)
    expect(crash?.process).toBe('Fathom')
  })

  it('read Linux module frames, else the first frames past the kernel’s own', () => {
    const withModule = crashes(SITE_PAIRS.find((p) => p.name.startsWith('Linux sched'))?.b ?? '')
    expect(withModule[0]?.frames).toBe(
      'zephyr_fw_wait [zephyr_wlan] < zephyr_fw_load_work [zephyr_wlan]',
    )
    const core = crashes(`BUG: scheduling while atomic: swapper/0/0/0x00000002
CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.9.0
Call Trace:
 dump_stack_lvl+0x48/0x70
 __schedule_bug+0x64/0x80
 __schedule+0x9f1/0xc30
 msleep+0x2d/0x40
 ata_wait_ready+0x61/0x190
 process_one_work+0x16c/0x350`)
    expect(core[0]?.frames).toBe('msleep < ata_wait_ready')
    expect(core[0]?.process).toBe('swapper/0')
  })

  it('read Go, Rust, Java and Windows frames outside the runtime', () => {
    const frames = (name: string, side: 'a' | 'b') =>
      crashes(SITE_PAIRS.find((p) => p.name.startsWith(name))?.[side] ?? '')[0]?.frames
    expect(frames('Go index', 'b')).toBe(
      'github.com/kestrelio/relay/frame.Decode < github.com/kestrelio/relay/frame.(*Reader).Next',
    )
    expect(frames('Rust', 'b')).toBe('mount.rs < burrowfs::mount::Mount::attach')
    expect(frames('Java', 'a')).toBe(
      'com.tidemark.sync.Session.close < com.tidemark.sync.Main.main',
    )
    expect(frames('Windows', 'a')).toBe('pelicanflt!PfPreWrite')
    expect(frames('Swift', 'b')).toBe('PageTable.swift')
  })

  it('store one crash signature per cause, however many sites a text has', () => {
    const text =
      'Thumbnailer.swift:118: Fatal error: Index out of range\n\nand later\n\nPageTable.swift:402: Fatal error: Index out of range'
    const found = crashes(text)
    expect(found.map((c) => c.frames)).toEqual(['Thumbnailer.swift', 'PageTable.swift'])
    expect(new Set(found.map((c) => c.fingerprint)).size).toBe(1)
    const items = signatureItems(extractSignatures(text)).filter((i) => i.kind === 'crash')
    expect(items.map((i) => i.detail)).toEqual(['fatal error: Index out of range'])
  })
})
