/** The SQL of webhook endpoints and their delivery log. */
import type { Executor } from '../../db/schema.js'
import type { DeliveryView, EndpointView, WebhookEvent } from './webhooks.types.js'

const eventsOf = (text: string) => text.split(' ').filter(Boolean) as WebhookEvent[]

export async function insertEndpoint(
  db: Executor,
  row: {
    url: string
    secret: string
    events: WebhookEvent[]
    description: string
    by: number
    now: number
  },
): Promise<number> {
  const inserted = await db
    .insertInto('webhook_endpoints')
    .values({
      url: row.url,
      secret: row.secret,
      events: row.events.join(' '),
      description: row.description,
      created_by: row.by,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function listEndpoints(db: Executor): Promise<EndpointView[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select([
      'id',
      'url',
      'events',
      'description',
      'created_at as createdAt',
      'disabled_at as disabledAt',
    ])
    .orderBy('id')
    .execute()
  return rows.map(({ disabledAt, ...r }) => ({
    ...r,
    events: eventsOf(r.events),
    disabled: disabledAt !== null,
  }))
}

export async function findEndpoint(db: Executor, id: number) {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select([
      'id',
      'url',
      'secret',
      'events',
      'description',
      'created_at as createdAt',
      'disabled_at as disabledAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  return row
    ? { ...row, events: eventsOf(row.events), disabled: row.disabledAt !== null }
    : undefined
}

export async function deleteEndpointRow(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Live endpoints that asked for `event`. */
export async function listSubscribers(db: Executor, event: WebhookEvent): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('disabled_at', 'is', null)
    .execute()
  return rows.filter((r) => eventsOf(r.events).includes(event)).map((r) => r.id)
}

export async function insertDelivery(
  db: Executor,
  row: {
    endpointId: number
    messageId: string
    eventType: string
    payload: string
    attempt: number
    statusCode: number | null
    error: string | null
    latencyMs: number
    responseExcerpt: string | null
    now: number
  },
): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: row.endpointId,
      message_id: row.messageId,
      event_type: row.eventType,
      payload: row.payload,
      attempt: row.attempt,
      status_code: row.statusCode,
      error: row.error,
      latency_ms: row.latencyMs,
      response_excerpt: row.responseExcerpt,
      created_at: row.now,
    })
    .execute()
}

export async function listDeliveries(
  db: Executor,
  endpointId: number,
  limit = 50,
): Promise<DeliveryView[]> {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'message_id as messageId',
      'event_type as eventType',
      'attempt',
      'status_code as statusCode',
      'error',
      'latency_ms as latencyMs',
      'response_excerpt as responseExcerpt',
      'created_at as createdAt',
    ])
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function findDelivery(db: Executor, id: number) {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'endpoint_id as endpointId',
      'message_id as messageId',
      'event_type as eventType',
      'payload',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
}
