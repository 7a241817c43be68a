/** The Markdown toolbar's edits, as text and selection in, text and selection out. */
import { describe, expect, it } from 'vitest'
import {
  applyEdit,
  bulletList,
  codeBlock,
  inlineCode,
  insideFence,
  isLargePaste,
  link,
  quote,
  type Edit,
  type TextState,
} from '../../../src/client/lib/markdown-edits.js'

/** "a[b]c" marks the selection with [ and ] (a caret alone: "a|c"). */
function parse(marked: string): TextState {
  const caret = marked.indexOf('|')
  if (caret !== -1) return { value: marked.replace('|', ''), start: caret, end: caret }
  const start = marked.indexOf('[')
  const end = marked.indexOf(']') - 1
  return { value: marked.replace('[', '').replace(']', ''), start, end }
}
function show(state: TextState): string {
  const { value, start, end } = state
  if (start === end) return `${value.slice(0, start)}|${value.slice(start)}`
  return `${value.slice(0, start)}[${value.slice(start, end)}]${value.slice(end)}`
}
const run = (edit: (s: TextState) => Edit, marked: string) =>
  show(applyEdit(parse(marked), edit(parse(marked))))

describe('markdown edits', () => {
  it('inline code wraps the selection, with a longer fence around backticks', () => {
    expect(run(inlineCode, 'call [vnode_put] here')).toBe('call `[vnode_put]` here')
    expect(run(inlineCode, 'x |y')).toBe('x `|`y')
    expect(run(inlineCode, 'use [a`b] now')).toBe('use `` [a`b] `` now')
  })

  it('a code block goes on lines of its own, the fence outlasting backticks inside', () => {
    expect(run(codeBlock, 'see:[panic(cpu 0)]\nmore')).toBe('see:\n```\n[panic(cpu 0)]\n```\nmore')
    expect(run(codeBlock, '|')).toBe('```\n|\n```')
    expect(run(codeBlock, '[a ``` b]')).toBe('````\n[a ``` b]\n````')
  })

  it('a link: the selection is its text and the URL is selected; a selected URL is its target', () => {
    expect(run(link, 'read [the docs] first')).toBe('read [the docs]([https://]) first')
    expect(run(link, 'see [https://a.test/x]')).toBe('see [|](https://a.test/x)')
    expect(run(link, '|')).toBe('[[text]](https://)')
  })

  it('quote and list prefix every touched line, and take the prefix off again', () => {
    expect(run(quote, 'a\nb[c\n\nd]e\nf')).toBe('a\n[> bc\n>\n> de]\nf')
    expect(run(quote, '[> one\n> two]')).toBe('[one\ntwo]')
    expect(run(bulletList, '[one\n\ntwo]')).toBe('[- one\n\n- two]')
    expect(run(bulletList, '|')).toBe('- |')
  })

  it('a large paste is more than 20 lines or 4 KB, unfenced, and not pasted inside a fence', () => {
    const log = Array.from({ length: 21 }, (_, i) => `line ${i}`).join('\n')
    expect(isLargePaste(log, '', 0)).toBe(true)
    expect(isLargePaste('x'.repeat(4097), '', 0)).toBe(true)
    expect(isLargePaste(Array.from({ length: 20 }, () => 'l').join('\n'), '', 0)).toBe(false)
    expect(isLargePaste('```\n' + log + '\n```', '', 0)).toBe(false)
    expect(isLargePaste(log, 'text\n```\n', 9)).toBe(false)
    expect(insideFence('```\na\n```\nb', 11)).toBe(false)
  })
})
