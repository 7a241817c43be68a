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

  it('leaves out constants, error names, files, paths and product names', () => {
    expect(
      symbols(
        'KAUTH_FILEOP_CLOSE, ENOENT, kIOReturnBadArgument, fs_utils.c, /usr/lib/lib_acme.dylib, MacBook Pro, iPhone, macOS',
      ),
    ).toEqual([])
  })
})
