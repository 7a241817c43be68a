/**
 * Crash reports as data: `.ips` files read into the text report they stand for, for the signatures and the
 * previews (docs/signatures.md, "Crash reports as data").
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { describeAttachment } from '../../../src/domain/attachments/index.js'
import { crashReportHtml, readIps, renderMarkdown } from '../../../src/domain/markdown/index.js'
import { extractSignatures } from '../../../src/domain/signatures/index.js'
import { PANIC_IPS, USER_IPS, USER_IPS_OTHER_MACHINE } from '../../fixtures/crash-reports/index.js'

describe('.ips crash reports', () => {
  it('read a user-space report, the crashed thread first', () => {
    const report = readIps(USER_IPS)
    expect(report).not.toBeNull()
    const lines = report?.text.split('\n') ?? []
    expect(lines).toContain('Process:               Tidewater [7311]')
    expect(lines).toContain('OS Version:            macOS 26.1 (25B78)')
    expect(lines).toContain('Exception Type:        EXC_BAD_ACCESS (SIGSEGV)')
    expect(lines).toContain(
      'Termination Reason:    Namespace SIGNAL, Code 11 Segmentation fault: 11',
    )
    expect(lines).toContain('Crashed Thread:        1')
    const crashed = lines.indexOf('Thread 1 Crashed:: TideSyncWorker')
    const main = lines.indexOf('Thread 0:: Dispatch queue: com.apple.main-thread')
    expect(crashed).toBeGreaterThan(0)
    expect(main).toBeGreaterThan(crashed)
    expect(lines[crashed + 1]).toMatch(
      /^0 +Tidewater\s+0x[0-9a-f]+ TideLedger::append\(Entry const&\) \+ 36$/,
    )
    // An unsymbolicated frame keeps its image and offset.
    expect(lines[crashed + 3]).toMatch(/^2 +TideCore\s+0x[0-9a-f]+ 0x[0-9a-f]+ \+ 9032$/)
    expect(report?.text).not.toContain('"bug_type"')
  })

  it('mark the frames of the poster’s own images, not the system’s', () => {
    const report = readIps(USER_IPS)!
    const lines = report.text.split('\n')
    const marked = report.ownFrameLines.map((i) => lines[i] ?? '')
    expect(marked.length).toBe(3)
    expect(marked.every((l) => /Tidewater|TideCore/.test(l))).toBe(true)
    const html = crashReportHtml(report)
    expect(html.match(/<mark class="own-frame">/g)?.length).toBe(3)
    expect(html).toContain('TideLedger::append(Entry const&amp;)')
  })

  it('give the signatures of the text report: crash, OS and frames', () => {
    const sigs = extractSignatures('It crashes on sync.', [
      { fileName: 'Tidewater-2026-11-20.ips', text: USER_IPS },
    ])
    expect(sigs.os.map((o) => `${o.name} ${o.version} (${o.build})`)).toEqual([
      'macOS 26.1 (25B78)',
    ])
    // The cause: what the system reports (the crash is in the poster's code, so no system frame above it);
    // the site: the top two frames of the poster's own images.
    expect(sigs.crashes.map(({ text, frames, process }) => ({ text, frames, process }))).toEqual([
      {
        text: 'crash: EXC_BAD_ACCESS (SIGSEGV) | KERN_INVALID_ADDRESS',
        frames: 'Tidewater`TideLedger::append(Entry const&) < Tidewater`TideSync::drainQueue()',
        process: 'Tidewater',
      },
    ])
    expect(sigs.symbols).toContain('TideLedger::append')
    // The same crash on another machine (another pid and load address) is the same crash.
    const other = extractSignatures('', [{ fileName: 'b.ips', text: USER_IPS_OTHER_MACHINE }])
    expect(other.crashes[0]?.fingerprint).toBe(sigs.crashes[0]?.fingerprint)
    expect(other.crashes[0]?.site).toBe(sigs.crashes[0]?.site)
  })

  it('read a pasted report in a post as the report, and render it so', () => {
    const body = `Our app dies during sync:\n\n${USER_IPS}\nAny idea?`
    expect(extractSignatures(body).crashes[0]?.fingerprint).toBe(
      extractSignatures('', [{ fileName: 'a.ips', text: USER_IPS }]).crashes[0]?.fingerprint,
    )
    const doc = new JSDOM(renderMarkdown(body)).window.document
    const pre = doc.querySelector('pre')?.textContent ?? ''
    expect(pre).toContain('Exception Type:        EXC_BAD_ACCESS (SIGSEGV)')
    expect(pre).not.toContain('"usedImages"')
    // The frames of the poster's own images are marked, as in an attachment's preview.
    const marked = [...doc.querySelectorAll('pre mark.own-frame')].map((m) => m.textContent)
    expect(marked).toHaveLength(3)
    expect(marked.every((l) => /Tidewater|TideCore/.test(l ?? ''))).toBe(true)
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Our app dies during sync:',
      'Any idea?',
    ])
    // In the author's own fence too.
    const fenced = renderMarkdown(`\`\`\`json\n${USER_IPS}\`\`\``)
    expect(fenced).toContain('Crashed Thread:')
    expect(fenced).not.toContain('bug_type')
  })

  it('read a kernel panic .ips as its panic log', () => {
    const report = readIps(PANIC_IPS)
    expect(report?.text.split('\n')[0]).toMatch(
      /^panic\(cpu 2 caller 0x[0-9a-f]+\): "tidefs_vnop_reclaim/,
    )
    const sigs = extractSignatures('', [{ fileName: 'Kernel-2026-11-21.panic', text: PANIC_IPS }])
    expect(sigs.crashes.map((c) => c.text)).toEqual([
      'panic: "tidefs_vnop_reclaim: vnode <addr> still has <n> io refs" @tidefs_vnops.c',
    ])
    expect(sigs.os.map((o) => o.build)).toEqual(['25B78'])
  })

  it('preview an .ips attachment as the report', () => {
    const facts = describeAttachment('Tidewater.ips', new TextEncoder().encode(USER_IPS))
    expect(facts.textLike).toBe(true)
    expect(facts.previewHtml).toContain('Exception Type:')
    expect(facts.previewHtml).toContain('<mark class="own-frame">')
    expect(facts.previewHtml).not.toContain('usedImages')
    const panic = describeAttachment('Kernel.panic', new TextEncoder().encode(PANIC_IPS))
    expect(panic.previewHtml).toContain('tidefs_vnop_reclaim')
  })

  it('leave alone what is not an .ips report', () => {
    expect(readIps('{"bug_type":"309"}\n{ not json')).toBeNull()
    expect(readIps('{"a":1}\n{"b":2}')).toBeNull()
    const body = 'Here is "bug_type": 309 in a sentence.'
    expect(renderMarkdown(body)).toBe('<p>Here is &quot;bug_type&quot;: 309 in a sentence.</p>\n')
    // Hostile input stays escaped in the preview.
    const hostile = USER_IPS.replace('TideLedger::append(Entry const&)', '<script>x</script>')
    expect(crashReportHtml(readIps(hostile)!)).not.toContain('<script>')
  })

  it('mark the own frames of a crash report pasted as text, by its Binary Images paths', () => {
    const report = `Process:               Gannet [220]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Crashed Thread:        0

Thread 0 Crashed:
0   libsystem_platform.dylib      0x0000000187a1d0a4 _platform_memmove + 52
1   GannetCore                    0x0000000102e41c08 RingBuffer.write(_:) + 120
2   Gannet                        0x0000000102c0a2f4 Recorder.append(_:) + 64

Thread 1:
0   libsystem_kernel.dylib        0x0000000187b0e1c8 mach_msg2_trap + 8
1   Gannet                        0x0000000102c0b000 Recorder.run() + 12

Binary Images:
       0x102c00000 -        0x102c3ffff Gannet (2.0) <1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9> /Applications/Gannet.app/Contents/MacOS/Gannet
       0x102e40000 -        0x102e5ffff GannetCore (2.0) <2B3C4D5E-6F70-4182-93A4-B5C6D7E8F9A0> /Applications/Gannet.app/Contents/Frameworks/GannetCore.framework/GannetCore
       0x187a1c000 -        0x187a23fff libsystem_platform.dylib (*) <3C4D5E6F-7081-4293-A4B5-C6D7E8F9A0B1> /usr/lib/system/libsystem_platform.dylib`
    const doc = new JSDOM(
      renderMarkdown(`It crashes while recording:\n\n\`\`\`\n${report}\n\`\`\``),
    ).window.document
    const marked = [...doc.querySelectorAll('pre mark.own-frame')].map((m) => m.textContent)
    expect(marked).toEqual([
      '1   GannetCore                    0x0000000102e41c08 RingBuffer.write(_:) + 120',
      '2   Gannet                        0x0000000102c0a2f4 Recorder.append(_:) + 64',
      '1   Gannet                        0x0000000102c0b000 Recorder.run() + 12',
    ])
    // The text is the report as pasted, line for line; other code blocks are untouched.
    expect(doc.querySelector('pre')?.textContent).toBe(`${report}\n`)
    expect(renderMarkdown('```\nThread 0 Crashed:\n0   Gannet   0x1 main + 4\n```')).not.toContain(
      '<mark',
    )
  })
})
