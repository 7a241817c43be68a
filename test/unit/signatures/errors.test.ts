import { describe, expect, it } from 'vitest'
import { canonicalErrorName, extractSignatures } from '../../../src/domain/signatures/index.js'
import { ERRNO } from '../../../src/domain/signatures/data/errno.js'
import { IO_RETURN } from '../../../src/domain/signatures/data/io-return.js'
import { KERN_RETURN } from '../../../src/domain/signatures/data/kern-return.js'

const names = (text: string) => extractSignatures(text).errors.map((e) => e.name)

describe('error codes', () => {
  it.each([
    ['ENOENT', 'ENOENT'],
    ['open() = -1 Err#2', 'ENOENT'],
    ['errno 2 from stat', 'ENOENT'],
    ['errno = 2', 'ENOENT'],
    ['errno is 2', 'ENOENT'],
    ['open: No such file or directory', 'ENOENT'],
    ['Error Domain=NSPOSIXErrorDomain Code=2 "No such file"', 'ENOENT'],
    ['sock_setsockopt failed 22', 'EINVAL'],
    ['failed with 22', 'EINVAL'],
    ['returned EWOULDBLOCK', 'EAGAIN'],
    ['swallowed with EJUSTRETURN', 'EJUSTRETURN'],
    ['sendto: No buffer space available', 'ENOBUFS'],
    ['KERN_INVALID_ARGUMENT', 'KERN_INVALID_ARGUMENT'],
    ['mach_error_string: (os/kern) invalid argument', 'KERN_INVALID_ARGUMENT'],
    ['kr = 4', 'KERN_INVALID_ARGUMENT'],
    ['kIOReturnBadArgument', 'kIOReturnBadArgument'],
    ['returned 0xe00002c2', 'kIOReturnBadArgument'],
    ['returned 0xE00002C2', 'kIOReturnBadArgument'],
    ['returned -536870206', 'kIOReturnBadArgument'],
    ['(iokit/common) invalid argument', 'kIOReturnBadArgument'],
  ])('reads %j as %s', (text, name) => {
    expect(names(text)).toEqual([name])
  })

  it('lists one error once, whatever the spellings', () => {
    expect(names('ENOENT (errno 2); dtruss says Err#2; "No such file or directory"')).toEqual([
      'ENOENT',
    ])
  })

  it.each([
    'failed 3 times in a row',
    'returned 22 bytes',
    'the error rate is 2 percent',
    'OSSystemExtensionErrorDomain error 8',
    'returns 4',
    'an invalid argument was passed',
  ])('finds no error in %j', (text) => {
    expect(names(text)).toEqual([])
  })

  it('maps spellings typed into search to canonical names', () => {
    expect(canonicalErrorName('Err#2')).toBe('ENOENT')
    expect(canonicalErrorName('enobufs')).toBe('ENOBUFS')
    expect(canonicalErrorName('22')).toBe('EINVAL')
    expect(canonicalErrorName('0xe00002e2')).toBe('kIOReturnNotPermitted')
    expect(canonicalErrorName('kioreturnnotpermitted')).toBe('kIOReturnNotPermitted')
    expect(canonicalErrorName('kern_failure')).toBe('KERN_FAILURE')
    expect(canonicalErrorName('bogus')).toBeNull()
  })

  it('maps strerror and system messages typed into search, in any case', () => {
    expect(canonicalErrorName('No buffer space available')).toBe('ENOBUFS')
    expect(canonicalErrorName('no  BUFFER space available')).toBe('ENOBUFS')
    expect(canonicalErrorName('Operation not permitted')).toBe('EPERM')
    expect(canonicalErrorName('invalid argument')).toBe('EINVAL')
    expect(canonicalErrorName('buffer space')).toBeNull()
  })
})

describe('the error tables', () => {
  it('have unique names and numbers, as the headers do', () => {
    for (const table of [ERRNO, KERN_RETURN]) {
      expect(new Set(table.map((e) => e.name)).size).toBe(table.length)
      expect(new Set(table.map((e) => e.number)).size).toBe(table.length)
    }
    expect(new Set(IO_RETURN.map((e) => e.code)).size).toBe(IO_RETURN.length)
  })

  it('hold the values of errno.h, kern_return.h and IOReturn.h', () => {
    const errno = new Map(ERRNO.map((e) => [e.name, e.number]))
    expect([
      errno.get('ENOENT'),
      errno.get('EINVAL'),
      errno.get('EAGAIN'),
      errno.get('ENOBUFS'),
    ]).toEqual([2, 22, 35, 55])
    expect([errno.get('ENOTSUP'), errno.get('EOPNOTSUPP'), errno.get('EJUSTRETURN')]).toEqual([
      45, 102, -2,
    ])
    expect(KERN_RETURN.find((k) => k.name === 'KERN_INVALID_ARGUMENT')?.number).toBe(4)
    const io = new Map(IO_RETURN.map((r) => [r.name, r.code]))
    expect(io.get('kIOReturnError')).toBe(0xe00002bc)
    expect(io.get('kIOReturnBadArgument')).toBe(0xe00002c2)
    expect(io.get('kIOReturnNotPermitted')).toBe(0xe00002e2)
    expect(io.get('kIOReturnNotFound')).toBe(0xe00002f0)
  })
})
