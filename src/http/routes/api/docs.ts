/**
 * /api/docs: the API's reference, rendered on the server from the same OpenAPI document clients get, so
 * it works under Quorum's CSP (no script at all) and never disagrees with the API.
 */
import type { FastifyPluginAsync } from 'fastify'
import { ApiDocsPage, type ApiOperation } from '../../../views/pages/api-docs-page.js'
import { sendPage, siteFor } from '../../page.js'

interface OpenApiDocument {
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string
        description?: string
        parameters?: {
          name: string
          in: string
          required?: boolean
          description?: string
          schema?: { type?: string; enum?: string[] }
        }[]
        security?: unknown[]
        requestBody?: unknown
        responses?: Record<string, { description?: string }>
      }
    >
  >
}

/** The document's operations as the page lists them. */
function operationsOf(doc: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = []
  for (const [path, methods] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(methods))
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        needsToken: (op.security ?? []).length > 0,
        hasBody: op.requestBody !== undefined,
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required === true,
          description: p.description ?? '',
          type: p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? ''),
        })),
        statuses: Object.keys(op.responses ?? {}),
      })
  return operations
}

/** `document` gives the served OpenAPI document; it does not change after start, so it is read once. */
export const apiDocsRoutes: FastifyPluginAsync<{ document: () => unknown }> = async (
  app,
  options,
) => {
  let operations: ApiOperation[] | undefined
  app.get('/api/docs', async (req, reply) => {
    operations ??= operationsOf(options.document() as OpenApiDocument)
    return sendPage(reply, 200, ApiDocsPage, {
      site: siteFor(req),
      base: `${app.config.publicUrl}/api/v1`,
      operations,
    })
  })
}
