/**
 * The ask page: a multipart form with attachments, a no-JavaScript Preview button, and the post itself.
 * This is the one scope with a multipart parser; the body is streamed (http/uploads.ts): the session,
 * the form's CSRF token and the asker's rate limit are decided before a byte of an attachment is read,
 * and attachments wait in temporary files, not in memory.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { discardDraft, getDraft } from '../../../domain/drafts/index.js'
import { renderMarkdown } from '../../../domain/markdown/index.js'
import { LIMITS } from '../../../domain/posts/index.js'
import { describeWait, msg } from '../../../domain/shared/index.js'
import { listTags } from '../../../domain/tags/index.js'
import { askQuestion, secondsUntilAsk, type UploadedFile } from '../../../domain/threads/index.js'
import { emptyForm, type AskValues, type FormState } from '../../../views/forms.js'
import { AskPage } from '../../../views/pages/ask-page.js'
import type { Failure } from '../../../domain/shared/index.js'
import { postingRefusal } from '../../email-gate.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { LONG_TEXT_BODY_BYTES } from '../../long-text.js'
import { sendError, sendFormExpired } from '../../plugins/errors.js'
import { isCsrfTokenValid } from '../../plugins/session.js'
import {
  discardRest,
  maxFormBytes,
  receiveMultipartForm,
  type ReceivedForm,
  type UploadLimits,
  type UploadRefusal,
} from '../../uploads.js'
import { threadPath } from '../../../domain/format/index.js'
import { translate, translateMessage } from '../../../i18n/index.js'

const AskQuery = Type.Object({ tag: Type.Optional(Type.String({ maxLength: 100 })) })

/** What the ask form may carry: the attachments of LIMITS, and its few text fields. */
const ASK_UPLOAD_LIMITS: UploadLimits = {
  files: LIMITS.attachmentsMax,
  fileBytes: LIMITS.attachmentBytesMax,
  fields: 20,
  // Far over the 64 KB a body may hold, so an overlong question comes back whole with the message.
  fieldBytes: 1_048_576,
}

