import { describe, expect, it } from 'vitest'
import {
  extractSignatures,
  fingerprintOf,
  normaliseCrashText,
} from '../../../src/domain/signatures/index.js'
import { demangle } from '../../../src/domain/signatures/demangle.js'
import { TWIN_PAIRS } from '../../fixtures/signatures/twins.js'
import { cpuMs, HANG_GUARD_CPU_MS } from '../../support/cpu-time.js'

const crashes = (text: string) => extractSignatures(text).crashes

describe('crash fingerprints', () => {
  it('drop addresses, CPUs and line numbers, keeping names with digits in them', () => {
    const [crash] = crashes(
      'panic(cpu 0 caller 0xfffffe0019d3a2c8): [kalloc.type.var4.128]: element modified after free (off:96, val:0x4141414141414141, sz:128, ptr:0xfffffe2a1d6c3e80, prot:zero) @zalloc.c:2012',
    )
    expect(crash?.text).toBe(
      'panic: [kalloc.type.var4.128]: element modified after free (off:<n>, val:<addr>, sz:<n>, ptr:<addr>, prot:zero) @zalloc.c',
    )
    expect(crash?.fingerprint).toMatch(/^[0-9a-f]{12}$/)
    expect(crash?.fingerprint).toBe(fingerprintOf(crash?.text ?? ''))
  })

  it('give the same id to the same panic from two machines', () => {
    const a = crashes(
      'panic(cpu 4 caller 0xfffffe002c1f88a4): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:435',
    )
    const b = crashes(
      'panic(cpu 1 caller 0xfffffe0018a0c3b0): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:441',
    )
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint)
    expect(a[0]?.text).toBe(
      'panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c',
    )
  })

  it('tell generic panics apart by the kexts in their backtrace', () => {
    const report = (kext: string) =>
      `panic(cpu 1 caller 0xfffffe0031c0d6f0): Kernel data abort. at pc 0xfffffe0029a3c1b4, lr 0xfffffe0029a3c190 (saved state: 0xfffffe6a9f3e32b0)\nKernel Extensions in backtrace:\n   ${kext}(1.0)[0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9]@0xfffffe0029a30000->0xfffffe0029a4ffff\n`
    const a = crashes(report('com.acme.netfilter'))[0]
    const b = crashes(report('com.other.usbdriver'))[0]
    expect(a?.text).toContain('| kexts: com.acme.netfilter')
    expect(a?.fingerprint).not.toBe(b?.fingerprint)
  })

  it('read the panic string of an .ips file', () => {
    const ips =
      '{"panicString" : "panic(cpu 2 caller 0xfffffe001b2c3d4e): vnode_put(0xfffffe1f3a2b1c00): iocount < 1 @vfs_subr.c:2301\\nDebugger message: panic\\n"}'
    expect(crashes(ips).map((c) => c.text)).toEqual([
      'panic: vnode_put(<addr>): iocount < <n> @vfs_subr.c',
    ])
  })

  it('normalise times, pids and uuids', () => {
    expect(
      normaliseCrashText(
        'at 2025-11-03 21:40:12.00 +0100 pid 388 uuid 0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9',
      ),
    ).toBe('at <time> pid <n> uuid <uuid>')
  })

  it.each(TWIN_PAIRS)('match for the twin reports "$name"', ({ a, b }) => {
    const of = (t: (typeof TWIN_PAIRS)[number]['a']) =>
      extractSignatures(
        `${t.title}\n\n${t.body}`,
        (t.attachments ?? []).map((x) => ({ fileName: x.name, text: x.content })),
      ).crashes.map((c) => c.fingerprint)
    const left = of(a)
    expect(left.length).toBeGreaterThan(0)
    expect(left.some((f) => of(b).includes(f))).toBe(true)
  })
})

describe('demangle', () => {
  it.each([
    ['__ZN9IOService5startEPS_', 'IOService::start'],
    [
      '_ZN16IOUserClient202214externalMethodEjP31IOExternalMethodArgumentsOpaque',
      'IOUserClient2022::externalMethod',
    ],
    ['_ZNK8OSString9getLengthEv', 'OSString::getLength'],
    ['_ZN13AcmeUSBDriverD2Ev', 'AcmeUSBDriver::~AcmeUSBDriver'],
    ['_Z3foov', 'foo'],
  ])('%s is %s', (mangled, name) => {
    expect(demangle(mangled)).toBe(name)
  })

  it('gives null for names that are not mangled', () => {
    expect(demangle('vnode_put')).toBeNull()
  })
})

