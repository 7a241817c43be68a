/**
 * What each YAML header of the demo's files may hold (docs/import.md, "The demo forum"). Unknown keys are
 * errors, so a misspelt `acepted: true` fails the seed instead of being ignored.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { isAgo } from './relative-time.js'

/** Checked by `isAgo` after the schema, for a message that shows the accepted forms. */
const Ago = Type.String()
const Username = Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-Za-z0-9_-]+$' })
const Slug = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' })
const Count = Type.Integer({ minimum: 0 })
const closed = { additionalProperties: false }

export const ThreadHeader = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    tags: Type.Array(Slug, { minItems: 1, maxItems: 5 }),
    author: Username,
    ago: Ago,
    views: Count,
    boosts: Type.Optional(Count),
    pinned: Type.Optional(Type.Boolean()),
    locked: Type.Optional(Type.Boolean()),
  },
  closed,
)

export const ReplyHeader = Type.Object(
  {
    author: Username,
    ago: Ago,
    accepted: Type.Optional(Type.Boolean()),
    boosts: Type.Optional(Count),
  },
  closed,
)

export const CommentHeader = Type.Object({ author: Username, ago: Ago }, closed)

export const AttachmentHeader = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  closed,
)

export const UsersFile = Type.Array(
  Type.Object(
    {
      username: Username,
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      role: Type.Optional(
        Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]),
      ),
      joined: Type.Optional(Ago),
    },
    closed,
  ),
  { minItems: 1 },
)

export const TagsFile = Type.Array(
  Type.Object(
    {
      slug: Slug,
      name: Type.String({ minLength: 1, maxLength: 60 }),
      description: Type.String({ minLength: 1 }),
    },
    closed,
  ),
  { minItems: 1 },
)

export type ThreadHeader = Static<typeof ThreadHeader>
export type ReplyHeader = Static<typeof ReplyHeader>
export type CommentHeader = Static<typeof CommentHeader>
export type AttachmentHeader = Static<typeof AttachmentHeader>

/**
 * The problems of `value` against `schema`, as "field: message" (at most five), plus any relative time
 * (`ago`, `joined`) that is not one. Empty when the value fits.
 * @example problemsOf(ReplyHeader, { author: 'x', ago: '3x' }) // ['ago: "3x" is not a relative time ...']
 */
export function problemsOf(schema: TSchema, value: unknown): string[] {
  if (!Value.Check(schema, value)) {
    return [...Value.Errors(schema, value)]
      .slice(0, 5)
      .map((e) => `${e.path.slice(1).replaceAll('/', '.') || '(header)'}: ${e.message}`)
  }
  return relativeTimeProblems(value)
}

function relativeTimeProblems(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => relativeTimeProblems(v, `${at}${i}.`))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, v]) =>
    (key === 'ago' || key === 'joined') && typeof v === 'string' && !isAgo(v)
      ? [`${at}${key}: "${v}" is not a relative time such as 45m, 5h, 3d, 2w or 14mo`]
      : [],
  )
}
