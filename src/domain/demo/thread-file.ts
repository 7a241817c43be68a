/**
 * One demo thread file: the question's YAML header between two lines `---`, its Markdown, then sections
 * that each open with a marker line (`--- attachment`, `--- reply`, `--- comment`), a YAML header closed
 * by `---`, and their text. docs/import.md ("The demo forum") shows a whole file.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { TSchema } from '@sinclair/typebox'
import {
  AttachmentHeader,
  CommentHeader,
  problemsOf,
  ReplyHeader,
  ThreadHeader,
} from './demo.schema.js'
import type { DemoAttachment, DemoReply, DemoThread } from './demo.types.js'
import { agoToMs, type Ago } from './relative-time.js'

type SectionKind = 'question' | 'attachment' | 'reply' | 'comment'

/** A line that is exactly one of these opens a section, even inside a code fence. */
const MARKER = /^--- (attachment|reply|comment)$/
/** Lines meant as markers but spelt otherwise ("--- Reply", "---reply", "--- replies"): an error, not text. */
const NEAR_MARKER = /^\s*-{2,}\s*(attachment|reply|comment)s?\b/i

const HEADERS: Record<SectionKind, TSchema> = {
  question: ThreadHeader,
  attachment: AttachmentHeader,
  reply: ReplyHeader,
  comment: CommentHeader,
}

interface Section {
  kind: SectionKind
  /** 1-based line of the section's opening marker. */
  line: number
  header: Record<string, unknown>
  text: string
}

export type ParsedThread = Omit<DemoThread, 'file'>

/**
 * Parses one thread file. Returns the thread, or the problems found, each starting with its line number.
 * @example parseThreadFile('---\ntitle: Hi\ntags: [kernel]\nauthor: ned\nago: 5h\nviews: 0\n---\n\nHello?\n')
 */
export function parseThreadFile(
  source: string,
): { thread: ParsedThread; problems: [] } | { thread?: undefined; problems: string[] } {
  const { sections, problems } = splitSections(source.replace(/\r\n?/g, '\n'))
  if (problems.length > 0) return { problems }
  const thread = assemble(sections, problems)
  return problems.length > 0 || !thread ? { problems } : { thread, problems: [] }
}

function splitSections(source: string): { sections: Section[]; problems: string[] } {
  const lines = source.split('\n')
  const problems: string[] = []
  const sections: Section[] = []
  if (lines[0] !== '---') {
    problems.push('line 1: a thread file starts with its header between two lines "---"')
    return { sections, problems }
  }
  let open = 0
  while (open < lines.length) {
    const kind: SectionKind =
      open === 0 ? 'question' : (MARKER.exec(lines[open] ?? '')?.[1] as SectionKind)
    let close = open + 1
    while (close < lines.length && lines[close] !== '---' && !MARKER.test(lines[close] ?? ''))
      close++
    if (lines[close] !== '---') {
      problems.push(`line ${open + 1}: the ${kind}'s header has no closing line "---"`)
      break
    }
    let end = close + 1
    for (; end < lines.length && !MARKER.test(lines[end] ?? ''); end++) {
      if (NEAR_MARKER.test(lines[end] ?? ''))
        problems.push(
          `line ${end + 1}: "${lines[end]}" looks like a section marker; write "--- reply", "--- comment" or "--- attachment"`,
        )
    }
    const header = parseHeader(lines.slice(open + 1, close).join('\n'), open + 2, problems)
    if (header)
      sections.push({ kind, line: open + 1, header, text: lines.slice(close + 1, end).join('\n') })
    open = end
  }
  return { sections, problems }
}

function parseHeader(
  yaml: string,
  firstLine: number,
  problems: string[],
): Record<string, unknown> | undefined {
  let value: unknown
  try {
    value = parseYaml(yaml)
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error
    const at = firstLine + (error.linePos?.[0].line ?? 1) - 1
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:$/, '')
    problems.push(`line ${at}: ${message}`)
    return undefined
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>
  problems.push(`line ${firstLine}: a header is YAML "key: value" lines`)
  return undefined
}

/** Markdown keeps no blank lines around it; an attachment is a text file, so it ends with one newline. */
function bodyOf(section: Section): string {
  const text = section.text.replace(/^(?:[ \t]*\n)+/, '').trimEnd()
  return section.kind === 'attachment' && text !== '' ? `${text}\n` : text
}

interface Draft {
  thread?: ParsedThread
  attachments: DemoAttachment[]
  replies: DemoReply[]
  /** The reply that comments hang under: the latest one, or undefined when its header was bad. */
  reply?: DemoReply
  numbers: Record<SectionKind, number>
}

type Report = (problem: string) => void

/** Builds the thread section by section; each problem is reported with its line and section. */
function assemble(sections: Section[], problems: string[]): ParsedThread | undefined {
  const draft: Draft = {
    attachments: [],
    replies: [],
    numbers: { question: 0, attachment: 0, reply: 0, comment: 0 },
  }
  for (const section of sections) {
    const label = labelOf(section.kind, draft.numbers)
    const report: Report = (problem) => problems.push(`line ${section.line} (${label}): ${problem}`)
    const found = problemsOf(HEADERS[section.kind], section.header)
    found.forEach(report)
    const body = bodyOf(section)
    if (body === '' && section.kind !== 'attachment') report('no text after the header')
    if (found.length === 0) ADD[section.kind](draft, section.header, body, report)
    else if (section.kind === 'reply') draft.reply = undefined // its comments are not checked against it
  }
  const { thread, attachments, replies } = draft
  if (!thread) return undefined
  if (replies.filter((r) => r.accepted).length > 1)
    problems.push('more than one reply says "accepted: true"; a thread has at most one answer')
  if (attachments.length > 0) thread.attachments = attachments
  if (replies.length > 0) thread.replies = replies
  return thread
}

/** "question", "attachment 1", "reply 2", "comment 1 on reply 2": how problems name a section. */
function labelOf(kind: SectionKind, numbers: Record<SectionKind, number>): string {
  const n = ++numbers[kind]
  if (kind === 'reply') numbers.comment = 0
  if (kind === 'question') return kind
  return kind === 'comment' && numbers.reply > 0
    ? `comment ${n} on reply ${numbers.reply}`
    : `${kind} ${n}`
}

const ADD: Record<
  SectionKind,
  (draft: Draft, header: Record<string, unknown>, body: string, report: Report) => void
> = {
  question(draft, header, body) {
    draft.thread = { ...(header as ThreadHeader & { ago: Ago }), body }
  },
  attachment(draft, header, content, report) {
    if (draft.replies.length > 0)
      report('attachments go after the question, before the first reply')
    draft.attachments.push({ name: (header as AttachmentHeader).name, content })
  },
  reply(draft, header, body, report) {
    const reply: DemoReply = { ...(header as ReplyHeader & { ago: Ago }), body }
    if (draft.thread && agoToMs(reply.ago) > agoToMs(draft.thread.ago))
      report(`${reply.ago} ago is before the question (${draft.thread.ago} ago)`)
    draft.replies.push(reply)
    draft.reply = reply
  },
  comment(draft, header, body, report) {
    const { author, ago } = header as CommentHeader & { ago: Ago }
    if (draft.numbers.reply === 0)
      return report('a comment follows the reply it belongs to; this one comes before any reply')
    if (!draft.reply) return
    if (agoToMs(ago) > agoToMs(draft.reply.ago))
      report(`${ago} ago is before its reply (${draft.reply.ago} ago)`)
    ;(draft.reply.comments ??= []).push({ author, ago, body })
  },
}
