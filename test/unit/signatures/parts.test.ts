/**
 * A text in parts (a question's title and body, attachments) is read part by part, each part's findings
 * remembered per text, and merged; OS mentions are read across the parts. These tests hold the merged
 * reading to the reading of the whole text at once, over the signature corpora and generated questions.
 */
import { describe, expect, it } from 'vitest'
import { makeAttachment, makeQuestionBody, makeTitle } from '../../../bench/data/content.js'
import { Random } from '../../../bench/data/random.js'
import { readableIpsInMarkdown, readIps } from '../../../src/domain/markdown/index.js'
import { extractCrashes } from '../../../src/domain/signatures/crashes.js'
import { extractErrors } from '../../../src/domain/signatures/errors.js'
import {
  extractSignaturesOfParts,
  type TextAttachment,
} from '../../../src/domain/signatures/extract.js'
import { extractOs } from '../../../src/domain/signatures/os.js'
import { extractReferences } from '../../../src/domain/signatures/references.js'
import { attachmentKind, segmentsOf } from '../../../src/domain/signatures/segments.js'
import { extractSymbols } from '../../../src/domain/signatures/symbols.js'
import { HOLDOUT_POSTS } from '../../fixtures/signatures/posts-holdout.js'
import { SIGNATURE_POSTS } from '../../fixtures/signatures/posts.js'
import { TWIN_PAIRS } from '../../fixtures/signatures/twins.js'

/**
 * The whole text read at once: every extractor over the parts joined by blank lines (an .ips report, pasted
 * or attached, read as the text report it stands for).
 */
function readAtOnce(rawParts: string[], rawAttachments: TextAttachment[] = []) {
  const parts = rawParts.map(readableIpsInMarkdown)
  const attachments = rawAttachments.map((a) => ({ ...a, text: readIps(a.text)?.text ?? a.text }))
  const texts = [...parts, ...attachments.map((a) => a.text)]
  const all = texts.join('\n\n')
  return {
    os: extractOs(all),
    errors: extractErrors(all),
    symbols: extractSymbols([
      ...parts.flatMap((p) => segmentsOf(p)),
      ...attachments.map((a) => ({ kind: attachmentKind(a.fileName), text: a.text })),
    ]),
    references: extractReferences(all),
    crashes: extractCrashes(all),
  }
}

interface Case {
  name: string
  parts: string[]
  attachments: TextAttachment[]
}

function corpusCases(): Case[] {
  const cases: Case[] = []
  for (const post of [...SIGNATURE_POSTS, ...HOLDOUT_POSTS]) {
    // A corpus post is one text: cut after its first line, as a title and a body.
    const cut = post.text.indexOf('\n')
    const parts = cut < 0 ? [post.text] : [post.text.slice(0, cut), post.text.slice(cut + 1)]
    cases.push({ name: post.name, parts, attachments: post.attachments ?? [] })
  }
  for (const pair of TWIN_PAIRS)
    for (const side of [pair.a, pair.b])
      cases.push({
        name: `${pair.name}: ${side.title}`,
        parts: [side.title, side.body],
        attachments: (side.attachments ?? []).map((a) => ({ fileName: a.name, text: a.content })),
      })
  const random = new Random(7)
  for (let i = 0; i < 400; i++) {
    const file = i % 10 === 0 ? makeAttachment(random) : null
    cases.push({
      name: `generated question ${i}`,
      parts: [makeTitle(random), makeQuestionBody(random)],
      attachments: file ? [{ fileName: file.name, text: file.content }] : [],
    })
  }
  return cases
}

describe('a text in parts', () => {
  const cases = corpusCases()

  it('finds what the whole text read at once finds, in the same order', () => {
    expect(cases.length).toBeGreaterThan(450)
    let withSignatures = 0
    for (const c of cases) {
      const merged = extractSignaturesOfParts(c.parts, c.attachments)
      expect(merged, c.name).toEqual(readAtOnce(c.parts, c.attachments))
      if (merged.errors.length + merged.crashes.length + merged.references.length > 0)
        withSignatures++
    }
    // The comparison means something only if the parts hold what is merged.
    expect(withSignatures).toBeGreaterThan(100)
  })

  it('gives the same answer when a part is read again from memory, and callers cannot change it', () => {
    const parts = [
      'ENOBUFS from sendto on macOS 26.1',
      'Then ENOENT, and ENOBUFS again. Filed FB12345678.',
    ]
    const first = extractSignaturesOfParts(parts)
    first.errors.length = 0
    first.references.push('FB1')
    const again = extractSignaturesOfParts(parts)
    expect(again.errors.map((e) => e.name)).toEqual(['ENOBUFS', 'ENOENT'])
    expect(again.references).toEqual(['FB12345678'])
  })

  it('merges the parts in order of first mention, each signature once', () => {
    const s = extractSignaturesOfParts(
      ['EPERM and FB11111111 in the title', 'ENOENT, then EPERM; FB22222222 and FB11111111'],
      [{ fileName: 'log.txt', text: 'open failed: ENOBUFS (FB22222222)' }],
    )
    expect(s.errors.map((e) => e.name)).toEqual(['EPERM', 'ENOENT', 'ENOBUFS'])
    expect(s.references).toEqual(['FB11111111', 'FB22222222'])
  })

  it('reads OS mentions across the parts: a bare build in the body takes the platform the title names', () => {
    const apart = extractSignaturesOfParts(['Panics on iOS 26.1', 'Seen on build 23B85 too.'])
    const body = extractSignaturesOfParts(['Seen on build 23B85 too.'])
    expect(apart.os).toEqual(readAtOnce(['Panics on iOS 26.1', 'Seen on build 23B85 too.']).os)
    expect(apart.os.map((o) => o.name)).toContain('iOS')
    expect(body.os.map((o) => o.name)).not.toContain('iOS')
  })
})

describe('segments of one line', () => {
  // A second paragraph sends the text through the block parser; its first paragraph's segments must be the
  // one line's (the line is read without the parser).
  const viaParser = (line: string) => segmentsOf(`${line}\n\nx`).slice(0, -1)
  const lines = [
    'Panic in vnop_lookup after `vnode_put` on macOS 26.1',
    'ENOBUFS from `sendto()` and ``double `tick` span``  ',
    'See https://developer.apple.com/documentation/kernel/vnode_t_lookup for details',
    'a | b | c',
    'Why does [IOService start] fail? *really* _now_',
    'Trailing backslash \\',
    'Tabs\tinside and &amp; entities &lt;b&gt;',
    'Unclosed `code span here',
  ]

  it.each(lines)('%s', (line) => {
    expect(segmentsOf(line)).toEqual(viaParser(line))
  })

  it('agrees with the parser on generated titles', () => {
    const random = new Random(11)
    for (let i = 0; i < 500; i++) {
      const title = makeTitle(random)
      expect(segmentsOf(title), title).toEqual(viaParser(title))
    }
  })

  it('leaves lines that open with Markdown syntax to the parser', () => {
    expect(segmentsOf('# Heading with `code`')).toEqual([
      { kind: 'prose', text: 'Heading with  ' },
      { kind: 'inline', text: 'code' },
    ])
    expect(segmentsOf('    indented code()')).toEqual([{ kind: 'code', text: 'indented code()\n' }])
  })
})
