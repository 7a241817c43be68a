/** Input rules for questions, replies and comments; each problem names its form field. */
import { fail, msg, type Result } from '../shared/index.js'

export const LIMITS = {
  titleMin: 15,
  titleMax: 150,
  bodyMaxBytes: 64 * 1024,
  commentMax: 600,
  tagsMin: 1,
  tagsMax: 5,
  attachmentsMax: 5,
  attachmentBytesMax: 4 * 1024 * 1024,
} as const

export function checkTitle(title: string): Result<never> | undefined {
  const length = [...title].length
  if (length < LIMITS.titleMin)
    return fail.invalid(
      'title',
      msg('Write a title of at least {titleMin} characters that says what the problem is.'),
      { titleMin: LIMITS.titleMin },
    )
  if (length > LIMITS.titleMax)
    return fail.invalid(
      'title',
      msg('Keep the title under {titleMax} characters (it has {length}).'),
      { titleMax: LIMITS.titleMax, length },
    )
  return undefined
}

export function checkBody(body: string, field = 'body'): Result<never> | undefined {
  if (body.trim() === '') return fail.invalid(field, msg('Write something first.'))
  const bytes = Buffer.byteLength(body, 'utf8')
  if (bytes > LIMITS.bodyMaxBytes)
    return fail.invalid(
      field,
      msg('Keep the text under 64 KB (it is {value} KB); attach long logs as files instead.'),
      { value: Math.ceil(bytes / 1024) },
    )
  return undefined
}

export function checkComment(body: string): Result<never> | undefined {
  if (body.trim() === '') return fail.invalid('body', msg('Write a comment first.'))
  const length = [...body].length
  if (length > LIMITS.commentMax)
    return fail.invalid(
      'body',
      msg(
        'Keep comments under {commentMax} characters (this one has {length}); post a reply for more.',
      ),
      { commentMax: LIMITS.commentMax, length },
    )
  return undefined
}

/**
 * Normalises line endings and replaces U+0000 with U+FFFD (PostgreSQL text cannot hold NUL, and no
 * reader wants one); nothing else about what people type is changed.
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\uFFFD')
}

/**
 * Characters that change how text around them is shown without being seen themselves: bidirectional
 * overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069; a right-to-left override can make
 * "evil.exe" read "exe.live"), the Arabic letter mark, zero-width spaces and joiners, the word joiner and
 * the byte-order mark. A title never needs them.
 */
const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g

/** A title as stored: the text normalised, invisible formatting removed, spaces collapsed, trimmed. */
export function cleanTitle(raw: string): string {
  return normaliseText(raw).replace(INVISIBLE_FORMATTING, '').replace(/\s+/g, ' ').trim()
}