export const askRoutes: FastifyPluginAsync = async (app) => {
  // Parsing only: without attachFieldsToBody the body stays unread until the handler streams it.
  await app.register(multipart)
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'quorum-uploads-'))
  app.addHook('onClose', async () => fs.rm(dir, { recursive: true, force: true }))

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<AskValues>,
    previewHtml: string | null,
    draftSavedAt: number | null = null,
  ) => {
    return sendPage(reply, status, AskPage, {
      site: siteFor(req),
      form,
      tags: await listTags(req.db),
      previewHtml,
      draftSavedAt,
    })
  }

  app.get<{ Querystring: Static<typeof AskQuery> }>(
    '/ask',
    { schema: { querystring: AskQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect('/login?next=/ask', 303)
      // The question the person was writing comes back, from this device or another.
      const draft = await getDraft(req.db, req.viewer, null)
      const tags = draft && draft.tags !== '' ? draft.tags : (req.query.tag ?? '')
      return render(
        req,
        reply,
        200,
        emptyForm({ title: draft?.title ?? '', body: draft?.body ?? '', tags }),
        null,
        draft?.updatedAt ?? null,
      )
    },
  )

  app.post(
    '/ask',
    { bodyLimit: LONG_TEXT_BODY_BYTES, config: { csrf: 'route' } },
    async (req, reply) => {
      const viewer = req.viewer
      const refusal: Failure | null = viewer
        ? postingRefusal(req)
        : { code: 'forbidden', reason: msg('Sign in to ask a question.') }
      if (!viewer || refusal) {
        if (!(await discardRest(req, maxFormBytes(ASK_UPLOAD_LIMITS)))) return reply.hijack()
        return sendFailure(
          req,
          reply,
          refusal ?? { code: 'forbidden', reason: msg('Sign in first.') },
        )
      }
      const received: ReceivedForm = req.isMultipart()
        ? await receiveMultipartForm(req, {
            dir,
            budget: app.uploadBudget,
            limits: ASK_UPLOAD_LIMITS,
            admit: (fields) => {
              if (!isCsrfTokenValid(req, fields._csrf ?? headerToken(req)))
                return { kind: 'expired' }
              const wait = secondsUntilAsk(viewer)
              return wait > 0 ? { kind: 'rate_limited', retryAfterS: wait } : null
            },
          })
        : urlencodedForm(req.body)
      // The answer is decided while the files exist and sent once they are gone and their bytes are
      // back in the budget.
      let answer: () => Promise<FastifyReply> | FastifyReply
      try {
        answer = await decide(req, reply, viewer, received)
      } finally {
        await received.dispose()
      }
      return answer()
    },
  )

  /** What to answer to a received ask form: a refusal, a preview, the form with errors, or the thread. */
  async function decide(
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: NonNullable<FastifyRequest['viewer']>,
    received: ReceivedForm,
  ): Promise<() => Promise<FastifyReply> | FastifyReply> {
    const fields = received.fields
    const values: AskValues = {
      title: fields.title ?? '',
      body: fields.body ?? '',
      tags: fields.tags ?? '',
    }
    const { refusal } = received
    if (refusal) return () => refused(req, reply, refusal, values)
    if (fields.intent === 'preview')
      return () => render(req, reply, 200, emptyForm(values), renderMarkdown(values.body))
    const attachments: UploadedFile[] = await Promise.all(
      received.files.map(async (f) => ({ fileName: f.fileName, data: await fs.readFile(f.path) })),
    )
    const result = await askQuestion(req.db, viewer, { ...values, attachments })
    // Posted: the draft has served its purpose, in the request that made the post.
    if (result.ok) await discardDraft(req.db, viewer, null)
    if (result.ok)
      return () =>
        reply.redirect(
          `${threadPath(result.value.threadId, result.value.slug)}${result.value.held ? `?held=${result.value.held}` : ''}`,
          303,
        )
    const failure = result.failure
    if (failure.code === 'not_found') return () => sendFailure(req, reply, failure)
    if (failure.code === 'rate_limited') reply.header('retry-after', String(failure.retryAfterS))
    return () =>
      render(req, reply, STATUS[failure.code], { values, ...formErrors(failure, req.locale) }, null)
  }

  /** The answer to a form that was not received in full; the text typed comes back whenever it can. */
  async function refused(
    req: FastifyRequest,
    reply: FastifyReply,
    refusal: UploadRefusal,
    values: AskValues,
  ): Promise<FastifyReply> {
    if (!(await discardRest(req, maxFormBytes(ASK_UPLOAD_LIMITS)))) return reply.hijack()
    const withError = (status: number, errors: Record<string, string>, formError?: string) =>
      render(req, reply, status, { values, errors, ...(formError ? { formError } : {}) }, null)
    switch (refusal.kind) {
      case 'expired':
        return sendFormExpired(req, reply)
      case 'rate_limited':
        reply.header('retry-after', String(refusal.retryAfterS))
        return withError(
          429,
          {},
          translateMessage(req.locale, {
            message: msg('You have asked many questions this hour. Try again in {wait}.'),
            values: { wait: describeWait(refusal.retryAfterS) },
          }),
        )
      case 'busy':
        reply.header('retry-after', String(refusal.retryAfterS)).header('cache-control', 'no-store')
        return withError(
          503,
          {},
          translateMessage(req.locale, {
            message: msg(
              'The forum is receiving many attachments right now. Your question is below: post it again in {wait}.',
            ),
            values: { wait: describeWait(refusal.retryAfterS) },
          }),
        )
      case 'too_many_files':
        return withError(413, {
          attachments: translate(
            req.locale,
            'Attach at most {max} files; paste the relevant part of the others.',
            { max: LIMITS.attachmentsMax },
          ),
        })
      case 'file_too_large':
        return withError(413, {
          attachments: translate(
            req.locale,
            '{fileName} is larger than {max} MB; attach a smaller file or paste the relevant part.',
            { fileName: refusal.fileName, max: LIMITS.attachmentBytesMax / 1024 / 1024 },
          ),
        })
      case 'field_too_long':
        return withError(413, {
          [refusal.field === 'title' || refusal.field === 'tags' ? refusal.field : 'body']:
            translate(
              req.locale,
              'This is far over the {max} KB a question may hold; only its first {received} MB came through. Shorten it, or attach the log as a file.',
              {
                max: LIMITS.bodyMaxBytes / 1024,
                received: ASK_UPLOAD_LIMITS.fieldBytes / 1024 / 1024,
              },
            ),
        })
      case 'too_many_fields':
        return sendError(
          req,
          reply,
          413,
          msg('Too large'),
          msg('The form has more fields than the ask form.'),
        )
      case 'malformed':
      case 'aborted':
        return sendError(
          req,
          reply,
          400,
          msg('Bad request'),
          msg(
            'The form could not be read: its multipart encoding is broken. Reload the page and try again.',
          ),
        )
    }
  }
}

/** The x-csrf-token header, for a script that posts the multipart form. */
function headerToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token']
  return typeof header === 'string' ? header : undefined
}

/** An urlencoded ask form (no attachments): its CSRF token was checked by the session plugin. */
function urlencodedForm(body: unknown): ReceivedForm {
  const fields: Record<string, string> = {}
  if (body && typeof body === 'object')
    for (const [name, value] of Object.entries(body))
      if (typeof value === 'string') fields[name] = value
  return { fields, files: [], dispose: async () => undefined }
}
