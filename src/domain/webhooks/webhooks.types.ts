/** The events an endpoint can ask for (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENTS = [
  'thread.created',
  'post.created',
  'post.edited',
  'post.accepted',
  'post.deleted',
  'flag.created',
  'user.created',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** A delivery job's payload: one message to one endpoint. */
export interface DeliveryJob {
  endpointId: number
  messageId: string
  type: WebhookEvent
  /** When the event happened, epoch ms (the `webhook-timestamp` header is the attempt's own time). */
  occurredAt: number
  data: Record<string, unknown>
}

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver'
/** With the runner's backoff (30 s doubling, capped at 1 h), 30 attempts span about a day. */
export const WEBHOOK_MAX_ATTEMPTS = 30
export const WEBHOOK_TIMEOUT_MS = 10_000
/** The most of an answer's body read (the rest is not waited for). */
export const WEBHOOK_BODY_LIMIT = 64 * 1024
export const WEBHOOK_URL_MAX = 2000

export interface EndpointView {
  id: number
  url: string
  events: WebhookEvent[]
  description: string
  createdAt: number
  disabled: boolean
}

export interface DeliveryView {
  id: number
  messageId: string
  eventType: string
  attempt: number
  statusCode: number | null
  error: string | null
  latencyMs: number
  responseExcerpt: string | null
  createdAt: number
}
