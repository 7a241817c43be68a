import { describe, expect, it } from 'vitest'
import { buildSearchDocument, codeBlocks } from '../../../src/domain/search/document.js'
import { fts5Expression } from '../../../src/domain/search/fts5.queries.js'
import { parseSearchQuery } from '../../../src/domain/search/index.js'
import { JOINER } from '../../../src/domain/search/tokenize.js'

describe('FTS5 expressions', () => {
  it('quotes every token: identifiers whole, words and phrases as phrases', () => {
    const terms = parseSearchQuery('sosend_reinject() IOUSBHostInterface "zone map"').terms
    expect(fts5Expression(parseSearchQuery('panic').terms, 'any')).toBe('"panic"')
    expect(fts5Expression(terms, 'all')).toBe(
      `"sosend${JOINER}reinject" AND "iousbhostinterface" AND "zone map"`,
    )
    expect(fts5Expression(terms.slice(2), 'any')).toBe('"zone map"')
  })

  it('passes FTS5 syntax through only as quoted text', () => {
    const expression = fts5Expression(
      parseSearchQuery('NEAR(a b) OR * - ^c col:x AND "d').terms,
      'all',
    )
    // Outside quotes only our own AND / OR and parentheses appear.
    expect(expression.replace(/"[^"]*"/g, '')).toMatch(/^[\s()ANDOR]*$/)
  })
})

describe('search documents', () => {
  it('extracts fenced and indented code for indexing', () => {
    const md =
      'Prose with `inline`.\n\n```c\nint vnode_setmultipath(vnode_t vp);\n```\n\n    indented_call();\n\n~~~\npanic(cpu 0)\n~~~\n'
    expect(codeBlocks(md)).toBe(
      'int vnode_setmultipath(vnode_t vp);\nindented_call();\npanic(cpu 0)',
    )
  })

  it('splits a thread into fields: question, accepted answer, other replies, identifiers by weight', () => {
    const doc = buildSearchDocument({
      id: 7,
      title: 'Panic in vnode_setmultipath',
      acceptedPostId: 2,
      posts: [
        { id: 1, kind: 'question', parentId: null, markdown: 'Calls `IOServiceOpen`.' },
        { id: 2, kind: 'reply', parentId: null, markdown: 'Check `vnode_vtype` first.' },
        { id: 3, kind: 'comment', parentId: 2, markdown: 'Thanks!' },
        { id: 4, kind: 'reply', parentId: null, markdown: 'Also try kIOReturnExclusiveAccess.' },
      ],
      attachments: [
        { postId: 1, fileName: 'dgramsend.c', text: 'int main(void) { return ENOBUFS; }' },
      ],
    })
    expect(doc.body).toBe('Calls IOServiceOpen.\ndgramsend.c\nint main(void) { return ENOBUFS; }')
    expect(doc.answer).toBe('Check vnode_vtype first.\nThanks!')
    expect(doc.replies).toBe('Also try kIOReturnExclusiveAccess.')
    expect(doc.titleIdentifiers).toBe(
      `vnode${JOINER}setmultipath vnode setmultipath dgramsend${JOINER}c dgramsend c`,
    )
    expect(doc.identifiers.split(' ')).toEqual(
      expect.arrayContaining(['ioserviceopen', 'enobufs', `vnode${JOINER}vtype`]),
    )
    expect(doc.replyIdentifiers).toBe('kioreturnexclusiveaccess k io return exclusive access')
  })
})
