/** The ask page: a multipart form with attachments, a no-JavaScript Preview button, and the post itself. */
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import { renderMarkdown } from '../../../domain/markdown/index.js'
import { LIMITS } from '../../../domain/posts/index.js'
import { listTags } from '../../../domain/tags/index.js'
import { askQuestion, type UploadedFile } from '../../../domain/threads/index.js'
import { emptyForm, type AskValues, type FormState } from '../../../views/forms.js'
import { AskPage } from '../../../views/pages/ask-page.js'
import { formErrors, sendFailure, STATUS } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'

const AskQuery = Type.Object({ tag: Type.Optional(Type.String({ maxLength: 100 })) })

type Part = MultipartFile | MultipartValue<unknown>

export const askRoutes: FastifyPluginAsync = async (app) => {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<AskValues>,
    previewHtml: string | null,
  ) =>
    sendPage(reply, status, AskPage, {
      site: siteFor(req),
      form,
      tags: await listTags(req.db),
      previewHtml,
    })

  app.get<{ Querystring: Static<typeof AskQuery> }>(
    '/ask',
    { schema: { querystring: AskQuery } },
    async (req, reply) => {
      if (!req.viewer) return reply.redirect('/login?next=/ask', 303)
      return render(
        req,
        reply,
        200,
        emptyForm({ title: '', body: '', tags: req.query.tag ?? '' }),
        null,
      )
    },
  )

  app.post('/ask', async (req, reply) => {
    if (!req.isMultipart() && typeof req.body !== 'object')
      return sendFailure(req, reply, { code: 'invalid', field: 'body', message: 'Send the form.' })
    const body = (req.body ?? {}) as Record<string, Part | Part[] | string | undefined>
    const values: AskValues = {
      title: text(body.title),
      body: text(body.body),
      tags: text(body.tags),
    }
    if (!req.viewer)
      return sendFailure(req, reply, { code: 'forbidden', reason: 'Sign in to ask a question.' })
    const files = await uploadedFiles(body.attachments)
    if (text(body.intent) === 'preview')
      return render(req, reply, 200, emptyForm(values), renderMarkdown(values.body))
    if (files.truncated) {
      return render(
        req,
        reply,
        413,
        {
          values,
          errors: {
            attachments: `${files.truncated} is larger than ${LIMITS.attachmentBytesMax / 1024 / 1024} MB; attach a smaller file or paste the relevant part.`,
          },
        },
        null,
      )
    }
    const result = await askQuestion(req.db, req.viewer, { ...values, attachments: files.list })
    if (!result.ok) {
      if (result.failure.code === 'rate_limited')
        reply.header('retry-after', String(result.failure.retryAfterS))
      if (result.failure.code === 'not_found') return sendFailure(req, reply, result.failure)
      return render(
        req,
        reply,
        STATUS[result.failure.code],
        { values, ...formErrors(result.failure) },
        null,
      )
    }
    return reply.redirect(`/threads/${result.value.threadId}/${result.value.slug}`, 303)
  })
}

/** The string value of a form field, multipart or urlencoded. */
function text(field: Part | Part[] | string | undefined): string {
  const one = Array.isArray(field) ? field[0] : field
  if (one === undefined) return ''
  if (typeof one === 'string') return one
  return one.type === 'field' && typeof one.value === 'string' ? one.value : ''
}

async function uploadedFiles(
  field: Part | Part[] | string | undefined,
): Promise<{ list: UploadedFile[]; truncated: string | null }> {
  const parts = (
    Array.isArray(field) ? field : field === undefined || typeof field === 'string' ? [] : [field]
  ).filter((p): p is MultipartFile => p.type === 'file')
  const list: UploadedFile[] = []
  for (const part of parts) {
    const data = await part.toBuffer()
    if (part.file.truncated) return { list, truncated: part.filename }
    if (part.filename === '' && data.byteLength === 0) continue // the browser's "no file chosen"
    list.push({ fileName: part.filename, data })
  }
  return { list, truncated: null }
}
