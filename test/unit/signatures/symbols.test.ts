import { describe, expect, it } from 'vitest'
import { extractSignatures } from '../../../src/domain/signatures/index.js'

const symbols = (text: string) => extractSignatures(text).symbols

describe('symbols', () => {
  it('finds C functions, classes and frameworks in prose', () => {
    expect(
      symbols(
        'socket() fails in vnop_lookup; IOUSBHostInterface under DriverKit, FSKit and EndpointSecurity',
      ),
    ).toEqual([
      'socket()',
      'vnop_lookup',
      'IOUSBHostInterface',
      'DriverKit',
      'FSKit',
      'EndpointSecurity',
    ])
  })

  it('reads qualified, Objective-C and mangled names', () => {
    expect(
      symbols("IOService::start, -[NSXPCConnection resume] and '__ZN9IOService5startEPS_'"),
    ).toEqual(['IOService::start', 'IOService', '-[NSXPCConnection resume]', 'NSXPCConnection'])
  })

  it('takes called functions from code, not its variables or macros', () => {
    const code =
      '```c\nerror = VNOP_LOOKUP(dvp, &vp, cnp, ctx);\nif (error == 0) vnode_put(vp);\nmy_helper(a_var);\n```'
    expect(symbols(code)).toEqual(['vnode_put()', 'my_helper()'])
  })

  it('takes the function of each backtrace frame', () => {
    const log =
      '```\n0   libsystem_kernel.dylib  0x000000018ad3e5d0 __pthread_kill + 8\n1   Acme  0x0000000100e1c4b8 AcmeUSBDriver::ReadComplete(OSAction*, int) + 244\n```'
    // The frame's class names count too: they are names in the output.
    expect(symbols(log)).toEqual([
      '__pthread_kill',
      'AcmeUSBDriver::ReadComplete',
      'AcmeUSBDriver',
      'OSAction',
    ])
  })

  it('reads a Swift method with its labels as one function', () => {
    expect(symbols('startFilter(completionHandler:) is never called')).toEqual(['startFilter()'])
  })

  it('leaves out error names, files, paths and product names', () => {
    expect(
      symbols(
        'ENOENT, kIOReturnBadArgument, fs_utils.c, /usr/lib/lib_acme.dylib, MacBook Pro, iPhone, macOS, Info.plist, com.acme.Agent, kern.ipc.maxsockbuf',
      ),
    ).toEqual([])
  })

  it('reads constants and macros with an underscore, not capital words', () => {
    expect(
      symbols(
        'NOTE: KAUTH_FILEOP_CLOSE and WARN_ON fire, TODO check the HTTP API; kIOMainPortDefault is set',
      ),
    ).toEqual(['KAUTH_FILEOP_CLOSE', 'WARN_ON', 'kIOMainPortDefault'])
  })

  it('takes constants from the author, not from a log', () => {
    expect(
      symbols('Mapped with PROT_READ:\n\n```\nException Type: EXC_BAD_ACCESS (SIGBUS)\n```'),
    ).toEqual(['PROT_READ'])
  })

  it('reads selectors whole, not their labels', () => {
    expect(
      symbols(
        'URLSession:task:didCompleteWithError: fires; `handleWakeNotification:` does not. Note: ok',
      ),
    ).toEqual(['URLSession:task:didCompleteWithError:', 'handleWakeNotification:'])
  })

  it('reads dotted names, not files, hosts, bundles or sysctls', () => {
    expect(
      symbols(
        'runtime.MemStats and runtime.GC, NEVPNStatus.connected, `os.ReadFile`, Dispatchers.IO; not main.c, example.com, com.acme.Agent or kern.ipc.maxsockbuf',
      ),
    ).toEqual([
      'runtime.MemStats',
      'runtime.GC',
      'NEVPNStatus.connected',
      'Dispatchers.IO',
      'os.ReadFile',
    ])
  })

  it('reads debugger commands and macros', () => {
    expect(
      symbols(
        'I ran showallstacks and zprint, then !analyze -v; also `image lookup -a 0x10` and `memory read`',
      ),
    ).toEqual(['showallstacks', 'zprint', '!analyze', 'image lookup', 'memory read'])
  })

  it('reads a code span holding one identifier, not a tool, keyword or capital word', () => {
    expect(symbols('`mmap`, `Mutex`, `kmutil`, `sudo`, `true`, `DEBUG` and `ok`')).toEqual([
      'mmap',
      'Mutex',
    ])
  })
})
