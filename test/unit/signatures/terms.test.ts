/** A thread's term vector for similar threads: what each part of a thread weighs (docs/signatures.md). */
import { describe, expect, it } from 'vitest'
import { similarityTerms, threadTerms } from '../../../src/domain/signatures/terms.js'

const vector = (title: string, question: string, replies: string[] = []) =>
  similarityTerms(threadTerms(title, question, replies))

describe('similarity terms', () => {
  it('weighs a word of the question by the kind of text it is in: prose 1, code ½, output 0.4', () => {
    const v = vector('', 'kextload\n\n```c\nkextunload();\n```\n\n```log\nsyslogd\n```')
    const raw = (f: number) => 1 + Math.log(f)
    const norm = Math.hypot(raw(1), raw(0.5), raw(0.4))
    expect([...v]).toEqual([
      ['kextload', expect.closeTo(raw(1) / norm, 12)],
      ['kextunload', expect.closeTo(raw(0.5) / norm, 12)],
      ['syslogd', expect.closeTo(raw(0.4) / norm, 12)],
    ])
  })

  it('adds up the title (×3), the question (×1) and the replies (×0.3), heaviest first', () => {
    const v = vector('vnode panic', 'The vnode leaks.', ['vnode_put fixes it', 'The vnode again.'])
    // vnode: 3 (title) + 1 (question) + 0.5×0.3 (a part of vnode_put in a reply) + 0.3 (the other reply)
    const tf = { vnode: 3 + 1 + 0.15 + 0.3, panic: 3, leak: 1, vnode_put: 0.3 }
    const raw = Object.fromEntries(Object.entries(tf).map(([t, f]) => [t, 1 + Math.log(f)]))
    expect(v.get('vnode')! / v.get('panic')!).toBeCloseTo(raw.vnode! / raw.panic!, 12)
    expect(v.get('leak')! / v.get('panic')!).toBeCloseTo(raw.leak! / raw.panic!, 12)
    // 0.3 < 1/e: a word seen once in one reply says too little to be kept.
    expect(v.has('vnode_put')).toBe(false)
    expect([...v.keys()].slice(0, 2)).toEqual(['vnode', 'panic'])
    expect(Math.hypot(...v.values())).toBeCloseTo(1, 12)
  })

  it('keeps the heaviest terms up to the limit', () => {
    const words = Array.from(
      { length: 30 },
      (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}x`,
    )
    const question = words.map((w, i) => `${w} `.repeat(i + 1)).join('\n\n')
    const v = similarityTerms(threadTerms('', question), 5)
    expect([...v.keys()]).toEqual(words.slice(-5).reverse())
  })

  it('gives the same vector when posts are read again from memory', () => {
    const replies = ['Try `cache_purge()` first.', 'Same on 26.1 with vnop_lookup.']
    const first = vector('Panic in vnop_lookup', 'It panics under load.', replies)
    first.clear()
    expect([...vector('Panic in vnop_lookup', 'It panics under load.', replies)]).toEqual([
      ...vector('Panic in vnop_lookup', 'It panics under load.', [...replies]),
    ])
    expect(vector('Panic in vnop_lookup', 'It panics under load.', replies).size).toBeGreaterThan(3)
  })
})
