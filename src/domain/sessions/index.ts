/** Server-side sessions: hashed tokens, expiry, what a person sees of theirs, ending them. */
export {
  createSession,
  findSessionViewer,
  deleteSession,
  deleteUserSessions,
  hashToken,
  SESSION_TTL_MS,
  TOUCH_EVERY_MS,
  USER_AGENT_MAX,
} from './sessions.queries.js'
export {
  listSessions,
  endSessionById,
  endOtherSessions,
  publicSessionId,
} from './sessions.actions.js'
export { describeUserAgent } from './device.js'
export type { SessionView } from './sessions.types.js'
