/** /admin/tags (admins): create, rename, describe, merge and delete tags. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Static } from '@sinclair/typebox'
import {
  TAG_LIMITS,
  createTag,
  deleteTag,
  describeTag,
  findTagBySlug,
  listTagRedirects,
  listTags,
  mergeTag,
  renameTag,
  type TagSummary,
} from '../../../domain/tags/index.js'
import type { Failure, Result } from '../../../domain/shared/index.js'
import type { FormState } from '../../../views/forms.js'
import {
  AdminTagPage,
  AdminTagsPage,
  type AdminTagPageProps,
  type TagFormValues,
} from '../../../views/pages/admin-tags-page.js'
import { formErrors, sendFailure } from '../../failure.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody } from '../../schemas/forms.js'
import { SlugParams } from '../../schemas/listing.js'
import { refuseUnless } from '../../staff-gate.js'

const TagForm = formBody(['slug', 'name', 'description', 'into'], 5000)
type TagForm = Static<typeof TagForm>

const EMPTY: TagFormValues = { slug: '', name: '', description: '', into: '' }

type TagRequest = FastifyRequest<{ Params: SlugParams; Body: TagForm }>

type Which = NonNullable<AdminTagPageProps['form']['which']>

export const adminTagRoutes: FastifyPluginAsync = async (app) => {
  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormState<TagFormValues>,
  ) =>
    sendPage(reply, status, AdminTagsPage, {
      site: siteFor(req),
      tags: await listTags(req.db, 5000),
      limits: TAG_LIMITS,
      form,
    })

  /** The tag's page: every form shows the tag as it is, except the one that came back. */
  const renderTag = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tag: TagSummary,
    status: number,
    back?: { which: Which; values: Partial<TagFormValues>; failure: Failure },
  ) =>
    sendPage(reply, status, AdminTagPage, {
      site: siteFor(req),
      tag,
      otherSlugs: (await listTags(req.db, 5000)).map((t) => t.slug).filter((s) => s !== tag.slug),
      oldSlugs: await listTagRedirects(req.db, tag.id),
      limits: TAG_LIMITS,
      form: {
        values: {
          slug: tag.slug,
          name: tag.name,
          description: tag.description,
          into: '',
          ...back?.values,
        },
        ...(back ? { ...formErrors(back.failure, req.locale), which: back.which } : { errors: {} }),
      },
    })

  app.get('/admin/tags', async (req, reply) => {
    const refused = refuseUnless(req, reply, 'admin')
    if (refused) return refused
    return renderList(req, reply, 200, { values: EMPTY, errors: {} })
  })

  app.post<{ Body: TagForm }>('/admin/tags', { schema: { body: TagForm } }, async (req, reply) => {
    const refused = refuseUnless(req, reply, 'admin')
    if (refused || !req.viewer) return refused
    const values = {
      ...EMPTY,
      slug: req.body.slug ?? '',
      name: req.body.name ?? '',
      description: req.body.description ?? '',
    }
    const result = await createTag(req.db, { ...values, actorId: req.viewer.id })
    if (!result.ok) {
      if (result.failure.code !== 'invalid') return sendFailure(req, reply, result.failure)
      return renderList(req, reply, 422, { values, ...formErrors(result.failure, req.locale) })
    }
    return reply.redirect(`/admin/tags/${encodeURIComponent(result.value.slug)}`, 303)
  })

  app.get<{ Params: SlugParams }>(
    '/admin/tags/:slug',
    { schema: { params: SlugParams } },
    async (req, reply) => {
      const refused = refuseUnless(req, reply, 'admin')
      if (refused) return refused
      const tag = await findTagBySlug(req.db, req.params.slug)
      if (!tag) return sendFailure(req, reply, { code: 'not_found', what: 'tag' })
      return renderTag(req, reply, tag, 200)
    },
  )

  /** One POST route per change; a refusal brings the tag's page back with that form refilled. */
  const change = (
    which: Which,
    run: (req: TagRequest, actorId: number) => Promise<Result<unknown>>,
    valuesOf: (body: TagForm) => Partial<TagFormValues>,
    next: (req: TagRequest, value: unknown) => string,
  ) =>
    app.post<{ Params: SlugParams; Body: TagForm }>(
      `/admin/tags/:slug/${which}`,
      { schema: { params: SlugParams, body: TagForm } },
      async (req, reply) => {
        const refused = refuseUnless(req, reply, 'admin')
        if (refused || !req.viewer) return refused
        const result = await run(req, req.viewer.id)
        if (result.ok) return reply.redirect(next(req, result.value), 303)
        const tag = await findTagBySlug(req.db, req.params.slug)
        if (!tag || result.failure.code !== 'invalid')
          return sendFailure(req, reply, result.failure)
        return renderTag(req, reply, tag, 422, {
          which,
          values: valuesOf(req.body),
          failure: result.failure,
        })
      },
    )

  const slugOf = (value: unknown) =>
    `/admin/tags/${encodeURIComponent((value as { slug: string }).slug)}`

  change(
    'rename',
    (req, actorId) =>
      renameTag(req.db, {
        slug: req.params.slug,
        newSlug: req.body.slug ?? '',
        newName: req.body.name ?? '',
        actorId,
      }),
    (body) => ({ slug: body.slug ?? '', name: body.name ?? '' }),
    (_req, value) => slugOf(value),
  )
  change(
    'describe',
    (req, actorId) =>
      describeTag(req.db, {
        slug: req.params.slug,
        description: req.body.description ?? '',
        actorId,
      }),
    (body) => ({ description: body.description ?? '' }),
    (_req, value) => slugOf(value),
  )
  change(
    'merge',
    (req, actorId) =>
      mergeTag(req.db, { slug: req.params.slug, into: req.body.into ?? '', actorId }),
    (body) => ({ into: body.into ?? '' }),
    (_req, value) => slugOf(value),
  )
  change(
    'delete',
    (req, actorId) => deleteTag(req.db, { slug: req.params.slug, actorId }),
    () => ({}),
    () => '/admin/tags',
  )
}
