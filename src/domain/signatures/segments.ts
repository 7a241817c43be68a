/**
 * A post cut into the kinds of text the extractors treat differently: prose (paragraphs, headings, list items,
 * table cells), inline code spans, code blocks holding source, and blocks holding output (logs, backtraces,
 * crash reports, traces). Unfenced pastes count as blocks, as the renderer shows them (markdown/pastes.ts).
 */
import { memoByText } from '../shared/index.js'
import MarkdownIt from 'markdown-it'
import {
  languageForFileName,
  languageForLabel,
  pasteLineKind,
  RESCUED_INFO,
  rescuePastes,
} from '../markdown/index.js'

export type SegmentKind = 'prose' | 'inline' | 'code' | 'log'

export interface Segment {
  kind: SegmentKind
  text: string
}

/** Fence languages that hold source code; other labels (text, console, json, plist) hold output. */
const SOURCE_LANGUAGES: ReadonlySet<string> = new Set([
  'c',
  'cpp',
  'objectivec',
  'swift',
  'python',
  'diff',
])
/** Labels we do not highlight but that are still source (`rust`, `go`), unless they name output. */
const OUTPUT_LABELS: ReadonlySet<string> = new Set([
  'ips',
  'crash',
  'log',
  'logs',
  'output',
  'panic',
  'trace',
  'dtruss',
  'ioreg',
  'lldb',
])

const CODE_SPAN_RE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g
/** URLs and link destinations: their underscores and camelCase are paths, not code. */
const URL_RE = /\bhttps?:\/\/[^\s)>\]]+|\]\([^)\s]*\)|<[a-z][\w+.-]*:[^>\s]*>/gi

/**
 * Segments of a Markdown body, in document order; remembered per text and shared: read-only.
 * @example segmentsOf('Call `vnop_lookup`:\n\n```c\nerror = VNOP_LOOKUP(dvp, &vp, cnp, ctx);\n```')
 * // [{ kind: 'prose', text: 'Call :' }, { kind: 'inline', text: 'vnop_lookup' }, { kind: 'code', text: 'error = …' }]
 */
export const segmentsOf: (markdown: string) => readonly Segment[] = memoByText(parseSegments)

/**
 * One line that opens with a letter is a paragraph and nothing else (no heading, list, quote, fence, rule,
 * indented code or link definition starts with a letter; tables and setext headings need a second line):
 * a title, most of the time. Its segments come straight from the line, without a block parse.
 */
const ONE_PARAGRAPH_RE = /^[A-Za-z][^\n\r\0]*$/

function parseSegments(markdown: string): Segment[] {
  const out: Segment[] = []
  if (ONE_PARAGRAPH_RE.test(markdown)) {
    inlineSegments(markdown.trim(), out)
    return out
  }
  for (const token of parser.parse(rescuePastes(markdown), {})) {
    if (token.type === 'fence')
      out.push({ kind: fenceKind(token.info, token.content), text: token.content })
    else if (token.type === 'code_block')
      out.push({ kind: sniff(token.content), text: token.content })
    else if (token.type === 'inline') inlineSegments(token.content, out)
  }
  return out
}

/** A paragraph's (or heading's, or cell's) source: its prose, then its code spans. */
function inlineSegments(content: string, out: Segment[]): void {
  const spans: string[] = []
  const prose = content.replace(CODE_SPAN_RE, (_all, _ticks: string, code: string) => {
    spans.push(code.trim())
    return ' '
  })
  out.push({ kind: 'prose', text: prose.replace(URL_RE, ' ') })
  for (const span of spans) out.push({ kind: 'inline', text: span })
}

/**
 * The segment kind of an attachment, from its file name: sources are code, everything else (logs, crash
 * reports, plists, text) output.
 * @example attachmentKind('repro.c') // "code"
 */
export function attachmentKind(fileName: string): SegmentKind {
  const lang = languageForFileName(fileName)
  return lang !== null && SOURCE_LANGUAGES.has(lang) ? 'code' : 'log'
}

function fenceKind(info: string, content: string): SegmentKind {
  if (info === RESCUED_INFO.log) return 'log'
  if (info === RESCUED_INFO.code) return 'code'
  const label = info.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  if (label === '') return sniff(content)
  const lang = languageForLabel(label)
  if (lang !== null) return SOURCE_LANGUAGES.has(lang) ? 'code' : sniff(content, 'log')
  return OUTPUT_LABELS.has(label) ? 'log' : 'code'
}

/** An unlabelled block is output when more of its lines look like output than like code. */
function sniff(content: string, tie: SegmentKind = 'code'): SegmentKind {
  let logs = 0
  let code = 0
  for (const line of content.split('\n').slice(0, 400)) {
    const kind = pasteLineKind(line)
    if (kind === 'log') logs++
    else if (kind === 'code') code++
  }
  if (logs === code) return tie
  return logs > code ? 'log' : 'code'
}

const parser = new MarkdownIt('commonmark', { html: false, maxNesting: 20 }).enable('table')
