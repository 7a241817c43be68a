/**
 * The JSON Lines import format: one thread per line. Documented in docs/import.md; `quorum import`,
 * the demo seed and the benchmark generator all write through it.
 */
import { Type, type Static } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'

const Time = Type.Union([Type.String({ minLength: 1 }), Type.Number()], {
  description: 'ISO 8601 date-time or epoch milliseconds',
})
const Username = Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-Za-z0-9_-]+$' })

const ImportComment = Type.Object(
  { author: Username, created_at: Time, body: Type.String({ minLength: 1, maxLength: 600 }) },
  { additionalProperties: false },
)

const ImportReply = Type.Object(
  {
    author: Username,
    author_title: Type.Optional(Type.String({ maxLength: 60 })),
    created_at: Time,
    body: Type.String({ minLength: 1, maxLength: 65536 }),
    accepted: Type.Optional(Type.Boolean()),
    boosts: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    comments: Type.Optional(Type.Array(ImportComment, { maxItems: 200 })),
  },
  { additionalProperties: false },
)

export const ImportThreadSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    tags: Type.Array(
      Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' }),
      { minItems: 1, maxItems: 5 },
    ),
    author: Username,
    author_title: Type.Optional(Type.String({ maxLength: 60 })),
    created_at: Time,
    body: Type.String({ minLength: 1, maxLength: 65536 }),
    views: Type.Optional(Type.Integer({ minimum: 0 })),
    boosts: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    pinned: Type.Optional(Type.Boolean()),
    locked: Type.Optional(Type.Boolean()),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            content: Type.String({ maxLength: 4 * 1024 * 1024 }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 5,
        },
      ),
    ),
    replies: Type.Optional(Type.Array(ImportReply, { maxItems: 5000 })),
  },
  { additionalProperties: false },
)

export type ImportThread = Static<typeof ImportThreadSchema>

let compiled: ReturnType<typeof TypeCompiler.Compile<typeof ImportThreadSchema>> | undefined
/** The schema compiled to a checker on first use (about ten times faster than Value.Check). */
function checker() {
  return (compiled ??= TypeCompiler.Compile(ImportThreadSchema))
}

/** Parsed times: epoch milliseconds. */
export function toEpoch(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value)
}

/**
 * Checks one decoded line; returns the problems found (empty when the thread can be imported).
 * @example validateImportThread(JSON.parse(line)) // ['tags: Expected array']
 */
export function validateImportThread(value: unknown): string[] {
  if (!checker().Check(value)) {
    return [...Value.Errors(ImportThreadSchema, value)]
      .slice(0, 5)
      .map((e) => `${e.path.slice(1) || '(line)'}: ${e.message}`)
  }
  const problems: string[] = []
  const times = [
    value.created_at,
    ...(value.replies ?? []).flatMap((r) => [
      r.created_at,
      ...(r.comments ?? []).map((c) => c.created_at),
    ]),
  ]
  if (times.some((t) => !Number.isFinite(toEpoch(t))))
    problems.push('created_at: not a valid date-time')
  if ((value.replies ?? []).filter((r) => r.accepted).length > 1)
    problems.push('replies: at most one reply can be accepted')
  return problems
}
