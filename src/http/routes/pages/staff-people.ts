/**
 * A person's staff page, /u/:username/staff (moderators and admins): their standing and the forms that
 * change it. Each form posts to /u/:username/staff/ACTION and redirects back (303); a refused one brings
 * the page back (422) refilled, the field named.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  canAdminister,
  getPersonForStaff,
  penalizePerson,
  setPersonTrust,
  setRole,
  setStaffTitle,
  TITLE_MAX,
} from '../../../domain/staff-actions/index.js'
import type { Result, Role, TrustLevel } from '../../../domain/shared/index.js'
import type { FormState } from '../../../views/forms.js'
import { PersonStaffPage, type PersonStaffAction } from '../../../views/pages/person-staff-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'

const PersonParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })
type PersonParams = Static<typeof PersonParams>
const PersonForm = formBody(['days', 'reason', 'level', 'title', 'role'], 2000)
type PersonForm = { days?: string; reason?: string; level?: string; title?: string; role?: string }
type PersonRequest = FastifyRequest<{ Params: PersonParams; Body: PersonForm }>

const pagePath = (username: string) => `/u/${encodeURIComponent(username)}/staff`

async function renderPage(
  req: FastifyRequest<{ Params: PersonParams }>,
  reply: FastifyReply,
  status: number,
  refused?: { action: PersonStaffAction; form: FormState<Record<string, string>> },
): Promise<FastifyReply> {
  const found = await getPersonForStaff(req.db, req.viewer, req.params.username)
  if (!found.ok) return sendFailure(req, reply, found.failure)
  return sendPage(reply, status, PersonStaffPage, {
    site: siteFor(req),
    person: found.value,
    canAdminister: canAdminister(req.viewer),
    titleMax: TITLE_MAX,
    ...(refused ? { refused } : {}),
  })
}

/** Whole days typed in a form; anything else is -1, which the action refuses with the field named. */
function parseDays(text: string | undefined): number {
  const trimmed = (text ?? '').trim()
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : -1
}

export const staffPeopleRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: PersonParams }>(
    '/u/:username/staff',
    { schema: { params: PersonParams } },
    async (req, reply) => renderPage(req, reply, 200),
  )

  const route = (
    action: PersonStaffAction,
    act: (req: PersonRequest, userId: number) => Promise<Result<unknown>>,
  ) =>
    app.post<{ Params: PersonParams; Body: PersonForm }>(
      `/u/:username/staff/${action}`,
      { schema: { params: PersonParams, body: PersonForm } },
      async (req, reply) => {
        const person = await getPersonForStaff(req.db, req.viewer, req.params.username)
        if (!person.ok) return sendFailure(req, reply, person.failure)
        const result = await act(req, person.value.id)
        if (result.ok) return reply.redirect(pagePath(person.value.username), 303)
        if (result.failure.code !== 'invalid') return sendFailure(req, reply, result.failure)
        const { _csrf: _token, ...values } = req.body as PersonForm & { _csrf?: string }
        return renderPage(req, reply, STATUS.invalid, {
          action,
          form: {
            values: values as Record<string, string>,
            ...formErrors(result.failure, req.locale),
          },
        })
      },
    )

  for (const kind of ['silence', 'suspend'] as const)
    route(kind, (req, userId) =>
      penalizePerson(req.db, req.viewer, {
        userId,
        kind,
        days: parseDays(req.body.days),
        reason: req.body.reason ?? '',
      }),
    )
  route('trust', (req, userId) => {
    const level = req.body.level
    if (level !== 'new' && level !== 'member' && level !== 'trusted')
      return Promise.resolve({
        ok: false,
        failure: {
          code: 'invalid',
          field: 'level',
          message: msg('Choose new, member or trusted.'),
        },
      } as const)
    return setPersonTrust(req.db, req.viewer, { userId, level: level satisfies TrustLevel })
  })
  route('title', (req, userId) =>
    setStaffTitle(req.db, req.viewer, { userId, title: req.body.title ?? '' }),
  )
  route('role', (req, userId) =>
    setRole(req.db, req.viewer, { userId, role: (req.body.role ?? '') as Role }),
  )
}
