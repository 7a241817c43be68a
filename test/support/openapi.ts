/**
 * Checks API answers against the OpenAPI document the app serves: the document itself validates as
 * OpenAPI 3.1 (@seriousme/openapi-schema-validator), and every answer a test receives must match the
 * schema its operation declares for that status and content type (Ajv, JSON Schema 2020-12). A route
 * that answers something its schema does not describe fails the test that called it.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
interface Document {
  paths: Record<string, Record<string, Operation>>
}

export interface ApiConformance {
  document: Document
  /** Asserts the answer matches its operation's declared schema; returns the parsed body. */
  check(method: string, url: string, res: LightMyRequestResponse): unknown
}

export async function loadApiDocument(app: FastifyInstance): Promise<ApiConformance> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
  expect(res.statusCode).toBe(200)
  const document = res.json<Document>()
  const verdict = await new Validator().validate(
    structuredClone(document) as unknown as Parameters<Validator['validate']>[0],
  )
  expect(verdict.errors ?? []).toEqual([])
  expect(verdict.valid).toBe(true)
  const ajv = new Ajv2020.default({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const templates = Object.keys(document.paths).map((path) => ({
    path,
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))
  return {
    document,
    check(method, url, res) {
      const path = new URL(url, 'http://x').pathname.replace(/^\/api\/v1/, '') || '/'
      const template = templates.find((t) => t.pattern.test(path))
      if (!template) throw new Error(`no operation in the document for ${path}`)
      const operation = document.paths[template.path]?.[method.toLowerCase()]
      if (!operation) throw new Error(`no ${method} operation for ${template.path}`)
      if (res.statusCode === 304) return undefined
      const declared = operation.responses[String(res.statusCode)]
      if (!declared)
        throw new Error(
          `${method} ${template.path} answered ${res.statusCode}, which it does not declare`,
        )
      const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? ''
      const schema = declared.content?.[type]?.schema
      if (schema === undefined)
        throw new Error(`${method} ${template.path} ${res.statusCode} declares no ${type} body`)
      const body: unknown = res.json()
      const validate = ajv.compile(schema as object)
      if (!validate(body))
        throw new Error(
          `${method} ${url} ${res.statusCode} breaks its schema: ${ajv.errorsText(validate.errors)}`,
        )
      return body
    },
  }
}