describe('crash causes (second pass)', () => {
  const texts = (text: string) => crashes(text).map((c) => c.text)

  it('leave the process out when the system ended it by policy', () => {
    const report = (process: string, code: string) =>
      `Process:               ${process} [4410]\nException Type:        EXC_CRASH (SIGKILL)\nTermination Reason:    Namespace RUNNINGBOARD, Code ${code}\n`
    expect(texts(report('AcmeSyncAgent', '3735883980'))).toEqual([
      'crash: EXC_CRASH (SIGKILL) | Namespace RUNNINGBOARD, Code 0xdead10cc',
    ])
    expect(texts(report('Lumen Notes', '0xdead10cc'))).toEqual(
      texts(report('AcmeSyncAgent', '3735883980')),
    )
    // Another code is another policy.
    expect(texts(report('Lumen Notes', '0x8badf00d'))).not.toEqual(
      texts(report('Lumen Notes', '0xdead10cc')),
    )
  })

  it('keep the kind and size of a resource limit', () => {
    const report = (limit: string) =>
      `Process: Tiles [8]\nException Type: EXC_RESOURCE (RESOURCE_TYPE_MEMORY)\nException Subtype: EXC_RESOURCE RESOURCE_TYPE_MEMORY (limit=${limit}, unused=0x0)\n`
    expect(texts(report('2098 MB'))).toEqual([
      'crash: EXC_RESOURCE (RESOURCE_TYPE_MEMORY) | limit 2098 MB',
    ])
    expect(texts(report('1450 MB'))).not.toEqual(texts(report('2098 MB')))
  })

  it('end a Swift fatal message where the message ends, not where the line does', () => {
    expect(
      texts(
        'It dies with "Fatal error: Unexpectedly found nil while unwrapping an Optional value" right before it. The code:',
      ),
    ).toEqual(['fatal error: Unexpectedly found nil while unwrapping an Optional value'])
    expect(
      texts('Fatal error: Unexpectedly found nil while unwrapping an Optional value — on launch'),
    ).toEqual(['fatal error: Unexpectedly found nil while unwrapping an Optional value'])
  })

  it('recognise Linux BUG, WARNING, Oops, GPF and panic lines', () => {
    expect(
      texts(
        'BUG: kernel NULL pointer dereference, address: 0000000000000010\nRIP: 0010:acme_rx+0x4c/0x2a0 [acme]',
      ),
    ).toEqual(['linux: BUG: kernel NULL pointer dereference in acme_rx'])
    expect(texts('WARNING: at net/acme/core.c:91 acme_tx+0x9e/0xc0')).toEqual([
      'linux: WARNING at net/acme/core.c in acme_tx',
    ])
    expect(texts('BUG: scheduling while atomic: acme-d/2044/0x00000002')).toEqual(
      texts('BUG: scheduling while atomic: kworker/1:2/77/0x00000003'),
    )
    expect(
      texts(
        'Oops: 0002 [#1] SMP\nCPU: 1 PID: 9 Comm: x\nRIP: 0010:acme_irq+0x10/0x90 [acme]\nCall Trace:',
      ),
    ).toEqual(['linux: oops in acme_irq'])
  })

  // A long word in a message once cost the square of its length (a file-name pattern without a bound).
  it('read a fatal error line of 200,000 characters without hanging', () => {
    const { value, ms } = cpuMs(() => texts(`Fatal error: ${'x'.repeat(200_000)}`))
    expect(value).toHaveLength(1)
    expect(ms).toBeLessThan(HANG_GUARD_CPU_MS)
  })

  it('recognise Go, Rust, Java and Windows crashes', () => {
    expect(texts('panic: assignment to entry in nil map\n\ngoroutine 1 [running]:')).toEqual([
      'go: panic: assignment to entry in nil map',
    ])
    expect(
      texts('fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:'),
    ).toEqual(['go: fatal error: all goroutines are asleep - deadlock!'])
    expect(texts("thread 'main' panicked at src/x.rs:3:5:\nboom")).toEqual(['rust: panicked: boom'])
    expect(texts('Exception in thread "main" java.lang.NullPointerException')).toEqual([
      'java: java.lang.NullPointerException',
    ])
    expect(texts('*** STOP: 0x0000007E (0x1, 0x2, 0x3, 0x4)')).toEqual([
      'windows: bug check 0x0000007E',
    ])
    // A sentence about a panic is not a Go panic.
    expect(texts('We saw panic: nothing else in the log.')).toEqual([])
  })
})
