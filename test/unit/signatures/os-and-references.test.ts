import { describe, expect, it } from 'vitest'
import { extractSignatures } from '../../../src/domain/signatures/index.js'

const os = (text: string) =>
  extractSignatures(text).os.map((o) => `${o.name} ${o.version}${o.build ? ` (${o.build})` : ''}`)

describe('OS mentions', () => {
  it.each([
    ['macOS 26.1 (25B78)', ['macOS 26.1 (25B78)']],
    ['on Sequoia 15.6.1', ['macOS 15.6.1']],
    ['macOS Sonoma 14.7.1 (23H222)', ['macOS 14.7.1 (23H222)']],
    ['iOS 18.2', ['iOS 18.2']],
    ['a bare 24G84', ['macOS 15 (24G84)']],
    ['Mac OS X 10.15.7 (19H2)', ['macOS 10.15.7 (19H2)']],
    [
      'OS version: 25B78\nKernel version: Darwin Kernel Version 25.1.0: Mon Oct 20',
      ['macOS 26.1 (25B78)'],
    ],
    ['Version 15.6.1 (Build 24G90)', ['macOS 15.6.1 (24G90)']],
    ['on iOS 18 the build is 22C152', ['iOS 18 (22C152)']],
    ['also seen on 26.2 (25C56)', ['macOS 26.2 (25C56)']],
    ['macOS 26.1 (25B78), also seen on 26.2 (25C56)', ['macOS 26.1 (25B78)', 'macOS 26.2 (25C56)']],
    ['fixed in 3.2 (25C56)', ['macOS 26 (25C56)']],
    // Issue 26 defect 5: an edit adding another release of the train kept the bare build apart.
    [
      'Panics on macOS 26.1, build 25B78.\n\nAlso seen on 26.2 (25C56)',
      ['macOS 26.1 (25B78)', 'macOS 26.2 (25C56)'],
    ],
  ])('reads %j', (text, expected) => {
    expect(os(text)).toEqual(expected)
  })

  it('merges mentions of one release and keeps different ones apart', () => {
    expect(os('macOS 26.1, build 25B78; also tried macOS 26 and Sequoia')).toEqual([
      'macOS 26.1 (25B78)',
      'macOS 15',
    ])
  })

  it('reads nothing from sizes, hashes and words', () => {
    expect(os('16K pages, 24G of memory, commit 25b78ab, and the Sierra Nevada')).toEqual([])
  })
})

describe('references', () => {
  it('normalises FB numbers and Radar links', () => {
    expect(
      extractSignatures('FB12345678, FB 13579246, Feedback #FB14680135, rdar://problem/98765432')
        .references,
    ).toEqual(['FB12345678', 'FB13579246', 'FB14680135', 'rdar://98765432'])
  })
})
