/**
 * Signature pages (`/signatures/:kind/:key`: every thread that shares an OS release, error, symbol, bug report
 * or crash) and the similar-threads endpoint the ask page's island posts to while a question is typed.
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import {
  findSimilarToDraft,
  getSignaturePage,
  signatureHref,
  type SignatureKind,
} from '../../../domain/signatures/index.js'
import { renderSimilarThreadsFragment } from '../../../views/components/similar-threads.js'
import { SignaturePage } from '../../../views/pages/signature-page.js'
import { sendFailure } from '../../failure.js'
import { longTextRoute } from '../../long-text.js'
import { sendError } from '../../plugins/errors.js'
import { sendPage, siteFor } from '../../page.js'
import { formBody } from '../../schemas/forms.js'
import { msg } from '../../../domain/shared/index.js'

const SignatureParams = Type.Object({
  kind: Type.String({ maxLength: 20 }),
  key: Type.String({ maxLength: 300 }),
})
const SignatureQuery = Type.Object({ before: Type.Optional(Type.String({ maxLength: 40 })) })
/** A draft's title and body; longer bodies are cut (the head of a post says what it is about). */
const DraftForm = formBody(['title', 'body'])
type DraftForm = Static<typeof DraftForm>

/** Characters of a draft read for similar threads: enough for the question and its first log. */
const MAX_DRAFT_CHARS = 20_000

export const signatureRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Static<typeof SignatureParams>; Querystring: Static<typeof SignatureQuery> }>(
    '/signatures/:kind/:key',
    { schema: { params: SignatureParams, querystring: SignatureQuery } },
    async (req, reply) => {
      const { kind, key } = req.params
      const data = await getSignaturePage(req.db, kind, key, req.query.before ?? null)
      if (!data) {
        return sendError(
          req,
          reply,
          404,
          msg('Nothing mentions this'),
          msg('No thread mentions this signature.'),
          [{ href: '/search', label: msg('Search the forum') }],
        )
      }
      const href = signatureHref(data.kind, data.key)
      return sendPage(reply, 200, SignaturePage, {
        site: siteFor(req),
        kind: data.kind,
        signatureKey: data.key,
        label: data.label,
        detail: data.detail,
        threadCount: data.threadCount,
        threads: data.threads,
        nextHref: data.nextCursor === null ? null : `${href}?before=${data.nextCursor}`,
        searchHref: searchFor(data.kind, data.key, data.label),
        reference: data.reference,
        crash: data.crash,
      })
    },
  )

  // The ask page's island posts the draft here as it is typed (debounced); answers JSON with the HTML to show.
  app.post<{ Body: DraftForm }>(
    '/ask/similar',
    { ...longTextRoute, schema: { body: DraftForm } },
    async (req, reply) => {
      if (!req.viewer)
        return sendFailure(req, reply, { code: 'forbidden', reason: msg('Sign in to ask.') })
      const title = (req.body.title ?? '').slice(0, 300)
      const body = (req.body.body ?? '').slice(0, MAX_DRAFT_CHARS)
      const threads = await findSimilarToDraft(req.db, { title, body })
      return reply
        .header('cache-control', 'no-store')
        .send({ threads, html: renderSimilarThreadsFragment(threads) })
    },
  )
}

/** The search query that finds a signature's threads, or null for kinds search has no operator for. */
function searchFor(kind: SignatureKind, key: string, label: string): string | null {
  const operator = SEARCH_OPERATORS[kind]
  if (operator === null) return null
  return `/search?q=${encodeURIComponent(operator(key, label))}`
}

const SEARCH_OPERATORS: Readonly<
  Record<SignatureKind, ((key: string, label: string) => string) | null>
> = {
  os: (key, label) =>
    /-\d\d[A-Z]/.test(key) ? `build:${key.slice(key.indexOf('-') + 1)}` : `os:"${label}"`,
  error: (key) => `errno:${key}`,
  symbol: (key) => `sym:${key}`,
  reference: (key) => `fb:${key}`,
  crash: (key) => `crash:${key}`,
}
