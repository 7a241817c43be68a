/**
 * The thread page's Staff section: lock, pin, close as a duplicate (and reopen), move tags, merge.
 * Each is a form post that redirects back to the thread (303); a refused form brings the thread page
 * back (422) with the Staff section open and the form refilled, the field named.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  closeAsDuplicate,
  mergeThread,
  moveThreadTags,
  pinThread,
  reopenThread,
  setThreadLock,
} from '../../../domain/staff-actions/index.js'
import type { Result } from '../../../domain/shared/index.js'
import type { StaffFormState } from '../../../views/components/staff-panel.js'
import { formErrors, sendFailure } from '../../failure.js'
import { PostParams, formBody, toggleState } from '../../schemas/forms.js'
import { rerenderThread, threadUrl } from './post-answers.js'

const StaffForm = formBody(['state', 'scope', 'days', 'target', 'tags'], 2000)
type StaffForm = { state?: string; scope?: string; days?: string; target?: string; tags?: string }
type StaffRequest = FastifyRequest<{ Params: PostParams; Body: StaffForm }>

/** Back to the thread (the merged-into one after a merge), or the refilled page when refused. */
async function answer(
  req: StaffRequest,
  reply: FastifyReply,
  result: Result<{ threadId: number }>,
  action?: StaffFormState['action'],
): Promise<FastifyReply> {
  const threadId = Number(req.params.id)
  if (result.ok) return reply.redirect(await threadUrl(req, result.value.threadId), 303)
  if (action !== undefined && result.failure.code === 'invalid') {
    const { _csrf: _token, ...values } = req.body as StaffForm & { _csrf?: string }
    const staffForm: StaffFormState = {
      action,
      form: { values: values as Record<string, string>, ...formErrors(result.failure, req.locale) },
    }
    const page = await rerenderThread(req, reply, threadId, { staffForm })
    if (page) return page
  }
  return sendFailure(req, reply, result.failure)
}

/** Days typed in a form: empty is none; anything else must be a whole number (the action checks range). */
function parseDays(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') return null
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : -1
}

export const staffThreadRoutes: FastifyPluginAsync = async (app) => {
  const route = (
    path: string,
    handle: (req: StaffRequest, reply: FastifyReply, threadId: number) => Promise<FastifyReply>,
  ) =>
    app.post<{ Params: PostParams; Body: StaffForm }>(
      `/threads/:id/staff/${path}`,
      { schema: { params: PostParams, body: StaffForm } },
      (req, reply) => handle(req, reply, Number(req.params.id)),
    )

  route('lock', async (req, reply, threadId) =>
    answer(
      req,
      reply,
      await setThreadLock(req.db, req.viewer, {
        threadId,
        locked: toggleState(req.body.state) ?? true,
      }),
    ),
  )
  route('pin', async (req, reply, threadId) =>
    answer(
      req,
      reply,
      await pinThread(req.db, req.viewer, {
        threadId,
        scope: req.body.scope ?? 'site',
        pinned: toggleState(req.body.state) ?? true,
        days: parseDays(req.body.days),
      }),
      'pin',
    ),
  )
  route('close', async (req, reply, threadId) =>
    answer(
      req,
      reply,
      await closeAsDuplicate(req.db, req.viewer, { threadId, target: req.body.target ?? '' }),
      'close',
    ),
  )
  route('reopen', async (req, reply, threadId) =>
    answer(req, reply, await reopenThread(req.db, req.viewer, { threadId })),
  )
  route('move', async (req, reply, threadId) =>
    answer(
      req,
      reply,
      await moveThreadTags(req.db, req.viewer, { threadId, tags: req.body.tags ?? '' }),
      'move',
    ),
  )
  route('merge', async (req, reply, threadId) => {
    const result = await mergeThread(req.db, req.viewer, {
      threadId,
      target: req.body.target ?? '',
    })
    return answer(
      req,
      reply,
      result.ok ? { ok: true, value: { threadId: result.value.targetId } } : result,
      'merge',
    )
  })
}
