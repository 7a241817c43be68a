/**
 * What the index holds for a thread: its title; the question (prose, code and text attachments); the accepted
 * answer; the other replies and comments; and three identifier fields (see tokenize.ts): the title's and the
 * attachment names', the question's and the accepted answer's, and those found only in other replies, so an
 * identifier weighs what the text it came from weighs. Both engines index the same document, so they find the
 * same threads.
 */
import { toPlainText } from '../markdown/index.js'
import type { ThreadContent } from '../thread-contents/index.js'
import { memoByText } from '../shared/index.js'
import { identifierField } from './tokenize.js'

/** The index row of one thread. */
export interface SearchDocument {
  threadId: number
  title: string
  /** The question: prose, then code, then text attachments (names and contents). */
  body: string
  /** The accepted answer and its comments ('' when the thread is unsolved). */
  answer: string
  /** Every other live reply and comment. */
  replies: string
  /** Whole identifiers and their parts from the title and attachment names (`dgramsend.c`): they weigh like the title. */
  titleIdentifiers: string
  /** Identifiers from the question and the accepted answer (not already in `titleIdentifiers`). */
  identifiers: string
  /** Identifiers that appear only in the other replies: they weigh as little as the replies do. */
  replyIdentifiers: string
}

/**
 * Caps keep one huge thread from making a huge row: PostgreSQL refuses a tsvector over 1 MB, and nobody searches
 * for the 500th kilobyte of a log. Text past a cap is not indexed.
 */
export const MAX_FIELD_CHARS = 100_000
export const MAX_ATTACHMENT_CHARS = 32_000

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/u

/**
 * Builds a thread's index row from its live posts and attachments.
 * @example buildSearchDocument({ id: 1, title: 'Panic', acceptedPostId: null, posts: [...], attachments: [] }).body
 */
export function buildSearchDocument(source: ThreadContent): SearchDocument {
  const question = source.posts.find((p) => p.kind === 'question')
  const live = new Set(source.posts.map((p) => p.id))
  const answerIds = new Set<number>()
  if (source.acceptedPostId !== null && live.has(source.acceptedPostId))
    answerIds.add(source.acceptedPostId)
  for (const p of source.posts)
    if (p.kind === 'comment' && p.parentId !== null && answerIds.has(p.parentId))
      answerIds.add(p.id)

  const attachmentText = source.attachments
    .filter((a) => a.postId === question?.id)
    .map((a) => `${a.fileName}\n${(a.text ?? '').slice(0, MAX_ATTACHMENT_CHARS)}`)
  const body = field([question ? postText(question.markdown) : '', ...attachmentText])
  const answer = field(
    source.posts.filter((p) => answerIds.has(p.id)).map((p) => postText(p.markdown)),
  )
  const replies = field(
    source.posts
      .filter(
        (p) =>
          p.kind !== 'question' &&
          !answerIds.has(p.id) &&
          (p.parentId === null || live.has(p.parentId)),
      )
      .map((p) => postText(p.markdown)),
  )
  const seen = new Set<string>()
  const names = source.attachments.filter((a) => live.has(a.postId)).map((a) => a.fileName)
  const titleIdentifiers = identifierField([source.title, ...names].join('\n'), seen)
  // Identifiers are read post by post (each post's are remembered), in the order of the joined fields.
  const identifiers = identifierField([...body.parts, ...answer.parts], seen)
  const replyIdentifiers = identifierField(replies.parts, seen)
  return {
    threadId: source.id,
    title: source.title,
    body: body.text,
    answer: answer.text,
    replies: replies.text,
    titleIdentifiers,
    identifiers,
    replyIdentifiers,
  }
}

/**
 * A post's searchable text: its prose on one line (as list pages show it), then its code blocks.
 * Remembered per text (shared/text-memo.ts): every write re-derives the whole thread.
 */
export const postText = memoByText((markdown: string): string => {
  const code = codeBlocks(markdown)
  const prose = toPlainText(markdown)
  return code === '' ? prose : `${prose}\n${code}`
})

/**
 * The contents of fenced and indented code blocks, which toPlainText leaves out but searchers need most: panic
 * logs, backtraces and sources. A line scanner, not a parser: a stray fence at worst indexes some prose twice.
 */
export function codeBlocks(markdown: string): string {
  const out: string[] = []
  let fence: string | null = null
  let previousBlank = true
  let indented = false
  for (const line of markdown.replace(/\r\n?/gu, '\n').split('\n')) {
    const marker = FENCE_RE.exec(line)?.[1]
    const blank = line.trim() === ''
    if (fence !== null) {
      if (
        marker !== undefined &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        line.trim() === marker
      )
        fence = null
      else out.push(line)
    } else if (marker !== undefined) {
      fence = marker
    } else if (!blank) {
      // An indented block starts after a blank line (it cannot interrupt a paragraph) and runs while lines stay indented.
      indented = /^(?: {4}|\t)/u.test(line) && (previousBlank || indented)
      if (indented) out.push(line.trim())
    }
    previousBlank = blank
  }
  return out.join('\n')
}

/** A field's text and the parts it joins (line breaks between them); a capped field is one part. */
interface Field {
  text: string
  parts: readonly string[]
}

function field(parts: string[]): Field {
  const kept = parts.filter((p) => p !== '')
  const text = kept.join('\n')
  if (text.length <= MAX_FIELD_CHARS) return { text, parts: kept }
  const cut = text.lastIndexOf(' ', MAX_FIELD_CHARS)
  const capped = text.slice(0, cut > MAX_FIELD_CHARS - 200 ? cut : MAX_FIELD_CHARS)
  return { text: capped, parts: [capped] }
}
