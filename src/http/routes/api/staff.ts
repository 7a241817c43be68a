/**
 * Staff actions through the API (docs/moderation.md, "Staff actions"): on threads (lock, pin site-wide
 * or in one tag, close as a duplicate and reopen, move tags) and on people (silence, suspend, trust
 * level; the staff title and the role for admins). Each calls the function the Staff section's form
 * calls, so the domain decides who may and writes the staff log. Tokens need `moderate` (`admin` for
 * the title and the role); a session has the scopes its role allows.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiScope } from '../../../domain/api-tokens/index.js'
import type { Result } from '../../../domain/shared/index.js'
import {
  closeAsDuplicate,
  getPersonForStaff,
  getThreadStaffState,
  mergeThread,
  moveThreadTags,
  penalizePerson,
  pinThread,
  reopenThread,
  setPersonTrust,
  setRole,
  setStaffTitle,
  setThreadLock,
  TITLE_MAX,
} from '../../../domain/staff-actions/index.js'
import { sendFailure } from '../../failure.js'
import { Id, IdParams } from '../../schemas/api.js'
import { StringEnum } from '../../schemas/listing.js'
import { problems } from './responses.js'
import { refuseWithoutScope } from './scopes.js'
import { iso } from './thread-json.js'

type IdParams = Static<typeof IdParams>
const staff = { security: [{ bearer: [] }] }
const at = (ms: number | null) => (ms === null ? null : iso(ms))
const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()])

const ThreadStaffSchema = Type.Object({
  threadId: Id,
  locked: Type.Boolean(),
  pinned: Type.Boolean({ description: 'Pinned site-wide' }),
  pinnedUntil: Time,
  deleted: Type.Boolean(),
  duplicateOf: Type.Union([Id, Type.Null()]),
  tags: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      pinned: Type.Boolean({ description: 'Pinned in this tag only' }),
      pinnedUntil: Time,
    }),
  ),
})
const PinScope = Type.String({
  minLength: 1,
  maxLength: 100,
  description: '`site` (home and every tag of the thread), or the slug of one of its tags',
})
const PinBody = Type.Object(
  {
    scope: PinScope,
    days: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()], {
        description:
          'Days until the pin ends by itself (1 to 365); absent, null or 0: until unpinned',
      }),
    ),
  },
  { additionalProperties: false },
)
const DuplicateBody = Type.Object(
  {
    target: Type.Union([Id, Type.String({ maxLength: 2000 })], {
      description: 'The original thread: its id, or its URL',
    }),
  },
  { additionalProperties: false },
)
const TagsBody = Type.Object(
  { tags: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 10 }) },
  { additionalProperties: false },
)

const PersonParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })
type PersonParams = Static<typeof PersonParams>
const StandingSchema = Type.Object({
  username: Type.String(),
  role: StringEnum(['member', 'moderator', 'admin'] as const),
  title: Type.Union([Type.String(), Type.Null()]),
  trustLevel: StringEnum(['new', 'member', 'trusted'] as const),
  trustLevelLocked: Type.Boolean({ description: 'Set by staff: automatic promotion leaves it' }),
  silencedUntil: Time,
  silenceReason: Type.Union([Type.String(), Type.Null()]),
  suspendedUntil: Time,
  suspendReason: Type.Union([Type.String(), Type.Null()]),
})
const PenaltyBody = Type.Object(
  {
    days: Type.Integer({ minimum: 0, maximum: 100_000, description: '0 lifts it' }),
    reason: Type.String({ maxLength: 2000, description: 'What the person is told' }),
  },
  { additionalProperties: false },
)

export const apiStaffRoutes: FastifyPluginAsync = async (app) => {
  /** The scope, then the action; answers the thread's staff state as the Staff section shows it. */
  const threadAction = async (
    req: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    act: () => Promise<Result<{ threadId: number }>>,
  ) => {
    if (refuseWithoutScope(req, reply, 'moderate')) return reply
    const result = await act()
    if (!result.ok) return sendFailure(req, reply, result.failure)
    return threadState(req, reply, result.value.threadId)
  }

  const threadState = async (req: FastifyRequest, reply: FastifyReply, threadId: number) => {
    const panel = await getThreadStaffState(req.db, req.viewer, threadId)
    if (!panel)
      return sendFailure(req, reply, {
        code: 'forbidden',
        reason: 'Only moderators and admins can do this.',
      })
    return {
      threadId: panel.threadId,
      locked: panel.locked,
      pinned: panel.pinned,
      pinnedUntil: at(panel.pinnedUntil),
      deleted: panel.deleted,
      duplicateOf: panel.duplicateOf,
      tags: panel.tags.map((t) => ({ ...t, pinnedUntil: at(t.pinnedUntil) })),
    }
  }

  const threadSchema = (summary: string, extra: object = {}) => ({
    schema: {
      summary,
      tags: ['staff'],
      ...staff,
      params: IdParams,
      ...extra,
      response: { 200: ThreadStaffSchema, ...problems(400, 403, 404, 422) },
    },
  })

  app.get<{ Params: IdParams }>(
    '/threads/:id/staff',
    threadSchema('A thread’s staff state: lock, pins, duplicate (staff)'),
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      reply.header('cache-control', 'private, no-store')
      return threadState(req, reply, req.params.id)
    },
  )

  for (const locked of [true, false])
    app.route<{ Params: IdParams }>({
      method: locked ? 'PUT' : 'DELETE',
      url: '/threads/:id/lock',
      ...threadSchema(
        locked ? 'Lock a thread: no replies or comments but from staff' : 'Unlock a thread (staff)',
      ),
      handler: (req, reply) =>
        threadAction(req, reply, () =>
          setThreadLock(req.db, req.viewer, { threadId: req.params.id, locked }),
        ),
    })

  app.put<{ Params: IdParams; Body: Static<typeof PinBody> }>(
    '/threads/:id/pin',
    threadSchema('Pin a thread site-wide or in one of its tags, for some days or until unpinned', {
      body: PinBody,
    }),
    async (req, reply) =>
      threadAction(req, reply, () =>
        pinThread(req.db, req.viewer, {
          threadId: req.params.id,
          scope: req.body.scope,
          pinned: true,
          days: req.body.days ?? null,
        }),
      ),
  )

  app.delete<{ Params: IdParams; Querystring: { scope?: string } }>(
    '/threads/:id/pin',
    threadSchema('Unpin a thread site-wide (the default) or in one of its tags', {
      querystring: Type.Object({ scope: Type.Optional(PinScope) }),
    }),
    async (req, reply) =>
      threadAction(req, reply, () =>
        pinThread(req.db, req.viewer, {
          threadId: req.params.id,
          scope: req.query.scope ?? 'site',
          pinned: false,
          days: null,
        }),
      ),
  )

  app.put<{ Params: IdParams; Body: Static<typeof DuplicateBody> }>(
    '/threads/:id/duplicate',
    threadSchema('Close a thread as a duplicate of another (staff)', { body: DuplicateBody }),
    async (req, reply) =>
      threadAction(req, reply, () =>
        closeAsDuplicate(req.db, req.viewer, {
          threadId: req.params.id,
          target: String(req.body.target),
        }),
      ),
  )

  app.delete<{ Params: IdParams }>(
    '/threads/:id/duplicate',
    threadSchema('Reopen a thread closed as a duplicate (staff)'),
    async (req, reply) =>
      threadAction(req, reply, () => reopenThread(req.db, req.viewer, { threadId: req.params.id })),
  )

  app.post<{ Params: IdParams; Body: Static<typeof DuplicateBody> }>(
    '/threads/:id/merge',
    {
      schema: {
        summary:
          'Merge a thread’s replies into another thread (staff); the merged thread is closed as its duplicate',
        tags: ['staff'],
        ...staff,
        params: IdParams,
        body: DuplicateBody,
        response: {
          200: Type.Object({
            threadId: Id,
            targetId: Id,
            moved: Type.Integer({ minimum: 0, description: 'Replies moved to the target thread' }),
          }),
          ...problems(400, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      if (refuseWithoutScope(req, reply, 'moderate')) return reply
      const result = await mergeThread(req.db, req.viewer, {
        threadId: req.params.id,
        target: String(req.body.target),
      })
      if (!result.ok) return sendFailure(req, reply, result.failure)
      const { threadId, targetId, moved } = result.value
      return { threadId, targetId, moved }
    },
  )

  app.put<{ Params: IdParams; Body: Static<typeof TagsBody> }>(
    '/threads/:id/tags',
    threadSchema('Move a thread to other tags (existing tag slugs, 1 to 5; staff)', {
      body: TagsBody,
    }),
    async (req, reply) =>
      threadAction(req, reply, () =>
        moveThreadTags(req.db, req.viewer, {
          threadId: req.params.id,
          tags: req.body.tags.join(' '),
        }),
      ),
  )

  // People

  /** The person's standing as staff see it, after `act` (none: as it is). */
  const personAction = async (
    req: FastifyRequest<{ Params: PersonParams }>,
    reply: FastifyReply,
    scope: ApiScope,
    act?: (userId: number) => Promise<Result<unknown>>,
  ) => {
    if (refuseWithoutScope(req, reply, scope)) return reply
    const found = await getPersonForStaff(req.db, req.viewer, req.params.username)
    if (!found.ok) return sendFailure(req, reply, found.failure)
    if (act) {
      const result = await act(found.value.id)
      if (!result.ok) return sendFailure(req, reply, result.failure)
    }
    const person = await getPersonForStaff(req.db, req.viewer, found.value.username)
    if (!person.ok) return sendFailure(req, reply, person.failure)
    const p = person.value
    return {
      username: p.username,
      role: p.role,
      title: p.title,
      trustLevel: p.trustLevel,
      trustLevelLocked: p.trustLevelLocked,
      silencedUntil: at(p.silencedUntil),
      silenceReason: p.silenceReason,
      suspendedUntil: at(p.suspendedUntil),
      suspendReason: p.suspendReason,
    }
  }

  const personSchema = (summary: string, body?: object, description?: string) => ({
    schema: {
      summary,
      ...(description !== undefined ? { description } : {}),
      tags: ['staff'],
      ...staff,
      params: PersonParams,
      ...(body !== undefined ? { body } : {}),
      response: { 200: StandingSchema, ...problems(400, 403, 404, 422) },
    },
  })

  app.get<{ Params: PersonParams }>(
    '/users/:username/standing',
    personSchema('A person’s standing: role, trust level, silence, suspension (staff)'),
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store')
      return personAction(req, reply, 'moderate')
    },
  )

  for (const kind of ['silence', 'suspend'] as const)
    app.put<{ Params: PersonParams; Body: Static<typeof PenaltyBody> }>(
      `/users/:username/${kind}`,
      personSchema(
        kind === 'silence'
          ? 'Silence a person for some days: they read but may not post (staff)'
          : 'Suspend a person for some days: signed out, tokens stopped (staff)',
        PenaltyBody,
        'days 0 lifts it. The reason is shown to the person; both go in the staff log.',
      ),
      async (req, reply) =>
        personAction(req, reply, 'moderate', (userId) =>
          penalizePerson(req.db, req.viewer, {
            userId,
            kind,
            days: req.body.days,
            reason: req.body.reason,
          }),
        ),
    )

  app.put<{ Params: PersonParams; Body: { level: 'new' | 'member' | 'trusted' } }>(
    '/users/:username/trust-level',
    personSchema(
      'Set a person’s trust level; automatic promotion then leaves it (staff)',
      Type.Object(
        { level: StringEnum(['new', 'member', 'trusted'] as const) },
        { additionalProperties: false },
      ),
    ),
    async (req, reply) =>
      personAction(req, reply, 'moderate', (userId) =>
        setPersonTrust(req.db, req.viewer, { userId, level: req.body.level }),
      ),
  )

  app.put<{ Params: PersonParams; Body: { title: string } }>(
    '/users/:username/title',
    personSchema(
      'Set (or, empty, clear) the title beside a person’s name (admins)',
      Type.Object(
        { title: Type.String({ maxLength: TITLE_MAX * 4 }) },
        { additionalProperties: false },
      ),
    ),
    async (req, reply) =>
      personAction(req, reply, 'admin', (userId) =>
        setStaffTitle(req.db, req.viewer, { userId, title: req.body.title }),
      ),
  )

  app.put<{ Params: PersonParams; Body: { role: 'member' | 'moderator' | 'admin' } }>(
    '/users/:username/role',
    personSchema(
      'Make a person a member, moderator or admin (admins)',
      Type.Object(
        { role: StringEnum(['member', 'moderator', 'admin'] as const) },
        { additionalProperties: false },
      ),
    ),
    async (req, reply) =>
      personAction(req, reply, 'admin', (userId) =>
        setRole(req.db, req.viewer, { userId, role: req.body.role }),
      ),
  )
}
