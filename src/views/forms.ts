/**
 * Form state shared by every form page: the values to refill (never passwords) and one message per
 * field that failed, shown next to it. A form that failed validation comes back with status 422.
 */
export interface FormState<V> {
  values: V
  /** Field name -> message. */
  errors: Record<string, string>
  /** A problem that belongs to no single field (e.g. "Too many attempts"). */
  formError?: string
}

export function emptyForm<V>(values: V): FormState<V> {
  return { values, errors: {} }
}

export interface RegisterValues {
  username: string
  email: string
  /** The invitation code, when registration is by invitation. */
  invite?: string
}

export interface LoginValues {
  login: string
}

export interface AskValues {
  title: string
  body: string
  /** Tag slugs separated by spaces or commas, as typed. */
  tags: string
}

export interface EditValues {
  /** Only when editing a question. */
  title?: string
  body: string
  /** Staff only: why they edited ("Edited by moderator X: note"). */
  staffNote?: string
  /** Anyone: why they edited, shown in the edit history. */
  reason?: string
}

/** Limits the ask form shows and enforces (the server enforces them again). */
export const ASK_LIMITS = {
  titleMin: 15,
  titleMax: 150,
  bodyMaxBytes: 64 * 1024,
  tagsMin: 1,
  tagsMax: 5,
  attachmentsMax: 5,
  attachmentBytesMax: 4 * 1024 * 1024,
  commentMax: 600,
} as const
