/**
 * GET /events: one Server-Sent Events stream per page. `?thread=ID`, `?tag=ID` or `?home=1` picks the
 * page's public channel; a signed-in person's stream also carries their own channel (the bell), so
 * private events only ever reach the person's own connection. `Last-Event-ID` (header, or `?lastEventId`
 * for a fresh EventSource) resumes; over LIVE_STREAMS_PER_IP open streams from one address is a 429.
 */
import { Type, type Static } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import { sendOnChannel } from '../../db/notify-channel.js'
import { LiveHub, type LiveChannel, type LiveHubOptions, type LiveMessage } from '../live.js'
import { translate } from '../../i18n/index.js'

/** The NOTIFY channel live events travel on between processes. */
const LIVE_CHANNEL = 'quorum_live'

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub
  }
}

const Id = Type.String({ pattern: '^[1-9][0-9]{0,8}$' })
const EventsQuery = Type.Object({
  thread: Type.Optional(Id),
  tag: Type.Optional(Id),
  home: Type.Optional(Type.Literal('1')),
  lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
})

export const livePlugin = fp<LiveHubOptions>(
  async (app, options) => {
    const hub = new LiveHub({ perIpCap: app.config.liveStreamsPerIp, ...options })
    app.decorate('live', hub)
    // Before the server closes: open streams would otherwise hold it open.
    app.addHook('preClose', async () => hub.close())
    const deliver = (message: unknown) => {
      const m = message as LiveMessage
      hub.deliver(m.channel, m.type, m.data)
    }
    // PostgreSQL: every process hears every event (NOTIFY), so a stream on any process gets it.
    const listener = app.listenOnChannel(LIVE_CHANNEL, deliver)
    const notify = listener
      ? (message: LiveMessage) => {
          sendOnChannel(app.db, LIVE_CHANNEL, message).catch((error: unknown) =>
            app.log.warn({ err: error }, 'live event not sent'),
          )
        }
      : null
    if (listener) {
      app.addHook('onClose', async () => listener.close())
      await listener.ready
    }
    hub.transport = notify
    // Redis (REDIS_URL), on either database: events go through its pub/sub, so several processes on
    // one SQLite file get them too. While Redis is down they go by NOTIFY (PostgreSQL) or stay here.
    const redis = app.redis
    if (redis) {
      redis.subscribe(LIVE_CHANNEL, deliver)
      const fallback = (message: LiveMessage) => {
        if (notify) notify(message)
        else hub.deliver(message.channel, message.type, message.data)
      }
      hub.transport = (message) => {
        if (!redis.isUp) fallback(message)
        else redis.publish(LIVE_CHANNEL, message).catch(() => fallback(message))
      }
    }

    app.get<{ Querystring: Static<typeof EventsQuery> }>(
      '/events',
      { schema: { querystring: EventsQuery }, config: { pageCache: false } },
      async (req, reply) => {
        const channels: LiveChannel[] = []
        if (req.query.thread !== undefined) channels.push(`thread:${Number(req.query.thread)}`)
        else if (req.query.tag !== undefined) channels.push(`tag:${Number(req.query.tag)}`)
        else if (req.query.home !== undefined) channels.push('home')
        if (req.viewer) channels.push(`user:${req.viewer.id}`)
        if (channels.length === 0)
          return reply.code(400).send({
            error: {
              code: 'invalid',
              message: translate(req.locale, 'Name a thread, tag or home.'),
            },
          })
        if (!hub.admits(req.ip))
          return reply
            .code(429)
            .header('retry-after', '30')
            .send({
              error: {
                code: 'rate_limited',
                message: translate(req.locale, 'Too many open live streams.'),
              },
            })
        const header = req.headers['last-event-id']
        const resume =
          typeof header === 'string' && /^\d{1,20}$/.test(header) ? header : req.query.lastEventId
        reply.hijack()
        const res = reply.raw
        // Routed before the server began to stop, here after the hub closed: the stream is ended at
        // once (attach), like those close() ended, and its connection with it, or the stopping server
        // would wait for an idle kept-alive connection.
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          'x-accel-buffering': 'no',
          connection: hub.isClosed ? 'close' : 'keep-alive',
        })
        res.write('retry: 3000\n\n')
        const detach = hub.attach(
          res,
          req.ip,
          channels,
          resume === undefined ? undefined : Number(resume),
        )
        req.raw.on('close', detach)
        res.on('error', detach)
      },
    )
  },
  { name: 'live', dependencies: ['db', 'viewer', 'session', 'redis'] },
)
