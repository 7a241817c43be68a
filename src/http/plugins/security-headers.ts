/**
 * Security headers on every response (SECURITY.md rows 24–25). The CSP allows scripts and styles only
 * from our own origin: there is no inline script or style attribute anywhere, so no nonce is needed,
 * and HTML stays cacheable byte for byte.
 */
import fp from 'fastify-plugin'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

export const securityHeadersPlugin = fp<{ https: boolean }>(
  async (app, { https }) => {
    app.addHook('onSend', async (req, reply, payload) => {
      if (!reply.hasHeader('content-security-policy'))
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
      reply.header('x-content-type-options', 'nosniff')
      reply.header('referrer-policy', 'strict-origin-when-cross-origin')
      reply.header('cross-origin-opener-policy', 'same-origin')
      reply.header('x-frame-options', 'DENY')
      reply.header(
        'permissions-policy',
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
      )
      if (https || req.protocol === 'https')
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
      return payload
    })
    // TRACE echoes requests back; it has no use on a forum.
    app.route({
      method: 'TRACE',
      url: '/*',
      handler: async (_req, reply) => reply.code(405).header('allow', 'GET, HEAD, POST').send(),
    })
  },
  { name: 'security-headers' },
)
