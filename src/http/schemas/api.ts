/**
 * The API's TypeBox schemas: each route validates its input with them and serialises its output through
 * them, and @fastify/swagger writes them into /api/v1/openapi.json, so the document is what the code does.
 * Times are ISO 8601 strings (UTC); ids are integers; HTML fields are sanitised at write time.
 */
import { Type, type TSchema } from '@sinclair/typebox'

const Time = Type.String({ format: 'date-time', description: 'UTC, ISO 8601' })

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URN naming the kind of problem: urn:quorum:error:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'The same codes as docs/errors.md' }),
    field: Type.Optional(Type.String({ description: 'The input that broke a rule' })),
    instance: Type.Optional(Type.String()),
  },
  { description: 'RFC 9457 problem details (application/problem+json)' },
)

export const UserRefSchema = Type.Object({
  username: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
})

export const TagRefSchema = Type.Object({ slug: Type.String(), name: Type.String() })

export const TagSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  threadCount: Type.Integer(),
  url: Type.String(),
})

export const ThreadSummarySchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  excerpt: Type.String(),
  author: UserRefSchema,
  tags: Type.Array(TagRefSchema),
  replyCount: Type.Integer(),
  boostCount: Type.Integer(),
  viewCount: Type.Integer(),
  createdAt: Time,
  lastActivityAt: Time,
  solved: Type.Boolean(),
  pinned: Type.Boolean(),
  locked: Type.Boolean(),
})

const AttachmentSchema = Type.Object({
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
})

const CommentSchema = Type.Object({
  id: Type.Integer(),
  author: UserRefSchema,
  createdAt: Time,
  bodyHtml: Type.String(),
})

export const PostSchema = Type.Object({
  id: Type.Integer(),
  author: UserRefSchema,
  createdAt: Time,
  editedAt: Type.Union([Time, Type.Null()]),
  bodyHtml: Type.String(),
  boostCount: Type.Integer(),
  accepted: Type.Boolean(),
  recommended: Type.Boolean(),
  deleted: Type.Boolean(),
  attachments: Type.Array(AttachmentSchema),
  comments: Type.Array(CommentSchema),
})

export const ThreadSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  author: UserRefSchema,
  tags: Type.Array(TagRefSchema),
  createdAt: Time,
  lastActivityAt: Time,
  replyCount: Type.Integer(),
  boostCount: Type.Integer(),
  viewCount: Type.Integer(),
  locked: Type.Boolean(),
  pinned: Type.Boolean(),
  solved: Type.Boolean(),
  acceptedPostId: Type.Union([Type.Integer(), Type.Null()]),
  question: PostSchema,
  replies: Type.Array(PostSchema),
})

export const ProfileSchema = Type.Object({
  username: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]),
  joinedAt: Time,
  url: Type.String(),
  threads: Type.Array(ThreadSummarySchema),
})

export const MeSchema = Type.Object({
  username: Type.String(),
  role: Type.String(),
  scopes: Type.Array(Type.String()),
  via: Type.Union([Type.Literal('token'), Type.Literal('session')]),
})

export const Cursor = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,200}$',
  description: 'The `next` value of the previous page (also in its Link header)',
})

/** A row's id: a positive 32-bit integer. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })
export const IdParams = Type.Object({ id: Id })

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20 })

/** A list's envelope: the items and the cursor of the next page (null on the last). */
export const Page = <T extends TSchema>(items: T) =>
  Type.Object({ items: Type.Array(items), next: Type.Union([Type.String(), Type.Null()]) })
