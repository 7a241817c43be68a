import { describe, expect, it } from 'vitest'
import {
  analyseToken,
  identifierField,
  JOINER,
  scanTokens,
} from '../../../src/domain/search/tokenize.js'

function tokensOf(text: string) {
  const out: { raw: string; whole: string | null; parts: string; words: string }[] = []
  scanTokens(text, (t) =>
    out.push({ raw: t.raw, whole: t.whole, parts: t.parts.join(' '), words: t.words.join(' ') }),
  )
  return out
}

describe('search tokenizer', () => {
  it.each([
    [
      'vnode_setmultipath',
      `vnode${JOINER}setmultipath`,
      'vnode setmultipath',
      'vnode setmultipath',
    ],
    ['IOUSBHostInterface', 'iousbhostinterface', 'io usb host interface', 'iousbhostinterface'],
    ['sosend_reinject', `sosend${JOINER}reinject`, 'sosend reinject', 'sosend reinject'],
    [
      'cfil_service_inject_queue',
      `cfil${JOINER}service${JOINER}inject${JOINER}queue`,
      'cfil service inject queue',
      'cfil service inject queue',
    ],
    [
      'kalloc.type.var4.128',
      `kalloc${JOINER}type${JOINER}var4${JOINER}128`,
      'kalloc type var4 128',
      'kalloc type var4 128',
    ],
    ['0xfffffe004cae3e24', '0xfffffe004cae3e24', '', '0xfffffe004cae3e24'],
    ['25B78', '25b78', '', '25b78'],
    ['dgramsend.c', `dgramsend${JOINER}c`, 'dgramsend c', 'dgramsend c'],
    ['-[NSObject foo:]', `nsobject${JOINER}foo`, 'ns object foo', 'nsobject foo'],
    ['std::string', `std${JOINER}string`, 'std string', 'std string'],
    ['ENOBUFS', 'enobufs', '', 'enobufs'],
    [
      'kIOReturnExclusiveAccess',
      'kioreturnexclusiveaccess',
      'k io return exclusive access',
      'kioreturnexclusiveaccess',
    ],
    ['IOService::start', `ioservice${JOINER}start`, 'io service start', 'ioservice start'],
    ['ptr->field', `ptr${JOINER}field`, 'ptr field', 'ptr field'],
  ])('keeps %s whole and splits it', (text, whole, parts, words) => {
    expect(tokensOf(text)).toEqual([{ raw: text, whole, parts, words }])
  })

  it('treats plain words as words, not identifiers', () => {
    expect(tokensOf('The Kernel panics 2025').map((t) => t.whole)).toEqual([null, null, null, null])
  })

  it('finds identifiers inside prose and code, dropping the punctuation around them', () => {
    expect(
      tokensOf(
        'calls sosend_reinject(m, NULL); see -[NSObject(NSObject) doesNotRecognizeSelector:].',
      ).map((t) => t.raw),
    ).toEqual([
      'calls',
      'sosend_reinject',
      'm',
      'NULL',
      'see',
      '-[NSObject(NSObject) doesNotRecognizeSelector:]',
    ])
  })

  it('makes whole tokens that both engines keep as one word: letters and digits only', () => {
    for (const text of [
      'a_b',
      'x.y.z',
      'std::vector<int>',
      'a->b',
      '$_OBJC_CLASS_$_Foo',
      'état_civil',
    ]) {
      for (const t of tokensOf(text))
        if (t.whole !== null) expect(t.whole).toMatch(/^[\p{L}\p{N}\p{M}]+$/u)
    }
  })

  it('splits only known acronyms out of capital runs', () => {
    expect(analyseToken('NSURLSession')?.parts).toEqual(['ns', 'url', 'session'])
    expect(analyseToken('EXC_BAD_ACCESS')?.parts).toEqual(['exc', 'bad', 'access'])
    expect(analyseToken('HIDDMARequest')?.parts).toEqual(['hid', 'dma', 'request'])
    expect(analyseToken('ABCDEFThing')?.parts).toEqual(['abcdef', 'thing'])
  })

  it('returns nothing for text without letters or digits', () => {
    expect(analyseToken('()->::')).toBeNull()
    expect(tokensOf('*** --- ***')).toEqual([])
  })

  it('builds an identifier field with each identifier once, skipping ones already seen elsewhere', () => {
    const seen = new Set<string>()
    expect(
      identifierField('vnode_setmultipath(vp); vnode_setmultipath(vp); IOUSBHostInterface', seen),
    ).toBe(`vnode${JOINER}setmultipath vnode setmultipath iousbhostinterface io usb host interface`)
    expect(identifierField('again vnode_setmultipath and ENOBUFS', seen)).toBe('enobufs')
  })

  it('ignores absurdly long tokens (hashes, base64) as identifiers', () => {
    expect(analyseToken(`a_${'x'.repeat(200)}`)?.whole).toBeNull()
  })
})
