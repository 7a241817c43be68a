import { describe, expect, it } from 'vitest'
import { formatByteSize } from '../../../src/views/components/byte-size.js'

describe('formatByteSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [12_697, '12.4 KB'],
    [1_048_575, '1 MB'],
    [5_347_738, '5.1 MB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text)
  })

  it.each([
    [1, '1 Byte'],
    [900, '900 Bytes'],
    [12_697, '12,4 KB'],
    [2048, '2 KB'],
  ])('%d bytes reads %s in German', (bytes, text) => {
    expect(formatByteSize(bytes, 'de')).toBe(text)
  })
})
