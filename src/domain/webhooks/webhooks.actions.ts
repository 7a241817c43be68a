/**
 * Webhooks: admins register endpoints; after each change's commit, the notify job's event becomes one
 * delivery job per endpoint that asked for it; the delivery job signs the message as Standard Webhooks
 * does (the `standardwebhooks` library: `webhook-id`, `webhook-timestamp`, `webhook-signature`, HMAC-SHA256)
 * and POSTs it, connecting only to an address url-safety.ts allowed, waiting at most 10 s, following no
 * redirect and reading at most 64 KB of the answer. Every attempt is logged; anything but a 2xx fails the
 * attempt, which the runner retries with backoff for about a day.
 */
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { Webhook } from 'standardwebhooks'
import type { Executor } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { slugify, threadPath } from '../format/index.js'
import { enqueueJob, type ClaimedJob } from '../jobs/index.js'
import type { ActivityEvent } from '../notifications/index.js'
import { findPostFacts } from '../posts/index.js'
import { fail, msg, ok, type Result } from '../shared/index.js'
import { findThreadTitle } from '../thread-lists/index.js'
import { findStanding } from '../users/index.js'
import { resolveWebhookHost, webhookUrlProblem } from './url-safety.js'
import {
  deleteEndpointRow,
  findDelivery,
  findEndpoint,
  insertDelivery,
  insertEndpoint,
  listSubscribers,
} from './webhooks.queries.js'
import {
  WEBHOOK_BODY_LIMIT,
  WEBHOOK_DELIVER_JOB,
  WEBHOOK_EVENTS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
  type DeliveryJob,
  type WebhookEvent,
} from './webhooks.types.js'

export async function createEndpoint(
  db: Executor,
  input: { url: string; events: string[]; description: string; actorId: number },
  now = Date.now(),
): Promise<Result<{ id: number; secret: string }>> {
  const url = input.url.trim()
  const problem = webhookUrlProblem(url)
  if (problem) return fail.invalid('url', problem)
  const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e))
  if (events.length === 0) return fail.invalid('events', msg('Choose at least one event to send.'))
  const description = input.description.trim()
  if (description.length > 200)
    return fail.invalid('description', msg('The description must be at most 200 characters.'))
  const secret = `whsec_${randomBytes(32).toString('base64')}`
  const id = await insertEndpoint(db, { url, secret, events, description, by: input.actorId, now })
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'webhook.add',
      targetType: 'setting',
      targetId: id,
      targetLabel: url,
      after: { events },
    },
    now,
  )
  return ok({ id, secret })
}

export async function deleteEndpoint(
  db: Executor,
  input: { id: number; actorId: number },
  now = Date.now(),
): Promise<Result<null>> {
  const endpoint = await findEndpoint(db, input.id)
  if (!endpoint || !(await deleteEndpointRow(db, input.id))) return fail.notFound('webhook')
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'webhook.remove',
      targetType: 'setting',
      targetId: input.id,
      targetLabel: endpoint.url,
    },
    now,
  )
  return ok(null)
}

/** The webhook event an activity event is; null for events no webhook carries. */
function webhookEventOf(event: ActivityEvent): WebhookEvent | null {
  switch (event.type) {
    case 'thread.created':
    case 'post.created':
    case 'post.edited':
    case 'post.deleted':
    case 'flag.created':
    case 'user.created':
      return event.type
    case 'answer.accepted':
      return 'post.accepted'
    default:
      return null
  }
}

/** The webhook event an activity event is, with its data; null for events no webhook carries. */
async function describeEvent(
  db: Executor,
  event: ActivityEvent,
  baseUrl: string,
): Promise<{ type: WebhookEvent; data: Record<string, unknown> } | null> {
  const type = webhookEventOf(event)
  if (type === null) return null
  if (event.type === 'user.created') {
    const person = await findStanding(db, event.userId)
    if (!person) return null
    const name = encodeURIComponent(person.username)
    return {
      type,
      data: {
        userId: person.id,
        username: person.username,
        url: `${baseUrl}/users/${name}`,
        api: `${baseUrl}/api/v1/users/${name}`,
      },
    }
  }
  if (!('postId' in event)) return null
  const post = await findPostFacts(db, event.postId)
  if (!post) return null
  const title = (await findThreadTitle(db, post.threadId)) ?? ''
  return {
    type,
    data: {
      postId: post.id,
      threadId: post.threadId,
      kind: post.kind,
      title,
      url: `${baseUrl}${threadPath(post.threadId, slugify(title))}#post-${post.id}`,
      api: `${baseUrl}/api/v1/threads/${post.threadId}`,
      // What a flag says (its message stays with the moderators).
      ...(event.type === 'flag.created' ? { reason: event.reason } : {}),
    },
  }
}

/**
 * One delivery job per endpoint that wants this event. `sourceKey` is the notify job's key, so a notify
 * job that runs twice enqueues nothing twice and every attempt of one message carries one `webhook-id`.
 */
