/**
 * Webhooks: endpoints admins register, one signed delivery job per event and endpoint after each
 * change's commit (Standard Webhooks), SSRF-safe sending, the delivery log and "redeliver". Above
 * notifications (whose events it carries) and posts. docs/api.md, "Webhooks".
 */
export {
  createEndpoint,
  deleteEndpoint,
  deliverWebhook,
  fanOutWebhooks,
  redeliver,
} from './webhooks.actions.js'
export { findEndpoint, listDeliveries, listEndpoints } from './webhooks.queries.js'
export { isPublicAddress, webhookUrlProblem } from './url-safety.js'
export * from './webhooks.types.js'