export async function fanOutWebhooks(
  db: Executor,
  event: ActivityEvent,
  sourceKey: string,
  baseUrl: string,
  now = Date.now(),
): Promise<number> {
  const type = webhookEventOf(event)
  // Most forums have no endpoint: one query, and no event described for nobody.
  const endpoints = type === null ? [] : await listSubscribers(db, type)
  if (endpoints.length === 0) return 0
  const described = await describeEvent(db, event, baseUrl)
  if (!described) return 0
  const messageId = `msg_${createHash('sha256').update(sourceKey).digest('base64url').slice(0, 24)}`
  for (const endpointId of endpoints) {
    const payload: DeliveryJob = {
      endpointId,
      messageId,
      type: described.type,
      occurredAt: now,
      data: described.data,
    }
    await enqueueJob(
      db,
      {
        kind: WEBHOOK_DELIVER_JOB,
        key: `${messageId}:${endpointId}`,
        payload,
        maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      },
      now,
    )
  }
  return endpoints.length
}

/** Sends one message again, as a new job (an admin's "Redeliver"). */
export async function redeliver(
  db: Executor,
  input: { deliveryId: number; actorId: number },
  now = Date.now(),
): Promise<Result<{ endpointId: number }>> {
  const delivery = await findDelivery(db, input.deliveryId)
  if (!delivery) return fail.notFound('delivery')
  const body = JSON.parse(delivery.payload) as { timestamp: string; data: Record<string, unknown> }
  const payload: DeliveryJob = {
    endpointId: delivery.endpointId,
    messageId: delivery.messageId,
    type: delivery.eventType as WebhookEvent,
    occurredAt: Date.parse(body.timestamp),
    data: body.data,
  }
  await enqueueJob(
    db,
    {
      kind: WEBHOOK_DELIVER_JOB,
      key: `${delivery.messageId}:${delivery.endpointId}:again:${now}`,
      payload,
      maxAttempts: 1,
    },
    now,
  )
  await recordAudit(
    db,
    {
      actorId: input.actorId,
      action: 'webhook.redeliver',
      targetType: 'setting',
      targetId: delivery.endpointId,
      targetLabel: delivery.messageId,
    },
    now,
  )
  return ok({ endpointId: delivery.endpointId })
}

interface Answer {
  statusCode: number | null
  error: string | null
  excerpt: string | null
}

/** POSTs `body` to `url` through the checked address; never follows a redirect. */
async function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<Answer> {
  let resolved: { address: string; family: 4 | 6 }
  try {
    resolved = await resolveWebhookHost(url.hostname, allowPrivate)
  } catch (error) {
    return { statusCode: null, error: (error as Error).message, excerpt: null }
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: resolved.address, family: resolved.family }])
    else callback(null, resolved.address, resolved.family)
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise<Answer>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        // One bound on the whole exchange (a receiver that drips bytes cannot stretch it).
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        const done = () =>
          resolve({
            statusCode: response.statusCode ?? null,
            error: null,
            excerpt: Buffer.concat(chunks).toString('utf8').slice(0, 1000),
          })
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= WEBHOOK_BODY_LIMIT) chunks.push(chunk)
          else {
            response.destroy()
            done()
          }
        })
        response.on('end', done)
        response.on('error', done)
      },
    )
    request.on('error', (error) =>
      resolve({ statusCode: null, error: error.message, excerpt: null }),
    )
    request.end(body)
  })
}

/**
 * The delivery job: signs, sends, logs the attempt. Throws (so the runner retries) unless the endpoint
 * answered 2xx, or is gone or disabled (nothing to do).
 */
export async function deliverWebhook(
  db: Executor,
  job: ClaimedJob,
  options: { allowPrivate: boolean; now?: () => number },
): Promise<void> {
  const clock = options.now ?? Date.now
  const message = job.payload as DeliveryJob
  const endpoint = await findEndpoint(db, message.endpointId)
  // Gone, disabled, or a newer endpoint that took a deleted one's id (SQLite reuses the highest id):
  // an endpoint hears only of events that happened after it was added.
  if (!endpoint || endpoint.disabled || endpoint.createdAt > message.occurredAt) return
  const payload = JSON.stringify({
    type: message.type,
    timestamp: new Date(message.occurredAt).toISOString(),
    data: message.data,
  })
  const sentAt = new Date(clock())
  const signature = new Webhook(endpoint.secret).sign(message.messageId, sentAt, payload)
  const started = performance.now()
  const answer = await post(
    new URL(endpoint.url),
    {
      'content-type': 'application/json',
      'user-agent': 'Quorum-Webhooks/1',
      'webhook-id': message.messageId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
    payload,
    options.allowPrivate,
  )
  const ok2xx = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300
  await insertDelivery(db, {
    endpointId: endpoint.id,
    messageId: message.messageId,
    eventType: message.type,
    payload,
    attempt: job.attempt,
    statusCode: answer.statusCode,
    error: answer.error ?? (ok2xx ? null : `answered ${answer.statusCode}`),
    latencyMs: Math.round(performance.now() - started),
    responseExcerpt: answer.excerpt,
    now: clock(),
  })
  if (!ok2xx)
    throw new Error(
      `webhook ${endpoint.id}: ${answer.error ?? `answered ${answer.statusCode ?? 'nothing'}`}`,
    )
}
